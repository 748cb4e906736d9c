/**
 * A request handler that counts every request at the wire (service and action, read from
 * the signed request itself) and passes it on to a real HTTP handler, so call counts
 * measure what autoscalectl sends, not what it thinks it sends. It can also answer one
 * chosen request with an AWS error instead, to interrupt an apply midway.
 */
import { Agent } from 'node:http';
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';

/** One request as sent. */
export interface Call {
  /** The signing name: `autoscaling`, `monitoring`, `elasticloadbalancing`. */
  service: string;
  /** The region the request was signed for. */
  region: string;
  /** The API action, e.g. `DescribeAutoScalingGroups`. */
  action: string;
  /** The request body as text. */
  body: string;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

function describe(request: HttpRequest): Call {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  const body = bodyText(request.body);
  const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(headers.authorization ?? '');
  const region = scope?.[1] ?? 'unknown';
  const service = scope?.[2] ?? 'unknown';
  const target = headers['x-amz-target'];
  const action = target !== undefined
    ? target.slice(target.lastIndexOf('.') + 1)
    : /\/operation\/([A-Za-z]+)/.exec(request.path)?.[1] ?? new URLSearchParams(body).get('Action') ?? 'unknown';
  return { service, region, action, body };
}

/** Whether an action changes something (everything but Describe*, List*, Get*). */
export function isMutating(action: string): boolean {
  return !/^(Describe|List|Get)/.test(action);
}

/** Counts requests and forwards them to a real HTTP handler. */
export class CallCounter {
  readonly calls: Call[] = [];
  /** When set, the first request it matches is answered with a ValidationError (and not sent); then it is cleared. */
  failWhen: ((call: Call) => boolean) | undefined;
  // No keep-alive: a socket the server closed while idle would fail the next request at
  // random, and the counted connections run with a single attempt.
  readonly #inner = new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) });

  /** Pass as `requestHandler`. */
  readonly handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    handle: async (request: HttpRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: HttpResponse }> => {
      const call = describe(request);
      this.calls.push(call);
      if (this.failWhen?.(call) === true) {
        this.failWhen = undefined;
        return {
          response: new HttpResponse({
            statusCode: 400,
            headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'injected' },
            body: Readable.from([Buffer.from('<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>injected failure</Message></Error><RequestId>injected</RequestId></ErrorResponse>')]),
          }),
        };
      }
      return this.#inner.handle(request, options);
    },
    updateHttpClientConfig: (): void => undefined,
    httpHandlerConfigs: (): Record<string, never> => ({}),
    destroy: (): void => this.#inner.destroy(),
  };

  /** Actions sent, in order. */
  get actions(): string[] {
    return this.calls.map((c) => c.action);
  }

  /** Mutating actions sent, in order. */
  get mutating(): string[] {
    return this.actions.filter(isMutating);
  }

  /** Forgets what was counted. */
  reset(): void {
    this.calls.length = 0;
  }
}

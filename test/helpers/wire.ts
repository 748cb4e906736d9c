/**
 * A request handler for the real AWS SDK v3 clients that records what they serialise
 * and answers with canned AWS response documents: tests assert the wire, not mocks.
 */
import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Form parameters of a query-protocol request (Action, Version, ...). */
  params: Record<string, string>;
  /** Parsed body of a JSON-protocol request. */
  json: unknown;
}

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export const NS = {
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  elb: 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/',
  monitoring: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
} as const;

export class WireMock {
  readonly requests: RecordedRequest[] = [];
  readonly #replies: Reply[] = [];

  /** Pass as `requestHandler` in the connection options. */
  readonly handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    handle: async (request: HttpRequest): Promise<{ response: HttpResponse }> => {
      const body = typeof request.body === 'string' ? request.body : request.body === undefined ? '' : Buffer.from(request.body as Uint8Array).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
      const isJson = (headers['content-type'] ?? '').includes('json');
      this.requests.push({
        method: request.method,
        path: request.path,
        headers,
        body,
        params: isJson ? {} : Object.fromEntries(new URLSearchParams(body)),
        json: isJson && body ? JSON.parse(body) : undefined,
      });
      const reply = this.#replies.shift();
      if (reply === undefined) throw new Error(`WireMock: no reply queued for request ${body.slice(0, 200)}`);
      return {
        response: new HttpResponse({
          statusCode: reply.status,
          headers: { 'x-amzn-requestid': 'req-0001', ...reply.headers },
          body: Readable.from([Buffer.from(reply.body, 'utf8')]),
        }),
      };
    },
    updateHttpClientConfig: (): void => undefined,
    httpHandlerConfigs: (): Record<string, never> => ({}),
    destroy: (): void => undefined,
  };

  /** Queues a raw answer. */
  reply(body: string, status = 200, headers: Record<string, string> = { 'content-type': 'text/xml' }): this {
    this.#replies.push({ status, body, headers });
    return this;
  }

  /** Queues a query-protocol answer: `<ActionResponse><ActionResult>inner</ActionResult>...`. */
  replyQuery(ns: string, action: string, resultXml: string | null): this {
    const result = resultXml === null ? '' : `<${action}Result>${resultXml}</${action}Result>`;
    return this.reply(
      `<${action}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>req-0001</RequestId></ResponseMetadata></${action}Response>`,
    );
  }

  /** Queues a query-protocol error document. */
  replyQueryError(status: number, code: string, message: string, type = 'Sender'): this {
    return this.reply(
      `<ErrorResponse><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-err-1</RequestId></ErrorResponse>`,
      status,
      { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-err-1' },
    );
  }

  /** Queues an AWS JSON 1.0 answer. */
  replyJson(body: unknown, status = 200, headers: Record<string, string> = {}): this {
    return this.reply(JSON.stringify(body), status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
  }

  /** The last request sent. */
  get last(): RecordedRequest {
    const r = this.requests[this.requests.length - 1];
    if (r === undefined) throw new Error('WireMock: nothing was sent');
    return r;
  }

  /** Query params of the last request without the Action/Version pair. */
  get lastParams(): Record<string, string> {
    const { Action: _a, Version: _v, ...rest } = this.last.params;
    return rest;
  }

  /** How many answers are still queued (a test that leaves one over asserted too little). */
  get pending(): number {
    return this.#replies.length;
  }
}

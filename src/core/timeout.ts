/**
 * Every call's timeout, as boto2 had one (`http_socket_timeout`, 70 s): a request handler
 * that wraps the SDK's (or the one given) and aborts each attempt not answered within
 * `requestTimeout` milliseconds. The SDK's Node handler only logs a warning when its own
 * `requestTimeout` passes (unless told `throwOnRequestTimeout`), so a server that accepts
 * the connection and never answers kept a call pending for ever.
 *
 * The SDK calls a request handler once per attempt, so the timeout is per attempt; a
 * timed-out attempt fails with a `TimeoutError`, which the SDK's retry strategy retries
 * like any transient error, and the last one becomes a `BotoServerError` `RequestTimeout`.
 *
 * @module
 */
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { BotoClientError, BotoServerError } from './errors';

/** boto2's default `http_socket_timeout`: 70 seconds (boto/connection.py), in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 70_000;

type Handler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

/** What the request handler option of a connection may be: a handler, or options for the SDK's Node handler. */
export type HandlerInput = Handler | Record<string, unknown> | undefined;

/** An attempt that got no answer in time; retried by the SDK as transient (its name is `TimeoutError`). */
export class AttemptTimeoutError extends Error {
  /** The timeout it waited, in ms. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms (requestTimeout)`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** Throws a BotoClientError unless `value` is a positive, finite number of milliseconds. */
export function checkRequestTimeout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new BotoClientError(`requestTimeout must be a positive number of milliseconds, got ${typeof value === 'string' ? `'${value}'` : String(value)}`);
  }
  return value;
}

/** The boto config's `[Boto] http_socket_timeout` (seconds) in milliseconds, if set. */
export function botoSocketTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new BotoClientError(`the boto config's [Boto] http_socket_timeout must be a positive number of seconds, got '${text}'`);
  }
  return seconds * 1000;
}

/**
 * The abort signal of one attempt given to the SDK's Node handler that botoscale made
 * itself. Hand-written for speed: a DOM `AbortController` per attempt, plus the
 * EventTarget listener the Node handler then adds and removes, was the largest part of
 * botoscale's overhead over the raw SDK client (which passes no signal) in `npm run bench`:
 * in a CPU profile of 4,000 `describeAlarms()` calls (node 20) the timeout wrapper and the
 * Node handler took 8.1% of busy time with it, 6.3% with this (about 0.03 ms a call).
 * The Node handler also takes the SDK's plain signal shape (`aborted`, `reason`, `onabort`).
 * A handler given by the user still gets a real `AbortSignal`.
 */
class AttemptSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: ((this: AttemptSignal) => void) | null = null;

  /** As `AbortController.abort`: marks the signal (a reason defaulting to an `AbortError`) and calls `onabort` once. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    this.onabort?.call(this);
  }
}

function isHandler(input: HandlerInput): input is Handler {
  return typeof (input as { handle?: unknown } | undefined)?.handle === 'function';
}

/**
 * A request handler that gives each attempt `requestTimeout` ms (the call's, else the
 * connection's) and passes that same value to the handler it wraps, so the wrapped
 * handler's own setting never decides first.
 */
export class TimeoutHandler implements Handler {
  readonly #input: HandlerInput;
  readonly #timeoutMs: number;
  #inner: Handler | undefined;
  /** True when {@link #inner} is the SDK's Node handler made here, which takes an {@link AttemptSignal}. */
  #ownInner = false;

  constructor(input: HandlerInput, timeoutMs: number) {
    this.#input = input;
    this.#timeoutMs = timeoutMs;
    if (isHandler(input)) this.#inner = input;
  }

  /** What the SDK reads of a handler: its protocol. */
  get metadata(): { handlerProtocol: string } {
    const own = (this.#inner as { metadata?: { handlerProtocol?: string } } | undefined)?.metadata;
    return { handlerProtocol: own?.handlerProtocol ?? 'http/1.1' };
  }

  async #handler(): Promise<Handler> {
    // Loaded on first use, as the SDK clients are, so importing botoscale stays cheap.
    if (this.#inner === undefined) {
      const { NodeHttpHandler } = await import('@smithy/node-http-handler');
      // Its handle() is typed for @smithy/core's HttpRequest class, which the SDK passes.
      this.#inner = new NodeHttpHandler(this.#input as Record<string, unknown>) as unknown as Handler;
      this.#ownInner = true;
    }
    return this.#inner;
  }

  /** Sends one attempt, aborted after the timeout (or when the call's signal aborts). */
  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const inner = await this.#handler();
    const timeoutMs = options.requestTimeout ?? this.#timeoutMs;
    const attempt = this.#ownInner ? new AttemptSignal() : new AbortController();
    const signal = attempt instanceof AttemptSignal ? attempt : attempt.signal;
    const caller = options.abortSignal as AbortSignal | undefined;
    const onAbort = (): void => attempt.abort(caller?.reason);
    if (caller?.aborted === true) onAbort();
    else caller?.addEventListener?.('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort(new AttemptTimeoutError(timeoutMs));
    }, timeoutMs);
    try {
      return await inner.handle(request, { ...options, abortSignal: signal as AbortSignal, requestTimeout: timeoutMs });
    } catch (err) {
      throw timedOut ? new AttemptTimeoutError(timeoutMs) : err;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener?.('abort', onAbort);
    }
  }

  /** Passes a setting on to the wrapped handler. */
  updateHttpClientConfig(key: never, value: never): void {
    (this.#inner as { updateHttpClientConfig?: (k: never, v: never) => void } | undefined)?.updateHttpClientConfig?.(key, value);
  }

  /** The wrapped handler's settings. */
  httpHandlerConfigs(): Record<string, unknown> {
    return (this.#inner as { httpHandlerConfigs?: () => Record<string, unknown> } | undefined)?.httpHandlerConfigs?.() ?? {};
  }

  /** Releases the wrapped handler's sockets. */
  destroy(): void {
    this.#inner?.destroy?.();
  }
}

/** The timeout that ended a call, as a BotoServerError (`RequestTimeout`), or undefined for other errors. */
export function timeoutError(err: unknown, endpoint: string): BotoServerError | undefined {
  if (!(err instanceof AttemptTimeoutError)) return undefined;
  const attempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
  return new BotoServerError({
    status: 408,
    reason: 'Request Timeout',
    errorCode: 'RequestTimeout',
    message: `no answer from ${endpoint} within ${err.timeoutMs} ms (requestTimeout), on each of ${attempts} attempt${attempts === 1 ? '' : 's'}`,
    cause: err,
  });
}

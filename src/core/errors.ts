/**
 * Errors raised by botoscale, named after boto2's `boto.exception` classes.
 *
 * `BotoClientError` means the request was never sent: botoscale found a problem with
 * the input (or with the local set-up, such as a missing connection). `BotoServerError`
 * means AWS (or an AWS-compatible endpoint) answered with an error.
 *
 * @module
 */

const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** A problem detected on this side before any request was sent. */
export class BotoClientError extends Error {
  /** boto2's name for the message. */
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'BotoClientError';
    this.reason = reason;
  }
}

/** Raised by `waitFor…` helpers when the awaited state is not reached in time. */
export class WaitTimeoutError extends BotoClientError {
  constructor(reason: string) {
    super(reason);
    this.name = 'WaitTimeoutError';
  }
}

/** The fields a {@link BotoServerError} is built from. */
export interface BotoServerErrorInit {
  /** HTTP status of the answer. */
  status: number;
  /** HTTP reason phrase. */
  reason: string;
  /** AWS error code. */
  errorCode: string;
  /** AWS's error message. */
  message: string;
  /** AWS request id, when known. */
  requestId?: string;
  /** The SDK error, kept as the error's `cause`. */
  cause?: unknown;
}

/**
 * An error answer from the service: status, AWS error code and request id. In the REPL
 * and `console.log` it prints compactly (status, reason, code, message, request id and the
 * stack); the SDK error it came from is its `cause`, printed only on request:
 * `err.cause`, or `util.inspect(err, { showCause: true })`.
 */
export class BotoServerError extends Error {
  /** HTTP status of the answer (400, 403, 500, ...). */
  readonly status: number;
  /** HTTP reason phrase (`Bad Request`, ...), as boto2 keeps it. */
  readonly reason: string;
  /** AWS error code (`ValidationError`, `AlreadyExists`, `Throttling`, ...). */
  readonly errorCode: string;
  /** AWS request id, when the answer carried one. */
  readonly requestId: string | undefined;

  constructor(init: BotoServerErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BotoServerError';
    this.status = init.status;
    this.reason = init.reason;
    this.errorCode = init.errorCode;
    this.requestId = init.requestId;
    // The SDK error carries the raw response; keep it out of enumerable output.
    if (init.cause !== undefined) Object.defineProperty(this, 'cause', { enumerable: false });
  }

  override toString(): string {
    return `BotoServerError: ${this.status} ${this.reason} ${this.errorCode}: ${this.message}`;
  }

  /**
   * Prints `toString()`, the request id and the stack frames; the SDK error behind it only
   * with `util.inspect(err, { showCause: true })`.
   */
  [inspectCustom](_depth: number, options: { showCause?: unknown }, inspect: (value: unknown, options: object) => string): string {
    const frames = (this.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    const lines = [`${this.toString()}`, `  requestId: ${this.requestId === undefined ? 'none' : this.requestId}`, ...frames];
    if (options.showCause === true && this.cause !== undefined) lines.push(`  [cause]: ${inspect(this.cause, options)}`);
    return lines.join('\n');
  }
}

const REASONS: Record<number, string> = {
  200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The HTTP reason phrase for a status code, as servers send it. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Unknown';
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; reason?: string };
}

/**
 * Turns whatever the SDK threw into a botoscale error. Service answers become
 * {@link BotoServerError}; errors raised before sending (missing credentials, an
 * aborted call) become {@link BotoClientError}. Never swallows: the original is the `cause`.
 */
export function fromSdkError(err: unknown): Error {
  if (err instanceof BotoClientError || err instanceof BotoServerError) return err;
  const e = (err ?? {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (typeof status === 'number' && (e.$fault !== undefined || status >= 300)) {
    return new BotoServerError({
      status,
      reason: e.$response?.reason ?? reasonPhrase(status),
      errorCode: typeof e.Code === 'string' ? e.Code : name,
      message,
      requestId: e.$metadata?.requestId,
      cause: err,
    });
  }
  if (typeof status === 'number') {
    // An answer came (2xx) but the SDK could not read it: a server-side (or proxy) problem.
    return new BotoServerError({
      status,
      reason: e.$response?.reason ?? reasonPhrase(status),
      errorCode: 'MalformedResponse',
      message: `the answer could not be read: ${message}`,
      requestId: e.$metadata?.requestId,
      cause: err,
    });
  }
  if (name === 'AbortError') return new BotoClientError(`request aborted: ${message}`, { cause: err });
  if (name === 'CredentialsProviderError') {
    return new BotoClientError(`no AWS credentials found: ${message}`, { cause: err });
  }
  return new BotoClientError(`request failed before an answer: ${name}: ${message}`, { cause: err });
}

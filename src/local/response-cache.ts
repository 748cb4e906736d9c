/**
 * Answers of read-only calls (Describe…, List…, Get…), kept for as long as nothing in the
 * cloud can have changed: the same request at the same simulated time against the same
 * revision of the cloud gets the same answer, so it is replayed (with its own request id)
 * instead of being decoded, computed and serialised again. Tools that poll
 * (`waitForCapacity`, dashboards, autoscalectl's reads) ask the same question many times
 * between two changes; a 50-group DescribeAutoScalingGroups page is 128 KB of XML whose
 * serialisation is most of the server's cost.
 *
 * Validity is all-or-nothing: the moment the cloud's revision or the clock moves, every
 * kept answer is dropped.
 *
 * @module
 */

/** An answer as it went out, cut around its request id so that each replay carries a new one. */
interface KeptAnswer {
  status: number;
  headers: Record<string, string>;
  /** Header names whose value is the request id. */
  idHeaders: string[];
  /** The body before the request id, and after it (just `before` when the body holds none). */
  before: Buffer;
  after: Buffer | undefined;
}

/** An answer ready to send. */
export interface ReplayedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer[];
}

/** Limits of a {@link ResponseCache}. */
export interface ResponseCacheLimits {
  /** Most answers kept; the oldest goes first. Default 4,096. */
  maxEntries?: number;
  /** Most bytes of answer bodies kept. Default 32 MiB. */
  maxBytes?: number;
  /** Longest request key kept (a read's parameters are small; a large one is not worth keeping). Default 8 KiB. */
  maxKeyLength?: number;
}

/** The kept answers of one server. */
export class ResponseCache {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #maxKeyLength: number;
  readonly #entries = new Map<string, KeptAnswer>();
  #bytes = 0;
  #epoch = '';

  constructor(limits: ResponseCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 4096;
    this.#maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
    this.#maxKeyLength = limits.maxKeyLength ?? 8 * 1024;
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops everything kept unless `epoch` (the cloud's revision and simulated time) is the one they were made at. */
  #at(epoch: string): void {
    if (epoch === this.#epoch) return;
    this.#entries.clear();
    this.#bytes = 0;
    this.#epoch = epoch;
  }

  /** The kept answer to `key` at `epoch`, carrying `requestId`. */
  replay(epoch: string, key: string, requestId: string): ReplayedAnswer | undefined {
    this.#at(epoch);
    const kept = this.#entries.get(key);
    if (kept === undefined) return undefined;
    const headers = { ...kept.headers };
    for (const name of kept.idHeaders) headers[name] = requestId;
    const body = kept.after === undefined ? [kept.before] : [kept.before, Buffer.from(requestId, 'latin1'), kept.after];
    return { status: kept.status, headers, body };
  }

  /**
   * Keeps the answer to `key`, made at `epoch` for the request `requestId`, and returns
   * its body as the buffers to send; undefined when it is not kept.
   */
  keep(epoch: string, key: string, requestId: string, answer: { status: number; headers: Record<string, string>; body: string }): Buffer[] | undefined {
    this.#at(epoch);
    if (key.length > this.#maxKeyLength || this.#entries.has(key)) return undefined;
    const at = answer.body.indexOf(requestId);
    // A body naming the id twice would need more cuts; such answers are not kept.
    if (at >= 0 && answer.body.indexOf(requestId, at + 1) >= 0) return undefined;
    const before = Buffer.from(at < 0 ? answer.body : answer.body.slice(0, at), 'utf8');
    const after = at < 0 ? undefined : Buffer.from(answer.body.slice(at + requestId.length), 'utf8');
    const size = before.length + (after?.length ?? 0);
    if (size > this.#maxBytes) return undefined;
    while (this.#entries.size >= this.#maxEntries || this.#bytes + size > this.#maxBytes) this.#evictOldest();
    const idHeaders = Object.keys(answer.headers).filter((name) => answer.headers[name] === requestId);
    this.#entries.set(key, { status: answer.status, headers: answer.headers, idHeaders, before, after });
    this.#bytes += size;
    return after === undefined ? [before] : [before, Buffer.from(requestId, 'latin1'), after];
  }

  #evictOldest(): void {
    const oldest = this.#entries.keys().next();
    if (oldest.done === true) return;
    const kept = this.#entries.get(oldest.value) as KeptAnswer;
    this.#bytes -= kept.before.length + (kept.after?.length ?? 0);
    this.#entries.delete(oldest.value);
  }
}

/**
 * Answers of read-only calls (Describe…, List…, Get…), kept for as long as nothing in the
 * cloud can have changed: the same request at the same simulated time against the same
 * revision of the cloud gets the same answer, so it is replayed (with its own request id)
 * instead of being decoded, computed and serialised again. Tools that poll
 * (`waitForCapacity`, dashboards, autoscalectl's reads) ask the same question many times
 * between two changes; a 50-group DescribeAutoScalingGroups page is 128 KB of XML whose
 * serialisation is most of the server's cost.
 *
 * Answers are kept per region, each region's against its own cloud: a region's answer is
 * never replayed to a request signed for another. Validity is all-or-nothing within a
 * region: the moment its cloud's revision or the clock moves, every answer kept for it is
 * dropped.
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

/** The answers kept for one region, valid at one epoch. */
interface RegionAnswers {
  epoch: string;
  entries: Map<string, KeptAnswer>;
}

/** The kept answers of one server, by region. */
export class ResponseCache {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #maxKeyLength: number;
  readonly #regions = new Map<string, RegionAnswers>();
  #size = 0;
  #bytes = 0;

  constructor(limits: ResponseCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 4096;
    this.#maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
    this.#maxKeyLength = limits.maxKeyLength ?? 8 * 1024;
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.#size;
  }

  /**
   * The answers kept for `region`, after dropping them unless `epoch` (its cloud's
   * revision and the simulated time) is the one they were made at.
   */
  #at(region: string, epoch: string): Map<string, KeptAnswer> {
    let answers = this.#regions.get(region);
    if (answers === undefined) {
      answers = { epoch, entries: new Map() };
      this.#regions.set(region, answers);
    } else if (answers.epoch !== epoch) {
      for (const kept of answers.entries.values()) this.#bytes -= sizeOf(kept);
      this.#size -= answers.entries.size;
      answers.entries.clear();
      answers.epoch = epoch;
    }
    return answers.entries;
  }

  /** The answer kept for `key` in `region` at `epoch`, carrying `requestId`. */
  replay(region: string, epoch: string, key: string, requestId: string): ReplayedAnswer | undefined {
    const kept = this.#at(region, epoch).get(key);
    if (kept === undefined) return undefined;
    const headers = { ...kept.headers };
    for (const name of kept.idHeaders) headers[name] = requestId;
    const body = kept.after === undefined ? [kept.before] : [kept.before, Buffer.from(requestId, 'latin1'), kept.after];
    return { status: kept.status, headers, body };
  }

  /**
   * Keeps the answer to `key` in `region`, made at `epoch` for the request `requestId`,
   * and returns its body as the buffers to send; undefined when it is not kept.
   */
  keep(region: string, epoch: string, key: string, requestId: string, answer: { status: number; headers: Record<string, string>; body: string }): Buffer[] | undefined {
    const entries = this.#at(region, epoch);
    if (key.length > this.#maxKeyLength || entries.has(key)) return undefined;
    const at = answer.body.indexOf(requestId);
    // A body naming the id twice would need more cuts; such answers are not kept.
    if (at >= 0 && answer.body.indexOf(requestId, at + 1) >= 0) return undefined;
    const before = Buffer.from(at < 0 ? answer.body : answer.body.slice(0, at), 'utf8');
    const after = at < 0 ? undefined : Buffer.from(answer.body.slice(at + requestId.length), 'utf8');
    const size = before.length + (after?.length ?? 0);
    if (size > this.#maxBytes) return undefined;
    while (this.#size > 0 && (this.#size >= this.#maxEntries || this.#bytes + size > this.#maxBytes)) this.#evictOldest(entries);
    const idHeaders = Object.keys(answer.headers).filter((name) => answer.headers[name] === requestId);
    entries.set(key, { status: answer.status, headers: answer.headers, idHeaders, before, after });
    this.#size += 1;
    this.#bytes += size;
    return after === undefined ? [before] : [before, Buffer.from(requestId, 'latin1'), after];
  }

  /** Drops the oldest answer of `first`, or, when it holds none, of the region holding the most. */
  #evictOldest(first: Map<string, KeptAnswer>): void {
    let from = first;
    if (from.size === 0) {
      for (const answers of this.#regions.values()) if (answers.entries.size > from.size) from = answers.entries;
    }
    const oldest = from.keys().next();
    if (oldest.done === true) return;
    this.#bytes -= sizeOf(from.get(oldest.value) as KeptAnswer);
    this.#size -= 1;
    from.delete(oldest.value);
  }
}

function sizeOf(kept: KeptAnswer): number {
  return kept.before.length + (kept.after?.length ?? 0);
}

/**
 * `--state FILE`: the cloud kept on disk as a snapshot (`FILE`) and a journal of the
 * changes made since (`FILE.journal`), under an exclusive lock (`FILE.lock`).
 *
 * - Every change (a request that may change state, a move of the clock, a load, an
 *   instance's health) is appended to the journal as what caused it, with the ids it
 *   made ({@link Change}); the changes that arrive while one batch is being flushed go
 *   to disk together in the next (group commit), so a change costs one small append,
 *   not a rewrite of the whole state.
 * - No answer leaves before every change it may reflect is on disk ({@link StateStore.settle}).
 *   When a batch cannot be written, the cloud is rebuilt from what is on disk (snapshot
 *   plus the journal's durable part), so the failed changes, and every change made on
 *   top of them, are gone, and their requests are answered `InternalFailure`.
 * - When the journal has grown past the snapshot's size, a batch is committed by
 *   writing a new snapshot instead (atomically: temporary file, flush, rename, directory
 *   flush), and the journal is emptied: compaction. If the snapshot cannot be written
 *   (the directory became read-only), the batch goes to the journal as usual.
 * - At start the snapshot is validated and loaded, the journal replayed, and a fresh
 *   snapshot written; at close a last snapshot is written, and its failure is an error.
 *
 * @module
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { applyChange, IdTape, recordsIds, type Change } from './changes';
import type { CloudSet } from './clouds';
import { withIdRecorder } from './ids';
import { JournalFile, nodeStateFs, readJournal, temporaryName, type StateFs } from './journal';
import { StateLock } from './lock';
import { parseJournalLine, parseStateDocument, type StateDocument } from './state-schema';

export type { StateDocument } from './state-schema';

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `text` to `file` atomically and durably. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = dirname(resolve(file));
  const tmp = temporaryName(resolve(file));
  let fd: number | undefined = openSync(tmp, 'w', 0o600);
  try {
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file may already be gone (renamed); nothing to clean up then.
    }
    throw err;
  }
  syncDirectory(dir);
}

/** Reads a state file: undefined if there is none; an error naming the file (and the field) if it cannot be used. */
export function readStateFile(file: string): StateDocument | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`botoscale local: cannot read state file ${file}: ${(err as Error).message}`);
  }
  return parseStateDocument(file, text);
}

/** Options of {@link StateStore}. */
export interface StateStoreOptions {
  /** The file operations made while serving (tests give one that fails); default Node's. */
  fs?: StateFs;
  /** Called with write failures the store recovers from (a failed compaction, a rolled-back batch). */
  onError?: (err: unknown) => void;
  /** The journal is compacted once it is larger than this many bytes and than the snapshot. Default 1 MiB. */
  compactAfterBytes?: number;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

const COMPACTION_RETRY_MS = 5000;

/** Keeps a server's clouds (every region's) in a state file and journal, and says when a change is on disk. */
export class StateStore {
  /** Absolute path of the state file. */
  readonly file: string;
  /** Absolute path of its journal. */
  readonly journalFile: string;
  readonly #clouds: CloudSet;
  readonly #fs: StateFs;
  readonly #onError: (err: unknown) => void;
  readonly #compactAfter: number;
  readonly #tape = new IdTape();
  #lock: StateLock | undefined;
  #journal: JournalFile | undefined;
  /** Number of the last change recorded. */
  #seq = 0;
  /** Number of the last change on disk (in the journal or the snapshot). */
  #durableSeq = 0;
  #pending: string[] = [];
  #waiters: Waiter[] = [];
  #committing: Promise<void> | undefined;
  #snapshotBytes = 0;
  #compactRetryAt = 0;
  /** Compact at the next commit: the cloud changed outside a recorded change. */
  #mustCompact = false;
  /** The journal's tail could not be cut after a failed write: only a snapshot may commit now. */
  #appendBlocked = false;
  #clockNow = 0;
  #clockNext = 0;
  #expectedRevision = 0;
  #stepsSeen = 0;
  #unsubscribe: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(file: string, clouds: CloudSet, options: StateStoreOptions = {}) {
    this.file = resolve(file);
    this.journalFile = `${this.file}.journal`;
    this.#clouds = clouds;
    this.#fs = options.fs ?? nodeStateFs;
    this.#onError = options.onError ?? ((err) => process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`));
    this.#compactAfter = options.compactAfterBytes ?? 1024 * 1024;
  }

  /**
   * Takes the lock, loads the state file and replays its journal into the clouds, writes
   * a fresh snapshot, and starts recording; returns whether there was a state file.
   * Throws an error naming the state file if any of it cannot be done.
   */
  open(): boolean {
    this.#lock = StateLock.acquire(this.file);
    try {
      this.#removeLeftovers();
      this.#clouds.idRecorder = this.#tape;
      const existed = this.#load(Number.POSITIVE_INFINITY);
      this.#writeSnapshotNow();
      this.#journal = new JournalFile(this.journalFile, this.#fs, 0);
      this.#clearJournalNow();
      // The journal may be new: its name must be on disk before a change in it is acknowledged.
      syncDirectory(dirname(this.file));
      this.#unsubscribe = this.#clouds.clock.onStep(() => {
        // Each region's cloud records one change per step.
        this.#stepsSeen += this.#clouds.size;
      });
      this.#resync();
      return existed;
    } catch (err) {
      this.#clouds.idRecorder = undefined;
      this.#journal?.close();
      this.#lock.release();
      throw err;
    }
  }

  /** Writes down clock moves every `everyMs` of real time until {@link close}. */
  start(everyMs = 100): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = setInterval(() => {
      this.sync();
      this.#schedule();
    }, everyMs);
    this.#timer.unref();
  }

  /** Removes temporary files a killed server left next to the state file (the lock says none is in use). */
  #removeLeftovers(): void {
    // Snapshots being written (.FILE.PID.N.tmp) and locks being taken or moved aside (FILE.lock.PID.tmp, .stale).
    const snapshot = `.${basename(this.file)}.`;
    const lock = `${basename(this.file)}.lock.`;
    let names: string[];
    try {
      names = readdirSync(dirname(this.file));
    } catch {
      return;
    }
    for (const name of names) {
      const prefix = name.startsWith(snapshot) ? snapshot : name.startsWith(lock) ? lock : undefined;
      if (prefix === undefined || !/\.(tmp|stale)$/.test(name) || name.startsWith(`${prefix}${process.pid}.`)) continue;
      try {
        unlinkSync(join(dirname(this.file), name));
      } catch {
        // Another process may have removed it first.
      }
    }
  }

  /** Loads the snapshot and the journal's changes up to `maxSeq` (its first `maxBytes`); whether there was a snapshot. */
  #load(maxSeq: number, maxBytes = Number.POSITIVE_INFINITY): boolean {
    const doc = readStateFile(this.file);
    if (doc === undefined) return false;
    const region = this.#clouds.defaultRegion;
    if (doc.region !== region) {
      throw new Error(`botoscale local: state file ${this.file} holds default region ${doc.region}, not ${region}; start with --region ${doc.region} or use another file`);
    }
    try {
      this.#clouds.restore(doc.cloud, doc.regions ?? {});
    } catch (err) {
      throw new Error(`botoscale local: cannot restore state file ${this.file}: ${(err as Error).message}`);
    }
    let seq = doc.seq;
    const { lines } = readJournal(this.journalFile, maxBytes);
    for (const [i, line] of lines.entries()) {
      const entry = parseJournalLine(this.journalFile, i + 1, line);
      if (entry.seq <= doc.seq) continue;
      if (entry.seq !== seq + 1 || entry.seq > maxSeq) break;
      try {
        applyChange(this.#clouds, this.#tape, entry.change);
      } catch (err) {
        this.#onError(new Error(`botoscale local: replaying change ${entry.seq} of ${this.journalFile} failed: ${(err as Error).message}`));
      }
      seq = entry.seq;
    }
    this.#seq = seq;
    this.#durableSeq = seq;
    return true;
  }

  #document(): StateDocument {
    const { cloud, regions } = this.#clouds.snapshot();
    return {
      format: 'botoscale-local-state',
      version: 3,
      region: this.#clouds.defaultRegion,
      accountId: this.#clouds.default.accountId,
      savedAt: new Date().toISOString(),
      seq: this.#seq,
      cloud,
      regions,
    };
  }

  #writeSnapshotNow(): void {
    const text = `${JSON.stringify(this.#document())}\n`;
    try {
      writeFileAtomic(this.file, text);
    } catch (err) {
      throw new Error(`botoscale local: cannot write state file ${this.file}: ${(err as Error).message}`);
    }
    this.#snapshotBytes = Buffer.byteLength(text);
  }

  #clearJournalNow(): void {
    const fd = openSync(this.journalFile, 'r+');
    try {
      // Every change in it is in the snapshot just written.
      ftruncateSync(fd, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Takes the clock, the cloud's revision and the ids as they are now as already recorded. */
  #resync(): void {
    const clock = this.#clouds.clock.toJSON();
    this.#clockNow = clock.now;
    this.#clockNext = clock.nextStep;
    this.#expectedRevision = this.#clouds.revision;
    this.#stepsSeen = 0;
    this.#tape.reset();
  }

  #append(change: Change): void {
    this.#seq += 1;
    this.#pending.push(`${JSON.stringify({ seq: this.#seq, change })}\n`);
    this.#schedule();
  }

  /**
   * Records the clock's moves since the last record (with the ids its steps made), and
   * notices a change made to the cloud outside a recorded one (then the next commit is
   * a full snapshot).
   */
  sync(): void {
    if (this.#closed || this.#journal === undefined) return;
    const revision = this.#clouds.revision;
    if (revision !== this.#expectedRevision + this.#stepsSeen) this.#mustCompact = true;
    this.#expectedRevision = revision;
    this.#stepsSeen = 0;
    const ids = this.#tape.drain();
    const clock = this.#clouds.clock.toJSON();
    if (ids.length > 0 || clock.now !== this.#clockNow || clock.nextStep !== this.#clockNext) {
      this.#clockNow = clock.now;
      this.#clockNext = clock.nextStep;
      this.#append({ kind: 'clock', now: clock.now, nextStep: clock.nextStep, ids });
    }
    if (this.#mustCompact) this.#schedule();
  }

  /**
   * Runs `fn`, which makes `change` to the cloud, and records the change with the ids it
   * made (also when `fn` throws: what it did before is replayed the same way).
   */
  change<T>(change: Change, fn: () => T): T {
    if (this.#journal === undefined || this.#closed) return fn();
    this.sync();
    try {
      return withIdRecorder(this.#tape, fn);
    } finally {
      const ids = this.#tape.drain();
      const recorded: Change = recordsIds(change) ? { ...change, ids } : change;
      this.#expectedRevision = this.#clouds.revision;
      this.#stepsSeen = 0;
      this.#append(recorded);
    }
  }

  /**
   * Undefined when everything the cloud shows now is on disk; otherwise a promise that
   * resolves once it is, or rejects if it could not be written (then it is undone).
   */
  settle(): Promise<void> | undefined {
    this.sync();
    if (this.#seq === this.#durableSeq) return undefined;
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ seq: this.#seq, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#committing !== undefined || this.#journal === undefined) return;
    if (this.#pending.length === 0 && !this.#mustCompact) return;
    // Wait one turn of the event loop so the changes of requests that arrived together go in one batch.
    this.#committing = new Promise<void>((r) => setImmediate(r))
      .then(() => this.#commit())
      .catch((err: unknown) => this.#onError(err))
      .finally(() => {
        this.#committing = undefined;
        this.#schedule();
      });
  }

  #compactionDue(extra: number): boolean {
    // Appending is unsafe until a snapshot replaces the journal: no waiting then.
    if (this.#appendBlocked) return true;
    if (Date.now() < this.#compactRetryAt) return false;
    const size = (this.#journal?.size ?? 0) + extra;
    return this.#mustCompact || (size > this.#compactAfter && size > this.#snapshotBytes);
  }

  async #commit(): Promise<void> {
    const journal = this.#journal as JournalFile;
    if (!this.#closed) this.sync();
    const lines = this.#pending;
    this.#pending = [];
    const upTo = this.#seq;
    const data = Buffer.from(lines.join(''), 'utf8');
    let written = false;
    if (this.#compactionDue(data.length)) {
      const mustCompact = this.#mustCompact;
      this.#mustCompact = false;
      written = await this.#compact().then(() => true, (err: unknown) => {
        this.#mustCompact = mustCompact;
        this.#compactRetryAt = Date.now() + COMPACTION_RETRY_MS;
        this.#onError(new Error(`botoscale local: cannot write state file ${this.file} (changes stay in its journal): ${(err as Error).message}`));
        return false;
      });
    }
    if (!written) {
      try {
        if (this.#appendBlocked) throw new Error(`the journal ${journal.file} could not be cut back after a failed write, and the state file cannot be written`);
        if (data.length > 0) await journal.append(data);
      } catch (err) {
        await this.#rollback(err as Error);
        return;
      }
    }
    this.#durableSeq = upTo;
    const done = this.#waiters.filter((w) => w.seq <= upTo);
    this.#waiters = this.#waiters.filter((w) => w.seq > upTo);
    for (const w of done) w.resolve();
  }

  /** Commits everything so far by writing a new snapshot, then empties the journal. */
  async #compact(): Promise<void> {
    const journal = this.#journal as JournalFile;
    const text = `${JSON.stringify(this.#document())}\n`;
    await this.#fs.replace(this.file, Buffer.from(text, 'utf8'));
    this.#snapshotBytes = Buffer.byteLength(text);
    try {
      await journal.clear();
      this.#appendBlocked = false;
    } catch (err) {
      // Its changes are all in the snapshot (a restart skips them by number); appends go after them.
      this.#onError(new Error(`botoscale local: cannot empty journal ${journal.file}: ${(err as Error).message}`));
    }
  }

  /**
   * A batch could not be written: rebuild the cloud from what is on disk, fail every
   * change not on disk (their answers become InternalFailure), and cut the journal back.
   */
  async #rollback(err: Error): Promise<void> {
    const journal = this.#journal as JournalFile;
    this.#onError(new Error(`botoscale local: cannot write journal ${journal.file}; the changes not written are undone: ${err.message}`));
    const failure = new Error(`botoscale local: the change could not be written to ${this.file}`);
    this.#pending = [];
    const waiters = this.#waiters;
    this.#waiters = [];
    try {
      this.#load(this.#durableSeq, journal.size);
    } finally {
      this.#seq = this.#durableSeq;
      this.#resync();
      this.#clouds.touch();
      this.#expectedRevision = this.#clouds.revision;
      for (const w of waiters) w.reject(failure);
    }
    try {
      await journal.discardTail();
    } catch (cut) {
      this.#appendBlocked = true;
      this.#onError(new Error(`botoscale local: cannot cut journal ${journal.file} back: ${(cut as Error).message}`));
    }
  }

  /** Waits until no batch is being written and none is waiting. */
  async #drain(): Promise<void> {
    while (this.#committing !== undefined || this.#pending.length > 0) {
      this.#schedule();
      await this.#committing;
    }
  }

  /**
   * Writes everything down, writes a last snapshot, empties and removes the journal and
   * releases the lock. Rejects naming the state file if the last snapshot cannot be
   * written (the journal then still holds every acknowledged change).
   */
  async close(): Promise<void> {
    if (this.#closed || this.#journal === undefined) return;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.sync();
    await this.#drain();
    this.#closed = true;
    this.#unsubscribe?.();
    this.#clouds.idRecorder = undefined;
    const journal = this.#journal;
    try {
      if (this.#durableSeq !== this.#seq) throw new Error('its last changes could not be written');
      const text = `${JSON.stringify(this.#document())}\n`;
      await this.#fs.replace(this.file, Buffer.from(text, 'utf8'));
      await journal.clear();
      journal.close();
      unlinkSync(this.journalFile);
    } catch (err) {
      journal.close();
      throw new Error(`botoscale local: cannot write state file ${this.file} on close (${(err as Error).message}); its journal ${this.journalFile} keeps what was acknowledged`);
    } finally {
      this.#lock?.release();
    }
  }

  /** Releases the lock without writing anything (a start that failed after {@link open}). */
  abandon(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#closed = true;
    this.#unsubscribe?.();
    this.#clouds.idRecorder = undefined;
    this.#journal?.close();
    this.#lock?.release();
  }
}

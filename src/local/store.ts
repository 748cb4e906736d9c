/**
 * `--state FILE`: the cloud's snapshot written atomically (a temporary file in the same
 * directory, flushed to disk, renamed over the file, and the directory flushed) so a
 * crash at any moment leaves either the previous or the new state, never a torn file;
 * and loaded at start, where a file that does not parse is an error naming it.
 *
 * @module
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CloudSnapshot, LocalCloud } from './cloud';

/** What a state file holds. */
export interface StateDocument {
  /** Marks the file as a botoscale local state file. */
  format: 'botoscale-local-state';
  /** Format version. */
  version: 1;
  /** Region of the cloud. */
  region: string;
  /** Account of the cloud. */
  accountId: string;
  /** Real time of the write, ISO 8601. */
  savedAt: string;
  /** The cloud's snapshot. */
  cloud: CloudSnapshot;
}

let tmpCounter = 0;

/** Writes `text` to `file` atomically and durably. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = dirname(resolve(file));
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
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
  const dfd = openSync(dir, 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a state file: undefined if there is none; an error naming the file if it cannot be used. */
export function readStateFile(file: string): StateDocument | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`botoscale local: cannot read state file ${file}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`botoscale local: state file ${file} is not valid JSON (${(err as Error).message}); move it away or fix it`);
  }
  if (!isRecord(doc) || doc.format !== 'botoscale-local-state' || doc.version !== 1 || !isRecord(doc.cloud) || typeof doc.region !== 'string') {
    throw new Error(`botoscale local: ${file} is not a botoscale local state file of version 1`);
  }
  const cloud = doc.cloud;
  if (!isRecord(cloud.clock) || typeof cloud.clock.now !== 'number' || typeof cloud.clock.nextStep !== 'number' || !isRecord(cloud.loads)) {
    throw new Error(`botoscale local: state file ${file} has no valid clock`);
  }
  return doc as unknown as StateDocument;
}

/** Keeps a cloud's state file up to date. */
export class StateStore {
  /** Absolute path of the state file. */
  readonly file: string;
  readonly #cloud: LocalCloud;
  #dirty = false;
  #lastServices = '';
  #lastWrite = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(file: string, cloud: LocalCloud) {
    this.file = resolve(file);
    this.#cloud = cloud;
  }

  /** Removes temporary files a killed server left next to the state file. */
  #removeLeftovers(): void {
    const prefix = `.${basename(this.file)}.`;
    let names: string[];
    try {
      names = readdirSync(dirname(this.file));
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp') || name.startsWith(`${prefix}${process.pid}.`)) continue;
      try {
        unlinkSync(join(dirname(this.file), name));
      } catch {
        // Another process may have removed it first.
      }
    }
  }

  /** Loads the file into the cloud if it exists; returns whether it did. Throws naming the file if it cannot. */
  load(): boolean {
    this.#removeLeftovers();
    const doc = readStateFile(this.file);
    if (doc === undefined) return false;
    if (doc.region !== this.#cloud.region) {
      throw new Error(`botoscale local: state file ${this.file} holds region ${doc.region}, not ${this.#cloud.region}; start with --region ${doc.region} or use another file`);
    }
    try {
      this.#cloud.restore(doc.cloud);
    } catch (err) {
      throw new Error(`botoscale local: cannot restore state file ${this.file}: ${(err as Error).message}`);
    }
    this.#lastServices = this.#servicesText(doc.cloud);
    return true;
  }

  #servicesText(s: CloudSnapshot): string {
    return JSON.stringify([s.loads, s.demands, s.ec2, s.elb, s.autoscaling, s.cloudwatch]);
  }

  /** Writes the cloud's state now. */
  save(): void {
    const snapshot = this.#cloud.snapshot();
    const doc: StateDocument = {
      format: 'botoscale-local-state',
      version: 1,
      region: this.#cloud.region,
      accountId: this.#cloud.accountId,
      savedAt: new Date().toISOString(),
      cloud: snapshot,
    };
    writeFileAtomic(this.file, `${JSON.stringify(doc)}\n`);
    this.#lastServices = this.#servicesText(snapshot);
    this.#lastWrite = Date.now();
    this.#dirty = false;
  }

  /** Notes that clock steps ran; the next flush writes if they changed anything. */
  markDirty(): void {
    this.#dirty = true;
  }

  /**
   * Writes if steps changed the services since the last write, or (clock only) if the
   * last write is older than `clockEveryMs`.
   */
  flush(clockEveryMs = 5000): void {
    if (!this.#dirty) return;
    const snapshot = this.#cloud.snapshot();
    if (this.#servicesText(snapshot) === this.#lastServices && Date.now() - this.#lastWrite < clockEveryMs) return;
    this.save();
  }

  /** Flushes every `everyMs` of real time until {@link stop}. */
  start(everyMs = 250): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      try {
        this.flush();
      } catch (err) {
        process.stderr.write(`botoscale local: cannot write state file ${this.file}: ${(err as Error).message}\n`);
      }
    }, everyMs);
    this.#timer.unref();
  }

  /** Stops the flush timer. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

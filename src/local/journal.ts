/**
 * The file operations `--state` makes while serving, behind one small interface
 * ({@link StateFs}) so tests can make them fail as a full disk or a vanished directory
 * would; and the journal file: JSON lines appended at a known offset, each batch
 * flushed to disk (fdatasync) before any of its changes is acknowledged.
 *
 * @module
 */
import { close, closeSync, constants, fdatasync, fsync, ftruncate, open, openSync, readFileSync, rename, unlink, write } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The writes botoscale local makes to its state file and journal while it serves. */
export interface StateFs {
  /** Writes all of `data` to `fd` at `position`. */
  write(fd: number, data: Buffer, position: number): Promise<void>;
  /** Flushes `fd`'s data to disk. */
  datasync(fd: number): Promise<void>;
  /** Cuts `fd`'s file to `length` bytes. */
  truncate(fd: number, length: number): Promise<void>;
  /** Replaces `file` with `data` atomically and durably (temporary file, flush, rename, directory flush). */
  replace(file: string, data: Buffer): Promise<void>;
}

const pOpen = promisify(open);
const pClose = promisify(close);
const pFsync = promisify(fsync);
const pFdatasync = promisify(fdatasync);
const pFtruncate = promisify(ftruncate);
const pRename = promisify(rename);
const pUnlink = promisify(unlink);
const pWrite = promisify(write);

let tmpCounter = 0;

/** The name of a temporary file next to `file`, which a later start removes if it is left over. */
export function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
}

async function writeAll(fd: number, data: Buffer, position: number): Promise<void> {
  let off = 0;
  while (off < data.length) off += (await pWrite(fd, data, off, data.length - off, position + off)).bytesWritten;
}

/** Node's file system: what botoscale local uses unless a test gives another {@link StateFs}. */
export const nodeStateFs: StateFs = {
  write: writeAll,
  datasync: (fd) => pFdatasync(fd),
  truncate: (fd, length) => pFtruncate(fd, length),
  async replace(file, data) {
    const tmp = temporaryName(file);
    const fd = await pOpen(tmp, 'w', 0o600);
    try {
      await writeAll(fd, data, 0);
      await pFsync(fd);
    } catch (err) {
      await pClose(fd).catch(() => undefined);
      await pUnlink(tmp).catch(() => undefined);
      throw err;
    }
    await pClose(fd);
    try {
      await pRename(tmp, file);
    } catch (err) {
      await pUnlink(tmp).catch(() => undefined);
      throw err;
    }
    const dir = await pOpen(dirname(file), 'r');
    try {
      await pFsync(dir);
    } finally {
      await pClose(dir);
    }
  },
};

/** The journal lines of a file that parse, in order, up to the first that does not (a write cut short by a crash). */
export function readJournal(file: string, maxBytes = Number.POSITIVE_INFINITY): { lines: unknown[]; bytes: number } {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], bytes: 0 };
    throw new Error(`botoscale local: cannot read journal ${file}: ${(err as Error).message}`);
  }
  const lines: unknown[] = [];
  let start = 0;
  const end = Math.min(text.length, maxBytes);
  while (start < end) {
    const nl = text.indexOf(10, start);
    if (nl < 0 || nl >= end) break;
    try {
      lines.push(JSON.parse(text.toString('utf8', start, nl)));
    } catch {
      break;
    }
    start = nl + 1;
  }
  return { lines, bytes: start };
}

/** The journal file open for appending: every batch is written after the last durable byte. */
export class JournalFile {
  /** Path of the journal. */
  readonly file: string;
  readonly #fs: StateFs;
  readonly #fd: number;
  /** Bytes known to be on disk. */
  #durable: number;

  constructor(file: string, fs: StateFs, durableBytes: number) {
    this.file = file;
    this.#fs = fs;
    this.#fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
    this.#durable = durableBytes;
  }

  /** Bytes known to be on disk. */
  get size(): number {
    return this.#durable;
  }

  /** Writes `data` after the durable bytes and flushes it; after a failure, call {@link discardTail}. */
  async append(data: Buffer): Promise<void> {
    await this.#fs.write(this.#fd, data, this.#durable);
    await this.#fs.datasync(this.#fd);
    this.#durable += data.length;
  }

  /** Cuts the file back to its durable bytes (after a failed append), so a restart never reads a batch that failed. */
  async discardTail(): Promise<void> {
    await this.#fs.truncate(this.#fd, this.#durable);
    await this.#fs.datasync(this.#fd);
  }

  /** Empties the journal (its changes are in a state file now). */
  async clear(): Promise<void> {
    await this.#fs.truncate(this.#fd, 0);
    await this.#fs.datasync(this.#fd);
    this.#durable = 0;
  }

  /** Closes the file. */
  close(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Every byte written was flushed already: closing cannot lose anything.
    }
  }
}

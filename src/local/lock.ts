/**
 * The lock that keeps a second botoscale local off a state file in use: `FILE.lock`,
 * created exclusively, holding the owner's pid and the time the kernel started that
 * process. A lock whose process is gone (or whose pid now belongs to a process started
 * at another time: pids are reused) is stale, left by a server killed with SIGKILL, and
 * is taken over; a live one stops the start with a message naming its process.
 *
 * @module
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';

/** What a lock file holds. */
interface LockOwner {
  pid: number;
  /** The process's start time as the kernel tells it (`/proc/PID/stat` field 22), or '' where there is no /proc. */
  started: string;
  host: string;
}

/** When the kernel started process `pid`; undefined if there is no such process; '' where it cannot tell. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie (killed, not yet reaped by its parent) holds nothing any more.
    if (fields[0] === 'Z') return undefined;
    return fields[19] ?? '';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return processAlive(pid) ? '' : undefined;
    if (process.platform === 'linux') return undefined;
    return processAlive(pid) ? '' : undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof v.pid === 'number' && typeof v.started === 'string' && typeof v.host === 'string') return { pid: v.pid, started: v.started, host: v.host };
  } catch {
    // Unreadable or torn (the owner was killed while writing it): stale.
  }
  return undefined;
}

function isLive(owner: LockOwner | undefined): owner is LockOwner {
  if (owner === undefined) return false;
  if (owner.host !== hostname()) return true;
  const started = processStartTime(owner.pid);
  return started !== undefined && (owner.started === '' || started === '' || started === owner.started);
}

/** An exclusive lock on a state file, held until {@link release}. */
export class StateLock {
  /** The lock file. */
  readonly file: string;
  readonly #content: string;

  private constructor(file: string, content: string) {
    this.file = file;
    this.#content = content;
  }

  /**
   * Takes the lock of `stateFile` (`stateFile.lock`), taking over a stale one; throws an
   * error naming the state file if another live process holds it or the lock cannot be
   * written (its directory missing or not writable).
   */
  static acquire(stateFile: string): StateLock {
    const file = `${stateFile}.lock`;
    const owner: LockOwner = { pid: process.pid, started: processStartTime(process.pid) ?? '', host: hostname() };
    const content = `${JSON.stringify(owner)}\n`;
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      throw new Error(`botoscale local: cannot use state file ${stateFile}: its directory must exist and be writable (${(err as Error).message})`);
    }
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        try {
          // link() fails if the lock exists, and never leaves a lock file half-written.
          linkSync(tmp, file);
          return new StateLock(file, content);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`botoscale local: cannot lock state file ${stateFile} (${(err as Error).message})`);
        }
        const holder = readOwner(file);
        if (isLive(holder)) {
          throw new Error(`botoscale local: state file ${stateFile} is in use by another botoscale local (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}); stop it or use another file`);
        }
        StateLock.#removeStale(file, holder);
      }
      throw new Error(`botoscale local: cannot lock state file ${stateFile}: other processes keep taking its lock`);
    } finally {
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone.
      }
    }
  }

  /** Moves a stale lock aside, unless another process replaced it meanwhile (then it goes back). */
  static #removeStale(file: string, seen: LockOwner | undefined): void {
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      return;
    }
    const moved = readOwner(aside);
    if (moved !== undefined && seen !== undefined && moved.pid === seen.pid && moved.started === seen.started) return void unlinkSync(aside);
    if (moved === undefined && seen === undefined) return void unlinkSync(aside);
    try {
      linkSync(aside, file);
    } catch {
      // Someone else holds the lock now; the next attempt sees them.
    }
    unlinkSync(aside);
  }

  /** Removes the lock file if it is still this process's. */
  release(): void {
    try {
      if (readFileSync(this.file, 'utf8') === this.#content) unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }
}

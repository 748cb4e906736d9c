/**
 * botoscale local in a process of its own, so that the client being measured has the
 * other core to itself, with its account quotas raised (AWS's default is 200 groups). The parent talks to it over IPC: it reports its endpoint, then
 * answers `advance` (move the simulated clock), `memory` (its process memory) and
 * `close`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { startLocal } from '../src/local';

/** A request from the parent. */
type Command = { id: number; cmd: 'advance'; by: string } | { id: number; cmd: 'memory' } | { id: number; cmd: 'close' };

/** The server's process memory, in bytes. */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
}

/** The parent's handle on a server child. */
export class LocalServer {
  readonly endpoint: string;
  readonly #proc: ChildProcess;
  #next = 1;
  readonly #pending = new Map<number, (value: unknown) => void>();

  private constructor(proc: ChildProcess, endpoint: string) {
    this.#proc = proc;
    this.endpoint = endpoint;
    proc.on('message', (m: { id?: number; value?: unknown }) => {
      if (m.id === undefined) return;
      this.#pending.get(m.id)?.(m.value);
      this.#pending.delete(m.id);
    });
  }

  /**
   * Starts a server child (with `--expose-gc`, so its memory can be measured after a
   * collection); `responseCache: false` makes it compute every read afresh; `state` starts it
   * with that state file.
   */
  static start(options: { responseCache?: boolean; state?: string } = {}): Promise<LocalServer> {
    return new Promise((resolve, reject) => {
      const proc = fork(__filename, ['--serve', ...(options.responseCache === false ? ['--no-response-cache'] : []), ...(options.state === undefined ? [] : [`--state=${options.state}`])], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      proc.once('message', (m: { endpoint?: string; error?: string }) => {
        if (m.endpoint !== undefined) resolve(new LocalServer(proc, m.endpoint));
        else reject(new Error(`bench server: ${m.error}`));
      });
      proc.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
    });
  }

  #ask<T>(command: Omit<Command, 'id'> & { cmd: Command['cmd'] }): Promise<T> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (value: unknown) => void);
      this.#proc.send({ ...command, id });
    });
  }

  /** Moves the server's simulated clock forward. */
  advance(by: string): Promise<void> {
    return this.#ask({ cmd: 'advance', by } as Command);
  }

  /** The server's memory after a full garbage collection. */
  memory(): Promise<ServerMemory> {
    return this.#ask({ cmd: 'memory' } as Command);
  }

  /** Stops the server and waits for its process to end. */
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#proc.once('exit', resolve));
    await this.#ask({ cmd: 'close' } as Command);
    await exited;
  }
}

/** Account quotas raised (as AWS raises them on request) so that 10,000 groups of 4 t3.micro (80,000 vCPUs) fit. */
const LIMITS = { autoScalingGroups: 20_000, launchConfigurations: 1_000, loadBalancers: 100, vcpus: 100_000 };

async function serve(): Promise<void> {
  const state = process.argv.find((a) => a.startsWith('--state='))?.slice('--state='.length);
  const local = await startLocal({ port: 0, realTime: false, limits: LIMITS, responseCache: !process.argv.includes('--no-response-cache'), ...(state === undefined ? {} : { state }) });
  process.on('message', (m: Command) => {
    const reply = (value: unknown): void => {
      process.send?.({ id: m.id, value });
    };
    if (m.cmd === 'advance') {
      local.clock.advance(m.by);
      reply(null);
    } else if (m.cmd === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      reply({ rss, heapUsed } satisfies ServerMemory);
    } else {
      void local.close().then(() => {
        reply(null);
        process.disconnect();
      });
    }
  });
  process.send?.({ endpoint: local.endpoint });
}

if (process.argv.includes('--serve')) {
  serve().catch((err: unknown) => {
    process.send?.({ error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}

/**
 * A loopback HTTP proxy that counts the AWS actions passing through it, so that
 * benchmark 5 counts autoscalectl's calls at the wire, whatever client sends them.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The action a request asks for, by protocol: query (`Action=`), AWS JSON (`X-Amz-Target`) or RPC v2 (the path). */
export function actionOf(headers: IncomingHttpHeaders, path: string, body: string): string {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  const rpc = /\/operation\/(\w+)/.exec(path);
  if (rpc !== null) return rpc[1] as string;
  const action = new URLSearchParams(body).get('Action') ?? new URL(path, 'http://x').searchParams.get('Action');
  return action ?? 'unknown';
}

/** A running counting proxy. */
export class CountingProxy {
  readonly #server: Server;
  readonly counts = new Map<string, number>();

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts a proxy on an ephemeral loopback port forwarding to `target`. */
  static async start(target: string): Promise<CountingProxy> {
    const to = new URL(target);
    let proxy: CountingProxy | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const action = actionOf(req.headers, req.url ?? '/', body.toString('utf8'));
        proxy?.counts.set(action, (proxy.counts.get(action) ?? 0) + 1);
        const out = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.on('error', (err) => {
          res.writeHead(502);
          res.end(String(err));
        });
        out.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new CountingProxy(server);
    return proxy;
  }

  /** The proxy's URL. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Total calls since the last reset. */
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Forgets the counts. */
  reset(): void {
    this.counts.clear();
  }

  /** Stops the proxy. */
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

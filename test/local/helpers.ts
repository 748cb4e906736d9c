/**
 * Helpers for the botoscale local tests: a server on an ephemeral port with a clock
 * driven by hand, SDK client settings pointing at it, raw HTTP requests, and catching
 * the errors clients get.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { startLocal, type LocalEndpoint, type LocalOptions } from '../../src/local';
import { ServiceError } from '../../src/local/errors';

/** The key pair tests sign with. */
export const CREDS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };

/** 2026-01-01T00:00:00Z: the simulated start of every test cloud. */
export const T0 = Date.UTC(2026, 0, 1);

/** Starts botoscale local on an ephemeral port, at T0, with the clock driven by hand. */
export function startTest(options: LocalOptions = {}): Promise<LocalEndpoint> {
  return startLocal({ port: 0, realTime: false, clock: { start: T0 }, ...options });
}

/**
 * A fresh botoscale local and an SDK client on it for each test of the file, closed after
 * it: `use` receives them (the file keeps them in its own variables). A file whose tests
 * replace the server mid-test closes its own, with its own beforeEach/afterEach.
 */
export function eachLocal<C extends { destroy(): void }>(
  makeClient: (endpoint: string) => C,
  use: (local: LocalEndpoint, client: C) => void,
  options: LocalOptions = {},
): void {
  let opened: { local: LocalEndpoint; client: C } | undefined;
  beforeEach(async () => {
    const local = await startTest(options);
    opened = { local, client: makeClient(local.endpoint) };
    use(opened.local, opened.client);
  });
  afterEach(async () => {
    opened?.client.destroy();
    await opened?.local.close();
    opened = undefined;
  });
}

/**
 * botoscale local in a child process keeping its state in `file` (test/local/fixtures/serve.ts),
 * for tests that kill it; resolves once it says its endpoint.
 */
export function serveInChild(file: string): Promise<{ child: ChildProcessWithoutNullStreams; endpoint: string }> {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'fixtures/ts-register.js'), join(__dirname, 'fixtures/serve.ts'), file], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve({ child, endpoint: (JSON.parse(line) as { endpoint: string }).endpoint });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** SDK client settings for a local endpoint (no retries, so errors show at once). */
export function clientConfig(endpoint: string, credentials = CREDS): { endpoint: string; region: string; credentials: typeof CREDS; maxAttempts: number } {
  return { endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
}

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends a raw HTTP request. */
export async function raw(endpoint: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  const res = await fetch(`${endpoint}${init.path ?? '/'}`, { method: init.method ?? 'POST', headers: init.headers ?? {}, body: init.body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Sends a form-encoded query request (as boto2 does: POST, no signature). */
export function query(endpoint: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return raw(endpoint, {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

/** What a test checks of an SDK error. */
export interface CaughtError {
  name: string;
  message: string;
  status: number | undefined;
  code: string | undefined;
}

/** Awaits a call that must fail and returns its error's name, message, HTTP status and query error code. */
export async function failure(p: Promise<unknown>): Promise<CaughtError> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number }; Code?: string; Error?: { Code?: string } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, code: e.Error?.Code ?? e.Code };
  }
  throw new Error('the call did not fail');
}

/** The text of the first element named `tag` in an XML document. */
export function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#xD;/g, '\r').replace(/&amp;/g, '&');
}

/** The code, message and status of the ServiceError `f` throws (a handler or protocol function called directly). */
export function serviceError(f: () => unknown): { code: string; message: string; status: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof ServiceError) return { code: e.code, message: e.message, status: e.status };
    throw e;
  }
  throw new Error('did not throw');
}

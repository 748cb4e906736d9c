/**
 * Issue 13, failure 11: a call to a server that accepts the connection and never answers
 * was still pending after 150 s. Every call now has a timeout per attempt, `requestTimeout`
 * (70 s by default, as boto2's `http_socket_timeout`), settable per connection, per call
 * and in the boto config, winning over the request handler's own; after the attempts it
 * rejects with a BotoServerError whose errorCode is RequestTimeout.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { AutoScaleConnection } from '../../src/autoscale';
import { BotoClientError, BotoConfig, BotoServerError, DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/core';

const SECRET = 'timeoutTestSECRET/abcdefghijklmnopqrstuvw';

/** A TCP server that accepts connections and never answers; counts the requests it received. */
let silent: Server;
let endpoint: string;
const sockets: Socket[] = [];
let requests = 0;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', (d: Buffer) => {
      requests += (d.toString('latin1').match(/^POST /gm) ?? []).length;
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function conn(options: ConstructorParameters<typeof AutoScaleConnection>[2] = {}): AutoScaleConnection {
  return new AutoScaleConnection('AKID', SECRET, { endpoint, env: {}, botoConfig: new BotoConfig(), ...options });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('the call did not fail');
}

test('the default is 70 seconds, as boto2\'s http_socket_timeout; the boto config and the option change it', () => {
  expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(70_000);
  expect(conn().requestTimeout).toBe(70_000);
  const boto = new BotoConfig({ Boto: { http_socket_timeout: '5' } });
  expect(conn({ botoConfig: boto }).requestTimeout).toBe(5000);
  expect(conn({ botoConfig: boto, requestTimeout: 1500 }).requestTimeout).toBe(1500);
});

test('a server that never answers: the call rejects after every attempt with RequestTimeout, saying how long it waited', async () => {
  const before = requests;
  const c = conn({ requestTimeout: 200, maxAttempts: 2 });
  try {
    const err = await rejection(c.getAccountLimits());
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ errorCode: 'RequestTimeout', status: 408, reason: 'Request Timeout' });
    expect((err as Error).message).toBe(`no answer from ${endpoint} within 200 ms (requestTimeout), on each of 2 attempts`);
    expect(requests - before).toBe(2);
  } finally {
    c.close();
  }
});

test('per call, requestTimeout wins over the connection\'s', async () => {
  const c = conn({ requestTimeout: 600_000, maxAttempts: 1 });
  try {
    const err = await rejection(c.getAccountLimits({ requestTimeout: 150 }));
    expect((err as Error).message).toBe(`no answer from ${endpoint} within 150 ms (requestTimeout), on each of 1 attempt`);
  } finally {
    c.close();
  }
});

test('requestTimeout wins over the request handler\'s own setting, given as options or as a handler', async () => {
  const warnings: string[] = [];
  const logger = { debug: (): void => undefined, info: (): void => undefined, warn: (m: string) => void warnings.push(m), error: (): void => undefined };
  const withOptions = conn({ requestTimeout: 200, maxAttempts: 1, requestHandler: { requestTimeout: 600_000 } });
  const withHandler = conn({ requestTimeout: 200, maxAttempts: 1, requestHandler: new NodeHttpHandler({ requestTimeout: 50, logger }) });
  try {
    for (const c of [withOptions, withHandler]) {
      const err = await rejection(c.getAccountLimits());
      expect(err).toMatchObject({ errorCode: 'RequestTimeout', message: `no answer from ${endpoint} within 200 ms (requestTimeout), on each of 1 attempt` });
    }
    // The handler's own 50 ms, which only warns, was replaced by the call's 200 ms.
    expect(warnings).toEqual([]);
  } finally {
    withOptions.close();
    withHandler.close();
  }
});

test('an aborted call is still an abort, not a timeout', async () => {
  const c = conn({ requestTimeout: 60_000, maxAttempts: 1 });
  try {
    const controller = new AbortController();
    const pending = rejection(c.getAccountLimits({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const err = await pending;
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toMatch(/^request aborted/);
  } finally {
    c.close();
  }
});

test('an aborted call fails alike whether botoscale made the Node handler (plain attempt signal) or it was given', async () => {
  const own = conn({ requestTimeout: 60_000, maxAttempts: 1 });
  const given = conn({ requestTimeout: 60_000, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
  try {
    const errors: unknown[] = [];
    for (const c of [own, given]) {
      const controller = new AbortController();
      const pending = rejection(c.getAccountLimits({ signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      errors.push(await pending);
    }
    const [a, b] = errors as Error[];
    expect(a).toBeInstanceOf(BotoClientError);
    expect(a.message).toBe(b.message);
    expect(String((a.cause as Error | undefined)?.name)).toBe(String((b.cause as Error | undefined)?.name));
  } finally {
    own.close();
    given.close();
  }
});

test('a requestTimeout that is not a positive number of milliseconds is refused before anything is sent', async () => {
  for (const bad of [0, -1, Number.NaN, Infinity, '200']) {
    expect(() => conn({ requestTimeout: bad as number })).toThrow(new BotoClientError(`requestTimeout must be a positive number of milliseconds, got ${typeof bad === 'string' ? `'${bad}'` : String(bad)}`));
  }
  const c = conn();
  await expect(c.getAccountLimits({ requestTimeout: -5 })).rejects.toThrow(new BotoClientError('requestTimeout must be a positive number of milliseconds, got -5'));
  const boto = new BotoConfig({ Boto: { http_socket_timeout: 'soon' } });
  expect(() => conn({ botoConfig: boto })).toThrow(new BotoClientError("the boto config's [Boto] http_socket_timeout must be a positive number of seconds, got 'soon'"));
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { AutoScaleConnection } from '../../src/autoscale';
import { BotoClientError, BotoConfig, BotoServerError, fromSdkError, reasonPhrase, WaitTimeoutError } from '../../src/core';
import { WireMock } from '../helpers/wire';
import { replyLimits } from './conns';

const SECRET = 'errorsTestSECRET/abcdefghijklmnopqrstuvw';

function onWire(maxAttempts = 1): { conn: AutoScaleConnection; wire: WireMock } {
  const wire = new WireMock();
  const conn = new AutoScaleConnection('AKIDERR', SECRET, { env: {}, botoConfig: new BotoConfig(), maxAttempts, requestHandler: wire.handler });
  return { conn, wire };
}

function fields(e: BotoServerError): Record<string, unknown> {
  return { name: e.name, status: e.status, reason: e.reason, errorCode: e.errorCode, message: e.message, requestId: e.requestId };
}

describe('AWS error answers become BotoServerError', () => {
  test('400 ValidationError, with every field and the SDK error as cause', async () => {
    const { conn, wire } = onWire();
    wire.replyQueryError(400, 'ValidationError', '1 validation error detected: Value at maxRecords failed to satisfy constraint');
    const err = await conn.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toBeInstanceOf(Error);
    expect(fields(err as BotoServerError)).toEqual({
      name: 'BotoServerError', status: 400, reason: 'Bad Request', errorCode: 'ValidationError',
      message: '1 validation error detected: Value at maxRecords failed to satisfy constraint', requestId: 'req-err-1',
    });
    expect((err as Error).cause).toMatchObject({ name: 'ValidationError' });
    expect(Object.keys(err as object)).not.toContain('cause');
    expect(String(err)).toBe('BotoServerError: 400 Bad Request ValidationError: 1 validation error detected: Value at maxRecords failed to satisfy constraint');
  });

  test('403 (a signature AWS rejects)', async () => {
    const { conn, wire } = onWire();
    wire.replyQueryError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    await expect(conn.getAccountLimits()).rejects.toMatchObject({
      name: 'BotoServerError', status: 403, reason: 'Forbidden', errorCode: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    });
  });

  test('500 InternalFailure (once: maxAttempts 1)', async () => {
    const { conn, wire } = onWire();
    wire.replyQueryError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.', 'Receiver');
    await expect(conn.getAccountLimits()).rejects.toMatchObject({ status: 500, reason: 'Internal Server Error', errorCode: 'InternalFailure' });
    expect(wire.requests).toHaveLength(1);
  });

  test('throttling is retried by the SDK, and with maxAttempts 3 the call then succeeds', async () => {
    const { conn, wire } = onWire(3);
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    replyLimits(wire, 42);
    const limits = await conn.getAccountLimits();
    expect(limits.maxAutoscalingGroups).toBe(42);
    expect(wire.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    expect(wire.requests.map((r) => r.params.Action)).toEqual(['DescribeAccountLimits', 'DescribeAccountLimits', 'DescribeAccountLimits']);
    expect(wire.pending).toBe(0);
  });

  test('an answer the SDK cannot read is a BotoServerError saying so', async () => {
    const { conn, wire } = onWire();
    wire.reply('<DescribeAccountLimitsResponse><DescribeAccountLimitsResult><MaxNumberOf', 200);
    const err = await conn.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 200, reason: 'OK', errorCode: 'MalformedResponse', requestId: 'req-0001' });
    expect((err as Error).message).toMatch(/^the answer could not be read: .*XML parse error/);
  });

  test('a 502 HTML page from a proxy', async () => {
    const { conn, wire } = onWire();
    wire.reply('<html><body>Bad Gateway</body></html>', 502, { 'content-type': 'text/html' });
    await expect(conn.getAccountLimits()).rejects.toMatchObject({ name: 'BotoServerError', status: 502, reason: 'Bad Gateway' });
  });
});

describe('problems before an answer become BotoClientError', () => {
  let server: Server;
  let received: IncomingMessage[];
  let onRequest: () => void;
  beforeEach(async () => {
    received = [];
    onRequest = () => undefined;
    server = createServer((req) => { received.push(req); onRequest(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('abort through signal while the request is in flight (real Node HTTP handler)', async () => {
    const { port } = server.address() as AddressInfo;
    const conn = new AutoScaleConnection('AKIDERR', SECRET, { env: {}, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 3 });
    const controller = new AbortController();
    onRequest = () => controller.abort();
    const err = await conn.getAccountLimits({ signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toMatch(/^request aborted: /);
    expect(received).toHaveLength(1);
    conn.close();
  });

  test('nobody listening: connection refused', async () => {
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const conn = new AutoScaleConnection('AKIDERR', SECRET, { env: {}, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 });
    const err = await conn.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toMatch(/^request failed before an answer: .*ECONNREFUSED/);
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    conn.close();
  });

  test('missing credentials', async () => {
    const wire = new WireMock();
    const conn = new AutoScaleConnection({ env: { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c', AWS_CONFIG_FILE: '/nonexistent/c' }, botoConfig: new BotoConfig(), requestHandler: wire.handler });
    const err = await conn.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toBe('no AWS credentials found: Could not load credentials from any providers');
    expect((err as Error).cause).toMatchObject({ name: 'CredentialsProviderError' });
    expect(wire.requests).toHaveLength(0);
  });
});

describe('fromSdkError', () => {
  test('service errors: status, reason, code, message, request id', () => {
    const sdk = Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'r-1' } });
    const e = fromSdkError(sdk) as BotoServerError;
    expect(e).toBeInstanceOf(BotoServerError);
    expect(fields(e)).toEqual({ name: 'BotoServerError', status: 400, reason: 'Bad Request', errorCode: 'Throttling', message: 'Rate exceeded', requestId: 'r-1' });
    expect(e.cause).toBe(sdk);
  });

  test('the AWS Code field wins over the SDK class name; the answer\'s own reason phrase is kept', () => {
    const sdk = Object.assign(new Error('x'), { name: 'AutoScalingServiceException', Code: 'ResourceInUse', $metadata: { httpStatusCode: 409 }, $response: { statusCode: 409, reason: 'In Use' } });
    expect(fromSdkError(sdk)).toMatchObject({ errorCode: 'ResourceInUse', status: 409, reason: 'In Use', requestId: undefined });
  });

  test('a status below 300 without a fault is an unreadable answer', () => {
    const sdk = Object.assign(new Error('bad xml'), { $metadata: { httpStatusCode: 200, requestId: 'r-2' } });
    expect(fromSdkError(sdk)).toMatchObject({ name: 'BotoServerError', status: 200, reason: 'OK', errorCode: 'MalformedResponse', message: 'the answer could not be read: bad xml' });
  });

  test('errors without an answer', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(fromSdkError(abort)).toEqual(new BotoClientError('request aborted: The operation was aborted'));
    const creds = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(fromSdkError(creds)).toEqual(new BotoClientError('no AWS credentials found: Could not load credentials from any providers'));
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    expect(fromSdkError(timeout)).toEqual(new BotoClientError('request failed before an answer: TimeoutError: socket hang up'));
    expect((fromSdkError(timeout) as BotoClientError).cause).toBe(timeout);
    expect(fromSdkError('a string')).toEqual(new BotoClientError('request failed before an answer: Error: a string'));
    expect(fromSdkError(undefined)).toBeInstanceOf(BotoClientError);
  });

  test('botoscale errors pass through unchanged', () => {
    const client = new BotoClientError('minSize is required');
    const server = new BotoServerError({ status: 400, reason: 'Bad Request', errorCode: 'X', message: 'm' });
    expect(fromSdkError(client)).toBe(client);
    expect(fromSdkError(server)).toBe(server);
  });
});

describe('error classes', () => {
  test('BotoClientError keeps boto2\'s reason; WaitTimeoutError is one', () => {
    const e = new BotoClientError('minSize is required');
    expect([e.name, e.message, e.reason, String(e)]).toEqual(['BotoClientError', 'minSize is required', 'minSize is required', 'BotoClientError: minSize is required']);
    const w = new WaitTimeoutError('timed out after 5s');
    expect(w).toBeInstanceOf(BotoClientError);
    expect([w.name, w.message]).toEqual(['WaitTimeoutError', 'timed out after 5s']);
  });

  test('reasonPhrase', () => {
    expect([200, 400, 403, 404, 429, 500, 502, 503, 599].map(reasonPhrase)).toEqual(
      ['OK', 'Bad Request', 'Forbidden', 'Not Found', 'Too Many Requests', 'Internal Server Error', 'Bad Gateway', 'Service Unavailable', 'Unknown'],
    );
  });
});

describe('BotoServerError in the REPL', () => {
  test('util.inspect shows status, reason, code, message, request id and the stack; the cause only with showCause', () => {
    const cause = Object.assign(new Error('raw SDK error'), { $metadata: { httpStatusCode: 400, requestId: 'req-1' }, $response: { body: 'x'.repeat(500) } });
    const err = new BotoServerError({ status: 400, reason: 'Bad Request', errorCode: 'ValidationError', message: 'No such policy', requestId: 'req-1', cause });
    const lines = inspect(err).split('\n');
    expect(lines.slice(0, 2)).toEqual(['BotoServerError: 400 Bad Request ValidationError: No such policy', '  requestId: req-1']);
    expect(lines.slice(2).every((l) => /^\s+at /.test(l))).toBe(true);
    expect(inspect(err)).not.toContain('raw SDK error');
    expect(inspect(err, { showCause: true } as object)).toContain('[cause]: Error: raw SDK error');
    expect(err.cause).toBe(cause);
    const noId = new BotoServerError({ status: 500, reason: 'Internal Server Error', errorCode: 'InternalFailure', message: 'oops' });
    expect(inspect(noId).split('\n')[1]).toBe('  requestId: none');
  });
});

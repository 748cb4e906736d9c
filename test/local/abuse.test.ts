/**
 * No 5xx for anything a client can send (issue 13, failure 8): JSON nested 100,000 deep to
 * CloudWatch's JSON protocol and to the control API, a presigned URL whose X-Amz-Expires
 * the signer refuses, and clients that hang up mid-request, which are not logged.
 */
import { connect } from 'node:net';
import type { LocalEndpoint } from '../../src/local';
import { CREDS, raw, startTest, xmlText } from './helpers';

const DEEP = 100_000;
const deepArray = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObject = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;

describe('deep JSON', () => {
  let local: LocalEndpoint;
  const errors: unknown[] = [];
  beforeAll(async () => {
    local = await startTest({ onError: (e) => errors.push(e) });
  });
  afterAll(() => local.close());

  const cloudwatch = (target: string, body: string) =>
    raw(local.endpoint, { headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `GraniteServiceVersion20100801.${target}` }, body });

  test('CloudWatch JSON nested 100,000 deep is a SerializationException 400, wherever it nests', async () => {
    for (const body of [`{"AlarmNames":${deepArray}}`, `{"AlarmNames":[${deepObject}]}`, deepArray, `{"x":${deepObject}}`]) {
      const res = await cloudwatch('DescribeAlarms', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-query-error')).toBe('SerializationException;Sender');
      expect(JSON.parse(res.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#SerializationException', message: 'The request body nests deeper than 1000 levels.' });
    }
    expect(errors).toEqual([]);
  });

  test('a wrong type nested a few levels deep is quoted short', async () => {
    const res = await cloudwatch('DescribeAlarms', `{"AlarmNames":[${'['.repeat(900)}${']'.repeat(900)}]}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#InvalidParameterValueException', message: 'The value [[[[[...]]]]] for parameter AlarmNames.member.1 is not a string.' });
    expect(errors).toEqual([]);
  });

  test('the control API answers the same depth with a 400 of its own shape', async () => {
    for (const body of [`{"by":${deepArray}}`, deepObject]) {
      const res = await raw(local.endpoint, { path: '/_botoscale/clock/advance', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ error: { code: 'InvalidRequest', message: 'the body nests deeper than 1000 levels' } });
    }
    expect(errors).toEqual([]);
  });
});

describe('presigned URLs with an expiry AWS refuses', () => {
  let local: LocalEndpoint;
  const errors: unknown[] = [];
  beforeAll(async () => {
    local = await startTest({ auth: CREDS, onError: (e) => errors.push(e) });
  });
  afterAll(() => local.close());

  function presignedQuery(service: string, action: string, version: string, expires: string): string {
    const stamp = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const credential = encodeURIComponent(`${CREDS.accessKeyId}/${stamp.slice(0, 8)}/us-east-1/${service}/aws4_request`);
    return `/?Action=${action}&Version=${version}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Date=${stamp}&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
  }

  test.each([
    ['999999999', 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'],
    ['604801', 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'],
    ['-5', 'X-Amz-Expires must be non-negative'],
    ['soon', 'X-Amz-Expires should be a number'],
    ['1e3', 'X-Amz-Expires should be a number'],
  ])('X-Amz-Expires=%s is AuthorizationQueryParametersError 400', async (expires, message) => {
    const res = await raw(local.endpoint, { method: 'GET', path: presignedQuery('autoscaling', 'DescribeAutoScalingGroups', '2011-01-01', expires) });
    expect(res.status).toBe(400);
    expect(xmlText(res.text, 'Code')).toBe('AuthorizationQueryParametersError');
    expect(xmlText(res.text, 'Message')).toBe(message);
    const ec2 = await raw(local.endpoint, { method: 'GET', path: presignedQuery('ec2', 'DescribeRegions', '2016-11-15', expires) });
    expect(ec2.status).toBe(400);
    expect(xmlText(ec2.text, 'Code')).toBe('AuthorizationQueryParametersError');
    expect(errors).toEqual([]);
  });

  test('within a week, a bogus signature is the usual 403', async () => {
    const res = await raw(local.endpoint, { method: 'GET', path: presignedQuery('autoscaling', 'DescribeAutoScalingGroups', '2011-01-01', '604800') });
    expect(res.status).toBe(403);
    expect(xmlText(res.text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(errors).toEqual([]);
  });
});

describe('clients that hang up', () => {
  test('50 aborted requests are not logged, and the server answers the next one', async () => {
    const errors: unknown[] = [];
    const local = await startTest({ onError: (e) => errors.push(e) });
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          new Promise<void>((resolve) => {
            const socket = connect(local.port, '127.0.0.1', () => {
              socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Describe${i}`);
              setTimeout(() => socket.destroy(), 20);
            });
            socket.on('close', () => resolve());
            socket.on('error', () => resolve());
          }),
        ),
      );
      const health = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
      expect(health.status).toBe(200);
      // The server has seen every hang-up by the time it answers a later request.
      await new Promise((r) => setImmediate(r));
      expect(errors).toEqual([]);
    } finally {
      await local.close();
    }
  });
});

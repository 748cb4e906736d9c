/**
 * --auth KEY:SECRET: every request's SigV4 signature is verified against the pair; the
 * right key passes from every SDK client (and a presigned URL, and boto 2's scope), a
 * wrong secret or a tampered request is SignatureDoesNotMatch, an unknown key is
 * InvalidClientTokenId (EC2: AuthFailure), each in the service's error format.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import type { LocalEndpoint } from '../../src/local';
import { readSignature } from '../../src/local/auth';
import { clientConfig, CREDS, failure, raw, startTest, xmlText } from './helpers';

class Sha256 {
  readonly #h: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as Uint8Array));
  }

  update(data: Uint8Array): void {
    this.#h.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

let local: LocalEndpoint;

beforeAll(async () => {
  local = await startTest({ auth: CREDS });
});

afterAll(async () => {
  await local.close();
});

function signer(service: string, region = 'us-east-1', creds = CREDS, applyChecksum = true): SignatureV4 {
  return new SignatureV4({ credentials: creds, region, service, sha256: Sha256, applyChecksum });
}

function request(body: string, query: Record<string, string> = {}, method = 'POST'): HttpRequest {
  const url = new URL(local.endpoint);
  return {
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query,
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: body === '' ? undefined : body,
  };
}

async function send(req: HttpRequest): Promise<{ status: number; text: string }> {
  const qs = new URLSearchParams(req.query as Record<string, string>).toString().replace(/\+/g, '%20');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'host') headers[k] = v;
  const res = await raw(local.endpoint, { method: req.method, path: qs === '' ? '/' : `/?${qs}`, headers, ...(typeof req.body === 'string' ? { body: req.body } : {}) });
  return { status: res.status, text: res.text };
}

describe('the right key', () => {
  test('passes from every SDK client', async () => {
    const cfg = clientConfig(local.endpoint);
    const [groups, alarms, lbs, zones] = await Promise.all([
      new AutoScaling(cfg).describeAutoScalingGroups({}),
      new CloudWatch(cfg).describeAlarms({}),
      new ElasticLoadBalancing(cfg).describeLoadBalancers({}),
      new EC2(cfg).describeAvailabilityZones({ ZoneNames: ['us-east-1a'] }),
    ]);
    expect([groups.AutoScalingGroups, alarms.MetricAlarms, lbs.LoadBalancerDescriptions, zones.AvailabilityZones?.length]).toEqual([[], [], [], 1]);
    const put = await new CloudWatch(cfg).putMetricData({ Namespace: 'Signed', MetricData: [{ MetricName: 'm', Value: 1, Timestamp: new Date(local.clock.now()) }] });
    expect(put.$metadata.httpStatusCode).toBe(200);
    const big = Array.from({ length: 300 }, (_, i) => ({ MetricName: 'm', Dimensions: [{ Name: 'Shard', Value: `shard-${String(i).padStart(4, '0')}` }], Value: i }));
    const compressed = await new CloudWatch(cfg).putMetricData({ Namespace: 'Signed', MetricData: big });
    expect(compressed.$metadata.httpStatusCode).toBe(200);
  });

  test('passes for a hand-signed query request, a GET, and boto 2’s host-derived scope', async () => {
    const body = 'Action=DescribeAutoScalingGroups&Version=2011-01-01';
    expect((await send(await signer('autoscaling').sign(request(body)))).status).toBe(200);
    const get = await signer('autoscaling').sign(request('', { Action: 'DescribeAutoScalingGroups', Version: '2011-01-01', 'AutoScalingGroupNames.member.1': 'a b' }, 'GET'));
    expect((await send(get)).status).toBe(200);
    const boto2 = await signer('127', '0').sign(request('Action=DescribeLoadBalancers&Version=2012-06-01'));
    const res = await send(boto2);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">');
  });

  test('passes for a presigned URL, and not once it is tampered with', async () => {
    const presigned = await signer('ec2').presign(request('', { Action: 'DescribeRegions', Version: '2016-11-15' }, 'GET'), { expiresIn: 300 });
    const ok = await send(presigned);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">');
    expect(readSignature({ headers: {}, query: new URLSearchParams(presigned.query as Record<string, string>).toString() })).toMatchObject({ accessKeyId: CREDS.accessKeyId, service: 'ec2', region: 'us-east-1', presigned: true });
    const tampered = await send({ ...presigned, query: { ...presigned.query, Action: 'DescribeAvailabilityZones' } });
    expect([tampered.status, xmlText(tampered.text, 'Code')]).toEqual([403, 'SignatureDoesNotMatch']);
  });
});

describe('the signing time', () => {
  const MIN = 60_000;
  const body = 'Action=DescribeAutoScalingGroups&Version=2011-01-01';

  test('a signature up to 15 minutes from real time passes; older is expired, later is not yet current', async () => {
    expect((await send(await signer('autoscaling').sign(request(body), { signingDate: new Date(Date.now() - 10 * MIN) }))).status).toBe(200);
    const old = await send(await signer('autoscaling').sign(request(body), { signingDate: new Date(Date.UTC(2020, 0, 1)) }));
    expect(old.status).toBe(403);
    expect(xmlText(old.text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(xmlText(old.text, 'Message')).toMatch(/^Signature expired: 20200101T000000Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    const ahead = await send(await signer('autoscaling').sign(request(body), { signingDate: new Date(Date.now() + 20 * MIN) }));
    expect(ahead.status).toBe(403);
    expect(xmlText(ahead.text, 'Message')).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
  });

  test('EC2 answers RequestExpired; a presigned URL expires after X-Amz-Expires', async () => {
    const ec2 = await send(await signer('ec2').sign(request('Action=DescribeRegions&Version=2016-11-15'), { signingDate: new Date(Date.now() - 20 * MIN) }));
    expect([ec2.status, xmlText(ec2.text, 'Code'), xmlText(ec2.text, 'Message')]).toEqual([400, 'RequestExpired', 'Request has expired.']);
    const lapsed = await signer('autoscaling').presign(request('', { Action: 'DescribeAutoScalingGroups', Version: '2011-01-01' }, 'GET'), { expiresIn: 300, signingDate: new Date(Date.now() - 10 * MIN) });
    const res = await send(lapsed);
    expect([res.status, xmlText(res.text, 'Code')]).toEqual([403, 'SignatureDoesNotMatch']);
    expect(xmlText(res.text, 'Message')).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z\.$/);
  });
});

describe('a wrong signature', () => {
  test('a wrong secret is SignatureDoesNotMatch in each service’s format', async () => {
    const wrong = clientConfig(local.endpoint, { ...CREDS, secretAccessKey: 'not-the-secret' });
    const expected = { name: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH, status: 403, code: 'SignatureDoesNotMatch' };
    expect(await failure(new AutoScaling(wrong).describeAutoScalingGroups({}))).toEqual(expected);
    expect(await failure(new ElasticLoadBalancing(wrong).describeLoadBalancers({}))).toEqual(expected);
    expect(await failure(new EC2(wrong).describeRegions({}))).toEqual(expected);
    expect(await failure(new CloudWatch(wrong).describeAlarms({}))).toEqual(expected);
  });

  test('a request changed after signing is SignatureDoesNotMatch', async () => {
    const signed = await signer('autoscaling').sign(request('Action=DescribeAutoScalingGroups&Version=2011-01-01'));
    const res = await send({ ...signed, body: 'Action=DescribeAutoScalingGroups&Version=2011-01-01&MaxRecords=5' });
    expect(res.status).toBe(403);
    expect(res.text).toMatch(
      /^<ErrorResponse xmlns="http:\/\/autoscaling.amazonaws.com\/doc\/2011-01-01\/"><Error><Type>Sender<\/Type><Code>SignatureDoesNotMatch<\/Code><Message>The request signature we calculated does not match/,
    );
    const noHash = await signer('autoscaling', 'us-east-1', CREDS, false).sign(request('Action=DescribeAutoScalingGroups&Version=2011-01-01'));
    expect(noHash.headers['x-amz-content-sha256']).toBeUndefined();
    expect((await send(noHash)).status).toBe(200);
    expect((await send({ ...noHash, body: 'Action=DescribeAutoScalingGroups&Version=2011-01-01&MaxRecords=5' })).status).toBe(403);
    const json = await signer('monitoring').sign({ ...request('{}'), headers: { host: new URL(local.endpoint).host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' } });
    const jsonRes = await raw(local.endpoint, { headers: { ...json.headers, 'x-amz-target': 'GraniteServiceVersion20100801.DeleteAlarms' }, body: '{}' });
    expect([jsonRes.status, jsonRes.headers.get('x-amzn-query-error')]).toEqual([403, 'SignatureDoesNotMatch;Sender']);
    expect(JSON.parse(jsonRes.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#SignatureDoesNotMatch', message: SIGNATURE_MISMATCH });
  });

  test('an Authorization header without a signature is SignatureDoesNotMatch; one that cannot be read is IncompleteSignature', async () => {
    const cred = `Credential=${CREDS.accessKeyId}/20260101/us-east-1/autoscaling/aws4_request`;
    const noSig = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `AWS4-HMAC-SHA256 ${cred}, SignedHeaders=host` }, body: 'Action=DescribeAutoScalingGroups' });
    expect([noSig.status, xmlText(noSig.text, 'Code'), xmlText(noSig.text, 'Message')]).toEqual([403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH]);
    const garbage = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic dXNlcjpwYXNz' }, body: 'Action=DescribeAutoScalingGroups' });
    // AWS's Common Errors: IncompleteSignature is HTTP 400.
    expect([garbage.status, xmlText(garbage.text, 'Code')]).toEqual([400, 'IncompleteSignature']);
    const none = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeAutoScalingGroups' });
    expect([none.status, xmlText(none.text, 'Code'), xmlText(none.text, 'Message')]).toEqual([403, 'MissingAuthenticationToken', 'Request is missing Authentication Token']);
  });
});

describe('an unknown key', () => {
  test('is InvalidClientTokenId (EC2: AuthFailure), whatever the secret', async () => {
    const stranger = clientConfig(local.endpoint, { accessKeyId: 'AKIDSTRANGER', secretAccessKey: CREDS.secretAccessKey });
    const expected = { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403, code: 'InvalidClientTokenId' };
    expect(await failure(new AutoScaling(stranger).describeAutoScalingGroups({}))).toEqual(expected);
    expect(await failure(new ElasticLoadBalancing(stranger).describeLoadBalancers({}))).toEqual(expected);
    expect(await failure(new CloudWatch(stranger).describeAlarms({}))).toEqual(expected);
    expect(await failure(new EC2(stranger).describeRegions({}))).toEqual({ name: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials', status: 401, code: 'AuthFailure' });
  });
});

describe('the control API under --auth', () => {
  test('needs a signature too; a signed call passes', async () => {
    const unsigned = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
    expect([unsigned.status, xmlText(unsigned.text, 'Code')]).toEqual([403, 'MissingAuthenticationToken']);
    const url = new URL(local.endpoint);
    const signed = await signer('monitoring').sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/_botoscale/health', query: {}, headers: { host: url.host } });
    const res = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health', headers: signed.headers });
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as { status: string }).status).toBe('ok');
  });

  test('no answer carries the secret', async () => {
    const wrong = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `AWS4-HMAC-SHA256 Credential=${CREDS.accessKeyId}/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=abc` }, body: 'Action=DescribeAutoScalingGroups' });
    expect(wrong.text).not.toContain(CREDS.secretAccessKey);
    expect(wrong.text).not.toContain('AKIDLOCALTEST');
  });
});

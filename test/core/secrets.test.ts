/**
 * The secret access key never appears in anything botoscale prints or throws: String(),
 * util.inspect (even with showHidden and depth), JSON.stringify, error messages and the
 * printed form of errors, resource objects, regions, configs, logs.
 */
import { inspect } from 'node:util';
import { AutoScaleConnection, LaunchConfiguration } from '../../src/autoscale';
import { BotoClientError, BotoConfig, BotoServerError, resolveCredentials } from '../../src/core';
import { EC2Connection } from '../../src/ec2';
import { instanceXml, replyEc2, reservationsBody, reservationXml } from '../helpers/ec2';
import { WireMock } from '../helpers/wire';
import { replyLimits } from './conns';
import { tempFile } from './tmp';

const SECRET = 'Zq9SECRETneverPRINTED/x7Kp2+Lm4Wn6Yr8Tv0';
const DEEP = { showHidden: true, depth: 10 } as const;

/** Every way a value can be turned into text. */
function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value), inspect(value, DEEP), inspect(value, { ...DEEP, customInspect: false }), JSON.stringify(value) ?? ''];
  if (value instanceof Error) out.push(value.message, value.stack ?? '');
  return out;
}

function expectNoSecret(value: unknown): void {
  for (const text of renderings(value)) expect(text).not.toContain(SECRET);
}

function onWire(extra: ConstructorParameters<typeof AutoScaleConnection>[2] = {}): { conn: AutoScaleConnection; wire: WireMock; logs: string[] } {
  const wire = new WireMock();
  const logs: string[] = [];
  const log = (...args: unknown[]): void => { logs.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, DEEP))).join(' ')); };
  const conn = new AutoScaleConnection('AKIDSECRETTEST', SECRET, {
    env: {}, botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, logger: { debug: log, info: log, warn: log, error: log }, ...extra,
  });
  return { conn, wire, logs };
}

describe('the secret never appears', () => {
  test('in a connection: String, inspect (showHidden, depth 10, even without custom inspect), JSON', () => {
    const { conn } = onWire();
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    expectNoSecret(conn);
    expectNoSecret(conn.region);
    expectNoSecret(conn.provenance);
    expectNoSecret({ nested: { deeper: [conn] } });
  });

  test('in a connection after it has made its SDK client and sent a request, nor in that client or its config', async () => {
    const { conn, wire, logs } = onWire();
    replyLimits(wire);
    await conn.getAccountLimits();
    expectNoSecret(conn);
    const client = await conn.client();
    for (const text of [inspect(client, DEEP), inspect(client.config, DEEP)]) expect(text).not.toContain(SECRET);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(SECRET);
    // The request itself carries a signature, never the key.
    expect(JSON.stringify(wire.requests)).not.toContain(SECRET);
  });

  test('with keys from the boto config, the environment or the credentials option', () => {
    const file = tempFile('boto.cfg', `[Credentials]\naws_access_key_id = AKIDBOTO\naws_secret_access_key = ${SECRET}\n`);
    expectNoSecret(new AutoScaleConnection({ env: { BOTO_CONFIG: file } }));
    expectNoSecret(BotoConfig.load({ BOTO_CONFIG: file }));
    expectNoSecret(new AutoScaleConnection({ env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: SECRET } }));
    expectNoSecret(new EC2Connection({ env: {}, credentials: { accessKeyId: 'AKIDOPT', secretAccessKey: SECRET } }));
  });

  test('in what resolveCredentials returns', () => {
    const resolved = resolveCredentials({ awsAccessKeyId: 'AKID', awsSecretAccessKey: SECRET }, new BotoConfig());
    expect(resolved.source).toBe('arguments');
    expectNoSecret(resolved);
    expectNoSecret(resolveCredentials({}, new BotoConfig({ Credentials: { aws_access_key_id: 'A', aws_secret_access_key: SECRET } })));
    expectNoSecret(resolveCredentials({}, new BotoConfig(), { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: SECRET }));
  });

  test('in a BotoServerError from an AWS answer, printed any way', async () => {
    const { conn, wire } = onWire();
    wire.replyQueryError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    const err = await conn.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expectNoSecret(err);
    expect(inspect(err, DEEP)).toContain('SignatureDoesNotMatch');
  });

  test('in BotoClientErrors: validation, half-given keys, missing credentials, aborts, malformed config', async () => {
    const { conn } = onWire();
    const validation = await conn.getAllGroups({ maxRecords: 0 }).catch((e: unknown) => e);
    expect(validation).toBeInstanceOf(BotoClientError);
    expectNoSecret(validation);

    let half: unknown;
    try {
      new AutoScaleConnection(undefined, SECRET, { env: {} });
    } catch (e) {
      half = e;
    }
    expect(half).toBeInstanceOf(BotoClientError);
    expectNoSecret(half);

    const file = tempFile('bad.cfg', `[Credentials]\naws_secret_access_key = ${SECRET}\n${SECRET}\n`);
    let malformed: unknown;
    try {
      BotoConfig.load({ BOTO_CONFIG: file });
    } catch (e) {
      malformed = e;
    }
    expect(malformed).toBeInstanceOf(BotoClientError);
    expectNoSecret(malformed);

    const controller = new AbortController();
    controller.abort();
    const aborted = await conn.getAccountLimits({ signal: controller.signal }).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(BotoClientError);
    expectNoSecret(aborted);
  });

  test('in resource objects, bound to a connection', async () => {
    const { conn, wire } = onWire();
    wire.replyQuery('http://autoscaling.amazonaws.com/doc/2011-01-01/', 'CreateLaunchConfiguration', null);
    const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId: 'ami-12345678', keyName: 'my_key' });
    await conn.createLaunchConfiguration(lc);
    expect(lc.connection).toBe(conn);
    expectNoSecret(lc);
    expectNoSecret([lc]);

    const ec2Wire = new WireMock();
    const ec2 = new EC2Connection('AKIDEC2', SECRET, { env: {}, requestHandler: ec2Wire.handler });
    replyEc2(ec2Wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml()])]));
    const page = await ec2.getAllReservations();
    expectNoSecret(page);
    expectNoSecret(page[0].instances[0]);
  });
});

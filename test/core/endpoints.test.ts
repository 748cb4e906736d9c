/**
 * Endpoints botoscale leaves to the AWS SDK: every region and partition the SDK knows,
 * FIPS and dual-stack from options, the environment and the shared config file; the host
 * a connection prints is the one the SDK resolves (synchronously, from the SDK's own
 * endpoint ruleset) and the one the request goes to, checked on the wire. Explicit and boto
 * config endpoints still win.
 */
import { AutoScaleConnection, connectToRegion as autoscaleConnect, regions as autoscaleRegions } from '../../src/autoscale';
import { CloudWatchConnection, connectToRegion as cloudwatchConnect } from '../../src/cloudwatch';
import { BotoClientError, BotoConfig, RegionInfo, sdkHost, type ConnectionOptions, type ResolvedEndpoint } from '../../src';
import { EC2Connection, connectToRegion as ec2Connect } from '../../src/ec2';
import { ELBConnection, connectToRegion as elbConnect } from '../../src/elb';
import { WireMock } from '../helpers/wire';
import { replyLimits, signedRegion } from './conns';
import { tempFile } from './tmp';

const KEYS = ['AKIDENDPOINT', 'endpointTestSecret/0123456789abcdefghij'] as const;

function autoscale(options: ConnectionOptions = {}): { conn: AutoScaleConnection; wire: WireMock } {
  const wire = new WireMock();
  const conn = new AutoScaleConnection(...KEYS, { env: {}, botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, ...options });
  return { conn, wire };
}

async function sent(conn: AutoScaleConnection, wire: WireMock): Promise<{ host: string; region: string | undefined }> {
  replyLimits(wire);
  await conn.getAccountLimits();
  return { host: wire.last.headers.host, region: signedRegion(wire.last.headers) };
}

/** Sets process.env variables for one test, restoring them after. */
async function withProcessEnv(vars: Record<string, string>, run: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('every partition and region the SDK knows', () => {
  test('the EU sovereign cloud is amazonaws.eu, as the SDK resolves it', async () => {
    expect(String(new AutoScaleConnection({ region: 'eusc-de-east-1' }))).toBe('AutoScaleConnection:autoscaling.eusc-de-east-1.amazonaws.eu');
    const { conn, wire } = autoscale({ region: 'eusc-de-east-1' });
    expect(conn.endpoint).toBe('https://autoscaling.eusc-de-east-1.amazonaws.eu');
    expect(await sent(conn, wire)).toEqual({ host: 'autoscaling.eusc-de-east-1.amazonaws.eu', region: 'eusc-de-east-1' });
  });

  test('ap-southeast-6 is accepted by every service, by name and through connectToRegion', async () => {
    expect([
      String(autoscaleConnect('ap-southeast-6', { env: {} })),
      String(cloudwatchConnect('ap-southeast-6', { env: {} })),
      String(elbConnect('ap-southeast-6', { env: {} })),
      String(ec2Connect('ap-southeast-6', { env: {} })),
    ]).toEqual([
      'AutoScaleConnection:autoscaling.ap-southeast-6.amazonaws.com',
      'CloudWatchConnection:monitoring.ap-southeast-6.amazonaws.com',
      'ELBConnection:elasticloadbalancing.ap-southeast-6.amazonaws.com',
      'EC2Connection:ec2.ap-southeast-6.amazonaws.com',
    ]);
    const { conn, wire } = autoscale({ region: 'ap-southeast-6' });
    expect(await sent(conn, wire)).toEqual({ host: 'autoscaling.ap-southeast-6.amazonaws.com', region: 'ap-southeast-6' });
  });

  test('each region() host is where a connection to it sends, in every partition', async () => {
    const partitionSamples = ['us-west-2', 'cn-northwest-1', 'eusc-de-east-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'us-gov-east-1'];
    for (const name of partitionSamples) {
      const region = autoscaleRegions().find((r) => r.name === name);
      if (region === undefined) throw new Error(`regions() lacks ${name}`);
      const wire = new WireMock();
      const conn = region.connect({ credentials: { accessKeyId: KEYS[0], secretAccessKey: KEYS[1] }, requestHandler: wire.handler, env: {}, maxAttempts: 1 });
      expect({ name, ...(await sent(conn, wire)) }).toEqual({ name, host: region.endpoint, region: name });
    }
  });
});

describe('FIPS and dual-stack', () => {
  test('AWS_USE_FIPS_ENDPOINT=true gives the FIPS host, printed and sent to', async () => {
    const { conn, wire } = autoscale({ env: { AWS_USE_FIPS_ENDPOINT: 'true' } });
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling-fips.us-east-1.amazonaws.com');
    expect(await sent(conn, wire)).toEqual({ host: 'autoscaling-fips.us-east-1.amazonaws.com', region: 'us-east-1' });
  });

  test('AWS_USE_FIPS_ENDPOINT in process.env, for every service', async () => {
    await withProcessEnv({ AWS_USE_FIPS_ENDPOINT: 'true' }, async () => {
      expect([String(new AutoScaleConnection()), String(new CloudWatchConnection()), String(new ELBConnection()), String(new EC2Connection({ region: 'us-west-2' }))]).toEqual([
        'AutoScaleConnection:autoscaling-fips.us-east-1.amazonaws.com',
        'CloudWatchConnection:monitoring-fips.us-east-1.amazonaws.com',
        'ELBConnection:elasticloadbalancing-fips.us-east-1.amazonaws.com',
        'EC2Connection:ec2-fips.us-west-2.amazonaws.com',
      ]);
      const wire = new WireMock();
      const conn = new AutoScaleConnection(...KEYS, { botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, region: 'eu-west-1' });
      expect(await sent(conn, wire)).toEqual({ host: 'autoscaling-fips.eu-west-1.amazonaws.com', region: 'eu-west-1' });
    });
  });

  test('AWS_USE_DUALSTACK_ENDPOINT, and both together, as the partition names them', async () => {
    const a = autoscale({ env: { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, region: 'eu-west-1' });
    expect(a.conn.host).toBe('autoscaling.eu-west-1.api.aws');
    expect((await sent(a.conn, a.wire)).host).toBe('autoscaling.eu-west-1.api.aws');
    const b = autoscale({ env: { AWS_USE_DUALSTACK_ENDPOINT: 'true', AWS_USE_FIPS_ENDPOINT: 'true' }, region: 'cn-north-1' });
    expect(b.conn.host).toBe('autoscaling-fips.cn-north-1.api.amazonwebservices.com.cn');
    expect((await sent(b.conn, b.wire)).host).toBe('autoscaling-fips.cn-north-1.api.amazonwebservices.com.cn');
  });

  test('the options come before the environment', async () => {
    const a = autoscale({ useFipsEndpoint: false, env: { AWS_USE_FIPS_ENDPOINT: 'true' } });
    expect((await sent(a.conn, a.wire)).host).toBe('autoscaling.us-east-1.amazonaws.com');
    const b = autoscale({ useFipsEndpoint: true, useDualstackEndpoint: true, region: 'us-gov-west-1' });
    expect(b.conn.host).toBe('autoscaling-fips.us-gov-west-1.api.aws');
    expect((await sent(b.conn, b.wire)).host).toBe('autoscaling-fips.us-gov-west-1.api.aws');
  });

  test('a value other than true or false is refused, naming the variable or option', () => {
    expect(() => autoscale({ env: { AWS_USE_FIPS_ENDPOINT: 'yes' } })).toThrow(new BotoClientError('AWS_USE_FIPS_ENDPOINT must be "true" or "false", not "yes"'));
    expect(() => autoscale({ env: { AWS_USE_DUALSTACK_ENDPOINT: '1' } })).toThrow(new BotoClientError('AWS_USE_DUALSTACK_ENDPOINT must be "true" or "false", not "1"'));
    const plainJs = { useFipsEndpoint: 'true' } as unknown as ConnectionOptions;
    expect(() => autoscale(plainJs)).toThrow(new BotoClientError('useFipsEndpoint must be true or false, not "true"'));
  });

  test('a combination the SDK\'s ruleset refuses is a BotoClientError with its words', () => {
    const refuses = (): ResolvedEndpoint => {
      throw new Error('FIPS is enabled but this partition does not support FIPS');
    };
    const resolve = (): string => sdkHost(refuses, 'autoscaling', 'xx-east-1', { useFipsEndpoint: true, useDualstackEndpoint: undefined });
    expect(resolve).toThrow(BotoClientError);
    expect(resolve).toThrow(/^no autoscaling endpoint in xx-east-1 with useFipsEndpoint true and useDualstackEndpoint false: FIPS is enabled but this partition does not support FIPS$/);
  });

  test('a setting only the shared config file holds shows in the host after the first call', async () => {
    const config = tempFile('config', '[default]\nuse_fips_endpoint = true\n');
    await withProcessEnv({ AWS_CONFIG_FILE: config }, async () => {
      const wire = new WireMock();
      const conn = new AutoScaleConnection(...KEYS, { botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, region: 'us-west-1' });
      expect(conn.host).toBe('autoscaling.us-west-1.amazonaws.com');
      expect(await sent(conn, wire)).toEqual({ host: 'autoscaling-fips.us-west-1.amazonaws.com', region: 'us-west-1' });
      expect(String(conn)).toBe('AutoScaleConnection:autoscaling-fips.us-west-1.amazonaws.com');
      expect(conn.endpoint).toBe('https://autoscaling-fips.us-west-1.amazonaws.com');
    });
  });

  test('an env option is the whole environment: the SDK reads no endpoint setting elsewhere', async () => {
    const config = tempFile('config', '[default]\nuse_fips_endpoint = true\nendpoint_url = http://from-shared-config:1\n');
    await withProcessEnv({ AWS_CONFIG_FILE: config, AWS_USE_FIPS_ENDPOINT: 'true', AWS_ENDPOINT_URL: 'http://from-process-env:1' }, async () => {
      const { conn, wire } = autoscale({ region: 'us-west-1' });
      expect(await sent(conn, wire)).toEqual({ host: 'autoscaling.us-west-1.amazonaws.com', region: 'us-west-1' });
      expect(String(conn)).toBe('AutoScaleConnection:autoscaling.us-west-1.amazonaws.com');
    });
  });
});

describe('given endpoints still win', () => {
  test('an endpoint option, a boto config endpoint and AWS_ENDPOINT_URL outrank FIPS', async () => {
    const env = { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' };
    const a = autoscale({ env, endpoint: 'http://127.0.0.1:4599' });
    expect([String(a.conn), (await sent(a.conn, a.wire)).host]).toEqual(['AutoScaleConnection:127.0.0.1:4599', '127.0.0.1:4599']);
    const b = autoscale({ env, botoConfig: new BotoConfig({ Boto: { autoscale_endpoint: 'autoscaling.eu-west-1.amazonaws.com' } }) });
    expect(await sent(b.conn, b.wire)).toEqual({ host: 'autoscaling.eu-west-1.amazonaws.com', region: 'eu-west-1' });
    const c = autoscale({ env: { ...env, AWS_ENDPOINT_URL: 'http://proxy.example:8080' } });
    expect((await sent(c.conn, c.wire)).host).toBe('proxy.example:8080');
  });

  test('a region\'s plain AWS host (as EC2 DescribeRegions lists it) is left to the SDK, so FIPS still applies', () => {
    const listed = new RegionInfo<AutoScaleConnection>('eu-west-1', 'autoscaling.eu-west-1.amazonaws.com');
    const { conn } = autoscale({ region: listed, env: { AWS_USE_FIPS_ENDPOINT: 'true' } });
    expect([conn.host, conn.provenance.endpoint]).toEqual(['autoscaling-fips.eu-west-1.amazonaws.com', 'default']);
  });
});

/**
 * Region and endpoint resolution, in the documented order:
 *   region:   option → boto config `<svc>_region_name` → the region an AWS endpoint names →
 *             AWS_REGION → AWS_DEFAULT_REGION → us-east-1;
 *   endpoint: option → a RegionInfo's own endpoint → boto config `<svc>_endpoint` (unless the
 *             region was given) → AWS_ENDPOINT_URL_<SVC> → AWS_ENDPOINT_URL → the AWS default.
 * Each case is checked on the wire: the Host a request went to and the region it was signed for.
 */
import { AutoScaleConnection, regions as autoscaleRegions } from '../../src/autoscale';
import { BotoClientError, BotoConfig, RegionInfo } from '../../src/core';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { EC2Connection } from '../../src/ec2';
import { ELBConnection } from '../../src/elb';
import { WireMock } from '../helpers/wire';
import { CLOUDWATCH_LIKE, ELB_LIKE, replyLimits, signedRegion, SpecConnection } from './conns';
import { tempFile } from './tmp';

const KEYS = ['AKIDREGION', 'regionTestSecret/0123456789abcdefghijkl'] as const;

async function sendFrom(conn: SpecConnection | AutoScaleConnection, wire: WireMock): Promise<{ host: string; region: string | undefined }> {
  replyLimits(wire);
  if (conn instanceof SpecConnection) await conn.ping();
  else await conn.getAccountLimits();
  return { host: wire.last.headers.host, region: signedRegion(wire.last.headers) };
}

function autoscale(options: ConstructorParameters<typeof AutoScaleConnection>[2] = {}): { conn: AutoScaleConnection; wire: WireMock } {
  const wire = new WireMock();
  const conn = new AutoScaleConnection(...KEYS, { env: {}, botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, ...options });
  return { conn, wire };
}

describe('region', () => {
  test('an explicit region option comes first', async () => {
    const { conn, wire } = autoscale({
      region: 'eu-west-1',
      botoConfig: new BotoConfig({ Boto: { autoscale_region_name: 'ap-south-1' } }),
      env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1' },
    });
    expect(conn.region.name).toBe('eu-west-1');
    expect(conn.provenance.region).toBe('option');
    expect(await sendFrom(conn, wire)).toEqual({ host: 'autoscaling.eu-west-1.amazonaws.com', region: 'eu-west-1' });
  });

  test('a RegionInfo option, as regions() gives', async () => {
    const euc1 = autoscaleRegions().find((r) => r.name === 'eu-central-1') as RegionInfo;
    const { conn, wire } = autoscale({ region: euc1 as RegionInfo<AutoScaleConnection> });
    expect(await sendFrom(conn, wire)).toEqual({ host: 'autoscaling.eu-central-1.amazonaws.com', region: 'eu-central-1' });
  });

  test('then the boto config file [Boto] autoscale_region_name (read from BOTO_CONFIG)', async () => {
    const file = tempFile('boto.cfg', '[Boto]\nautoscale_region_name = ap-southeast-2\n');
    const { conn, wire } = autoscale({ botoConfig: undefined, env: { BOTO_CONFIG: file, AWS_REGION: 'us-west-2' } });
    expect(conn.provenance.region).toBe('boto config');
    expect(await sendFrom(conn, wire)).toEqual({ host: 'autoscaling.ap-southeast-2.amazonaws.com', region: 'ap-southeast-2' });
  });

  test('then AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    const a = autoscale({ env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1' } });
    expect(a.conn.provenance.region).toBe('environment');
    expect(await sendFrom(a.conn, a.wire)).toEqual({ host: 'autoscaling.us-west-2.amazonaws.com', region: 'us-west-2' });
    const b = autoscale({ env: { AWS_DEFAULT_REGION: 'us-west-1' } });
    expect(await sendFrom(b.conn, b.wire)).toEqual({ host: 'autoscaling.us-west-1.amazonaws.com', region: 'us-west-1' });
  });

  test('then us-east-1, as boto2', async () => {
    const { conn, wire } = autoscale();
    expect(conn.provenance).toEqual({ region: 'default', endpoint: 'default', credentials: 'arguments' });
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    expect(await sendFrom(conn, wire)).toEqual({ host: 'autoscaling.us-east-1.amazonaws.com', region: 'us-east-1' });
  });

  test('an unknown region name is a BotoClientError listing the known ones', () => {
    expect(() => autoscale({ region: 'mars-north-1' })).toThrow(BotoClientError);
    expect(() => autoscale({ region: 'mars-north-1' })).toThrow(/^unknown region "mars-north-1"; known regions: af-south-1, .*, eu-west-1, .*, us-east-1, .*cn-northwest-1, eusc-de-east-1, .*us-gov-west-1$/);
  });

  test('any region name goes with an explicit endpoint (for AWS-compatible services)', async () => {
    const { conn, wire } = autoscale({ region: 'local-1', endpoint: 'http://127.0.0.1:4566' });
    expect(await sendFrom(conn, wire)).toEqual({ host: '127.0.0.1:4566', region: 'local-1' });
  });

  test('boto2 tutorial set-up: only autoscale_endpoint in the boto config; requests are signed for its region', async () => {
    const file = tempFile('boto.cfg', '[Boto]\nautoscale_endpoint = autoscaling.eu-west-1.amazonaws.com\n');
    const { conn, wire } = autoscale({ botoConfig: undefined, env: { BOTO_CONFIG: file, AWS_REGION: 'us-west-2' } });
    expect(conn.provenance).toMatchObject({ region: 'endpoint', endpoint: 'boto config' });
    expect(conn.region.name).toBe('eu-west-1');
    expect(await sendFrom(conn, wire)).toEqual({ host: 'autoscaling.eu-west-1.amazonaws.com', region: 'eu-west-1' });
  });

  test('the region of an AWS endpoint given as option or in AWS_ENDPOINT_URL is the one signed for; legacy hosts mean us-east-1', async () => {
    const a = autoscale({ endpoint: 'https://autoscaling.ap-northeast-1.amazonaws.com' });
    expect(await sendFrom(a.conn, a.wire)).toEqual({ host: 'autoscaling.ap-northeast-1.amazonaws.com', region: 'ap-northeast-1' });
    const b = autoscale({ env: { AWS_ENDPOINT_URL: 'https://autoscaling.cn-north-1.amazonaws.com.cn', AWS_REGION: 'us-west-2' } });
    expect(await sendFrom(b.conn, b.wire)).toEqual({ host: 'autoscaling.cn-north-1.amazonaws.com.cn', region: 'cn-north-1' });
    const c = autoscale({ endpoint: 'autoscaling.amazonaws.com', env: { AWS_REGION: 'eu-west-1' } });
    expect(await sendFrom(c.conn, c.wire)).toEqual({ host: 'autoscaling.amazonaws.com', region: 'us-east-1' });
  });

  test('a non-AWS endpoint does not change the region', async () => {
    const { conn, wire } = autoscale({ endpoint: 'http://localhost:4566', env: { AWS_REGION: 'eu-north-1' } });
    expect(conn.provenance.region).toBe('environment');
    expect(await sendFrom(conn, wire)).toEqual({ host: 'localhost:4566', region: 'eu-north-1' });
  });

  test('a region in the boto config outranks the region an endpoint names', () => {
    const { conn } = autoscale({ botoConfig: new BotoConfig({ Boto: { autoscale_region_name: 'eu-west-2', autoscale_endpoint: 'autoscaling.eu-west-1.amazonaws.com' } }) });
    expect([conn.region.name, conn.host, conn.provenance.region]).toEqual(['eu-west-2', 'autoscaling.eu-west-1.amazonaws.com', 'boto config']);
  });
});

describe('endpoint', () => {
  test('an explicit endpoint option comes first (URL or bare host)', async () => {
    const a = autoscale({
      endpoint: 'http://localhost:5000',
      botoConfig: new BotoConfig({ Boto: { autoscale_endpoint: 'autoscaling.eu-west-1.amazonaws.com' } }),
      env: { AWS_ENDPOINT_URL: 'http://env:1', AWS_ENDPOINT_URL_AUTO_SCALING: 'http://env:2' },
    });
    expect(a.conn.provenance.endpoint).toBe('option');
    expect(a.conn.endpoint).toBe('http://localhost:5000');
    expect(String(a.conn)).toBe('AutoScaleConnection:localhost:5000');
    expect((await sendFrom(a.conn, a.wire)).host).toBe('localhost:5000');
    const b = autoscale({ endpoint: 'proxy.example.com:8443' });
    expect(b.conn.endpoint).toBe('https://proxy.example.com:8443');
    expect((await sendFrom(b.conn, b.wire)).host).toBe('proxy.example.com:8443');
  });

  test('a RegionInfo with its own endpoint (from a botoscale local region list, say)', async () => {
    const region = new RegionInfo<AutoScaleConnection>('us-east-1', 'http://127.0.0.1:7000');
    const { conn, wire } = autoscale({ region, env: { AWS_ENDPOINT_URL: 'http://env:1' } });
    expect(conn.provenance.endpoint).toBe('region');
    expect(await sendFrom(conn, wire)).toEqual({ host: '127.0.0.1:7000', region: 'us-east-1' });
  });

  test('then the boto config [Boto] autoscale_endpoint', async () => {
    const file = tempFile('boto.cfg', '[Boto]\nautoscale_region_name = us-west-2\nautoscale_endpoint = http://boto-endpoint:9000\n');
    const { conn, wire } = autoscale({ botoConfig: undefined, env: { BOTO_CONFIG: file, AWS_ENDPOINT_URL: 'http://env:1' } });
    expect(conn.provenance).toMatchObject({ region: 'boto config', endpoint: 'boto config' });
    expect(await sendFrom(conn, wire)).toEqual({ host: 'boto-endpoint:9000', region: 'us-west-2' });
  });

  test('the boto config endpoint belongs to its region: an explicit region skips it', async () => {
    const { conn, wire } = autoscale({ region: 'eu-west-1', botoConfig: new BotoConfig({ Boto: { autoscale_endpoint: 'http://boto-endpoint:9000' } }) });
    expect(conn.provenance.endpoint).toBe('default');
    expect((await sendFrom(conn, wire)).host).toBe('autoscaling.eu-west-1.amazonaws.com');
  });

  test('then AWS_ENDPOINT_URL_AUTO_SCALING, then AWS_ENDPOINT_URL', async () => {
    const a = autoscale({ env: { AWS_ENDPOINT_URL_AUTO_SCALING: 'http://per-service:4566', AWS_ENDPOINT_URL: 'http://global:4566' } });
    expect(a.conn.provenance.endpoint).toBe('environment');
    expect((await sendFrom(a.conn, a.wire)).host).toBe('per-service:4566');
    const b = autoscale({ env: { AWS_ENDPOINT_URL: 'http://global:4566' } });
    expect((await sendFrom(b.conn, b.wire)).host).toBe('global:4566');
  });

  test('the environment endpoint also applies to a region given by name', async () => {
    const { conn, wire } = autoscale({ region: 'eu-west-1', env: { AWS_ENDPOINT_URL: 'http://global:4566' } });
    expect(await sendFrom(conn, wire)).toEqual({ host: 'global:4566', region: 'eu-west-1' });
  });

  test('the default is the service host of the region (.com.cn in China)', async () => {
    const { conn, wire } = autoscale({ region: 'cn-north-1' });
    expect(conn.endpoint).toBe('https://autoscaling.cn-north-1.amazonaws.com.cn');
    expect((await sendFrom(conn, wire)).host).toBe('autoscaling.cn-north-1.amazonaws.com.cn');
  });
});

describe('the same keys for the other services', () => {
  const cases: [string, SpecConnection | EC2Connection | ELBConnection | CloudWatchConnection, string][] = [];
  const boto = new BotoConfig({
    Boto: {
      elb_region_name: 'eu-west-1', elb_region_endpoint: 'http://elb.local:1',
      cloudwatch_region_name: 'ap-south-1', cloudwatch_region_endpoint: 'http://cw.local:2',
      ec2_region_name: 'sa-east-1', ec2_region_endpoint: 'http://ec2.local:3',
    },
  });
  cases.push(['elb (as its spec reads)', new SpecConnection(ELB_LIKE, ...KEYS, { botoConfig: boto, env: {} }), 'eu-west-1 elb.local:1']);
  cases.push(['elb (ELBConnection)', new ELBConnection(...KEYS, { botoConfig: boto, env: {} }), 'eu-west-1 elb.local:1']);
  cases.push(['cloudwatch (as its spec reads)', new SpecConnection(CLOUDWATCH_LIKE, ...KEYS, { botoConfig: boto, env: {} }), 'ap-south-1 cw.local:2']);
  cases.push(['cloudwatch (CloudWatchConnection)', new CloudWatchConnection(...KEYS, { botoConfig: boto, env: {} }), 'ap-south-1 cw.local:2']);
  cases.push(['ec2', new EC2Connection(...KEYS, { botoConfig: boto, env: {} }), 'sa-east-1 ec2.local:3']);

  test.each(cases)('%s_region_name and its endpoint key', (_name, conn, expected) => {
    expect(`${conn.region.name} ${conn.host}`).toBe(expected);
    expect(conn.provenance).toMatchObject({ region: 'boto config', endpoint: 'boto config' });
  });

  test('their AWS_ENDPOINT_URL_<SERVICE> variables and default hosts', () => {
    const env = { AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING: 'http://elb:1', AWS_ENDPOINT_URL_CLOUDWATCH: 'http://cw:2', AWS_ENDPOINT_URL_EC2: 'http://ec2:3' };
    expect(new SpecConnection(ELB_LIKE, ...KEYS, { env }).host).toBe('elb:1');
    expect(new ELBConnection(...KEYS, { env }).host).toBe('elb:1');
    expect(new SpecConnection(CLOUDWATCH_LIKE, ...KEYS, { env }).host).toBe('cw:2');
    expect(new CloudWatchConnection(...KEYS, { env }).host).toBe('cw:2');
    expect(new EC2Connection(...KEYS, { env }).host).toBe('ec2:3');
    expect(new SpecConnection(ELB_LIKE, ...KEYS, { env: {}, region: 'eu-west-1' }).host).toBe('elasticloadbalancing.eu-west-1.amazonaws.com');
    expect(new SpecConnection(CLOUDWATCH_LIKE, ...KEYS, { env: {}, region: 'eu-west-1' }).host).toBe('monitoring.eu-west-1.amazonaws.com');
    expect(new SpecConnection(ELB_LIKE, ...KEYS, { env: { AWS_ENDPOINT_URL_AUTO_SCALING: 'http://as:1' } }).host).toBe('elasticloadbalancing.us-east-1.amazonaws.com');
  });
});

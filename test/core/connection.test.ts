import { inspect } from 'node:util';
import type { AutoScaling } from '@aws-sdk/client-auto-scaling';
import * as autoscale from '../../src/autoscale';
import { AutoScaleConnection } from '../../src/autoscale';
import { BotoClientError, BotoConfig, KNOWN_REGIONS, RegionInfo, regionFunctions, type ServiceSpec } from '../../src/core';
import { WireMock } from '../helpers/wire';
import { CLOUDWATCH_LIKE, replyLimits, SpecConnection, testSpec } from './conns';

const SECRET = 'connTestSECRET/abcdefghijklmnopqrstuvwxy';

describe('printing', () => {
  test('boto2\'s repr: ClassName:host', () => {
    const conn = new AutoScaleConnection('AKID', SECRET, { env: {}, botoConfig: new BotoConfig() });
    expect(conn.toString()).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    expect(inspect(conn)).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    expect(`${new AutoScaleConnection({ region: 'eu-west-1', env: {} })}`).toBe('AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com');
  });

  test('JSON shows where settings came from, never the secret', () => {
    const conn = new AutoScaleConnection('AKID', SECRET, { env: {}, botoConfig: new BotoConfig() });
    expect(JSON.parse(JSON.stringify(conn))).toEqual({
      host: 'autoscaling.us-east-1.amazonaws.com',
      region: 'us-east-1',
      awsAccessKeyId: 'AKID',
      provenance: { region: 'default', endpoint: 'default', credentials: 'arguments' },
    });
  });
});

describe('regions() and connectToRegion()', () => {
  test('regions() gives every region the SDK knows as RegionInfo:NAME with the host the SDK resolves', () => {
    const all = autoscale.regions();
    expect(all.map((r) => r.name)).toEqual([...KNOWN_REGIONS]);
    expect(all.every((r) => r instanceof RegionInfo)).toBe(true);
    expect(String(all[0])).toBe('RegionInfo:af-south-1');
    expect(inspect(all.slice(0, 2))).toBe('[ RegionInfo:af-south-1, RegionInfo:ap-east-1 ]');
    expect(all[0].endpoint).toBe('autoscaling.af-south-1.amazonaws.com');
    expect(all[0].explicitEndpoint).toBeUndefined();
    const endpoint = (name: string): string | undefined => all.find((r) => r.name === name)?.endpoint;
    expect(endpoint('cn-north-1')).toBe('autoscaling.cn-north-1.amazonaws.com.cn');
    expect(endpoint('eusc-de-east-1')).toBe('autoscaling.eusc-de-east-1.amazonaws.eu');
    expect(endpoint('ap-southeast-6')).toBe('autoscaling.ap-southeast-6.amazonaws.com');
    expect(endpoint('us-iso-east-1')).toBe('autoscaling.us-iso-east-1.c2s.ic.gov');
    expect(JSON.parse(JSON.stringify(all[0]))).toEqual({ name: 'af-south-1', endpoint: 'autoscaling.af-south-1.amazonaws.com' });
  });

  test('RegionInfo.connect() gives a connection there, with the options given', async () => {
    const wire = new WireMock();
    const region = autoscale.regions().find((r) => r.name === 'eu-west-1') as RegionInfo<AutoScaleConnection>;
    const conn = region.connect({ credentials: { accessKeyId: 'AKIDEU', secretAccessKey: SECRET }, requestHandler: wire.handler, env: {} });
    expect(conn).toBeInstanceOf(AutoScaleConnection);
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com');
    expect(conn.region.name).toBe('eu-west-1');
    replyLimits(wire);
    await conn.getAccountLimits();
    expect(wire.last.headers.host).toBe('autoscaling.eu-west-1.amazonaws.com');
    expect(wire.last.headers.authorization).toContain('Credential=AKIDEU/');
  });

  test('connectToRegion with a known name, as the tutorial does', () => {
    const conn = autoscale.connectToRegion('eu-west-1', { env: {} });
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com');
    expect(conn.provenance.region).toBe('option');
  });

  test('connectToRegion with an unknown name is a BotoClientError listing the known ones', () => {
    let err: unknown;
    try {
      autoscale.connectToRegion('eu-westish-9');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toBe(`unknown region "eu-westish-9"; known regions: ${KNOWN_REGIONS.join(', ')}`);
  });

  test('a RegionInfo without a connection class says so', () => {
    expect(() => new RegionInfo('us-east-1', 'x').connect()).toThrow(new BotoClientError('RegionInfo:us-east-1 has no connection class to connect with'));
  });

  test('regionFunctions builds both for any service spec', () => {
    const made: string[] = [];
    const fns = regionFunctions(CLOUDWATCH_LIKE, (o) => {
      made.push(`${String((o.region as RegionInfo).name)} ${(o.region as RegionInfo).endpoint} ${String(o.maxAttempts)}`);
      return made.length;
    });
    expect(fns.regions().find((r) => r.name === 'us-west-2')?.endpoint).toBe('monitoring.us-west-2.amazonaws.com');
    expect(fns.connectToRegion('ap-south-1', { maxAttempts: 2 })).toBe(1);
    expect(made).toEqual(['ap-south-1 monitoring.ap-south-1.amazonaws.com 2']);
  });

  test('a connection\'s own region can connect() again, as in boto2 (conn.region.connect())', async () => {
    const wire = new WireMock();
    const conn = new AutoScaleConnection('AKID', SECRET, { region: 'ap-south-1', env: {} });
    const again = conn.region.connect({ credentials: { accessKeyId: 'AKID2', secretAccessKey: SECRET }, requestHandler: wire.handler, env: {} });
    expect(again).toBeInstanceOf(AutoScaleConnection);
    expect(again).not.toBe(conn);
    expect(String(again)).toBe('AutoScaleConnection:autoscaling.ap-south-1.amazonaws.com');
    const local = new AutoScaleConnection('AKID', SECRET, { endpoint: 'http://127.0.0.1:4566', env: {} });
    expect(String(local.region.connect({ env: {} }))).toBe('AutoScaleConnection:127.0.0.1:4566');
  });
});

describe('the SDK client', () => {
  function counting(): { spec: ServiceSpec<AutoScaling>; created: AutoScaling[]; destroyed: () => number } {
    const created: AutoScaling[] = [];
    let destroyed = 0;
    const base = testSpec('autoscale', 'autoscaling', 'AUTO_SCALING', 'autoscale_region_name', 'autoscale_endpoint');
    const spec: ServiceSpec<AutoScaling> = {
      ...base,
      async createClient(config) {
        const client = await base.createClient(config);
        const destroy = client.destroy.bind(client);
        client.destroy = () => { destroyed += 1; destroy(); };
        created.push(client);
        return client;
      },
    };
    return { spec, created, destroyed: () => destroyed };
  }

  test('is created on the first call only, then reused', async () => {
    const { spec, created } = counting();
    const wire = new WireMock();
    const conn = new SpecConnection(spec, 'AKID', SECRET, { requestHandler: wire.handler, env: {} });
    expect(created).toHaveLength(0);
    replyLimits(wire, 1);
    replyLimits(wire, 2);
    expect([await conn.ping(), await conn.ping()]).toEqual([1, 2]);
    expect(created).toHaveLength(1);
    expect(await conn.client()).toBe(created[0]);
  });

  test('close() releases it; the next call makes a new one', async () => {
    const { spec, created, destroyed } = counting();
    const wire = new WireMock();
    const conn = new SpecConnection(spec, 'AKID', SECRET, { requestHandler: wire.handler, env: {} });
    conn.close();
    expect(created).toHaveLength(0);
    replyLimits(wire);
    await conn.ping();
    conn.close();
    await new Promise((r) => setImmediate(r));
    expect(destroyed()).toBe(1);
    replyLimits(wire);
    await conn.ping();
    expect(created).toHaveLength(2);
  });

  test('gets the endpoint the connection reports, even when process.env says otherwise', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://leaked-from-process-env:1';
    try {
      const wire = new WireMock();
      const conn = new AutoScaleConnection('AKID', SECRET, { env: {}, requestHandler: wire.handler });
      replyLimits(wire);
      await conn.getAccountLimits();
      expect(conn.endpoint).toBe('https://autoscaling.us-east-1.amazonaws.com');
      expect(wire.last.headers.host).toBe('autoscaling.us-east-1.amazonaws.com');
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });

  test('a client that cannot be created is a BotoClientError, not a raw error', async () => {
    let attempts = 0;
    const spec: ServiceSpec<AutoScaling> = {
      ...testSpec('autoscale', 'autoscaling', 'AUTO_SCALING', 'autoscale_region_name', 'autoscale_endpoint'),
      createClient: () => { attempts += 1; return Promise.reject(new Error("Cannot find module '@aws-sdk/client-auto-scaling'")); },
    };
    const conn = new SpecConnection(spec, 'AKID', SECRET, { env: {} });
    const err = await conn.ping().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toBe("could not create the AWS SDK client: Cannot find module '@aws-sdk/client-auto-scaling'");
    // The failure is not cached: the next call tries again.
    await expect(conn.ping()).rejects.toBeInstanceOf(BotoClientError);
    expect(attempts).toBe(2);
  });

  test('options are passed through: maxAttempts, requestHandler, logger', async () => {
    const wire = new WireMock();
    const lines: string[] = [];
    const logger = { debug: (): void => undefined, info: (...a: unknown[]) => { lines.push(a.map(String).join(' ')); }, warn: (): void => undefined, error: (): void => undefined };
    const conn = new AutoScaleConnection('AKID', SECRET, { env: {}, requestHandler: wire.handler, maxAttempts: 2, logger });
    replyLimits(wire);
    await conn.getAccountLimits();
    expect(wire.last.headers['amz-sdk-request']).toBe('attempt=1; max=2');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});

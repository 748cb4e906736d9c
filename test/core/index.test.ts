/** The top-level entry point, src/index.ts, as the package's `botoscale` export. */
import * as botoscale from '../../src';
import { AutoScaleConnection } from '../../src/autoscale';
import { EC2Connection } from '../../src/ec2';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { ELBConnection } from '../../src/elb';
import { instanceXml, replyEc2, reservationsBody, reservationXml } from '../helpers/ec2';
import { WireMock } from '../helpers/wire';
import { replyLimits } from './conns';

const SECRET = 'indexTestSECRET/abcdefghijklmnopqrstuvwxy';

describe('boto.connect_*() equivalents', () => {
  test('connectAutoscale(accessKey, secretKey, options) as boto.connect_autoscale()', async () => {
    const wire = new WireMock();
    const conn = botoscale.connectAutoscale('AKIDTOP', SECRET, { env: {}, requestHandler: wire.handler });
    expect(conn).toBeInstanceOf(AutoScaleConnection);
    expect(String(conn)).toBe('AutoScaleConnection:autoscaling.us-east-1.amazonaws.com');
    replyLimits(wire);
    await conn.getAccountLimits();
    expect(wire.last.headers.authorization).toContain('Credential=AKIDTOP/');
  });

  test('connectAutoscale(options) and connectAutoscale()', () => {
    expect(String(botoscale.connectAutoscale({ region: 'eu-west-1', env: {} }))).toBe('AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com');
    expect(botoscale.connectAutoscale()).toBeInstanceOf(AutoScaleConnection);
  });

  test('connectEc2 as boto.connect_ec2()', async () => {
    const wire = new WireMock();
    const conn = botoscale.connectEc2('AKIDTOP', SECRET, { region: 'us-west-2', env: {}, requestHandler: wire.handler });
    expect(conn).toBeInstanceOf(EC2Connection);
    expect(String(conn)).toBe('EC2Connection:ec2.us-west-2.amazonaws.com');
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml()])]));
    expect((await conn.getOnlyInstances('i-1234567890abcdef0')).map(String)).toEqual(['Instance:i-1234567890abcdef0']);
    expect(String(botoscale.connectEc2({ env: {} }))).toBe('EC2Connection:ec2.us-east-1.amazonaws.com');
  });

  test('connectCloudwatch as boto.connect_cloudwatch()', () => {
    const conn = botoscale.connectCloudwatch('AKIDTOP', SECRET, { region: 'eu-west-1', env: {} });
    expect(conn).toBeInstanceOf(CloudWatchConnection);
    expect(String(conn)).toBe('CloudWatchConnection:monitoring.eu-west-1.amazonaws.com');
    expect(String(botoscale.connectCloudwatch({ env: {} }))).toBe('CloudWatchConnection:monitoring.us-east-1.amazonaws.com');
    expect(botoscale.cloudwatch.CloudWatchConnection).toBe(CloudWatchConnection);
    expect(String(botoscale.cloudwatch.connectToRegion('ap-south-1', { env: {} }))).toBe('CloudWatchConnection:monitoring.ap-south-1.amazonaws.com');
  });

  test('connectElb as boto.connect_elb()', () => {
    const conn = botoscale.connectElb('AKIDTOP', SECRET, { region: 'eu-west-1', env: {} });
    expect(conn).toBeInstanceOf(ELBConnection);
    expect(String(conn)).toBe('ELBConnection:elasticloadbalancing.eu-west-1.amazonaws.com');
    expect(String(botoscale.connectElb({ env: {} }))).toBe('ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com');
    expect(botoscale.elb.ELBConnection).toBe(ELBConnection);
    expect(String(botoscale.elb.regions()[0])).toBe('RegionInfo:af-south-1');
  });
});

describe('namespaces and core exports', () => {
  test('service namespaces are the service modules', () => {
    expect(botoscale.autoscale.AutoScaleConnection).toBe(AutoScaleConnection);
    expect(typeof botoscale.autoscale.connectToRegion).toBe('function');
    expect(botoscale.ec2.EC2Connection).toBe(EC2Connection);
    expect(String(botoscale.ec2.connectToRegion('eu-west-1', { env: {} }))).toBe('EC2Connection:ec2.eu-west-1.amazonaws.com');
    expect(String(botoscale.autoscale.regions()[0])).toBe('RegionInfo:af-south-1');
  });

  test('the core is exported at the top level', () => {
    const names = ['BotoClientError', 'BotoServerError', 'WaitTimeoutError', 'ResultSet', 'PagedRequest', 'RegionInfo', 'BotoConfig', 'BotoObject', 'AWSConnection', 'fromSdkError', 'regionFunctions', 'connectionArgs', 'pyFloat', 'validate'];
    for (const name of names) expect(botoscale).toHaveProperty(name);
    expect(new botoscale.BotoClientError('x')).toBeInstanceOf(Error);
  });
});

describe('importing botoscale loads no AWS SDK client', () => {
  const SDK_MODULES = ['@aws-sdk/client-auto-scaling', '@aws-sdk/client-ec2', '@aws-sdk/client-cloudwatch', '@aws-sdk/client-elastic-load-balancing', '@aws-sdk/credential-providers'];

  test('each loads on the first call that needs it', async () => {
    const loaded: string[] = [];
    let mod: typeof botoscale | undefined;
    jest.isolateModules(() => {
      for (const name of SDK_MODULES) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual<object>(name);
        });
      }
      mod = jest.requireActual<typeof botoscale>('../../src');
    });
    const top = mod as typeof botoscale;
    expect(loaded).toEqual([]);

    const as = top.connectAutoscale('AKID', SECRET, { env: {} });
    const ec2 = top.connectEc2({ env: {} });
    const elb = top.connectElb({ env: {} });
    const cw = top.connectCloudwatch({ env: {} });
    top.autoscale.regions();
    top.cloudwatch.regions();
    top.elb.regions();
    expect(loaded).toEqual([]);

    await as.client();
    expect(loaded).toEqual(['@aws-sdk/client-auto-scaling']);
    await ec2.client();
    expect(loaded).toEqual(['@aws-sdk/client-auto-scaling', '@aws-sdk/client-ec2']);
    await elb.client();
    expect(loaded).toEqual(['@aws-sdk/client-auto-scaling', '@aws-sdk/client-ec2', '@aws-sdk/client-elastic-load-balancing']);
    await cw.client();
    expect(loaded).toEqual(['@aws-sdk/client-auto-scaling', '@aws-sdk/client-ec2', '@aws-sdk/client-elastic-load-balancing', '@aws-sdk/client-cloudwatch']);
  });
});

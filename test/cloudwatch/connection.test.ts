import { inspect } from 'node:util';
import * as cloudwatch from '../../src/cloudwatch';
import { CLOUDWATCH_SPEC, CloudWatchConnection, MetricAlarm } from '../../src/cloudwatch';
import { BotoClientError, BotoConfig, RegionInfo } from '../../src/core';
import { ACCESS_KEY, alarmJson, cwHandler, cwOnWire, SECRET_KEY, target } from '../helpers/cloudwatch';
import { WireMock } from '../helpers/wire';

describe('CloudWatch connection and module', () => {
  test('the service spec and API version', () => {
    expect({ ...CLOUDWATCH_SPEC, createClient: typeof CLOUDWATCH_SPEC.createClient, endpointRuleset: typeof CLOUDWATCH_SPEC.endpointRuleset }).toEqual({
      name: 'cloudwatch', endpointPrefix: 'monitoring', envEndpointName: 'CLOUDWATCH',
      botoRegionKey: 'cloudwatch_region_name', botoEndpointKey: 'cloudwatch_region_endpoint', createClient: 'function', endpointRuleset: 'function',
    });
    expect(CloudWatchConnection.APIVersion).toBe('2010-08-01');
  });

  test('prints as boto2 and defaults to us-east-1', () => {
    const conn = new CloudWatchConnection(ACCESS_KEY, SECRET_KEY, { env: {} });
    expect(String(conn)).toBe('CloudWatchConnection:monitoring.us-east-1.amazonaws.com');
    expect(inspect(conn)).toBe('CloudWatchConnection:monitoring.us-east-1.amazonaws.com');
    expect(conn.endpoint).toBe('https://monitoring.us-east-1.amazonaws.com');
    expect(conn.awsAccessKeyId).toBe(ACCESS_KEY);
    expect(conn.provenance).toEqual({ region: 'default', endpoint: 'default', credentials: 'arguments' });
  });

  test('accepts (options) alone', () => {
    const conn = new CloudWatchConnection({ region: 'ap-southeast-2', env: {} });
    expect(conn.host).toBe('monitoring.ap-southeast-2.amazonaws.com');
    expect(conn.region.name).toBe('ap-southeast-2');
  });

  test('the SDK client is created on the first call only, and is the CloudWatch client', async () => {
    const { wire, conn } = cwOnWire();
    const spy = jest.spyOn(CLOUDWATCH_SPEC, 'createClient');
    try {
      const alarms = conn.describeAlarms();
      expect(spy).not.toHaveBeenCalled();
      wire.replyJson({ MetricAlarms: [] });
      expect(await alarms).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect((await conn.client()).constructor.name).toBe('CloudWatch');
      expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarms'));
      expect(wire.last.json).toEqual({});
    } finally {
      spy.mockRestore();
    }
  });

  test('importing botoscale/cloudwatch loads no AWS SDK module; the CloudWatch client loads on the first call', async () => {
    const loaded: string[] = [];
    let mod: typeof cloudwatch | undefined;
    jest.isolateModules(() => {
      for (const name of ['@aws-sdk/client-cloudwatch', '@aws-sdk/client-auto-scaling', '@aws-sdk/client-elastic-load-balancing', '@aws-sdk/client-ec2']) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual<object>(name);
        });
      }
      mod = jest.requireActual<typeof cloudwatch>('../../src/cloudwatch');
    });
    const cw = mod as typeof cloudwatch;
    const conn = cw.connectToRegion('us-west-2', { credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, env: {} });
    new cw.MetricAlarm({ name: 'a', comparison: '>', threshold: '1' }).toString();
    cw.regions();
    expect(loaded).toEqual([]);
    await conn.client();
    expect(loaded).toEqual(['@aws-sdk/client-cloudwatch']);
  });

  test('regions() lists RegionInfo objects for monitoring endpoints', () => {
    const all = cloudwatch.regions();
    expect(all.length).toBeGreaterThan(20);
    const usw2 = all.find((r) => r.name === 'us-west-2');
    expect(usw2).toBeInstanceOf(RegionInfo);
    expect(String(usw2)).toBe('RegionInfo:us-west-2');
    expect(usw2?.endpoint).toBe('monitoring.us-west-2.amazonaws.com');
    const conn = usw2?.connect({ env: {} });
    expect(conn).toBeInstanceOf(CloudWatchConnection);
    expect(String(conn)).toBe('CloudWatchConnection:monitoring.us-west-2.amazonaws.com');
    expect(all.find((r) => r.name === 'cn-north-1')?.endpoint).toBe('monitoring.cn-north-1.amazonaws.com.cn');
  });

  test('conn.region.connect() makes another CloudWatchConnection', () => {
    const conn = new CloudWatchConnection({ region: 'eu-west-1', env: {} });
    const again = conn.region.connect({ env: {} });
    expect(again).toBeInstanceOf(CloudWatchConnection);
    expect(again.host).toBe('monitoring.eu-west-1.amazonaws.com');
  });

  test('connectToRegion with an unknown name lists the known ones', () => {
    expect(() => cloudwatch.connectToRegion('us-nowhere-1')).toThrow(BotoClientError);
    expect(() => cloudwatch.connectToRegion('us-nowhere-1')).toThrow(/^unknown region "us-nowhere-1"; known regions: af-south-1, ap-east-1, .*, us-east-1, .*, eusc-de-east-1, .*us-gov-west-1$/);
  });

  test('boto config cloudwatch_region_name and cloudwatch_region_endpoint are honoured', () => {
    const byName = new CloudWatchConnection(ACCESS_KEY, SECRET_KEY, { botoConfig: new BotoConfig({ Boto: { cloudwatch_region_name: 'eu-west-1' } }), env: {} });
    expect(String(byName)).toBe('CloudWatchConnection:monitoring.eu-west-1.amazonaws.com');
    expect(byName.provenance.region).toBe('boto config');

    const onlyEndpoint = new CloudWatchConnection(ACCESS_KEY, SECRET_KEY, {
      botoConfig: new BotoConfig({ Boto: { cloudwatch_region_endpoint: 'monitoring.ap-northeast-1.amazonaws.com' } }),
      env: {},
    });
    expect(onlyEndpoint.endpoint).toBe('https://monitoring.ap-northeast-1.amazonaws.com');
    expect(onlyEndpoint.region.name).toBe('ap-northeast-1');
    expect(onlyEndpoint.provenance).toMatchObject({ region: 'endpoint', endpoint: 'boto config' });
  });

  test('AWS_ENDPOINT_URL_CLOUDWATCH is honoured (botoscale local, LocalStack)', async () => {
    const wire = new WireMock();
    const conn = new CloudWatchConnection(ACCESS_KEY, SECRET_KEY, { requestHandler: cwHandler(wire), env: { AWS_ENDPOINT_URL_CLOUDWATCH: 'http://localhost:4566' } });
    wire.replyJson({ MetricAlarms: [] });
    await conn.describeAlarms();
    expect(wire.last.headers.host).toBe('localhost:4566');
    expect(String(conn)).toBe('CloudWatchConnection:localhost:4566');
  });

  test('the secret never shows in what a connection or its objects print', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const page = await conn.describeAlarms();
    const alarm = page[0] as MetricAlarm;
    for (const text of [
      inspect(conn, { showHidden: true, depth: 10 }), JSON.stringify(conn), String(conn),
      inspect(page, { showHidden: true, depth: 10 }), JSON.stringify(page), JSON.stringify(alarm),
    ]) {
      expect(text).not.toContain(SECRET_KEY);
    }
    expect(JSON.stringify(alarm)).not.toContain('connection');
    expect(JSON.parse(JSON.stringify(alarm))).toMatchObject({ name: 'scale_up_on_cpu', comparison: '>', threshold: 70, dimensions: { AutoScalingGroupName: ['my_group'] } });
  });

  test('the module exports', () => {
    expect(Object.keys(cloudwatch).sort()).toEqual([
      'ALARM_SHORT_PERIODS', 'AWS_COMPARISON_OPERATORS', 'AlarmHistoryItem', 'CLOUDWATCH_SPEC', 'COMPARISONS', 'COMPARISON_OPERATORS',
      'CloudWatchConnection', 'Datapoint', 'Dimension', 'HISTORY_ITEM_TYPES', 'MAX_ACTIONS', 'MAX_ALARM_NAMES', 'MAX_BODY_BYTES',
      'MAX_DATA_PER_REQUEST', 'MAX_DIMENSIONS', 'MAX_DIMENSION_FILTERS', 'Metric', 'MetricAlarm', 'MetricDataResult', 'RegionInfo', 'STATE_VALUES',
      'STATISTICS', 'STATISTICS_SHORT_PERIODS', 'TREAT_MISSING_DATA', 'UNITS', 'connectToRegion', 'regions',
    ]);
    expect(cloudwatch.STATISTICS).toEqual(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
    expect(cloudwatch.COMPARISON_OPERATORS).toEqual({
      '>=': 'GreaterThanOrEqualToThreshold', '>': 'GreaterThanThreshold', '<': 'LessThanThreshold', '<=': 'LessThanOrEqualToThreshold',
    });
    expect(cloudwatch.STATE_VALUES).toEqual(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
    expect(cloudwatch.UNITS).toHaveLength(27);
    expect(cloudwatch.UNITS).toContain('Count/Second');
    expect(cloudwatch.UNITS).toContain('None');
    expect([cloudwatch.MAX_DIMENSIONS, cloudwatch.MAX_DIMENSION_FILTERS, cloudwatch.MAX_ACTIONS, cloudwatch.MAX_ALARM_NAMES]).toEqual([30, 10, 5, 100]);
    expect([cloudwatch.MAX_DATA_PER_REQUEST, cloudwatch.MAX_BODY_BYTES]).toEqual([1000, 1_000_000]);
    expect([MetricAlarm.OK, MetricAlarm.ALARM, MetricAlarm.INSUFFICIENT_DATA]).toEqual(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
    expect(cloudwatch.Metric.Statistics).toEqual(['Minimum', 'Maximum', 'Sum', 'Average', 'SampleCount']);
    expect(cloudwatch.Metric.Units).toBe(cloudwatch.UNITS);
  });
});

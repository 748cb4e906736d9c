/**
 * The server: routing by credential scope, X-Amz-Target and Action, malformed requests
 * answered with AWS-shaped 4xx errors, handler bugs as 500 InternalFailure, the control
 * API, the loads set with setLoad, and no lost update under 200 concurrent requests.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, query, raw, startTest, T0, xmlText } from './helpers';

let local: LocalEndpoint;
const errors: unknown[] = [];

beforeAll(async () => {
  local = await startTest({ onError: (e) => errors.push(e) });
});

afterAll(async () => {
  await local.close();
});

async function healthy(): Promise<void> {
  const res = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
  expect(res.status).toBe(200);
}

describe('starting', () => {
  test('listens on loopback on an ephemeral port and names its endpoint', () => {
    expect(local.endpoint).toBe(`http://127.0.0.1:${local.port}`);
    expect(local.port).toBeGreaterThan(0);
    expect(local.clock.now()).toBe(T0);
    expect(local.cloud.region).toBe('us-east-1');
    expect(local.clock.running).toBe(false);
  });

  test('the real-time clock runs at speed × real time', async () => {
    const fast = await startTest({ realTime: true, speed: 600 });
    try {
      expect(fast.clock.running).toBe(true);
      await new Promise((r) => setTimeout(r, 350));
      const elapsed = fast.clock.now() - T0;
      expect(elapsed).toBeGreaterThanOrEqual(600 * 200);
      expect(elapsed).toBeLessThan(600 * 2000);
    } finally {
      await fast.close();
    }
    expect(fast.clock.running).toBe(false);
  });

  test('another region gives its own zones; a busy port is an error', async () => {
    const west = await startTest({ region: 'eu-west-1' });
    try {
      const zones = await new EC2({ ...clientConfig(west.endpoint), region: 'eu-west-1' }).describeAvailabilityZones({});
      expect(zones.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
      await expect(startTest({ port: west.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await west.close();
    }
  });
});

describe('routing', () => {
  test('each SDK client reaches its service through the credential scope', async () => {
    const cfg = clientConfig(local.endpoint);
    const [groups, alarms, lbs, regions] = await Promise.all([
      new AutoScaling(cfg).describeAutoScalingGroups({}),
      new CloudWatch(cfg).describeAlarms({}),
      new ElasticLoadBalancing(cfg).describeLoadBalancers({}),
      new EC2(cfg).describeRegions({ RegionNames: ['us-east-1'] }),
    ]);
    expect(groups.AutoScalingGroups).toEqual([]);
    expect(alarms.MetricAlarms).toEqual([]);
    expect(lbs.LoadBalancerDescriptions).toEqual([]);
    expect(regions.Regions).toEqual([{ Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }]);
  });

  test('unsigned query requests go by Action, and by Version when several services have it', async () => {
    const asOnly = await query(local.endpoint, { Action: 'DescribeAutoScalingGroups', Version: '2011-01-01' });
    expect(asOnly.status).toBe(200);
    expect(asOnly.text).toMatch(/^<DescribeAutoScalingGroupsResponse xmlns="http:\/\/autoscaling.amazonaws.com\/doc\/2011-01-01\/"><DescribeAutoScalingGroupsResult><AutoScalingGroups><\/AutoScalingGroups><\/DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/DescribeAutoScalingGroupsResponse>$/);
    expect(asOnly.headers.get('x-amzn-requestid')).toBe(xmlText(asOnly.text, 'RequestId'));
    const elb = await query(local.endpoint, { Action: 'DescribeLoadBalancers', Version: '2012-06-01' });
    expect(elb.text).toContain('<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"><DescribeLoadBalancersResult><LoadBalancerDescriptions></LoadBalancerDescriptions>');
    const asLbs = await query(local.endpoint, { Action: 'DescribeLoadBalancers', Version: '2011-01-01', AutoScalingGroupName: 'nope' });
    expect(asLbs.status).toBe(400);
    expect(xmlText(asLbs.text, 'Message')).toBe('AutoScalingGroup name not found - AutoScalingGroup: nope not found');
    const ambiguous = await query(local.endpoint, { Action: 'DescribeAccountLimits' });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.text).toMatch(
      /^<ErrorResponse><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>The action DescribeAccountLimits exists in more than one service \(autoscaling, elasticloadbalancing\); sign the request with SigV4 for one of them or send its Version<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    const ec2Old = await query(local.endpoint, { Action: 'DescribeRegions', Version: '2014-10-01', 'RegionName.1': 'eu-west-1' });
    expect(ec2Old.status).toBe(200);
    expect(ec2Old.text).toMatch(/<regionInfo><item><optInStatus>opt-in-not-required<\/optInStatus><regionName>eu-west-1<\/regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com<\/regionEndpoint><\/item><\/regionInfo>/);
  });

  test('the credential scope wins over the Action, and GET with a query string works', async () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=00';
    const res = await raw(local.endpoint, { method: 'GET', path: '/?Action=DescribeAccountLimits&Version=2012-06-01', headers: { authorization: auth } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Limits><member><Name>classic-load-balancers</Name><Max>20</Max></member>');
    const cw = await raw(local.endpoint, { method: 'GET', path: '/?Action=DescribeAlarms&Version=2010-08-01' });
    expect(cw.text).toContain('<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult>');
  });

  test('a query request for another API version of the service is an unknown operation', async () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=00';
    const res = await raw(local.endpoint, { method: 'GET', path: '/?Action=DescribeAutoScalingGroups&Version=2010-08-01', headers: { authorization: auth } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /^<ErrorResponse xmlns="http:\/\/autoscaling.amazonaws.com\/doc\/2011-01-01\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation DescribeAutoScalingGroups for version 2010-08-01<\/Message><\/Error><RequestId>/,
    );
    const unversioned = await query(local.endpoint, { Action: 'DescribeAutoScalingGroups' });
    expect(unversioned.status).toBe(200);
  });

  test('CloudWatch over the query protocol (boto 2) as well as AWS JSON', async () => {
    const put = await query(local.endpoint, {
      Action: 'PutMetricData',
      Version: '2010-08-01',
      Namespace: 'App',
      'MetricData.member.1.MetricName': 'Latency',
      'MetricData.member.1.Value': '12.5',
      'MetricData.member.1.Timestamp': new Date(T0).toISOString(),
    });
    expect(put.status).toBe(200);
    expect(put.text).toMatch(/^<PutMetricDataResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><ResponseMetadata><RequestId>/);
    const listed = await new CloudWatch(clientConfig(local.endpoint)).listMetrics({ Namespace: 'App' });
    expect(listed.Metrics).toEqual([{ Namespace: 'App', MetricName: 'Latency', Dimensions: [] }]);
  });
});

describe('malformed requests get AWS-shaped 4xx errors and the server stays up', () => {
  test('undecodable form, missing and unknown actions', async () => {
    const bad = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeAutoScalingGroups&X=%E2%82' });
    // AWS's Common Errors: MalformedQueryString is HTTP 404.
    expect(bad.status).toBe(404);
    expect(xmlText(bad.text, 'Code')).toBe('MalformedQueryString');
    expect(xmlText(bad.text, 'Message')).toBe("The request cannot be decoded: cannot decode '%E2%82'");
    const none = await query(local.endpoint, { Version: '2011-01-01' });
    expect([none.status, xmlText(none.text, 'Code'), xmlText(none.text, 'Message')]).toEqual([400, 'MissingAction', 'The request must contain the parameter Action']);
    const unknown = await query(local.endpoint, { Action: 'LaunchRockets', Version: '2011-01-01' });
    expect([unknown.status, xmlText(unknown.text, 'Code'), xmlText(unknown.text, 'Message')]).toEqual([400, 'InvalidAction', 'Could not find operation LaunchRockets in any service botoscale local simulates']);
    await healthy();
  });

  test('an action unknown to the service the signature names', async () => {
    const auth = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00';
    const res = await query(local.endpoint, { Action: 'DescribeAutoScalingGroups', Version: '2016-11-15' }, { authorization: auth });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>InvalidAction<\/Code><Message>The action DescribeAutoScalingGroups is not valid for this web service.<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
  });

  test('bad JSON, a missing or unknown X-Amz-Target, a JSON error with the query-compatible header', async () => {
    const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' };
    const bad = await raw(local.endpoint, { headers, body: '{"AlarmNames": [' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-query-error')).toBe('SerializationException;Sender');
    expect(JSON.parse(bad.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#SerializationException', message: 'The request body is not valid JSON.' });
    const noTarget = await raw(local.endpoint, { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
    expect([noTarget.status, noTarget.headers.get('x-amzn-query-error')]).toEqual([400, 'UnknownOperationException;Sender']);
    expect(JSON.parse(noTarget.text)).toEqual({ __type: 'UnknownOperationException', message: 'Cannot route the request: an AWS JSON request needs an X-Amz-Target header' });
    const unknown = await raw(local.endpoint, { headers: { ...headers, 'x-amz-target': 'GraniteServiceVersion20100801.LaunchRockets' }, body: '{}' });
    expect([unknown.status, unknown.headers.get('x-amzn-query-error')]).toEqual([400, 'InvalidAction;Sender']);
    const notObject = await raw(local.endpoint, { headers: { ...headers, 'x-amz-target': 'GraniteServiceVersion20100801.DeleteAlarms' }, body: '[1]' });
    expect(notObject.status).toBe(400);
    expect(notObject.headers.get('x-amzn-query-error')).toBe('MissingParameter;Sender');
    await healthy();
  });

  test('missing and mistyped parameters through the SDKs', async () => {
    const cfg = clientConfig(local.endpoint);
    expect(await failure(new AutoScaling(cfg).createAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 1 } as never))).toEqual({
      name: 'ValidationError',
      message: "1 validation error detected: Value null at 'maxSize' failed to satisfy constraint: Member must not be null",
      status: 400,
      code: 'ValidationError',
    });
    expect(await failure(new CloudWatch(cfg).putMetricAlarm({ AlarmName: 'a' } as never))).toEqual({
      name: 'MissingRequiredParameterException',
      message: 'The parameter EvaluationPeriods is required.',
      status: 400,
      code: 'MissingParameter',
    });
    expect(await failure(new CloudWatch(cfg).putMetricData({ Namespace: 'n' }))).toEqual({
      name: 'MissingRequiredParameterException',
      message: 'The parameter MetricData is required.',
      status: 400,
      code: 'MissingParameter',
    });
    expect(await failure(new EC2(cfg).runInstances({ ImageId: 'ami-12345678', MinCount: 1 } as never))).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MaxCount',
      status: 400,
      code: 'MissingParameter',
    });
    const typed = await query(local.endpoint, { Action: 'SetDesiredCapacity', Version: '2011-01-01', AutoScalingGroupName: 'g', DesiredCapacity: 'many' });
    expect([typed.status, xmlText(typed.text, 'Code'), xmlText(typed.text, 'Message')]).toEqual([
      400,
      'ValidationError',
      "1 validation error detected: Value 'many' at 'desiredCapacity' failed to satisfy constraint: Member must be an integer",
    ]);
  });

  test('a body over 1 MB is 413 RequestEntityTooLarge; other methods and media types are refused', async () => {
    const big = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Action=DescribeAutoScalingGroups&Pad=${'x'.repeat(1024 * 1024)}` });
    expect([big.status, xmlText(big.text, 'Code'), xmlText(big.text, 'Message')]).toEqual([413, 'RequestEntityTooLarge', 'Request body must not be larger than 1048576 bytes.']);
    const put = await raw(local.endpoint, { method: 'PUT', body: 'Action=DescribeAlarms' });
    expect([put.status, xmlText(put.text, 'Code')]).toEqual([405, 'MethodNotAllowed']);
    const xml = await raw(local.endpoint, { headers: { 'content-type': 'text/xml' }, body: '<Action>DescribeAlarms</Action>' });
    expect([xml.status, xmlText(xml.text, 'Code')]).toEqual([415, 'UnsupportedMediaType']);
    await healthy();
  });

  test('gzip and deflate bodies are read (the CloudWatch SDK compresses bodies over 10 KB); bad or oversize ones are 4xx', async () => {
    const cw = new CloudWatch(clientConfig(local.endpoint));
    const metricData = Array.from({ length: 300 }, (_, i) => ({ MetricName: `Big${i % 3}`, Dimensions: [{ Name: 'Shard', Value: `shard-${String(i).padStart(4, '0')}` }], Value: i, Timestamp: new Date(local.clock.now()) }));
    expect(JSON.stringify(metricData).length).toBeGreaterThan(20_000);
    await cw.putMetricData({ Namespace: 'Compressed', MetricData: metricData });
    expect((await cw.listMetrics({ Namespace: 'Compressed', MetricName: 'Big0' })).Metrics).toHaveLength(100);
    const form = 'Action=DescribeAutoScalingGroups&Version=2011-01-01';
    const gz = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: gzipSync(form) });
    expect(gz.status).toBe(200);
    const deflated = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'deflate' }, body: deflateSync(form) });
    expect(deflated.status).toBe(200);
    const broken = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: form });
    expect([broken.status, xmlText(broken.text, 'Code'), xmlText(broken.text, 'Message')]).toEqual([400, 'MalformedInput', 'The request body is not valid gzip data.']);
    const bomb = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, body: gzipSync(`${form}&Pad=${'x'.repeat(2 * 1024 * 1024)}`) });
    expect([bomb.status, xmlText(bomb.text, 'Code')]).toEqual([413, 'RequestEntityTooLarge']);
    const brotli = await raw(local.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'br' }, body: form });
    expect([brotli.status, xmlText(brotli.text, 'Code')]).toEqual([415, 'UnsupportedMediaType']);
  });

  test('a handler bug is a 500 InternalFailure document; the server stays up', async () => {
    const handlers = local.cloud.handlers('ec2');
    const original = handlers.DescribeRegions;
    handlers.DescribeRegions = () => {
      throw new TypeError('boom');
    };
    try {
      const before = errors.length;
      expect(await failure(new EC2(clientConfig(local.endpoint)).describeRegions({}))).toEqual({
        name: 'InternalFailure',
        message: 'The request processing has failed because of an unknown error, exception or failure.',
        status: 500,
        code: 'InternalFailure',
      });
      expect(errors.length).toBe(before + 1);
      expect((errors[errors.length - 1] as Error).message).toBe('boom');
    } finally {
      if (original !== undefined) handlers.DescribeRegions = original;
    }
    await healthy();
  });
});

describe('control API', () => {
  test('health and clock', async () => {
    const health = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
    expect(health.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(health.text)).toEqual({
      status: 'ok',
      region: 'us-east-1',
      regions: ['us-east-1'],
      accountId: '123456789012',
      time: new Date(local.clock.now()).toISOString(),
      services: ['autoscaling', 'elasticloadbalancing', 'monitoring', 'ec2'],
    });
    const before = local.clock.now();
    const advanced = await raw(local.endpoint, { path: '/_botoscale/clock/advance', headers: { 'content-type': 'application/json' }, body: '{"by":"5m"}' });
    expect(advanced.status).toBe(200);
    expect(JSON.parse(advanced.text)).toEqual({ now: new Date(before + 300_000).toISOString(), epochMillis: before + 300_000, speed: 1, running: false, stepMs: 10_000 });
    const clock = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/clock' });
    expect(JSON.parse(clock.text)).toEqual({ now: new Date(before + 300_000).toISOString(), epochMillis: before + 300_000, speed: 1, running: false, stepMs: 10_000 });
    const ms = await raw(local.endpoint, { path: '/_botoscale/clock/advance', body: '{"by":1500}' });
    expect(JSON.parse(ms.text).epochMillis).toBe(before + 301_500);
  });

  test('load and instance health', async () => {
    const ec2 = new EC2(clientConfig(local.endpoint));
    const run = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 });
    const id = run.Instances?.[0]?.InstanceId as string;
    const res = await raw(local.endpoint, { path: '/_botoscale/instance/health', body: JSON.stringify({ instance: id, healthy: false }) });
    expect(JSON.parse(res.text)).toEqual({ instance: id, healthy: false });
    expect(local.cloud.ec2.getInstance(id)?.healthy).toBe(false);
    const load = await raw(local.endpoint, { path: '/_botoscale/load', body: '{"group":"web","cpu":85}' });
    expect(JSON.parse(load.text)).toEqual({ group: 'web', cpu: 85 });
    expect(local.cloud.loadOf('web')).toBe(85);
  });

  test('bad requests, unknown paths and methods', async () => {
    const cases: Array<[string, string, string | undefined, number, string]> = [
      ['POST', '/_botoscale/clock/advance', '{"by":"soon"}', 400, 'duration must look like 250ms, 90s, 5m, 1h30m or 2d, got "soon"'],
      ['POST', '/_botoscale/clock/advance', '{}', 400, 'give "by": a duration such as "5m", "90s" or a number of milliseconds'],
      ['POST', '/_botoscale/load', '{"group":"web","cpu":101}', 400, 'give "cpu": a number from 0 to 100'],
      ['POST', '/_botoscale/load', '{"cpu":50}', 400, 'give "group": the Auto Scaling group name'],
      ['POST', '/_botoscale/load', '{oops', 400, 'the body is not valid JSON'],
      ['POST', '/_botoscale/load', '[]', 400, 'the body must be a JSON object'],
      ['POST', '/_botoscale/instance/health', '{"instance":"i-00000000000000000","healthy":true}', 404, 'no instance i-00000000000000000 in us-east-1'],
      ['GET', '/_botoscale/load', undefined, 405, 'GET is not allowed on /_botoscale/load'],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await raw(local.endpoint, { method, path, ...(body === undefined ? {} : { body }) });
      expect({ path, body, status: res.status, message: (JSON.parse(res.text) as { error: { message: string } }).error.message }).toEqual({ path, body, status, message });
    }
    const unknown = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/nothing' });
    expect(unknown.status).toBe(404);
  });
});

describe('the cloud', () => {
  test('setLoad sets the CPU of a group’s InService instances at every step, new ones included', async () => {
    const cfg = clientConfig(local.endpoint);
    const as = new AutoScaling(cfg);
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'load-lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'load-g', LaunchConfigurationName: 'load-lc', MinSize: 1, MaxSize: 3, AvailabilityZones: ['us-east-1a'] });
    local.clock.advance('1m');
    const ids = (): string[] => local.cloud.autoscaling.groupInstances('load-g') ?? [];
    expect(ids()).toHaveLength(1);
    local.setLoad('load-g', 42);
    expect(local.cloud.ec2.getInstance(ids()[0] as string)?.cpu).toBe(42);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'load-g', DesiredCapacity: 3 });
    local.clock.advance('1m');
    expect(ids()).toHaveLength(3);
    expect(ids().map((id) => local.cloud.ec2.getInstance(id)?.cpu)).toEqual([42, 42, 42]);
    expect(() => local.setLoad('load-g', -1)).toThrow('setLoad: cpu must be a number from 0 to 100, got -1');
    expect(() => local.setLoad('', 1)).toThrow('setLoad: the group name must be a non-empty string');
  });

  test('200 concurrent mutating requests all take effect', async () => {
    const ec2 = new EC2(clientConfig(local.endpoint));
    const tag = `burst-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'burst', Value: `${tag}-${i}` }] }] }),
      ),
    );
    const ids = new Set(results.map((r) => r.Instances?.[0]?.InstanceId));
    expect(ids.size).toBe(200);
    const seen = await ec2.describeInstances({ Filters: [{ Name: 'tag:burst', Values: [`${tag}-*`] }] });
    const found = (seen.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    expect(found).toHaveLength(200);
    expect(new Set(found.map((i) => i.Tags?.[0]?.Value))).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `${tag}-${i}`)));
  });

  test('account quotas can be raised or lowered with limits', async () => {
    const small = await startTest({ limits: { loadBalancers: 1, autoScalingGroups: 1, launchConfigurations: 1 } });
    try {
      const cfg = clientConfig(small.endpoint);
      const elb = new ElasticLoadBalancing(cfg);
      const listeners = [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }];
      await elb.createLoadBalancer({ LoadBalancerName: 'one', Listeners: listeners, AvailabilityZones: ['us-east-1a'] });
      expect((await failure(elb.createLoadBalancer({ LoadBalancerName: 'two', Listeners: listeners, AvailabilityZones: ['us-east-1a'] }))).message).toBe('The quota of 1 load balancers has been reached.');
      expect((await elb.describeAccountLimits({})).Limits?.[0]).toEqual({ Name: 'classic-load-balancers', Max: '1' });
      const as = new AutoScaling(cfg);
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      expect((await failure(as.createLaunchConfiguration({ LaunchConfigurationName: 'lc2', ImageId: 'ami-12345678', InstanceType: 't3.micro' }))).code).toBe('LimitExceeded');
      await as.createAutoScalingGroup({ AutoScalingGroupName: 'g1', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
      expect((await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'g2', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }))).code).toBe('LimitExceeded');
      expect((await as.describeAccountLimits({})).MaxNumberOfAutoScalingGroups).toBe(1);
    } finally {
      await small.close();
    }
  });

  test('snapshots hold the clock, the loads and the four services', () => {
    const snap = local.cloud.snapshot();
    expect(snap.loads).toEqual(local.cloud.loads());
    expect(snap.clock).toEqual(local.clock.toJSON());
    expect(Object.keys(snap)).toEqual(['clock', 'loads', 'demands', 'ec2', 'elb', 'autoscaling', 'cloudwatch']);
  });
});

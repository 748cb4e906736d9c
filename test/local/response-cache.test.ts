/**
 * Kept answers of reads: a read asked again before anything changed is replayed with a
 * request id of its own, and anything that can change the cloud (a changing call, a
 * failed one, the clock, the control API, setLoad, `cloud.touch()`) makes the next read
 * be computed afresh. The cache module's own limits are tested directly.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { ResponseCache } from '../../src/local/response-cache';
import type { ServiceHandlers } from '../../src/local/types';
import { clientConfig, failure, query, raw, startTest, xmlText } from './helpers';

/** Counts the calls of one handler of a running endpoint's service. */
function countCalls(local: LocalEndpoint, service: 'autoscaling' | 'monitoring' | 'elasticloadbalancing', action: string): { readonly calls: number } {
  const handlers = local.cloud.handlers(service) as ServiceHandlers;
  const original = handlers[action];
  if (original === undefined) throw new Error(`no handler ${action}`);
  const counter = { calls: 0 };
  handlers[action] = (input, ctx) => {
    counter.calls += 1;
    return original(input, ctx);
  };
  return counter;
}

describe('over the wire', () => {
  let local: LocalEndpoint;
  let as: AutoScaling;

  beforeEach(async () => {
    local = await startTest();
    as = new AutoScaling(clientConfig(local.endpoint));
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 'm1.small' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 2, AvailabilityZones: ['us-east-1a'] });
  });

  afterEach(async () => {
    as.destroy();
    await local.close();
  });

  test('the same read twice is computed once and answered twice, each answer with its own request id', async () => {
    const counter = countCalls(local, 'autoscaling', 'DescribeAutoScalingGroups');
    const first = await query(local.endpoint, { Action: 'DescribeAutoScalingGroups', Version: '2011-01-01' });
    const second = await query(local.endpoint, { Action: 'DescribeAutoScalingGroups', Version: '2011-01-01' });
    expect(counter.calls).toBe(1);
    expect(second.status).toBe(200);
    const firstId = xmlText(first.text, 'RequestId') as string;
    const secondId = xmlText(second.text, 'RequestId') as string;
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).not.toBe(firstId);
    expect(second.headers.get('x-amzn-requestid')).toBe(secondId);
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(second.text)));
    expect(second.text.replace(secondId, 'ID')).toBe(first.text.replace(firstId, 'ID'));
  });

  test('different parameters are different questions', async () => {
    const counter = countCalls(local, 'autoscaling', 'DescribeAutoScalingGroups');
    await as.describeAutoScalingGroups({});
    await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] });
    await as.describeAutoScalingGroups({ MaxRecords: 1 });
    expect(counter.calls).toBe(3);
  });

  test('a change, even a failed one, makes the next read fresh', async () => {
    const counter = countCalls(local, 'autoscaling', 'DescribeAutoScalingGroups');
    await as.describeAutoScalingGroups({});
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MaxSize: 5 });
    const after = await as.describeAutoScalingGroups({});
    expect(after.AutoScalingGroups?.[0]?.MaxSize).toBe(5);
    expect(counter.calls).toBe(2);
    expect((await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 9 }))).code).toBe('ValidationError');
    await as.describeAutoScalingGroups({});
    expect(counter.calls).toBe(3);
  });

  test('a read that fails is answered afresh every time', async () => {
    const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
    const counter = countCalls(local, 'elasticloadbalancing', 'DescribeLoadBalancers');
    for (let i = 0; i < 2; i++) expect((await failure(elb.describeLoadBalancers({ LoadBalancerNames: ['nope'] }))).code).toBe('LoadBalancerNotFound');
    expect(counter.calls).toBe(2);
    elb.destroy();
  });

  test('the clock moving, even between two steps, makes the next read fresh', async () => {
    const counter = countCalls(local, 'autoscaling', 'DescribeAutoScalingGroups');
    const before = await as.describeAutoScalingGroups({});
    expect(before.AutoScalingGroups?.[0]?.Instances?.[0]?.LifecycleState).toBe('Pending');
    local.clock.advance('1ms');
    await as.describeAutoScalingGroups({});
    expect(counter.calls).toBe(2);
    local.clock.advance('2m');
    const later = await as.describeAutoScalingGroups({});
    expect(later.AutoScalingGroups?.[0]?.Instances?.[0]?.LifecycleState).toBe('InService');
    expect(counter.calls).toBe(3);
  });

  test('the control API, setLoad and cloud.touch() make the next read fresh', async () => {
    local.clock.advance('2m');
    const counter = countCalls(local, 'autoscaling', 'DescribeAutoScalingGroups');
    const read = (): Promise<unknown> => as.describeAutoScalingGroups({});
    await read();
    const id = (await as.describeAutoScalingGroups({})).AutoScalingGroups?.[0]?.Instances?.[0]?.InstanceId as string;
    expect(counter.calls).toBe(1);
    const health = await raw(local.endpoint, { path: '/_botoscale/instance/health', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instance: id, healthy: false }) });
    expect(health.status).toBe(200);
    await read();
    expect(counter.calls).toBe(2);
    local.setLoad('g', 50);
    await read();
    expect(counter.calls).toBe(3);
    local.cloud.touch();
    await read();
    expect(counter.calls).toBe(4);
  });

  test('AWS JSON answers are replayed with a request id header of their own', async () => {
    const cw = new CloudWatch(clientConfig(local.endpoint));
    const counter = countCalls(local, 'monitoring', 'DescribeAlarms');
    const first = await cw.describeAlarms({});
    const second = await cw.describeAlarms({});
    expect(counter.calls).toBe(1);
    expect(second.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.$metadata.requestId).not.toBe(first.$metadata.requestId);
    expect(second.MetricAlarms).toEqual([]);
    cw.destroy();
  });
});

test('responseCache: false computes every read', async () => {
  const local = await startTest({ responseCache: false });
  const counter = countCalls(local, 'autoscaling', 'DescribeLaunchConfigurations');
  for (let i = 0; i < 2; i++) await query(local.endpoint, { Action: 'DescribeLaunchConfigurations', Version: '2011-01-01' });
  expect(counter.calls).toBe(2);
  await local.close();
});

describe('ResponseCache', () => {
  const answer = (id: string, body: string): { status: number; headers: Record<string, string>; body: string } => ({ status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body });
  const text = (parts: Buffer[] | undefined): string => Buffer.concat(parts ?? []).toString('utf8');

  test('keeps an answer cut around its request id and replays it with another', () => {
    const cache = new ResponseCache();
    const sent = cache.keep('us-east-1', '1:0', 'k', 'id-1', answer('id-1', '<A>é</A><RequestId>id-1</RequestId>'));
    expect(text(sent)).toBe('<A>é</A><RequestId>id-1</RequestId>');
    const replayed = cache.replay('us-east-1', '1:0', 'k', 'id-2');
    expect(replayed?.headers).toEqual({ 'content-type': 'text/xml', 'x-amzn-requestid': 'id-2' });
    expect(text(replayed?.body)).toBe('<A>é</A><RequestId>id-2</RequestId>');
    expect(cache.replay('us-east-1', '1:0', 'other', 'id-3')).toBeUndefined();
  });

  test('a body without the request id is replayed as it was', () => {
    const cache = new ResponseCache();
    cache.keep('us-east-1', 'e', 'k', 'id-1', answer('id-1', '{}'));
    expect(text(cache.replay('us-east-1', 'e', 'k', 'id-2')?.body)).toBe('{}');
  });

  test('a new epoch drops everything kept', () => {
    const cache = new ResponseCache();
    cache.keep('us-east-1', '1:0', 'k', 'id-1', answer('id-1', 'x'));
    expect(cache.replay('us-east-1', '2:0', 'k', 'id-2')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('does not keep a body naming the id twice, a key over the limit, or a body over the byte limit', () => {
    const cache = new ResponseCache({ maxKeyLength: 4, maxBytes: 10 });
    expect(cache.keep('us-east-1', 'e', 'k', 'id', answer('id', 'id id'))).toBeUndefined();
    expect(cache.keep('us-east-1', 'e', 'kkkkk', 'id', answer('id', 'x'))).toBeUndefined();
    expect(cache.keep('us-east-1', 'e', 'k', 'id', answer('id', 'x'.repeat(11)))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('the oldest answers go first when the entry or byte limit is reached', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 10 });
    cache.keep('us-east-1', 'e', 'a', 'id', answer('id', 'aaaa'));
    cache.keep('us-east-1', 'e', 'b', 'id', answer('id', 'bbbb'));
    cache.keep('us-east-1', 'e', 'c', 'id', answer('id', 'cccc'));
    expect(cache.replay('us-east-1', 'e', 'a', 'id')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.keep('us-east-1', 'e', 'd', 'id', answer('id', 'dddddddd'));
    expect(cache.size).toBe(1);
    expect(text(cache.replay('us-east-1', 'e', 'd', 'id')?.body)).toBe('dddddddd');
  });

  test('answers are kept per region: the same key and epoch in another region finds nothing, and each region has its own epoch', () => {
    const cache = new ResponseCache();
    cache.keep('us-east-1', '3:0', 'k', 'id', answer('id', 'east'));
    expect(cache.replay('eu-west-1', '3:0', 'k', 'id')).toBeUndefined();
    cache.keep('eu-west-1', '3:0', 'k', 'id', answer('id', 'west'));
    expect(text(cache.replay('us-east-1', '3:0', 'k', 'id')?.body)).toBe('east');
    expect(text(cache.replay('eu-west-1', '3:0', 'k', 'id')?.body)).toBe('west');
    // A change in one region drops only that region's answers.
    expect(cache.replay('eu-west-1', '4:0', 'k', 'id')).toBeUndefined();
    expect(text(cache.replay('us-east-1', '3:0', 'k', 'id')?.body)).toBe('east');
    expect(cache.size).toBe(1);
  });

  test('when the limit is reached and the region has nothing to give up, the fullest region gives up its oldest', () => {
    const cache = new ResponseCache({ maxEntries: 2 });
    cache.keep('us-east-1', 'e', 'a', 'id', answer('id', 'a'));
    cache.keep('us-east-1', 'e', 'b', 'id', answer('id', 'b'));
    cache.keep('eu-west-1', 'e', 'c', 'id', answer('id', 'c'));
    expect(cache.size).toBe(2);
    expect(cache.replay('us-east-1', 'e', 'a', 'id')).toBeUndefined();
    expect(text(cache.replay('us-east-1', 'e', 'b', 'id')?.body)).toBe('b');
    expect(text(cache.replay('eu-west-1', 'e', 'c', 'id')?.body)).toBe('c');
  });
});

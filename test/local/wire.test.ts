/**
 * The protocol layer against the real SDK clients, with trivial handlers registered in
 * place of the services' own: what @aws-sdk/client-auto-scaling (query) and
 * @aws-sdk/client-cloudwatch (AWS JSON 1.0) send arrives as the handler's input, and
 * what a handler returns arrives in the SDK's output, field for field.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../src/local';
import type { Handler, ServiceName, WireObject } from '../../src/local/types';
import { clientConfig, query, startTest } from './helpers';

let local: LocalEndpoint;
const restore: Array<() => void> = [];

beforeAll(async () => {
  local = await startTest();
});

afterEach(() => {
  while (restore.length > 0) restore.pop()?.();
});

afterAll(async () => {
  await local.close();
});

/** Replaces a handler for one test; returns the inputs it receives. */
function register(service: ServiceName, action: string, answer: (input: WireObject) => WireObject | void): WireObject[] {
  const handlers = local.cloud.handlers(service);
  const original: Handler | undefined = handlers[action];
  const seen: WireObject[] = [];
  handlers[action] = (input) => {
    seen.push(input);
    return answer(input);
  };
  restore.push(() => {
    if (original !== undefined) handlers[action] = original;
  });
  return seen;
}

const NAME = 'a<b>&"c\' é 😀';

describe('Auto Scaling over the query protocol', () => {
  test('what the SDK sends is the handler input: dates, numbers, nested lists', async () => {
    const seen = register('autoscaling', 'PutScheduledUpdateGroupAction', () => undefined);
    const start = new Date(Date.UTC(2026, 5, 1, 12, 30, 15, 250));
    await new AutoScaling(clientConfig(local.endpoint)).putScheduledUpdateGroupAction({
      AutoScalingGroupName: NAME,
      ScheduledActionName: 'nightly',
      StartTime: start,
      Recurrence: '0 2 * * *',
      MinSize: 0,
      MaxSize: 10,
      DesiredCapacity: 3,
    });
    expect(seen).toEqual([{ AutoScalingGroupName: NAME, ScheduledActionName: 'nightly', StartTime: start, Recurrence: '0 2 * * *', MinSize: 0, MaxSize: 10, DesiredCapacity: 3 }]);
    const tags = register('autoscaling', 'CreateOrUpdateTags', () => undefined);
    await new AutoScaling(clientConfig(local.endpoint)).createOrUpdateTags({
      Tags: [
        { ResourceId: 'g', ResourceType: 'auto-scaling-group', Key: 'k1', Value: '', PropagateAtLaunch: true },
        { ResourceId: 'g', ResourceType: 'auto-scaling-group', Key: 'k2', Value: 'v2', PropagateAtLaunch: false },
      ],
    });
    expect(tags).toEqual([
      {
        Tags: [
          { ResourceId: 'g', ResourceType: 'auto-scaling-group', Key: 'k1', Value: '', PropagateAtLaunch: true },
          { ResourceId: 'g', ResourceType: 'auto-scaling-group', Key: 'k2', Value: 'v2', PropagateAtLaunch: false },
        ],
      },
    ]);
  });

  test('what the handler returns is the SDK output: escaping, dates, booleans, empty and nested lists', async () => {
    const created = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    register('autoscaling', 'DescribeAutoScalingGroups', () => ({
      AutoScalingGroups: [
        {
          AutoScalingGroupName: NAME,
          MinSize: 0,
          MaxSize: 4,
          DesiredCapacity: 2,
          DefaultCooldown: 300,
          AvailabilityZones: ['us-east-1a', 'us-east-1b'],
          LoadBalancerNames: [],
          HealthCheckType: 'ELB',
          HealthCheckGracePeriod: 300,
          CreatedTime: created,
          Instances: [{ InstanceId: 'i-0123456789abcdef0', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: true }],
          SuspendedProcesses: [{ ProcessName: 'Launch', SuspensionReason: 'User suspended at 2026-01-01T00:00:00Z' }],
          EnabledMetrics: [{ Metric: 'GroupDesiredCapacity', Granularity: '1Minute' }],
          Tags: [{ ResourceId: NAME, ResourceType: 'auto-scaling-group', Key: 'env', Value: 'a&b', PropagateAtLaunch: true }],
          TerminationPolicies: ['OldestInstance', 'Default'],
          NewInstancesProtectedFromScaleIn: false,
        },
      ],
      NextToken: 'tok==',
    }));
    const out = await new AutoScaling(clientConfig(local.endpoint)).describeAutoScalingGroups({});
    expect(out.NextToken).toBe('tok==');
    expect(out.AutoScalingGroups).toEqual([
      {
        AutoScalingGroupName: NAME,
        MinSize: 0,
        MaxSize: 4,
        DesiredCapacity: 2,
        DefaultCooldown: 300,
        AvailabilityZones: ['us-east-1a', 'us-east-1b'],
        LoadBalancerNames: [],
        HealthCheckType: 'ELB',
        HealthCheckGracePeriod: 300,
        CreatedTime: created,
        Instances: [{ InstanceId: 'i-0123456789abcdef0', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: true }],
        SuspendedProcesses: [{ ProcessName: 'Launch', SuspensionReason: 'User suspended at 2026-01-01T00:00:00Z' }],
        EnabledMetrics: [{ Metric: 'GroupDesiredCapacity', Granularity: '1Minute' }],
        Tags: [{ ResourceId: NAME, ResourceType: 'auto-scaling-group', Key: 'env', Value: 'a&b', PropagateAtLaunch: true }],
        TerminationPolicies: ['OldestInstance', 'Default'],
        NewInstancesProtectedFromScaleIn: false,
      },
    ]);
  });
});

describe('CloudWatch over AWS JSON 1.0 and the query protocol', () => {
  test('PutMetricData: epoch-second timestamps become dates, statistic sets and value lists arrive whole', async () => {
    const seen = register('monitoring', 'PutMetricData', () => undefined);
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, 30, 500));
    await new CloudWatch(clientConfig(local.endpoint)).putMetricData({
      Namespace: 'App',
      MetricData: [
        { MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'web-1' }], Timestamp: at, StatisticValues: { SampleCount: 3, Sum: 30.5, Minimum: 1, Maximum: 20 }, Unit: 'Milliseconds' },
        { MetricName: 'Hits', Values: [1, 2.5], Counts: [10, 1], StorageResolution: 1 },
      ],
    });
    expect(seen).toEqual([
      {
        Namespace: 'App',
        MetricData: [
          { MetricName: 'Latency', Dimensions: [{ Name: 'Host', Value: 'web-1' }], Timestamp: at, StatisticValues: { SampleCount: 3, Sum: 30.5, Minimum: 1, Maximum: 20 }, Unit: 'Milliseconds' },
          { MetricName: 'Hits', Values: [1, 2.5], Counts: [10, 1], StorageResolution: 1 },
        ],
      },
    ]);
  });

  test('GetMetricStatistics: datapoints with dates, doubles and an extended-statistics map, in JSON and in XML', async () => {
    const t = new Date(Date.UTC(2026, 0, 1, 0, 1));
    register('monitoring', 'GetMetricStatistics', () => ({ Label: 'Latency', Datapoints: [{ Timestamp: t, Average: 12.25, SampleCount: 4, Unit: 'Milliseconds', ExtendedStatistics: { p99: 40.5 } }] }));
    const out = await new CloudWatch(clientConfig(local.endpoint)).getMetricStatistics({ Namespace: 'App', MetricName: 'Latency', StartTime: new Date(0), EndTime: t, Period: 60, Statistics: ['Average'] });
    expect([out.Label, out.Datapoints]).toEqual(['Latency', [{ Timestamp: t, Average: 12.25, SampleCount: 4, Unit: 'Milliseconds', ExtendedStatistics: { p99: 40.5 } }]]);
    const xml = await query(local.endpoint, { Action: 'GetMetricStatistics', Version: '2010-08-01', Namespace: 'App', MetricName: 'Latency', StartTime: '2026-01-01T00:00:00Z', EndTime: '2026-01-01T00:01:00Z', Period: '60', 'Statistics.member.1': 'Average' });
    expect(xml.text).toContain(
      '<GetMetricStatisticsResult><Label>Latency</Label><Datapoints><member><Timestamp>2026-01-01T00:01:00Z</Timestamp><SampleCount>4</SampleCount><Average>12.25</Average><Unit>Milliseconds</Unit><ExtendedStatistics><entry><key>p99</key><value>40.5</value></entry></ExtendedStatistics></member></Datapoints></GetMetricStatisticsResult>',
    );
  });

  test('a query request and a JSON request reach the same handler with the same input', async () => {
    const seen = register('monitoring', 'DescribeAlarms', () => ({ MetricAlarms: [] }));
    await new CloudWatch(clientConfig(local.endpoint)).describeAlarms({ AlarmNames: ['a', 'b'], StateValue: 'ALARM', MaxRecords: 10 });
    await query(local.endpoint, { Action: 'DescribeAlarms', Version: '2010-08-01', 'AlarmNames.member.1': 'a', 'AlarmNames.member.2': 'b', StateValue: 'ALARM', MaxRecords: '10' });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ AlarmNames: ['a', 'b'], StateValue: 'ALARM', MaxRecords: 10 });
    expect(seen[1]).toEqual(seen[0]);
  });
});

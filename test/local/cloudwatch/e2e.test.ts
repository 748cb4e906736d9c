/**
 * CloudWatch end to end: the real `@aws-sdk/client-cloudwatch` (AWS JSON 1.0) against
 * `startLocal`, and the scaling scenario with both SDK clients and `setLoad`.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand, DescribeAutoScalingGroupsCommand, DescribePoliciesCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../../src/local';
import { clientConfig, failure, startTest, T0 } from '../helpers';

let local: LocalEndpoint;
let cw: CloudWatchClient;

beforeEach(async () => {
  local = await startTest();
  cw = new CloudWatchClient(clientConfig(local.endpoint));
});

afterEach(async () => {
  cw.destroy();
  await local.close();
});

test('metric data in, statistics and metric lists out', async () => {
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'App',
      MetricData: [
        { MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }], Timestamp: new Date(T0 + 1000), Value: 120, Unit: 'Milliseconds' },
        { MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }], Timestamp: new Date(T0 + 2000), Values: [80, 100], Counts: [1, 3], Unit: 'Milliseconds' },
      ],
    }),
  );
  const out = await cw.send(
    new GetMetricStatisticsCommand({
      Namespace: 'App',
      MetricName: 'Latency',
      Dimensions: [{ Name: 'Service', Value: 'web' }],
      StartTime: new Date(T0),
      EndTime: new Date(T0 + 300_000),
      Period: 60,
      Statistics: ['Average', 'Maximum', 'SampleCount'],
    }),
  );
  expect(out.Label).toBe('Latency');
  expect(out.Datapoints).toEqual([{ Timestamp: new Date(T0), Average: 100, Maximum: 120, SampleCount: 5, Unit: 'Milliseconds' }]);
  const p = await cw.send(new GetMetricStatisticsCommand({ Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }], StartTime: new Date(T0), EndTime: new Date(T0 + 60_000), Period: 60, ExtendedStatistics: ['p50'] }));
  expect(p.Datapoints?.[0]?.ExtendedStatistics).toEqual({ p50: 100 });
  const metrics = await cw.send(new ListMetricsCommand({ Namespace: 'App' }));
  expect(metrics.Metrics).toEqual([{ Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }] }]);
  const tooMany = await failure(cw.send(new GetMetricStatisticsCommand({ Namespace: 'App', MetricName: 'Latency', StartTime: new Date(T0), EndTime: new Date(T0 + 2 * 86_400_000), Period: 60, Statistics: ['Sum'] })));
  expect([tooMany.name, tooMany.status]).toEqual(['InvalidParameterCombinationException', 400]);
  expect(tooMany.message).toBe('You have requested up to 2,880 datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.');
  const aws = await failure(cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'x', Value: 1 }] })));
  expect([aws.name, aws.status, aws.message]).toEqual(['InvalidParameterValueException', 400, 'The value AWS/EC2 for parameter Namespace is invalid.']);
});

test('alarms: put, describe, set state, history, delete, and the errors', async () => {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'slow',
      Namespace: 'App',
      MetricName: 'Latency',
      Statistic: 'Average',
      Dimensions: [{ Name: 'Service', Value: 'web' }],
      Period: 60,
      EvaluationPeriods: 2,
      Threshold: 100,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
    }),
  );
  const described = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['slow'] }));
  expect(described.MetricAlarms?.[0]).toMatchObject({
    AlarmName: 'slow',
    AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:slow',
    StateValue: 'INSUFFICIENT_DATA',
    StateReason: 'Unchecked: Initial alarm creation',
    Threshold: 100,
    Period: 60,
    ActionsEnabled: true,
    AlarmConfigurationUpdatedTimestamp: new Date(T0),
  });
  const forMetric = await cw.send(new DescribeAlarmsForMetricCommand({ Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }] }));
  expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['slow']);
  await cw.send(new SetAlarmStateCommand({ AlarmName: 'slow', StateValue: 'ALARM', StateReason: 'testing purposes' }));
  const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'slow' }));
  // Newest first: the action ran just after the state changed.
  expect(history.AlarmHistoryItems?.map((h) => [h.HistoryItemType, h.HistorySummary])).toEqual([
    ['Action', 'Successfully executed action arn:aws:sns:us-east-1:123456789012:ops'],
    ['StateUpdate', 'Alarm updated from INSUFFICIENT_DATA to ALARM'],
    ['ConfigurationUpdate', 'Alarm "slow" created'],
  ]);
  await cw.send(new DisableAlarmActionsCommand({ AlarmNames: ['slow'] }));
  expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms?.[0]?.ActionsEnabled).toBe(false);
  const period = await failure(cw.send(new PutMetricAlarmCommand({ AlarmName: 'x', Namespace: 'App', MetricName: 'Latency', Statistic: 'Average', Period: 45, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' })));
  expect([period.status, period.code ?? period.name, period.message]).toEqual([400, 'ValidationError', 'Period must be 10, 20, 30 or a multiple of 60 seconds.']);
  const missing = await failure(cw.send(new SetAlarmStateCommand({ AlarmName: 'ghost', StateValue: 'OK', StateReason: 'x' })));
  expect([missing.name, missing.status]).toEqual(['ResourceNotFound', 404]);
  const format = await failure(cw.send(new SetAlarmStateCommand({ AlarmName: 'slow', StateValue: 'OK', StateReason: 'x', StateReasonData: '{' })));
  expect([format.name, format.status]).toEqual(['InvalidFormatFault', 400]);
  const gone = await failure(cw.send(new DeleteAlarmsCommand({ AlarmNames: ['ghost'] })));
  expect([gone.name, gone.status, gone.message]).toEqual(['ResourceNotFound', 404, 'Alarm not found: [ghost]']);
  await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['slow'] }));
  expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
});

test('the scenario through the SDKs: 85 % load scales up to the max, 20 % scales down to the min', async () => {
  const as = new AutoScalingClient(clientConfig(local.endpoint));
  try {
    await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' }));
    await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'my_group', LaunchConfigurationName: 'lc', MinSize: 2, MaxSize: 6, DesiredCapacity: 2, AvailabilityZones: ['us-east-1a', 'us-east-1b'] }));
    const policy = async (name: string, adjustment: number): Promise<string> =>
      (await as.send(new PutScalingPolicyCommand({ AutoScalingGroupName: 'my_group', PolicyName: name, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: adjustment, Cooldown: 180 }))).PolicyARN ?? '';
    const up = await policy('scale_up', 1);
    const down = await policy('scale_down', -1);
    for (const [name, op, threshold, arn] of [
      ['scale_up_on_cpu', 'GreaterThanThreshold', 70, up],
      ['scale_down_on_cpu', 'LessThanThreshold', 40, down],
    ] as const) {
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Statistic: 'Average',
          ComparisonOperator: op,
          Threshold: threshold,
          Period: 60,
          EvaluationPeriods: 2,
          AlarmActions: [arn],
          Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
        }),
      );
    }
    const linked = await as.send(new DescribePoliciesCommand({ AutoScalingGroupName: 'my_group', PolicyNames: ['scale_up'] }));
    expect(linked.ScalingPolicies?.[0]?.Alarms).toEqual([{ AlarmName: 'scale_up_on_cpu', AlarmARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:scale_up_on_cpu' }]);
    const desired = async (): Promise<number | undefined> => (await as.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['my_group'] }))).AutoScalingGroups?.[0]?.DesiredCapacity;

    local.clock.advance('1m');
    local.setLoad('my_group', 85);
    const seen: number[] = [];
    for (let m = 0; m < 20; m++) {
      local.clock.advance('1m');
      seen.push((await desired()) ?? -1);
    }
    expect(seen[seen.length - 1]).toBe(6);
    expect(Math.max(...seen)).toBe(6);
    // Each step up waits for the new instance and the 180 s cooldown: at least 3 minutes apart.
    const ups = seen.flatMap((d, i) => (i > 0 && d > (seen[i - 1] as number) ? [i] : []));
    expect(ups).toHaveLength(4);
    for (let i = 1; i < ups.length; i++) expect((ups[i] as number) - (ups[i - 1] as number)).toBeGreaterThanOrEqual(3);

    local.setLoad('my_group', 20);
    const after: number[] = [];
    for (let m = 0; m < 20; m++) {
      local.clock.advance('1m');
      after.push((await desired()) ?? -1);
    }
    expect(after[after.length - 1]).toBe(2);
    expect(Math.min(...after)).toBe(2);
    const alarms = await cw.send(new DescribeAlarmsCommand({}));
    expect(alarms.MetricAlarms?.map((a) => [a.AlarmName, a.StateValue])).toEqual([
      ['scale_down_on_cpu', 'ALARM'],
      ['scale_up_on_cpu', 'OK'],
    ]);
  } finally {
    as.destroy();
  }
});

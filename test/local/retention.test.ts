/**
 * Issue 13, failure 10: history was kept without AWS's limits. On the simulated clock,
 * scaling activities are kept six weeks, alarm history two weeks, metric datapoints 15
 * days (AWS's retention of one-minute data), so a server running for a simulated month
 * holds a bounded amount of it.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../src/local';
import { ACTIVITY_RETENTION_MS } from '../../src/local/autoscale/state';
import { clientConfig, startTest } from './helpers';

const DAY = 86_400_000;
let local: LocalEndpoint;

beforeEach(async () => {
  local = await startTest();
});

afterEach(async () => {
  await local.close();
});

test('scaling activities are kept six weeks, then no longer described', async () => {
  expect(ACTIVITY_RETENTION_MS).toBe(42 * DAY);
  const as = new AutoScaling(clientConfig(local.endpoint));
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 2, DesiredCapacity: 1, AvailabilityZones: ['us-east-1a'] });
  local.clock.advance('1m');
  const first = (await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? [];
  expect(first).toHaveLength(1);
  local.clock.advance('21d');
  await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
  local.clock.advance('20d');
  // Six weeks less an hour after the first launch: both launches are still there.
  expect((await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities).toHaveLength(2);
  local.clock.advance('1d');
  const left = (await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? [];
  expect(left).toHaveLength(1);
  expect(left[0]?.ActivityId).not.toBe(first[0]?.ActivityId);
  expect((await as.describeScalingActivities({ ActivityIds: [first[0]?.ActivityId as string] })).Activities).toEqual([]);
});

test('alarm history is kept two weeks even when no new item arrives; metric data 15 days', async () => {
  const cw = new CloudWatch(clientConfig(local.endpoint));
  await cw.putMetricAlarm({ AlarmName: 'a', MetricName: 'm', Namespace: 'App', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
  await cw.putMetricData({ Namespace: 'App', MetricData: [{ MetricName: 'other', Value: 1 }] });
  const start = local.clock.now();
  expect((await cw.describeAlarmHistory({ AlarmName: 'a' })).AlarmHistoryItems?.length).toBeGreaterThan(0);
  local.clock.advance('13d');
  expect((await cw.describeAlarmHistory({ AlarmName: 'a' })).AlarmHistoryItems?.length).toBeGreaterThan(0);
  local.clock.advance('2d');
  expect((await cw.describeAlarmHistory({ AlarmName: 'a' })).AlarmHistoryItems).toEqual([]);
  const stats = () => cw.getMetricStatistics({ Namespace: 'App', MetricName: 'other', StartTime: new Date(start - 60_000), EndTime: new Date(start + 60_000), Period: 60, Statistics: ['Sum'] });
  expect((await stats()).Datapoints).toHaveLength(1);
  local.clock.advance('1d');
  expect((await stats()).Datapoints).toEqual([]);
  expect((await cw.listMetrics({ Namespace: 'App' })).Metrics).toEqual([]);
});

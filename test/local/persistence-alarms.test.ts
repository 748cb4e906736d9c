/**
 * --state keeps every kind of alarm across a clean restart (snapshot written at close,
 * read back at start): metric math alarms, which have no metric name or namespace of their
 * own, and the alarms a target tracking policy owns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { clientConfig, startTest } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-state-'));
  file = join(dir, 'state.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('metric math and target tracking alarms survive a clean restart', async () => {
  const first = await startTest({ state: file });
  const cfg = clientConfig(first.endpoint);
  const cw = new CloudWatch(cfg);
  const as = new AutoScaling(cfg);
  await cw.putMetricAlarm({
    AlarmName: 'errors-rate',
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanThreshold',
    Metrics: [
      { Id: 'e', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'r', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'rate', Expression: '100 * e / r', Label: 'error rate', ReturnData: true },
    ],
  });
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 4, AvailabilityZones: ['us-east-1a'] });
  await as.putScalingPolicy({
    AutoScalingGroupName: 'g', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling',
    TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
  });
  const before = await cw.describeAlarms({});
  await first.close();

  const second = await startTest({ state: file });
  try {
    const after = await new CloudWatch(clientConfig(second.endpoint)).describeAlarms({});
    expect(after.MetricAlarms).toEqual(before.MetricAlarms);
    expect(after.MetricAlarms?.map((a) => a.AlarmName).sort()).toEqual(expect.arrayContaining(['errors-rate']));
    expect(after.MetricAlarms?.length).toBe(3);
  } finally {
    await second.close();
  }
});

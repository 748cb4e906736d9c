/**
 * The alarms a target tracking policy makes go through PutMetricAlarm's checks, with the
 * policy's metric narrowed to CloudWatch's model (src/local/cloudwatch/index.ts): a
 * customized metric whose Unit CloudWatch does not know gets no alarm that could never
 * see data, but a clear refusal, and nothing is created.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../../src/local';
import { clientConfig, failure, startTest } from '../helpers';

let local: LocalEndpoint;
let as: AutoScaling;
let cw: CloudWatch;

beforeEach(async () => {
  local = await startTest();
  const ec2 = new EC2(clientConfig(local.endpoint));
  as = new AutoScaling(clientConfig(local.endpoint));
  cw = new CloudWatch(clientConfig(local.endpoint));
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' } });
  ec2.destroy();
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 10, DesiredCapacity: 2, AvailabilityZones: ['us-east-1a'], LaunchTemplate: { LaunchTemplateName: 'web' } });
});

afterEach(async () => {
  as.destroy();
  cw.destroy();
  await local.close();
});

function queuePolicy(unit: string): Promise<unknown> {
  return as.putScalingPolicy({
    AutoScalingGroupName: 'web',
    PolicyName: 'queue',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingConfiguration: { CustomizedMetricSpecification: { MetricName: 'Backlog', Namespace: 'App', Statistic: 'Average', Unit: unit }, TargetValue: 10 },
  });
}

test("a customized metric's CloudWatch unit is the alarms' unit", async () => {
  await queuePolicy('Count');
  const alarms = (await cw.describeAlarms({ AlarmNamePrefix: 'TargetTracking-web-' })).MetricAlarms ?? [];
  expect(alarms.map((a) => a.Unit)).toEqual(['Count', 'Count']);
});

test('a unit CloudWatch does not know is refused, and no policy or alarm is made', async () => {
  const err = await failure(queuePolicy('Furlongs'));
  expect([err.name, err.status, err.message]).toEqual([
    'ValidationError',
    400,
    'Unit Furlongs is not one CloudWatch knows: use one of [Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None].',
  ]);
  expect((await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies).toEqual([]);
  expect((await cw.describeAlarms({})).MetricAlarms).toEqual([]);
});

test('a policy replaced by one with such a unit keeps its alarms', async () => {
  await queuePolicy('Count');
  const before = ((await cw.describeAlarms({})).MetricAlarms ?? []).map((a) => a.AlarmName).sort();
  expect((await failure(queuePolicy('Furlongs'))).name).toBe('ValidationError');
  expect(((await cw.describeAlarms({})).MetricAlarms ?? []).map((a) => a.AlarmName).sort()).toEqual(before);
  const [policy] = (await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies ?? [];
  expect(policy?.Alarms?.map((a) => a.AlarmName).sort()).toEqual(before);
});

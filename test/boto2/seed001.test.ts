/**
 * boto 2.49 runs seed 001's recipe (scaling policies driven by CloudWatch alarms) against
 * botoscale local, then reads back what the alarms did, including the metric's
 * datapoints, which boto2 parses only without milliseconds.
 */
import { runBoto2Script } from './harness';

test('boto 2.49 runs the policy-and-alarm recipe and reads the alarms, the scaling and the datapoints back', async () => {
  const { stdout, stderr } = await runBoto2Script('seed001.py');
  expect(stderr).toBe('');
  const lines = stdout.trim().split('\n');
  // What the recipe shows: the policies it reads back, with their ARNs, and its two alarms.
  expect(lines.slice(0, 2)).toEqual([
    'scale_up_policy: ScalingPolicy(scale_up group:as_group_0 adjustment:ChangeInCapacity)',
    'scale_down_policy: ScalingPolicy(scale_down group:as_group_0 adjustment:ChangeInCapacity)',
  ]);
  expect(lines[2]).toMatch(/^scale_up_policy\.policy_arn: 'arn:aws:autoscaling:us-east-1:\d{12}:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/as_group_0:policyName\/scale_up'$/);
  expect(lines[3]).toBe('alarms: [MetricAlarm:scale_down_on_cpu[CPUUtilization(Average) < 40.0], MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]]');
  // What the alarms did once the group was busy: the scale-up alarm ran its policy.
  expect(lines.slice(4, 7)).toEqual(["scale_up_on_cpu state: 'ALARM'", "scale_up_on_cpu actions: ['Action']", 'desired capacity: 2']);
  expect(lines[7]).toMatch(/^activity causes: \['At \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ a monitor alarm scale_up_on_cpu in state ALARM triggered policy scale_up'\]$/);
  // The datapoints boto2 parses only in whole seconds.
  expect(lines.slice(8)).toEqual([
    'datapoints have whole-minute datetimes: True',
    'datapoint averages: [85.0]',
    'metric: Metric:CPUUtilization',
    'Metric.query averages: [85.0]',
    'alarms after: []',
    'seed 001 done',
  ]);
}, 90_000);

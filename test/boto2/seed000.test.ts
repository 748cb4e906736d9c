/**
 * boto 2.49 itself (Debian's python3-boto, installed by .ci/run) runs seed 000's tutorial
 * against botoscale local: the proof that the endpoint speaks the wire protocols as AWS does.
 */
import { runBoto2Script } from './harness';

test('boto 2.49 runs the Auto Scaling tutorial unmodified but for its connection lines', async () => {
  // The tutorial assumes its image id 'my-ami' was defined elsewhere.
  const { stdout, stderr } = await runBoto2Script('seed000.py', { images: ['my-ami'] });
  expect(stderr).toBe('');
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('groups before: []');
  expect(stdout).toMatch(/^activities: \[Activity<[0-9a-f-]{36}>: For group:my_group, progress:None, cause:At .*an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 4\./m);
  expect(stdout).toContain('scale_up_policy: ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity)');
  expect(stdout).toMatch(/^scale_up_policy\.policy_arn: 'arn:aws:autoscaling:us-east-1:\d{12}:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/my_group:policyName\/scale_up'$/m);
  expect(stdout).toMatch(/^alarms: \[MetricAlarm:scale_down_on_cpu\[CPUUtilization\(Average\) < 40\.0\], MetricAlarm:scale_up_on_cpu\[CPUUtilization\(Average\) > 70\.0\]\]$/m);
  expect(stdout).toContain('group: AutoScaleGroup<my_group>');
  expect(stdout).toContain('instance count: 4');
  expect(stdout).toContain("instance states: ['running']");
  expect(stdout).toContain('groups after: []');
  expect(stdout).toContain('launch configurations after: []');
  expect(lines[lines.length - 1]).toBe('seed 000 done');
}, 90_000);

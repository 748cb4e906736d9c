/**
 * boto 2.49 itself (Debian's python3-boto, installed by .ci/run) runs seed 000's tutorial
 * against botoscale local: the proof that the endpoint speaks the wire protocols as AWS does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocal } from '../../src/local';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';

test('boto 2.49 runs the Auto Scaling tutorial unmodified but for its connection lines', async () => {
  expect(existsSync('/usr/lib/python3/dist-packages/boto/ec2/autoscale/__init__.py')).toBe(true);
  // The tutorial assumes its image id 'my-ami' was defined elsewhere.
  const cloud = await startLocal({ port: 0, realTime: false, images: ['my-ami'] });
  try {
    const { stdout, stderr } = await run(PYTHON, [join(__dirname, 'seed000.py')], {
      env: { PATH: process.env.PATH ?? '', BOTOSCALE_PORT: String(new URL(cloud.endpoint).port), BOTO_CONFIG: '/nonexistent' },
      timeout: 60_000,
    });
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
  } finally {
    await cloud.close();
  }
});

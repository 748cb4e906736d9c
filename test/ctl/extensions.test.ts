import { EC2 } from '@aws-sdk/client-ec2';
import { Harness, tally } from './harness';

// The subnets and security groups the file names must exist, as in AWS ("The subnet ID
// '…' does not exist"): beforeEach makes them and puts their ids in.
const TEMPLATE = `region: us-west-1
groups:
  worker:
    min_size: 0
    max_size: 10
    capacity: 1
    ami: ami-0a1b2c3d
    vpc_zone_identifier: subnet-0a1b2c3d, subnet-4e5f6a7b
    security_groups: [sg-0a1b2c3d, sg-4e5f6a7b]
    instance_type: c3.large
    spot_price: '0.05'
    instance_monitoring: true
    iam_instance_profile: worker-role
    block_devices:
      /dev/sdb: {virtual_name: ephemeral0}
      /dev/sda1: {volume_size: 30, volume_type: gp2, delete_on_termination: true}
    health_check_type: EC2
    health_check_period: 2m
    default_cooldown: 90s
    termination_policies: [OldestInstance, Default]
    user_data: |
      #!/bin/bash
      echo worker
    tags:
      team: {value: batch, propagate_at_launch: true}
      tier: 3
    policies:
      queue_up: {type: PercentChangeInCapacity, adjustment: 25, cooldown: 5m, min_adjustment_step: 2}
      queue_down: {type: ExactCapacity, adjustment: 0}
    alarms:
      - {metric: ApproximateNumberOfMessagesVisible, namespace: AWS/SQS, statistic: Sum, unit: Count, dimensions: {QueueName: jobs}, period: 1m, evaluation_periods: 3, threshold: 1000, comparison: '>=', policy: queue_up}
      - {metric: ApproximateNumberOfMessagesVisible, namespace: AWS/SQS, statistic: Maximum, dimensions: {QueueName: jobs}, period: 10m, evaluation_periods: 6, threshold: 0, comparison: '<=', policy: queue_down}
    scheduled_actions:
      weekdays: {recurrence: '0 8 * * 1-5', min_size: 2, max_size: 10}
      launch-day: {start_time: '2031-05-01T08:00:00Z', capacity: 8}
`;

let h: Harness;
let FILE: string;
beforeEach(async () => {
  h = await Harness.start();
  const ec2 = new EC2({ region: 'us-west-1', endpoint: h.local.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  try {
    const vpc = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
    const subnet = async (cidr: string): Promise<string> => (await ec2.createSubnet({ VpcId: vpc, CidrBlock: cidr })).Subnet?.SubnetId as string;
    const group = async (name: string): Promise<string> => (await ec2.createSecurityGroup({ VpcId: vpc, GroupName: name, Description: name })).GroupId as string;
    const ids: Record<string, string> = {
      'subnet-0a1b2c3d': await subnet('10.0.1.0/24'),
      'subnet-4e5f6a7b': await subnet('10.0.2.0/24'),
      'sg-0a1b2c3d': await group('worker-a'),
      'sg-4e5f6a7b': await group('worker-b'),
    };
    FILE = TEMPLATE.replace(/(?:subnet|sg)-[0-9a-f]{8}/g, (id) => ids[id] ?? id);
  } finally {
    ec2.destroy();
  }
});
afterEach(async () => {
  await h.close();
});

test('every group extension is applied, read back the same, and a second apply changes nothing', async () => {
  const file = h.file('worker.yaml', FILE);
  const r = await h.run(['apply', file]);
  expect(r.stderr).not.toContain('FAILED');
  expect(r.code).toBe(0);
  expect(tally(h.counter.mutating)).toEqual({
    CreateLaunchTemplate: 1, CreateAutoScalingGroup: 1, PutScheduledUpdateGroupAction: 2, PutScalingPolicy: 2, PutMetricAlarm: 2,
  });

  const [lc] = await h.ec2().getLaunchTemplateVersions('worker');
  expect(lc).toMatchObject({
    imageId: 'ami-0a1b2c3d', instanceType: 'c3.large', securityGroups: [...FILE.matchAll(/sg-[0-9a-f]{17}/g)].map((m) => m[0]), spotPrice: 0.05,
    instanceProfileName: 'worker-role', userData: '#!/bin/bash\necho worker\n', instanceMonitoring: true, metadataOptions: { httpTokens: 'required' },
  });
  expect(lc?.blockDeviceMappings.map((b) => [b.deviceName, b.virtualName, b.ebs?.volumeSize, b.ebs?.volumeType, b.ebs?.deleteOnTermination])).toEqual([
    ['/dev/sdb', 'ephemeral0', undefined, undefined, undefined],
    ['/dev/sda1', undefined, 30, 'gp2', true],
  ]);

  const [group] = await h.autoscale().getAllGroups({ names: ['worker'] });
  expect(group).toMatchObject({
    vpcZoneIdentifier: /^subnet-[0-9a-f]{17},subnet-[0-9a-f]{17}$/, healthCheckType: 'EC2', healthCheckPeriod: 120, defaultCooldown: 90,
    terminationPolicies: ['OldestInstance', 'Default'], desiredCapacity: 1,
  });
  expect(group?.tags?.filter((t) => !(t.key ?? '').startsWith('autoscalectl:')).map((t) => [t.key, t.value, t.propagateAtLaunch])).toEqual([
    ['team', 'batch', true], ['tier', '3', false],
  ]);

  const policies = await h.autoscale().getAllPolicies({ asGroup: 'worker' }).all();
  expect(policies.map((p) => [p.name, p.adjustmentType, p.scalingAdjustment, p.cooldown, p.minAdjustmentStep])).toEqual([
    ['worker|queue_down', 'ExactCapacity', 0, undefined, undefined],
    ['worker|queue_up', 'PercentChangeInCapacity', 25, 300, 2],
  ]);
  const alarms = await h.cloudwatch().describeAlarms({ alarmNames: ['worker|queue_up|ApproximateNumberOfMessagesVisible'] });
  expect(alarms[0]).toMatchObject({ statistic: 'Sum', unit: 'Count', period: 60, evaluationPeriods: 3, threshold: 1000, comparison: '>=', dimensions: { QueueName: ['jobs'] } });

  const actions = await h.autoscale().getAllScheduledActions({ asGroup: 'worker' }).all();
  expect(actions.map((a) => [a.name, a.recurrence, a.minSize, a.maxSize, a.desiredCapacity]).sort()).toEqual([
    ['launch-day', undefined, undefined, undefined, 8],
    ['weekdays', '0 8 * * 1-5', 2, 10, undefined],
  ]);
  expect(actions.find((a) => a.name === 'launch-day')?.startTime?.toISOString()).toBe('2031-05-01T08:00:00.000Z');

  const again = await h.run(['apply', file]);
  expect(again.stdout).toBe(`No changes: AWS matches ${file}.\n`);
  expect(h.counter.mutating).toEqual([]);

  // A day later the weekday schedule has raised min_size to 2: the file's 0 is not forced
  // back (as for capacity, only a change in the file is), and recurring actions moving
  // their start time are not changes either.
  h.local.clock.advance('1d');
  const [later] = await h.autoscale().getAllGroups({ names: ['worker'] });
  expect(later?.minSize).toBe(2);
  expect((await h.run(['plan', file])).code).toBe(0);
});

test('one changed block device makes a new template version; a removed policy is kept until --prune', async () => {
  await h.run(['apply', h.file('worker.yaml', FILE)]);
  const changed = h.file('worker2.yaml', FILE.replace('volume_size: 30', 'volume_size: 50').replace(/\n {6}queue_down: .*\n/, '\n').replace(/\n {6}- \{metric: ApproximateNumberOfMessagesVisible, namespace: AWS\/SQS, statistic: Maximum.*\n/, '\n'));
  const p = await h.run(['plan', changed]);
  expect(p.stdout).toContain('~ update launch_template worker\n      default_version: v1 → v2\n      block_devices: [/dev/sda1 (volumeSize=30, volumeType=gp2, deleteOnTermination=true), /dev/sdb (virtualName=ephemeral0)] → [/dev/sda1 (volumeSize=50, volumeType=gp2, deleteOnTermination=true), /dev/sdb (virtualName=ephemeral0)]\n');
  // Without --prune, plan says what it keeps.
  expect(p.stdout).toContain('\nKept, though gone from ' + changed + ' (apply --prune deletes them):\n  policy worker|queue_down\n  alarm worker|queue_down|ApproximateNumberOfMessagesVisible\n');
  expect((await h.run(['plan', changed, '--prune'])).stdout).toContain('- delete alarm worker|queue_down|ApproximateNumberOfMessagesVisible\n- delete policy worker|queue_down\n');
  const r = await h.run(['apply', changed, '--prune']);
  expect(r.code).toBe(0);
  expect(h.counter.mutating).toEqual(['CreateLaunchTemplateVersion', 'ModifyLaunchTemplate', 'DeleteAlarms', 'DeletePolicy']);
  expect((await h.run(['plan', changed, '--prune'])).code).toBe(0);
});

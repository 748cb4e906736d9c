/**
 * Which instances DetachInstances and SetInstanceProtection act on, through
 * @aws-sdk/client-auto-scaling against botoscale local. Each test names the AWS page whose
 * behaviour it checks.
 */
import { AutoScaling, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, eachLocal, failure } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;
eachLocal((endpoint) => new AutoScaling(clientConfig(endpoint)), (l, c) => {
  local = l;
  as = c;
});

beforeEach(async () => {
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
});

const VALIDATION = { name: 'ValidationError', status: 400, code: 'ValidationError' };

async function group(min: number, max: number, desired: number): Promise<void> {
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: min, MaxSize: max, DesiredCapacity: desired, AvailabilityZones: ['us-east-1a'] });
}

async function describeGroup(): Promise<AutoScalingGroup> {
  return (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] })).AutoScalingGroups?.[0] as AutoScalingGroup;
}

/** `id:LifecycleState:protected?` of each instance, by id. */
async function instances(): Promise<string[]> {
  return ((await describeGroup()).Instances ?? []).map((i) => `${i.InstanceId}:${i.LifecycleState}:${i.ProtectedFromScaleIn ? 'protected' : 'unprotected'}`).sort();
}

function idOf(row: string | undefined): string {
  return (row ?? '').split(':')[0] as string;
}

describe('DetachInstances (API Reference, DetachInstances; User Guide, "Detach or attach instances": "You can detach an instance only when it\'s either in an InService or StandBy state")', () => {
  test('a Pending instance is refused in AWS words, and nothing is detached', async () => {
    await group(0, 2, 1);
    const [pending] = await instances();
    expect(pending).toMatch(/:Pending:unprotected$/);
    expect(await failure(as.detachInstances({ AutoScalingGroupName: 'g', InstanceIds: [idOf(pending)], ShouldDecrementDesiredCapacity: true }))).toEqual({
      ...VALIDATION,
      message: `The instance ${idOf(pending)} is not in InService or Standby.`,
    });
    expect(await instances()).toEqual([pending]);
    expect((await describeGroup()).DesiredCapacity).toBe(1);
  });

  test('one instance in the wrong state refuses the whole call; InService and Standby ones are detached', async () => {
    await group(0, 3, 2);
    local.clock.advance('30s');
    const [a, b] = (await instances()).map(idOf) as [string, string];
    await as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [b], ShouldDecrementDesiredCapacity: false });
    // The replacement EnterStandby launched is still Pending.
    const replacement = idOf((await instances()).find((row) => row.includes(':Pending:')));
    expect(await failure(as.detachInstances({ AutoScalingGroupName: 'g', InstanceIds: [a, replacement], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: `The instance ${replacement} is not in InService or Standby.`,
    });
    expect((await instances()).map(idOf)).toContain(a);
    const detached = (await as.detachInstances({ AutoScalingGroupName: 'g', InstanceIds: [a, b], ShouldDecrementDesiredCapacity: true })).Activities ?? [];
    expect(detached.map((x) => [x.Description, x.StatusCode])).toEqual([
      [`Detaching EC2 instance: ${a}`, 'Successful'],
      [`Detaching EC2 instance: ${b}`, 'Successful'],
    ]);
    expect((await instances()).map(idOf)).toEqual([replacement]);
  });

  test('an instance already terminating is refused', async () => {
    await group(0, 2, 1);
    local.clock.advance('30s');
    const [a] = (await instances()).map(idOf) as [string];
    await as.terminateInstanceInAutoScalingGroup({ InstanceId: a, ShouldDecrementDesiredCapacity: true });
    expect(await instances()).toEqual([`${a}:Terminating:unprotected`]);
    expect(await failure(as.detachInstances({ AutoScalingGroupName: 'g', InstanceIds: [a], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: `The instance ${a} is not in InService or Standby.`,
    });
  });
});

describe('SetInstanceProtection (API Reference, SetInstanceProtection)', () => {
  test('AWS names no lifecycle state (only warm pools, which botoscale local has none of): Pending and Standby instances take the setting', async () => {
    await group(0, 3, 2);
    local.clock.advance('30s');
    const [a, b] = (await instances()).map(idOf) as [string, string];
    await as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [b], ShouldDecrementDesiredCapacity: false });
    const replacement = idOf((await instances()).find((row) => row.includes(':Pending:')));
    await as.setInstanceProtection({ AutoScalingGroupName: 'g', InstanceIds: [b, replacement], ProtectedFromScaleIn: true });
    expect(await instances()).toEqual([`${a}:InService:unprotected`, `${b}:Standby:protected`, `${replacement}:Pending:protected`].sort());
    await as.setInstanceProtection({ AutoScalingGroupName: 'g', InstanceIds: [b], ProtectedFromScaleIn: false });
    expect(await instances()).toContain(`${b}:Standby:unprotected`);
  });

  test('"You can specify up to 50 instances": 51 is LimitExceeded; an instance outside the group is refused and nothing changes', async () => {
    await group(0, 2, 1);
    local.clock.advance('30s');
    const [a] = (await instances()).map(idOf) as [string];
    expect(await failure(as.setInstanceProtection({ AutoScalingGroupName: 'g', InstanceIds: Array.from({ length: 51 }, () => a), ProtectedFromScaleIn: true }))).toEqual({
      name: 'LimitExceededFault',
      status: 400,
      code: 'LimitExceeded',
      message: 'You can specify up to 50 instances in one SetInstanceProtection call, got 51.',
    });
    expect(await failure(as.setInstanceProtection({ AutoScalingGroupName: 'g', InstanceIds: [a, 'i-0000000000000000f'], ProtectedFromScaleIn: true }))).toEqual({
      ...VALIDATION,
      message: 'The instance i-0000000000000000f is not part of Auto Scaling group g.',
    });
    expect(await instances()).toEqual([`${a}:InService:unprotected`]);
  });
});

/**
 * Auto Scaling end to end: the real `@aws-sdk/client-auto-scaling` (query protocol) against
 * `startLocal`, with the clock driven by hand.
 */
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  CreateOrUpdateTagsCommand,
  DeleteAutoScalingGroupCommand,
  DeleteLaunchConfigurationCommand,
  DescribeAccountLimitsCommand,
  DescribeAdjustmentTypesCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeAutoScalingInstancesCommand,
  DescribeLaunchConfigurationsCommand,
  DescribePoliciesCommand,
  DescribeScalingActivitiesCommand,
  DescribeScheduledActionsCommand,
  DescribeTagsCommand,
  ExecutePolicyCommand,
  PutScalingPolicyCommand,
  PutScheduledUpdateGroupActionCommand,
  SetDesiredCapacityCommand,
  SuspendProcessesCommand,
  TerminateInstanceInAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';
import { CreateSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../../src/local';
import { clientConfig, failure, startTest, T0 } from '../helpers';

let local: LocalEndpoint;
let as: AutoScalingClient;

beforeEach(async () => {
  local = await startTest();
  as = new AutoScalingClient(clientConfig(local.endpoint));
});

afterEach(async () => {
  as.destroy();
  await local.close();
});

async function group(name = 'web', min = 2, max = 6): Promise<void> {
  // The launch configuration's security group exists first, as on AWS (a launch naming one that does not fails).
  const ec2 = new EC2Client(clientConfig(local.endpoint));
  await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web' }));
  ec2.destroy();
  await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: ['web'], InstanceMonitoring: { Enabled: true } }));
  await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: min, MaxSize: max, AvailabilityZones: ['us-east-1a', 'us-east-1b'], Tags: [{ Key: 'team', Value: 'web', PropagateAtLaunch: true }] }));
}

test('a group launches, its instances come into service, and its activities read as AWS writes them', async () => {
  await group();
  const created = await as.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web'] }));
  const g = created.AutoScalingGroups?.[0];
  expect(g?.AutoScalingGroupARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/web$/);
  expect([g?.MinSize, g?.MaxSize, g?.DesiredCapacity, g?.DefaultCooldown, g?.HealthCheckType, g?.CreatedTime]).toEqual([2, 6, 2, 300, 'EC2', new Date(T0)]);
  expect(g?.Instances?.map((i) => [i.AvailabilityZone, i.LifecycleState, i.HealthStatus])).toEqual([
    ['us-east-1a', 'Pending', 'Healthy'],
    ['us-east-1b', 'Pending', 'Healthy'],
  ]);
  expect(g?.Tags).toEqual([{ ResourceId: 'web', ResourceType: 'auto-scaling-group', Key: 'team', Value: 'web', PropagateAtLaunch: true }]);
  local.clock.advance('30s');
  const later = await as.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web'] }));
  expect(later.AutoScalingGroups?.[0]?.Instances?.map((i) => i.LifecycleState)).toEqual(['InService', 'InService']);
  const instances = await as.send(new DescribeAutoScalingInstancesCommand({}));
  expect(instances.AutoScalingInstances?.map((i) => [i.AutoScalingGroupName, i.HealthStatus, i.LaunchConfigurationName])).toEqual([
    ['web', 'HEALTHY', 'lc'],
    ['web', 'HEALTHY', 'lc'],
  ]);
  const acts = await as.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: 'web' }));
  expect(acts.Activities).toHaveLength(2);
  expect(acts.Activities?.[0]).toMatchObject({
    AutoScalingGroupName: 'web',
    Description: expect.stringMatching(/^Launching a new EC2 instance: i-[0-9a-f]{17}$/),
    Cause: 'At 2026-01-01T00:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  At 2026-01-01T00:00:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
    StartTime: new Date(T0),
    EndTime: new Date(T0 + 20_000),
    StatusCode: 'Successful',
    Progress: 100,
  });
  const lcs = await as.send(new DescribeLaunchConfigurationsCommand({}));
  expect(lcs.LaunchConfigurations?.[0]).toMatchObject({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', SecurityGroups: ['web'], InstanceMonitoring: { Enabled: true }, CreatedTime: new Date(T0) });
});

test('errors reach the SDK with AWS codes and statuses', async () => {
  await group();
  const exists = await failure(as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1a'] })));
  expect(exists).toEqual({ name: 'AlreadyExistsFault', message: 'AutoScalingGroup by this name already exists - A group with the name web already exists', status: 400, code: 'AlreadyExists' });
  const inUse = await failure(as.send(new DeleteLaunchConfigurationCommand({ LaunchConfigurationName: 'lc' })));
  expect([inUse.name, inUse.status, inUse.code]).toEqual(['ResourceInUseFault', 400, 'ResourceInUse']);
  const busy = await failure(as.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: 'web' })));
  expect([busy.name, busy.status, busy.code]).toEqual(['ScalingActivityInProgressFault', 400, 'ScalingActivityInProgress']);
  const bounds = await failure(as.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'web', DesiredCapacity: 9 })));
  expect([bounds.status, bounds.code, bounds.message]).toEqual([400, 'ValidationError', 'New SetDesiredCapacity value 9 is above max value 6 for the AutoScalingGroup.']);
  const token = await failure(as.send(new DescribeAutoScalingGroupsCommand({ NextToken: 'bogus' })));
  expect([token.name, token.status, token.code]).toEqual(['InvalidNextToken', 400, 'InvalidNextToken']);
  const limits = await as.send(new DescribeAccountLimitsCommand({}));
  expect([limits.MaxNumberOfAutoScalingGroups, limits.NumberOfAutoScalingGroups, limits.MaxNumberOfLaunchConfigurations, limits.NumberOfLaunchConfigurations]).toEqual([200, 1, 200, 1]);
});

test('policies: PolicyARN, ExecutePolicy, HonorCooldown refusals, tags, scheduled actions, paging and deletion', async () => {
  await group();
  local.clock.advance('30s');
  const put = await as.send(new PutScalingPolicyCommand({ AutoScalingGroupName: 'web', PolicyName: 'scale_up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 180 }));
  expect(put.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/web:policyName\/scale_up$/);
  const policies = await as.send(new DescribePoliciesCommand({ AutoScalingGroupName: 'web' }));
  expect(policies.ScalingPolicies?.[0]).toMatchObject({ PolicyName: 'scale_up', PolicyARN: put.PolicyARN, PolicyType: 'SimpleScaling', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 180, Enabled: true });
  await as.send(new ExecutePolicyCommand({ AutoScalingGroupName: 'web', PolicyName: 'scale_up', HonorCooldown: true }));
  const refused = await failure(as.send(new ExecutePolicyCommand({ AutoScalingGroupName: 'web', PolicyName: 'scale_up', HonorCooldown: true })));
  expect([refused.name, refused.status, refused.code]).toEqual(['ScalingActivityInProgressFault', 400, 'ScalingActivityInProgress']);
  const types = await as.send(new DescribeAdjustmentTypesCommand({}));
  expect(types.AdjustmentTypes?.map((t) => t.AdjustmentType)).toEqual(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']);

  await as.send(new CreateOrUpdateTagsCommand({ Tags: [{ ResourceId: 'web', ResourceType: 'auto-scaling-group', Key: 'env', Value: 'prod', PropagateAtLaunch: false }] }));
  const tags = await as.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['env'] }] }));
  expect(tags.Tags).toEqual([{ ResourceId: 'web', ResourceType: 'auto-scaling-group', Key: 'env', Value: 'prod', PropagateAtLaunch: false }]);

  await as.send(new PutScheduledUpdateGroupActionCommand({ AutoScalingGroupName: 'web', ScheduledActionName: 'night', Recurrence: '0 22 * * *', DesiredCapacity: 2 }));
  const scheduled = await as.send(new DescribeScheduledActionsCommand({ AutoScalingGroupName: 'web' }));
  expect(scheduled.ScheduledUpdateGroupActions?.map((s) => [s.ScheduledActionName, s.Recurrence, s.StartTime])).toEqual([['night', '0 22 * * *', new Date('2026-01-01T22:00:00Z')]]);

  await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'api', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }));
  const page1 = await as.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }));
  const page2 = await as.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1, NextToken: page1.NextToken }));
  expect([page1.AutoScalingGroups?.[0]?.AutoScalingGroupName, page2.AutoScalingGroups?.[0]?.AutoScalingGroupName, page2.NextToken]).toEqual(['api', 'web', undefined]);

  await as.send(new SuspendProcessesCommand({ AutoScalingGroupName: 'web', ScalingProcesses: ['ReplaceUnhealthy'] }));
  local.clock.advance('30s');
  const instances = (await as.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web'] }))).AutoScalingGroups?.[0]?.Instances ?? [];
  expect(instances).toHaveLength(3);
  const term = await as.send(new TerminateInstanceInAutoScalingGroupCommand({ InstanceId: instances[0]?.InstanceId, ShouldDecrementDesiredCapacity: true }));
  expect(term.Activity?.Description).toBe(`Terminating EC2 instance: ${instances[0]?.InstanceId}`);
  await as.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: 'web', ForceDelete: true }));
  local.clock.advance('30s');
  const left = await as.send(new DescribeAutoScalingGroupsCommand({}));
  expect(left.AutoScalingGroups?.map((x) => x.AutoScalingGroupName)).toEqual(['api']);
});

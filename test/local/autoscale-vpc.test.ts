/**
 * Auto Scaling groups and load balancers in VPCs, through @aws-sdk/client-auto-scaling,
 * @aws-sdk/client-ec2 and @aws-sdk/client-elastic-load-balancing against botoscale local:
 * VPCZoneIdentifier subnets decide the zones and addresses of launched instances, an
 * unknown subnet is AWS's ValidationError, a stopped instance fails its EC2 health check
 * and is replaced, and load balancers created with subnets take their VPC and the
 * security group the ELB guide documents.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { EC2, type Instance } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let ec2: EC2;
let as: AutoScaling;
let elb: ElasticLoadBalancing;

beforeEach(async () => {
  local = await startTest();
  ec2 = new EC2(clientConfig(local.endpoint));
  as = new AutoScaling(clientConfig(local.endpoint));
  elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
});

afterEach(async () => {
  ec2.destroy();
  as.destroy();
  elb.destroy();
  await local.close();
});

async function network(): Promise<{ vpc: string; a: string; b: string; sg: string }> {
  const vpc = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
  const a = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet?.SubnetId as string;
  const b = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1c' })).Subnet?.SubnetId as string;
  const sg = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpc })).GroupId as string;
  return { vpc, a, b, sg };
}

async function instancesOf(group: string): Promise<Instance[]> {
  const out = await ec2.describeInstances({ Filters: [{ Name: 'tag:aws:autoscaling:groupName', Values: [group] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }] });
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

test('a group with VPCZoneIdentifier launches into those subnets, with addresses from their ranges (CreateAutoScalingGroup)', async () => {
  const net = await network();
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroupIds: [net.sg] } });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 4, MaxSize: 4, VPCZoneIdentifier: `${net.a},${net.b}` });
  const g = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
  expect([g?.VPCZoneIdentifier, g?.AvailabilityZones]).toEqual([`${net.a},${net.b}`, ['us-east-1a', 'us-east-1c']]);
  const instances = await instancesOf('web');
  expect(instances).toHaveLength(4);
  for (const i of instances) {
    expect(i.VpcId).toBe(net.vpc);
    const [subnet, prefix] = i.Placement?.AvailabilityZone === 'us-east-1a' ? [net.a, '10.0.1.'] : [net.b, '10.0.2.'];
    expect(i.SubnetId).toBe(subnet);
    expect(i.PrivateIpAddress?.startsWith(prefix)).toBe(true);
    expect(i.SecurityGroups).toEqual([{ GroupName: 'web', GroupId: net.sg }]);
    expect(i.PublicIpAddress).toBeUndefined();
  }
  expect(instances.map((i) => i.Placement?.AvailabilityZone).sort()).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1c', 'us-east-1c']);
  const activities = (await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? [];
  expect(JSON.parse(activities[0]?.Details ?? '{}')).toHaveProperty('Subnet ID');
});

test('a group given only zones launches into the default VPC\'s default subnets (AWS: "Default VPCs")', async () => {
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'plain', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1b'] });
  const [i] = await instancesOf('plain');
  const subnet = (await ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: ['us-east-1b'] }] })).Subnets?.[0];
  expect([i?.SubnetId, i?.VpcId, i?.PrivateIpAddress?.startsWith('172.31.16.')]).toEqual([subnet?.SubnetId, subnet?.VpcId, true]);
  expect(i?.PublicIpAddress).toBeDefined();
});

test('AWS errors: a subnet that does not exist, subnets in two VPCs, zones that do not match the subnets', async () => {
  const net = await network();
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  const base = { LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1 };
  expect(await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'x', ...base, VPCZoneIdentifier: 'subnet-0000000000000000f' }))).toMatchObject({
    code: 'ValidationError',
    message: "The subnet ID 'subnet-0000000000000000f' does not exist",
    status: 400,
  });
  const defaultSubnet = (await ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets?.[0]?.SubnetId as string;
  expect(await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'x', ...base, VPCZoneIdentifier: `${net.a},${defaultSubnet}` }))).toMatchObject({ code: 'ValidationError' });
  expect(await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'x', ...base, VPCZoneIdentifier: net.a, AvailabilityZones: ['us-east-1b'] }))).toMatchObject({
    code: 'ValidationError',
    message: 'The availability zones of the specified subnets and the AutoScalingGroup do not match',
  });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'ok', ...base, VPCZoneIdentifier: net.a });
  expect(await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'ok', VPCZoneIdentifier: 'subnet-0000000000000000e' }))).toMatchObject({ message: "The subnet ID 'subnet-0000000000000000e' does not exist" });
});

test('a stopped instance is unhealthy and replaced (Auto Scaling User Guide, "Health checks": stopped counts as impaired)', async () => {
  const net = await network();
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: [net.sg] });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.a });
  local.clock.advance('30s');
  const [first] = await instancesOf('web');
  const id = first?.InstanceId as string;
  await ec2.stopInstances({ InstanceIds: [id] });
  local.clock.advance('30s');
  const g = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
  expect(g?.Instances?.some((i) => i.InstanceId !== id)).toBe(true);
  const activities = (await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? [];
  expect(activities.some((a) => (a.Cause ?? '').includes('an instance was taken out of service in response to an EC2 health check'))).toBe(true);
  local.clock.advance('1m');
  expect((await ec2.describeInstances({ InstanceIds: [id] })).Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('terminated');
  const [replacement] = await instancesOf('web');
  expect([replacement?.SubnetId, replacement?.PrivateIpAddress?.startsWith('10.0.1.')]).toEqual([net.a, true]);
});

test('load balancers with Subnets take their VPC and, without groups, its default group (ELB guide, "Configure security groups")', async () => {
  const net = await network();
  await elb.createLoadBalancer({ LoadBalancerName: 'in-vpc', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }], Subnets: [net.a, net.b] });
  const d = (await elb.describeLoadBalancers({ LoadBalancerNames: ['in-vpc'] })).LoadBalancerDescriptions?.[0];
  const vpcDefault = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [net.vpc] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups?.[0]?.GroupId;
  expect([d?.VPCId, d?.Subnets, d?.AvailabilityZones, d?.SecurityGroups, d?.SourceSecurityGroup?.GroupName]).toEqual([net.vpc, [net.a, net.b], ['us-east-1a', 'us-east-1c'], [vpcDefault], 'default']);
  await elb.createLoadBalancer({ LoadBalancerName: 'with-sg', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }], Subnets: [net.a], SecurityGroups: [net.sg] });
  expect((await elb.describeLoadBalancers({ LoadBalancerNames: ['with-sg'] })).LoadBalancerDescriptions?.[0]?.SecurityGroups).toEqual([net.sg]);
  const outside = (await ec2.describeSecurityGroups({ GroupNames: ['default'] })).SecurityGroups?.[0]?.GroupId as string;
  expect(await failure(elb.createLoadBalancer({ LoadBalancerName: 'bad', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }], Subnets: [net.a], SecurityGroups: [outside] }))).toMatchObject({ code: 'InvalidSecurityGroup' });
  const defaultSubnet = (await ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: ['us-east-1b'] }] })).Subnets?.[0]?.SubnetId as string;
  expect(await failure(elb.createLoadBalancer({ LoadBalancerName: 'mixed', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }], Subnets: [net.a, defaultSubnet] }))).toMatchObject({ code: 'InvalidConfigurationRequest' });
  expect(await failure(elb.attachLoadBalancerToSubnets({ LoadBalancerName: 'with-sg', Subnets: [defaultSubnet] }))).toMatchObject({ code: 'InvalidConfigurationRequest' });
  // A load balancer's network interfaces sit in its subnets and security groups: EC2 keeps them (DeleteSubnet, DeleteSecurityGroup).
  await elb.deleteLoadBalancer({ LoadBalancerName: 'in-vpc' });
  expect(await failure(ec2.deleteSubnet({ SubnetId: net.a }))).toMatchObject({ code: 'DependencyViolation', message: `The subnet '${net.a}' has dependencies and cannot be deleted.` });
  expect(await failure(ec2.deleteSecurityGroup({ GroupId: net.sg }))).toMatchObject({ code: 'DependencyViolation', message: `resource ${net.sg} has a dependent object` });
  await elb.deleteLoadBalancer({ LoadBalancerName: 'with-sg' });
  await ec2.deleteSubnet({ SubnetId: net.b });
  await ec2.deleteSecurityGroup({ GroupId: net.sg });
  await ec2.deleteSubnet({ SubnetId: net.a });
});

test('a group whose subnet was deleted fails its launches with EC2\'s reason and retries (DescribeScalingActivities)', async () => {
  const net = await network();
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 2, VPCZoneIdentifier: net.a });
  await ec2.deleteSubnet({ SubnetId: net.a });
  await as.setDesiredCapacity({ AutoScalingGroupName: 'web', DesiredCapacity: 1 });
  local.clock.advance('10s');
  const failed = ((await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? []).find((a) => a.StatusCode === 'Failed');
  // EC2's reason, then Auto Scaling's sentence (src/local/autoscale/lifecycle.ts joins them).
  expect(failed?.StatusMessage).toMatch(new RegExp(`^The subnet ID '${net.a}' does not exist\\. Launching EC2 instance failed\\.$`));
  expect(await instancesOf('web')).toEqual([]);
});

test('a launch configuration naming security group ids launches with those groups; one of another VPC fails the launch with EC2\'s reason', async () => {
  const net = await network();
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: [net.sg] });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.a });
  local.clock.advance('10s');
  const [first] = await instancesOf('web');
  expect(first?.SecurityGroups).toEqual([{ GroupName: 'web', GroupId: net.sg }]);
  expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-id', Values: [net.sg] }] })).SecurityGroups).toHaveLength(1);
  // RunInstances' rule, as for a launch template: the groups must be in the subnet's VPC.
  const other = (await ec2.createSecurityGroup({ GroupName: 'elsewhere', Description: 'default VPC' })).GroupId as string;
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc-other', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: [other] });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'other', LaunchConfigurationName: 'lc-other', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.a });
  local.clock.advance('10s');
  const failed = ((await as.describeScalingActivities({ AutoScalingGroupName: 'other' })).Activities ?? []).find((a) => a.StatusCode === 'Failed');
  expect(failed?.StatusMessage).toBe(`Security group ${other} and subnet belong to different networks. Launching EC2 instance failed.`);
  expect(await instancesOf('other')).toEqual([]);
});

async function failedLaunches(group: string): Promise<Array<{ StatusMessage?: string; Description?: string }>> {
  return ((await as.describeScalingActivities({ AutoScalingGroupName: group })).Activities ?? []).filter((a) => a.StatusCode === 'Failed');
}

// EC2's InvalidGroup.NotFound from RunInstances names the VPC the launch goes to; Auto Scaling
// quotes it in the failed launch activity ("The security group 'sg-…' does not exist in VPC
// 'vpc-…'. Launching EC2 instance failed."), and launches nothing.
test('a launch configuration naming a security group the VPC does not hold, by name or by id, fails its launches with EC2\'s reason; once the group exists the instances carry it', async () => {
  const defaultVpc = (await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs?.[0]?.VpcId as string;
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'by-name', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: ['web'] });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'named', LaunchConfigurationName: 'by-name', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1b'] });
  const net = await network();
  const unknownId = 'sg-0123456789abcdef0';
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'by-id', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: [unknownId] });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'ided', LaunchConfigurationName: 'by-id', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.a });
  local.clock.advance('5s');
  const [named] = await failedLaunches('named');
  const byName = `The security group 'web' does not exist in default VPC '${defaultVpc}'. Launching EC2 instance failed.`;
  expect(named?.StatusMessage).toBe(byName);
  expect(named?.Description).toBe(`Launching a new EC2 instance.  Status Reason: ${byName}`);
  expect((await failedLaunches('ided'))[0]?.StatusMessage).toBe(`The security group '${unknownId}' does not exist in VPC '${net.vpc}'. Launching EC2 instance failed.`);
  expect(await instancesOf('named')).toEqual([]);
  expect(await instancesOf('ided')).toEqual([]);
  const described = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['named', 'ided'] })).AutoScalingGroups ?? [];
  expect(described.map((g) => g.Instances)).toEqual([[], []]);
  // As a user would: create the group; the next launch the group retries takes it.
  const groupId = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web' })).GroupId as string;
  local.clock.advance('5m');
  const [instance] = await instancesOf('named');
  expect(instance?.SecurityGroups).toEqual([{ GroupName: 'web', GroupId: groupId }]);
  expect(instance?.VpcId).toBe(defaultVpc);
});

test('a launch template naming a security group the VPC does not hold fails its launches in the same words as a launch configuration', async () => {
  const net = await network();
  const unknownId = 'sg-0123456789abcdef0';
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroupIds: [unknownId] } });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'templated', LaunchTemplate: { LaunchTemplateName: 'web-lt' }, MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.a });
  local.clock.advance('5s');
  expect((await failedLaunches('templated'))[0]?.StatusMessage).toBe(`The security group '${unknownId}' does not exist in VPC '${net.vpc}'. Launching EC2 instance failed.`);
  expect(await instancesOf('templated')).toEqual([]);
});

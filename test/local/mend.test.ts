/**
 * Small differences from AWS, mended, each at the wire through the real SDK clients
 * against botoscale local, each against the AWS API Reference named in its test.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { EC2, type Instance } from '@aws-sdk/client-ec2';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;

beforeEach(async () => {
  local = await startTest();
  as = new AutoScaling(clientConfig(local.endpoint));
});

afterEach(async () => {
  as.destroy();
  await local.close();
});

describe('UpdateAutoScalingGroup (Auto Scaling API Reference, UpdateAutoScalingGroup: Errors)', () => {
  test('an unknown group is ValidationError "AutoScalingGroup name not found - null", as AWS words it', async () => {
    const err = await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'nope', MinSize: 1 }));
    expect([err.name, err.status, err.message]).toEqual(['ValidationError', 400, 'AutoScalingGroup name not found - null']);
  });
});

describe('ExecutePolicy and DeletePolicy by policy ARN or name (Auto Scaling API Reference: PolicyName is "the name or ARN of the policy", AutoScalingGroupName is not required)', () => {
  async function groupWithPolicy(): Promise<string> {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 4, DesiredCapacity: 0, AvailabilityZones: ['us-east-1a'] });
    const put = await as.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 2 });
    return put.PolicyARN as string;
  }

  test('a policy ARN given as PolicyName, without a group, is resolved: ExecutePolicy runs it and DeletePolicy deletes it', async () => {
    const arn = await groupWithPolicy();
    await as.executePolicy({ PolicyName: arn });
    const group = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
    expect(group?.DesiredCapacity).toBe(2);
    await as.deletePolicy({ PolicyName: arn });
    expect((await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies).toEqual([]);
  });

  // The API Reference does not give AWS's wording for this case, so only the code is pinned.
  test('a plain policy name without a group names no policy: ValidationError, and nothing runs or is deleted', async () => {
    await groupWithPolicy();
    const run = await failure(as.executePolicy({ PolicyName: 'up' }));
    expect([run.name, run.status]).toEqual(['ValidationError', 400]);
    const del = await failure(as.deletePolicy({ PolicyName: 'up' }));
    expect([del.name, del.status]).toEqual(['ValidationError', 400]);
    const group = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
    expect(group?.DesiredCapacity).toBe(0);
    expect((await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies?.map((p) => p.PolicyName)).toEqual(['up']);
  });
});

describe('PutMetricData value combinations (CloudWatch API Reference, PutMetricData: Errors InvalidParameterCombination, MissingParameter, InvalidParameterValue)', () => {
  const stats = { SampleCount: 2, Sum: 3, Minimum: 1, Maximum: 2 };
  test.each<[string, Partial<MetricDatum>, string, string]>([
    ['Value with Values', { Value: 1, Values: [1, 2] }, 'InvalidParameterCombination', 'The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and you have specified both.'],
    ['Value with StatisticValues', { Value: 1, StatisticValues: stats }, 'InvalidParameterCombination', 'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.'],
    ['none of the three', {}, 'MissingParameter', 'At least one of the parameters MetricData.member.1.Value, MetricData.member.1.StatisticValues or MetricData.member.1.Values must be specified.'],
    ['Values and Counts of different sizes', { Values: [1, 2], Counts: [1] }, 'InvalidParameterValue', 'The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.'],
  ])('%s is refused at the wire with AWS\'s code', async (_what, datum, code, message) => {
    const cw = new CloudWatchClient(clientConfig(local.endpoint));
    try {
      const err = await failure(cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'Latency', ...datum }] })));
      expect([err.code ?? err.name.replace(/Exception$/, ''), err.status, err.message]).toEqual([code, 400, message]);
    } finally {
      cw.destroy();
    }
  });
});

describe('a secure listener naming a certificate the load balancer cannot use is CertificateNotFound (ELB API Reference, CreateLoadBalancer / CreateLoadBalancerListeners / SetLoadBalancerListenerSSLCertificate: CertificateNotFound; ACM User Guide, "Supported Regions")', () => {
  const IAM = 'arn:aws:iam::123456789012:server-certificate/web';
  const ACM = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
  const elsewhere: Array<[string, string]> = [
    ['an IAM certificate of another account', 'arn:aws:iam::210987654321:server-certificate/web'],
    ['an ACM certificate of another region', 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012'],
    ['an ACM certificate of another account', 'arn:aws:acm:us-east-1:210987654321:certificate/12345678-1234-1234-1234-123456789012'],
    ['a name, not an ARN', 'web'],
    ['an IAM certificate of another partition', 'arn:aws-cn:iam::123456789012:server-certificate/web'],
  ];

  test.each(elsewhere)('%s is refused by CreateLoadBalancer, CreateLoadBalancerListeners and SetLoadBalancerListenerSSLCertificate, and nothing changes', async (_what, cert) => {
    const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
    try {
      const expected = { name: 'CertificateNotFoundException', status: 400, code: 'CertificateNotFound', message: `Server Certificate not found for the key: ${cert}` };
      const ssl = (port: number, id: string) => ({ Protocol: 'SSL', LoadBalancerPort: port, InstancePort: 8443, SSLCertificateId: id });
      expect(await failure(elb.createLoadBalancer({ LoadBalancerName: 'bad', AvailabilityZones: ['us-east-1a'], Listeners: [ssl(443, cert)] }))).toEqual(expected);
      await elb.createLoadBalancer({ LoadBalancerName: 'lb', AvailabilityZones: ['us-east-1a'], Listeners: [ssl(443, IAM)] });
      expect(await failure(elb.createLoadBalancerListeners({ LoadBalancerName: 'lb', Listeners: [ssl(8443, cert)] }))).toEqual(expected);
      expect(await failure(elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'lb', LoadBalancerPort: 443, SSLCertificateId: cert }))).toEqual(expected);
      const [lb] = (await elb.describeLoadBalancers({})).LoadBalancerDescriptions ?? [];
      expect(lb?.LoadBalancerName).toBe('lb');
      expect(lb?.ListenerDescriptions?.map((d) => [d.Listener?.LoadBalancerPort, d.Listener?.SSLCertificateId])).toEqual([[443, IAM]]);
    } finally {
      elb.destroy();
    }
  });

  test('an IAM certificate of the account and an ACM certificate of its account and region are accepted', async () => {
    const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
    try {
      await elb.createLoadBalancer({ LoadBalancerName: 'lb', AvailabilityZones: ['us-east-1a'], Listeners: [{ Protocol: 'HTTPS', LoadBalancerPort: 443, InstancePort: 80, SSLCertificateId: IAM }] });
      await elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'lb', LoadBalancerPort: 443, SSLCertificateId: ACM });
      const [lb] = (await elb.describeLoadBalancers({ LoadBalancerNames: ['lb'] })).LoadBalancerDescriptions ?? [];
      expect(lb?.ListenerDescriptions?.[0]?.Listener?.SSLCertificateId).toBe(ACM);
    } finally {
      elb.destroy();
    }
  });
});

describe('DescribeTags propagate-at-launch filter (Auto Scaling API Reference, Filter: "propagate-at-launch - Accepts a Boolean value")', () => {
  test('the Boolean is compared whatever its case: true, True and TRUE match the propagated tags, FALSE the others', async () => {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({
      AutoScalingGroupName: 'web',
      LaunchConfigurationName: 'lc',
      MinSize: 0,
      MaxSize: 1,
      AvailabilityZones: ['us-east-1a'],
      Tags: [
        { Key: 'team', Value: 'web', PropagateAtLaunch: true },
        { Key: 'cost', Value: 'cc1', PropagateAtLaunch: false },
      ],
    });
    const keys = async (values: string[]) =>
      ((await as.describeTags({ Filters: [{ Name: 'propagate-at-launch', Values: values }] })).Tags ?? []).map((t) => t.Key);
    expect(await keys(['true'])).toEqual(['team']);
    expect(await keys(['True'])).toEqual(['team']);
    expect(await keys(['TRUE'])).toEqual(['team']);
    expect(await keys(['FALSE'])).toEqual(['cost']);
    expect(await keys(['False', 'tRuE'])).toEqual(['cost', 'team']);
    expect(await keys(['yes'])).toEqual([]);
  });
});

describe('AssociatePublicIpAddress of a launch configuration (Auto Scaling API Reference, CreateLaunchConfiguration: AssociatePublicIpAddress)', () => {
  // "If the instance is launched into a default subnet, the default is to assign a public
  // IPv4 address ... into a nondefault subnet, the default is not to assign a public IPv4
  // address ... If you specify true, each instance in the Auto Scaling group receives a
  // unique public IPv4 address."
  let ec2: EC2;
  beforeEach(() => {
    ec2 = new EC2(clientConfig(local.endpoint));
  });
  afterEach(() => ec2.destroy());

  async function instanceOf(group: string): Promise<Instance | undefined> {
    const out = await ec2.describeInstances({ Filters: [{ Name: 'tag:aws:autoscaling:groupName', Values: [group] }] });
    return out.Reservations?.[0]?.Instances?.[0];
  }

  test('describes show it only when given, as AWS writes it', async () => {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'plain', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'public', ImageId: 'ami-12345678', InstanceType: 't3.micro', AssociatePublicIpAddress: true });
    const lcs = (await as.describeLaunchConfigurations({})).LaunchConfigurations ?? [];
    expect(lcs.map((l) => [l.LaunchConfigurationName, l.AssociatePublicIpAddress, l.KeyName])).toEqual([['plain', undefined, ''], ['public', true, '']]);
  });

  test('true gives instances in a nondefault subnet a public address, false keeps them off one in a default subnet, and a restart follows the same choice', async () => {
    const vpc = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
    const subnet = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet?.SubnetId as string;
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'public', ImageId: 'ami-12345678', InstanceType: 't3.micro', AssociatePublicIpAddress: true });
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'private', ImageId: 'ami-12345678', InstanceType: 't3.micro', AssociatePublicIpAddress: false });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'pub', LaunchConfigurationName: 'public', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: subnet });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'priv', LaunchConfigurationName: 'private', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1b'] });
    const pub = await instanceOf('pub');
    const priv = await instanceOf('priv');
    expect([pub?.SubnetId, pub?.PublicIpAddress === undefined]).toEqual([subnet, false]);
    expect(priv?.PublicIpAddress).toBeUndefined();
    // Kept in the group while stopped, so the restart is of the same instance.
    await as.suspendProcesses({ AutoScalingGroupName: 'pub', ScalingProcesses: ['HealthCheck', 'ReplaceUnhealthy'] });
    local.clock.advance('2m');
    const id = pub?.InstanceId as string;
    const byId = async () => (await ec2.describeInstances({ InstanceIds: [id] })).Reservations?.[0]?.Instances?.[0];
    await ec2.stopInstances({ InstanceIds: [id] });
    local.clock.advance('2m');
    expect([(await byId())?.State?.Name, (await byId())?.PublicIpAddress]).toEqual(['stopped', undefined]);
    await ec2.startInstances({ InstanceIds: [id] });
    expect((await byId())?.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('ARNs in the China Regions are in the aws-cn partition (AWS General Reference, "Amazon Resource Names (ARNs)": partition aws-cn for China Regions)', () => {
  test.each([['cn-north-1'], ['cn-northwest-1']])('a cloud in %s writes arn:aws-cn: for groups, launch configurations, policies, alarms, subnets and the service-linked role', async (region) => {
    const cn = await startTest({ region });
    const config = { ...clientConfig(cn.endpoint), region };
    const cnAs = new AutoScaling(config);
    const cw = new CloudWatchClient(config);
    const ec2 = new EC2(config);
    try {
      await cnAs.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      await cnAs.createAutoScalingGroup({ AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: [`${region}a`] });
      const policy = (await cnAs.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 })).PolicyARN;
      await cw.send(new PutMetricAlarmCommand({ AlarmName: 'cpu', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [policy as string] }));
      const g = (await cnAs.describeAutoScalingGroups({})).AutoScalingGroups?.[0];
      const lc = (await cnAs.describeLaunchConfigurations({})).LaunchConfigurations?.[0];
      const alarm = (await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms?.[0];
      const subnet = (await ec2.describeSubnets({})).Subnets?.[0];
      const prefix = `arn:aws-cn:`;
      for (const arn of [g?.AutoScalingGroupARN, lc?.LaunchConfigurationARN, policy, alarm?.AlarmArn, subnet?.SubnetArn]) {
        expect(arn?.startsWith(`${prefix}`)).toBe(true);
        expect(arn).toContain(`:${region}:123456789012:`);
      }
      expect(g?.ServiceLinkedRoleARN).toBe('arn:aws-cn:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling');
    } finally {
      cnAs.destroy();
      cw.destroy();
      ec2.destroy();
      await cn.close();
    }
  });

  test('a cloud in an AWS Region keeps arn:aws:', async () => {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    const lc = (await as.describeLaunchConfigurations({})).LaunchConfigurations?.[0];
    expect(lc?.LaunchConfigurationARN?.startsWith('arn:aws:autoscaling:us-east-1:123456789012:launchConfiguration:')).toBe(true);
  });
});

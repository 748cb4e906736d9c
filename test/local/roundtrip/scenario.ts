/**
 * The round-trip test's cloud: every kind of state botoscale local keeps, made through the
 * wire with the SDK clients in one region (VPCs, subnets, security groups and their rules,
 * instances stopped and modified, launch templates and versions, groups on launch
 * templates, launch configurations and mixed instances with spot, lifecycle hooks with
 * instances waiting in them, standby, protection, notifications, scheduled actions,
 * simple, step and target tracking policies, metric and metric math alarms with tags and
 * history, load balancers in a VPC with security groups, policies and attributes), and
 * `capture`, which reads back every Describe/List/Get answer of the four services.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2, type InstanceAttributeName } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { CREDS, raw } from '../helpers';

/** The four SDK clients of one region at one endpoint. */
export interface Clients {
  region: string;
  endpoint: string;
  ec2: EC2;
  elb: ElasticLoadBalancing;
  as: AutoScaling;
  cw: CloudWatch;
}

/** The SDK clients of `region` at `endpoint` (signed for that region: it picks the region's cloud). */
export function clients(endpoint: string, region: string): Clients {
  const cfg = { endpoint, region, credentials: CREDS, maxAttempts: 1 };
  return { region, endpoint, ec2: new EC2(cfg), elb: new ElasticLoadBalancing(cfg), as: new AutoScaling(cfg), cw: new CloudWatch(cfg) };
}

/** Moves the shared clock through the control API (journalled as a clock change). */
export async function advance(endpoint: string, by: string): Promise<void> {
  const res = await raw(endpoint, { path: '/_botoscale/clock/advance', body: JSON.stringify({ by }) });
  if (res.status !== 200) throw new Error(`clock/advance ${by}: ${res.status} ${res.text}`);
}

/** The ARN partition of a region: `aws-cn` in China. */
function partition(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : 'aws';
}

async function control(endpoint: string, path: string, body: Record<string, unknown>, status = 200): Promise<void> {
  const res = await raw(endpoint, { path: `/_botoscale/${path}`, body: JSON.stringify(body) });
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${res.text}`);
}

/** What `network` made. */
interface Network {
  vpc: string;
  a: string;
  b: string;
  web: string;
  app: string;
}

async function network(c: Clients): Promise<Network> {
  const { ec2, region } = c;
  const vpc = (await ec2.createVpc({ CidrBlock: '10.1.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'main' }] }] })).Vpc?.VpcId as string;
  const a = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.1.1.0/24', AvailabilityZone: `${region}a` })).Subnet?.SubnetId as string;
  const b = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.1.2.0/24', AvailabilityZone: `${region}b` })).Subnet?.SubnetId as string;
  await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.1.9.0/28', AvailabilityZone: `${region}b` });
  const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web tier', VpcId: vpc })).GroupId as string;
  const app = (await ec2.createSecurityGroup({ GroupName: 'app', Description: 'app tier', VpcId: vpc })).GroupId as string;
  const gone = (await ec2.createSecurityGroup({ GroupName: 'gone', Description: 'deleted', VpcId: vpc })).GroupId as string;
  await ec2.deleteSecurityGroup({ GroupId: gone });
  await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }] }, { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] });
  await ec2.authorizeSecurityGroupIngress({ GroupId: app, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: web, Description: 'from web' }] }] });
  await ec2.authorizeSecurityGroupEgress({ GroupId: app, IpPermissions: [{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] });
  const spare = (await ec2.createVpc({ CidrBlock: '172.31.0.0/16', InstanceTenancy: 'default' })).Vpc?.VpcId as string;
  const spareSubnet = (await ec2.createSubnet({ VpcId: spare, CidrBlock: '172.31.0.0/20' })).Subnet?.SubnetId as string;
  await ec2.deleteSubnet({ SubnetId: spareSubnet });
  // Tags on network resources, and rules revoked (both since s6-ec2-typed).
  await ec2.createTags({ Resources: [vpc, a, b, web, app], Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team' }] });
  await ec2.createTags({ Resources: [web], Tags: [{ Key: 'env', Value: 'edge' }] });
  await ec2.deleteTags({ Resources: [b], Tags: [{ Key: 'team' }] });
  await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] });
  await ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] });
  await ec2.revokeSecurityGroupEgress({ GroupId: web, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  return { vpc, a, b, web, app };
}

async function templates(c: Clients, net: Network): Promise<void> {
  const { ec2 } = c;
  await ec2.createLaunchTemplate({
    LaunchTemplateName: 'web',
    VersionDescription: 'first',
    LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroupIds: [net.web], MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 }, UserData: Buffer.from('#!/bin/sh\necho web').toString('base64') },
    TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'tier', Value: 'web' }] }],
  });
  await ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'web', SourceVersion: '1', VersionDescription: 'bigger', LaunchTemplateData: { InstanceType: 't3.small' } });
  await ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'web', SourceVersion: '2', LaunchTemplateData: { InstanceType: 't3.medium' } });
  await ec2.modifyLaunchTemplate({ LaunchTemplateName: 'web', DefaultVersion: '2' });
  await ec2.deleteLaunchTemplateVersions({ LaunchTemplateName: 'web', Versions: ['3'] });
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'spot', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 'm5.large', SecurityGroupIds: [net.app] } });
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'doomed', LaunchTemplateData: { ImageId: 'ami-12345678' } });
  await ec2.deleteLaunchTemplate({ LaunchTemplateName: 'doomed' });
}

/** Standalone instances: one running with attributes changed, one stopped and resized, one terminated, one stopped and started again. */
async function instances(c: Clients, net: Network): Promise<string[]> {
  const { ec2, endpoint } = c;
  const run = await ec2.runInstances({
    ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 4, MaxCount: 4, SubnetId: net.a, SecurityGroupIds: [net.web], KeyName: 'ops',
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'standalone' }] }], ClientToken: `tok-${c.region}`,
    Monitoring: { Enabled: true }, UserData: Buffer.from('hello').toString('base64'), InstanceInitiatedShutdownBehavior: 'stop',
  });
  const ids = (run.Instances ?? []).map((i) => i.InstanceId as string);
  await advance(endpoint, '1m');
  const [kept, stopped, ended, restarted] = ids as [string, string, string, string];
  await ec2.modifyInstanceAttribute({ InstanceId: kept, DisableApiTermination: { Value: true } });
  await ec2.modifyInstanceAttribute({ InstanceId: kept, DisableApiStop: { Value: true } });
  await ec2.modifyInstanceAttribute({ InstanceId: kept, SourceDestCheck: { Value: false } });
  await ec2.modifyInstanceAttribute({ InstanceId: kept, Groups: [net.web, net.app] });
  await ec2.stopInstances({ InstanceIds: [stopped, restarted] });
  await ec2.terminateInstances({ InstanceIds: [ended] });
  await advance(endpoint, '1m');
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, InstanceType: { Value: 't3.large' } });
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, EbsOptimized: { Value: true } });
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, InstanceInitiatedShutdownBehavior: { Value: 'terminate' } });
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, Kernel: { Value: 'aki-12345678' } });
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, Ramdisk: { Value: 'ari-12345678' } });
  await ec2.modifyInstanceAttribute({ InstanceId: stopped, EnaSupport: { Value: false } });
  await ec2.createTags({ Resources: [stopped], Tags: [{ Key: 'state', Value: 'parked' }] });
  await ec2.deleteTags({ Resources: [kept], Tags: [{ Key: 'role' }] });
  await ec2.modifyInstanceAttribute({ InstanceId: restarted, UserData: { Value: new TextEncoder().encode('changed') } });
  await ec2.startInstances({ InstanceIds: [restarted] });
  return ids;
}

async function loadBalancers(c: Clients, net: Network): Promise<void> {
  const { elb, region } = c;
  await elb.createLoadBalancer({ LoadBalancerName: 'web', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 }, { Protocol: 'TCP', LoadBalancerPort: 25, InstancePort: 25 }], Subnets: [net.a], SecurityGroups: [net.web], Tags: [{ Key: 'env', Value: 'test' }] });
  await elb.attachLoadBalancerToSubnets({ LoadBalancerName: 'web', Subnets: [net.b] });
  await elb.configureHealthCheck({ LoadBalancerName: 'web', HealthCheck: { Target: 'HTTP:8080/health', Interval: 10, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 2 } });
  await elb.createLBCookieStickinessPolicy({ LoadBalancerName: 'web', PolicyName: 'sticky', CookieExpirationPeriod: 60 });
  await elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'web', LoadBalancerPort: 80, PolicyNames: ['sticky'] });
  await elb.createLoadBalancerPolicy({ LoadBalancerName: 'web', PolicyName: 'proxy', PolicyTypeName: 'ProxyProtocolPolicyType', PolicyAttributes: [{ AttributeName: 'ProxyProtocol', AttributeValue: 'true' }] });
  await elb.setLoadBalancerPoliciesForBackendServer({ LoadBalancerName: 'web', InstancePort: 25, PolicyNames: ['proxy'] });
  await elb.modifyLoadBalancerAttributes({
    LoadBalancerName: 'web',
    LoadBalancerAttributes: { CrossZoneLoadBalancing: { Enabled: true }, ConnectionDraining: { Enabled: true, Timeout: 120 }, AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 5, S3BucketPrefix: 'web' }, ConnectionSettings: { IdleTimeout: 30 }, AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'strictest' }] },
  });
  await elb.createLoadBalancer({ LoadBalancerName: 'internal', Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 6379, InstancePort: 6379 }], Subnets: [net.a], Scheme: 'internal' });
  await elb.createLoadBalancer({ LoadBalancerName: 'classic', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: [`${region}a`] });
  await elb.enableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'classic', AvailabilityZones: [`${region}b`] });
  await elb.addTags({ LoadBalancerNames: ['classic'], Tags: [{ Key: 'kind', Value: 'classic' }, { Key: 'empty' }] });
}

/** Groups on a launch template (hooks), a launch configuration (policies, standby) and mixed instances (spot). */
async function groups(c: Clients, net: Network): Promise<void> {
  const { as, region } = c;
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroups: [net.web], KeyName: 'ops', InstanceMonitoring: { Enabled: false }, BlockDeviceMappings: [{ DeviceName: '/dev/sdb', Ebs: { VolumeSize: 20, VolumeType: 'gp3' } }], MetadataOptions: { HttpTokens: 'required' }, AssociatePublicIpAddress: true, IamInstanceProfile: 'app-role' });
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'old', ImageId: 'ami-12345678', InstanceType: 't2.micro' });
  await as.createAutoScalingGroup({
    AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Default' }, MinSize: 2, MaxSize: 6, VPCZoneIdentifier: `${net.a},${net.b}`,
    LoadBalancerNames: ['web'], HealthCheckType: 'ELB', DeletionProtection: 'prevent-force-deletion', HealthCheckGracePeriod: 60, TerminationPolicies: ['OldestInstance', 'Default'], MaxInstanceLifetime: 86_400 * 7,
    Tags: [{ Key: 'tier', Value: 'web', PropagateAtLaunch: true }, { Key: 'owner', Value: 'ops', PropagateAtLaunch: false }],
    LifecycleHookSpecificationList: [{ LifecycleHookName: 'warm', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 600, DefaultResult: 'ABANDON', NotificationMetadata: 'boot' }],
  });
  await as.putLifecycleHook({ AutoScalingGroupName: 'web', LifecycleHookName: 'drain', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 300, DefaultResult: 'CONTINUE' });
  await as.createAutoScalingGroup({
    AutoScalingGroupName: 'app', LaunchConfigurationName: 'lc', MinSize: 2, MaxSize: 5, DesiredCapacity: 3, VPCZoneIdentifier: `${net.a},${net.b}`, DefaultCooldown: 120,
    NewInstancesProtectedFromScaleIn: true, Tags: [{ Key: 'tier', Value: 'app', PropagateAtLaunch: true }],
  });
  await as.createAutoScalingGroup({
    AutoScalingGroupName: 'spot', MinSize: 2, MaxSize: 6, DesiredCapacity: 3, VPCZoneIdentifier: `${net.a},${net.b}`, CapacityRebalance: true,
    MixedInstancesPolicy: {
      LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'spot' }, Overrides: [{ InstanceType: 'm5.large', WeightedCapacity: '1' }, { InstanceType: 'c5.large', WeightedCapacity: '2' }] },
      InstancesDistribution: { OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'capacity-optimized' },
    },
  });
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'gone', LaunchConfigurationName: 'old', MinSize: 1, MaxSize: 1, AvailabilityZones: [`${region}a`] });
  await as.createOrUpdateTags({ Tags: [{ ResourceId: 'app', ResourceType: 'auto-scaling-group', Key: 'cost', Value: 'shared', PropagateAtLaunch: false }] });
  await as.putNotificationConfiguration({ AutoScalingGroupName: 'app', TopicARN: `arn:${partition(region)}:sns:${region}:123456789012:ops`, NotificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_TERMINATE'] });
  await as.suspendProcesses({ AutoScalingGroupName: 'app', ScalingProcesses: ['AZRebalance'] });
  await as.enableMetricsCollection({ AutoScalingGroupName: 'app', Granularity: '1Minute', Metrics: ['GroupInServiceInstances', 'GroupDesiredCapacity'] });
  await as.putScheduledUpdateGroupAction({ AutoScalingGroupName: 'app', ScheduledActionName: 'nightly', Recurrence: '0 2 * * *', TimeZone: 'Europe/Paris', MinSize: 2, MaxSize: 5, DesiredCapacity: 2 });
  await as.putScheduledUpdateGroupAction({ AutoScalingGroupName: 'app', ScheduledActionName: 'once', StartTime: new Date(Date.UTC(2026, 5, 1)), DesiredCapacity: 4 });
}

async function policiesAndAlarms(c: Clients): Promise<void> {
  const { as, cw, region } = c;
  const simple = (await as.putScalingPolicy({ AutoScalingGroupName: 'app', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 60 })).PolicyARN as string;
  const step = (await as.putScalingPolicy({
    AutoScalingGroupName: 'web', PolicyName: 'steps', PolicyType: 'StepScaling', AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentMagnitude: 1, MetricAggregationType: 'Average', EstimatedInstanceWarmup: 30,
    StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 10 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 50 }],
  })).PolicyARN as string;
  await as.putScalingPolicy({ AutoScalingGroupName: 'spot', PolicyName: 'cpu40', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 40 } });
  await as.putScalingPolicy({ AutoScalingGroupName: 'app', PolicyName: 'off', AdjustmentType: 'ExactCapacity', ScalingAdjustment: 2, Enabled: false });
  await as.putScalingPolicy({
    AutoScalingGroupName: 'web', PolicyName: 'latency', PolicyType: 'TargetTrackingScaling', EstimatedInstanceWarmup: 120,
    TargetTrackingConfiguration: { CustomizedMetricSpecification: { MetricName: 'Latency', Namespace: 'App', Statistic: 'Average', Unit: 'Seconds', Dimensions: [{ Name: 'Service', Value: 'api' }] }, TargetValue: 0.3, DisableScaleIn: true },
  });
  const cpu = { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average' as const, Period: 60, EvaluationPeriods: 2, DatapointsToAlarm: 1 };
  await cw.putMetricAlarm({ AlarmName: 'app-hot', ...cpu, Threshold: 60, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'app' }], AlarmActions: [simple], TreatMissingData: 'notBreaching', Tags: [{ Key: 'team', Value: 'ops' }] });
  await cw.putMetricAlarm({ AlarmName: 'web-steps', ...cpu, Threshold: 50, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], AlarmActions: [step], OKActions: [`arn:${partition(region)}:sns:${region}:123456789012:ops`] });
  await cw.putMetricAlarm({ AlarmName: 'p99', MetricName: 'Latency', Namespace: 'App', ExtendedStatistic: 'p99', Period: 60, EvaluationPeriods: 1, Threshold: 0.5, ComparisonOperator: 'GreaterThanThreshold', Unit: 'Seconds', EvaluateLowSampleCountPercentile: 'ignore', EvaluationWindow: { SlidingWindow: {} } });
  await cw.putMetricAlarm({
    AlarmName: 'error-rate', AlarmDescription: 'math', EvaluationPeriods: 1, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold',
    Metrics: [
      { Id: 'e', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'api' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'r', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests', Dimensions: [{ Name: 'Service', Value: 'api' }] }, Period: 60, Stat: 'Sum', Unit: 'Count' }, ReturnData: false },
      { Id: 'rate', Expression: '100 * e / r', Label: 'error rate', ReturnData: true },
    ],
  });
  await cw.tagResource({ ResourceARN: `arn:${partition(region)}:cloudwatch:${region}:123456789012:alarm:error-rate`, Tags: [{ Key: 'kind', Value: 'math' }] });
  await cw.putMetricAlarm({ AlarmName: 'deleted', MetricName: 'X', Namespace: 'App', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'LessThanThreshold' });
  await cw.setAlarmState({ AlarmName: 'p99', StateValue: 'ALARM', StateReason: 'by hand', StateReasonData: '{"version":"1.0"}' });
  await cw.disableAlarmActions({ AlarmNames: ['p99'] });
  await cw.deleteAlarms({ AlarmNames: ['deleted'] });
}

async function metricData(c: Clients, now: number): Promise<void> {
  const at = (m: number): Date => new Date(now - m * 60_000);
  const dims = [{ Name: 'Service', Value: 'api' }];
  await c.cw.putMetricData({
    Namespace: 'App',
    MetricData: [
      { MetricName: 'Errors', Dimensions: dims, Value: 3, Timestamp: at(1), Unit: 'Count' },
      { MetricName: 'Requests', Dimensions: dims, Value: 40, Timestamp: at(1), Unit: 'Count' },
      { MetricName: 'Latency', Values: [0.1, 0.2, 0.9], Counts: [10, 5, 1], Timestamp: at(1), Unit: 'Seconds' },
      { MetricName: 'Latency', StatisticValues: { SampleCount: 4, Sum: 1, Minimum: 0.1, Maximum: 0.4 }, Timestamp: at(2), Unit: 'Seconds' },
      { MetricName: 'Fine', Value: 1, Timestamp: at(0), StorageResolution: 1 },
    ],
  });
}

async function clockNow(endpoint: string): Promise<number> {
  return (JSON.parse((await raw(endpoint, { method: 'GET', path: '/_botoscale/clock' })).text) as { epochMillis: number }).epochMillis;
}

/** Instances of a group in a lifecycle state. */
async function inState(c: Clients, group: string, state: string): Promise<string[]> {
  const g = (await c.as.describeAutoScalingGroups({ AutoScalingGroupNames: [group] })).AutoScalingGroups?.[0];
  return (g?.Instances ?? []).filter((i) => i.LifecycleState === state).map((i) => i.InstanceId as string).sort();
}

/** Changes that take away, detach and undo: what a snapshot must not bring back. */
async function undo(c: Clients, net: Network, standalone: string): Promise<void> {
  const { as, elb, cw, region } = c;
  await as.putLifecycleHook({ AutoScalingGroupName: 'app', LifecycleHookName: 'short', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 30 });
  await as.deleteLifecycleHook({ AutoScalingGroupName: 'app', LifecycleHookName: 'short' });
  await as.putNotificationConfiguration({ AutoScalingGroupName: 'web', TopicARN: `arn:${partition(region)}:sns:${region}:123456789012:gone`, NotificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH'] });
  await as.deleteNotificationConfiguration({ AutoScalingGroupName: 'web', TopicARN: `arn:${partition(region)}:sns:${region}:123456789012:gone` });
  await as.batchPutScheduledUpdateGroupAction({ AutoScalingGroupName: 'web', ScheduledUpdateGroupActions: [{ ScheduledActionName: 'b1', Recurrence: '*/30 * * * *', DesiredCapacity: 2 }, { ScheduledActionName: 'b2', StartTime: new Date(Date.UTC(2026, 1, 1)), EndTime: new Date(Date.UTC(2026, 2, 1)), Recurrence: '0 9 * * 1', MinSize: 1 }] });
  await as.batchDeleteScheduledAction({ AutoScalingGroupName: 'web', ScheduledActionNames: ['b1'] });
  await as.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 'temp', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: -1 });
  await as.deletePolicy({ AutoScalingGroupName: 'web', PolicyName: 'temp' });
  await as.deleteTags({ Tags: [{ ResourceId: 'web', ResourceType: 'auto-scaling-group', Key: 'owner' }] });
  await as.suspendProcesses({ AutoScalingGroupName: 'web', ScalingProcesses: ['ScheduledActions', 'AddToLoadBalancer'] });
  await as.resumeProcesses({ AutoScalingGroupName: 'web', ScalingProcesses: ['AddToLoadBalancer'] });
  await as.disableMetricsCollection({ AutoScalingGroupName: 'app', Metrics: ['GroupDesiredCapacity'] });
  await as.updateAutoScalingGroup({ AutoScalingGroupName: 'app', MaxSize: 6, HealthCheckGracePeriod: 30, TerminationPolicies: ['NewestInstance'], DeletionProtection: 'prevent-all-deletion' });
  await as.attachLoadBalancers({ AutoScalingGroupName: 'app', LoadBalancerNames: ['internal', 'classic'] });
  await as.detachLoadBalancers({ AutoScalingGroupName: 'app', LoadBalancerNames: ['classic'] });
  await elb.createLoadBalancerListeners({ LoadBalancerName: 'web', Listeners: [{ Protocol: 'HTTPS', LoadBalancerPort: 443, InstancePort: 8080, InstanceProtocol: 'HTTP', SSLCertificateId: `arn:${partition(region)}:iam::123456789012:server-certificate/one` }] });
  await elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'web', LoadBalancerPort: 443, SSLCertificateId: `arn:${partition(region)}:iam::123456789012:server-certificate/two` });
  await elb.createAppCookieStickinessPolicy({ LoadBalancerName: 'web', PolicyName: 'app-cookie', CookieName: 'SESSION' });
  await elb.createLoadBalancerListeners({ LoadBalancerName: 'internal', Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 11211, InstancePort: 11211 }] });
  await elb.deleteLoadBalancerListeners({ LoadBalancerName: 'internal', LoadBalancerPorts: [6379] });
  await elb.applySecurityGroupsToLoadBalancer({ LoadBalancerName: 'internal', SecurityGroups: [net.app] });
  await elb.createLoadBalancerPolicy({ LoadBalancerName: 'web', PolicyName: 'unused', PolicyTypeName: 'ProxyProtocolPolicyType', PolicyAttributes: [{ AttributeName: 'ProxyProtocol', AttributeValue: 'false' }] });
  await elb.deleteLoadBalancerPolicy({ LoadBalancerName: 'web', PolicyName: 'unused' });
  await elb.disableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'classic', AvailabilityZones: [`${region}a`] });
  await elb.removeTags({ LoadBalancerNames: ['classic'], Tags: [{ Key: 'empty' }] });
  await elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'classic', Instances: [{ InstanceId: standalone }] });
  await elb.createLoadBalancer({ LoadBalancerName: 'short-lived', Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 1, InstancePort: 1 }], Subnets: [net.b] });
  await elb.deleteLoadBalancer({ LoadBalancerName: 'short-lived' });
  await cw.enableAlarmActions({ AlarmNames: ['web-steps'] });
  await cw.untagResource({ ResourceARN: `arn:${partition(region)}:cloudwatch:${region}:123456789012:alarm:app-hot`, TagKeys: ['team'] });
  await cw.tagResource({ ResourceARN: `arn:${partition(region)}:cloudwatch:${region}:123456789012:alarm:app-hot`, Tags: [{ Key: 'team', Value: 'sre' }, { Key: 'tier', Value: 'app' }] });
}

/**
 * Builds the whole scenario in `region` and drives the clock so that instances wait in
 * lifecycle hooks, stand by, scale and are replaced. The clock is shared by every region:
 * the steps here move it for all of them.
 */
export async function build(c: Clients): Promise<void> {
  const net = await network(c);
  await templates(c, net);
  const [standalone] = await instances(c, net);
  await loadBalancers(c, net);
  await groups(c, net);
  await policiesAndAlarms(c);
  await control(c.endpoint, 'spot/capacity', { region: c.region, zone: `${c.region}b`, instanceType: 'c5.large', available: 0 });
  await control(c.endpoint, 'spot/capacity', { region: c.region, zone: `${c.region}a`, instanceType: 'c5.large', available: 1 });
  // A limit lifted (no `available`), and inputs refused (journalled as given, refused again on replay).
  await control(c.endpoint, 'spot/capacity', { region: c.region, zone: `${c.region}a`, instanceType: 'c5.large' });
  await control(c.endpoint, 'spot/interrupt', { region: c.region, group: 'spot' }, 400);
  await control(c.endpoint, 'spot/capacity', { region: c.region, instanceType: 'c5.large', available: 1 }, 400);
  await control(c.endpoint, 'load', { region: c.region, group: 'nothing-yet', demand: null }, 400);
  await control(c.endpoint, 'load', { region: c.region, group: 'app', cpu: 75 });
  await control(c.endpoint, 'load', { region: c.region, group: 'spot', demand: 90 });
  await advance(c.endpoint, '2m');
  const waiting = await inState(c, 'web', 'Pending:Wait');
  if (waiting.length < 2) throw new Error(`expected web's instances waiting in the launch hook, got ${JSON.stringify(await inState(c, 'web', 'Pending'))}`);
  const [proceed, beat] = waiting as [string, string];
  await c.as.completeLifecycleAction({ AutoScalingGroupName: 'web', LifecycleHookName: 'warm', InstanceId: proceed, LifecycleActionResult: 'CONTINUE' });
  await c.as.recordLifecycleActionHeartbeat({ AutoScalingGroupName: 'web', LifecycleHookName: 'warm', InstanceId: beat });
  const app = await inState(c, 'app', 'InService');
  if (app.length < 3) throw new Error(`expected app's instances in service, got ${JSON.stringify(app)}`);
  const [standby, unprotected, sick] = app as [string, string, string];
  await c.as.enterStandby({ AutoScalingGroupName: 'app', InstanceIds: [standby], ShouldDecrementDesiredCapacity: false });
  await c.cw.setAlarmState({ AlarmName: 'error-rate', StateValue: 'INSUFFICIENT_DATA', StateReason: 'reset by hand' });
  await c.as.setInstanceProtection({ AutoScalingGroupName: 'app', InstanceIds: [unprotected], ProtectedFromScaleIn: false });
  await c.as.setInstanceHealth({ InstanceId: sick, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: false });
  await c.as.deleteAutoScalingGroup({ AutoScalingGroupName: 'gone', ForceDelete: true });
  await c.as.deleteLaunchConfiguration({ LaunchConfigurationName: 'old' }).catch(() => undefined);
  await undo(c, net, standalone as string);
  await metricData(c, await clockNow(c.endpoint));
  const loose = (await c.ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: net.a })).Instances?.[0]?.InstanceId as string;
  await advance(c.endpoint, '3m');
  await c.as.attachInstances({ AutoScalingGroupName: 'app', InstanceIds: [loose] });
  const web = await inState(c, 'web', 'InService');
  if (web.length === 0) throw new Error('expected an InService instance in web');
  await c.as.terminateInstanceInAutoScalingGroup({ InstanceId: web[0] as string, ShouldDecrementDesiredCapacity: false });
  const appNow = await inState(c, 'app', 'InService');
  await control(c.endpoint, 'instance/health', { region: c.region, instance: appNow[0], healthy: false });

  await control(c.endpoint, 'spot/interrupt', { region: c.region, group: 'spot', count: 1 });
  await c.as.setDesiredCapacity({ AutoScalingGroupName: 'web', DesiredCapacity: 3, HonorCooldown: false });
  await advance(c.endpoint, '90s');
  const spot = await inState(c, 'spot', 'InService');
  await c.as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'spot', InstanceIds: [spot[0] as string], ShouldDecrementDesiredCapacity: false });
  await c.as.detachInstances({ AutoScalingGroupName: 'app', InstanceIds: [appNow[appNow.length - 1] as string], ShouldDecrementDesiredCapacity: false });
}

function strip<T>(answer: T): T {
  const { $metadata: _m, ...rest } = answer as T & { $metadata?: unknown };
  return rest as T;
}

const ATTRIBUTES: InstanceAttributeName[] = ['instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior', 'rootDeviceName', 'blockDeviceMapping', 'sourceDestCheck', 'groupSet', 'ebsOptimized', 'sriovNetSupport', 'enaSupport', 'disableApiStop'];

async function captureEc2(c: Clients, out: Record<string, unknown>): Promise<void> {
  const { ec2 } = c;
  const instances = strip(await ec2.describeInstances({ MaxResults: 1000 }));
  out.DescribeInstances = instances;
  out.DescribeInstanceStatus = strip(await ec2.describeInstanceStatus({ IncludeAllInstances: true, MaxResults: 1000 }));
  // Attributes of the instances outside groups (the ones changed by ModifyInstanceAttribute): asking every instance would triple the test's time.
  const outside = (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => !(i.Tags ?? []).some((t) => t.Key === 'aws:autoscaling:groupName'));
  const ids = outside.map((i) => i.InstanceId as string).sort();
  const attributes: unknown[] = [];
  for (const id of ids) {
    for (const attribute of ATTRIBUTES) {
      attributes.push(strip(await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: attribute }).catch((err: Error) => ({ InstanceId: id, attribute, error: err.name }))));
    }
  }
  out.DescribeInstanceAttribute = attributes;
  out.DescribeVpcs = strip(await ec2.describeVpcs({}));
  out.DescribeSubnets = strip(await ec2.describeSubnets({}));
  out.DescribeSecurityGroups = strip(await ec2.describeSecurityGroups({}));
  out.DescribeVolumes = strip(await ec2.describeVolumes({}));
  out.DescribeTags = strip(await ec2.describeTags({ MaxResults: 1000 }));
  out.DescribeLaunchTemplates = strip(await ec2.describeLaunchTemplates({}));
  for (const t of (out.DescribeLaunchTemplates as { LaunchTemplates?: Array<{ LaunchTemplateName?: string }> }).LaunchTemplates ?? []) {
    out[`DescribeLaunchTemplateVersions ${t.LaunchTemplateName}`] = strip(await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: t.LaunchTemplateName }));
  }
  out.DescribeAvailabilityZones = strip(await ec2.describeAvailabilityZones({}));
  out.DescribeRegions = strip(await ec2.describeRegions({}));
  out.DescribeImages = strip(await ec2.describeImages({ ImageIds: ['ami-12345678'] }));
}

async function captureElb(c: Clients, out: Record<string, unknown>): Promise<void> {
  const { elb } = c;
  const lbs = strip(await elb.describeLoadBalancers({}));
  out.DescribeLoadBalancers = lbs;
  const names = (lbs.LoadBalancerDescriptions ?? []).map((d) => d.LoadBalancerName as string);
  for (const name of names) {
    out[`DescribeInstanceHealth ${name}`] = strip(await elb.describeInstanceHealth({ LoadBalancerName: name }));
    out[`DescribeLoadBalancerAttributes ${name}`] = strip(await elb.describeLoadBalancerAttributes({ LoadBalancerName: name }));
    out[`DescribeLoadBalancerPolicies ${name}`] = strip(await elb.describeLoadBalancerPolicies({ LoadBalancerName: name }));
  }
  out.DescribeTags = names.length === 0 ? [] : strip(await elb.describeTags({ LoadBalancerNames: names }));
  out.DescribeLoadBalancerPolicyTypes = strip(await elb.describeLoadBalancerPolicyTypes({}));
  out.DescribeAccountLimits = strip(await elb.describeAccountLimits({}));
}

async function captureAutoScaling(c: Clients, out: Record<string, unknown>): Promise<void> {
  const { as } = c;
  const groups = strip(await as.describeAutoScalingGroups({ MaxRecords: 100 }));
  out.DescribeAutoScalingGroups = groups;
  out.DescribeAutoScalingInstances = strip(await as.describeAutoScalingInstances({ MaxRecords: 50 }));
  out.DescribeLaunchConfigurations = strip(await as.describeLaunchConfigurations({ MaxRecords: 100 }));
  for (const g of groups.AutoScalingGroups ?? []) {
    const name = g.AutoScalingGroupName as string;
    out[`DescribeLifecycleHooks ${name}`] = strip(await as.describeLifecycleHooks({ AutoScalingGroupName: name }));
    out[`DescribeLoadBalancers ${name}`] = strip(await as.describeLoadBalancers({ AutoScalingGroupName: name }));
    out[`DescribeScalingActivities ${name}`] = strip(await as.describeScalingActivities({ AutoScalingGroupName: name, MaxRecords: 100 }));
  }
  out.DescribeScalingActivities = strip(await as.describeScalingActivities({ MaxRecords: 100, IncludeDeletedGroups: true }));
  out['DescribeScalingActivities filtered'] = strip(await as.describeScalingActivities({ AutoScalingGroupName: 'app', MaxRecords: 100, Filters: [{ Name: 'StartTimeLowerBound', Values: ['2026-01-01T00:05:00Z'] }, { Name: 'Status', Values: ['Successful', 'InProgress'] }] }));
  out['DescribeAutoScalingGroups without instances'] = strip(await as.describeAutoScalingGroups({ MaxRecords: 100, IncludeInstances: false }));
  out['DescribeScalingActivities gone'] = strip(await as.describeScalingActivities({ AutoScalingGroupName: 'gone', IncludeDeletedGroups: true, MaxRecords: 100 }));
  out.DescribeNotificationConfigurations = strip(await as.describeNotificationConfigurations({ MaxRecords: 100 }));
  out.DescribePolicies = strip(await as.describePolicies({ MaxRecords: 100 }));
  out.DescribeScheduledActions = strip(await as.describeScheduledActions({ MaxRecords: 100 }));
  out.DescribeTags = strip(await as.describeTags({ MaxRecords: 100 }));
  out.DescribeAccountLimits = strip(await as.describeAccountLimits({}));
  out.DescribeAdjustmentTypes = strip(await as.describeAdjustmentTypes({}));
  out.DescribeAutoScalingNotificationTypes = strip(await as.describeAutoScalingNotificationTypes({}));
  out.DescribeLifecycleHookTypes = strip(await as.describeLifecycleHookTypes({}));
  out.DescribeMetricCollectionTypes = strip(await as.describeMetricCollectionTypes({}));
  out.DescribeScalingProcessTypes = strip(await as.describeScalingProcessTypes({}));
  out.DescribeTerminationPolicyTypes = strip(await as.describeTerminationPolicyTypes({}));
}

async function captureCloudWatch(c: Clients, out: Record<string, unknown>, now: number): Promise<void> {
  const { cw } = c;
  const alarms = strip(await cw.describeAlarms({ MaxRecords: 100, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }));
  out.DescribeAlarms = alarms;
  out.DescribeAlarmHistory = strip(await cw.describeAlarmHistory({ MaxRecords: 100 }));
  out.DescribeAlarmsForMetric = strip(await cw.describeAlarmsForMetric({ MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'app' }] }));
  for (const a of alarms.MetricAlarms ?? []) {
    out[`ListTagsForResource ${a.AlarmName}`] = strip(await cw.listTagsForResource({ ResourceARN: a.AlarmArn }));
  }
  const metrics = strip(await cw.listMetrics({}));
  out.ListMetrics = metrics;
  const window = { StartTime: new Date(now - 30 * 60_000), EndTime: new Date(now + 60_000) };
  const statistics: unknown[] = [];
  for (const m of metrics.Metrics ?? []) {
    const answer = strip(await cw.getMetricStatistics({ Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions, Period: 60, Statistics: ['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum'], ...window }));
    statistics.push({ metric: m, ...answer });
  }
  out.GetMetricStatistics = statistics;
  out['GetMetricStatistics p99'] = strip(await cw.getMetricStatistics({ Namespace: 'App', MetricName: 'Latency', Period: 60, ExtendedStatistics: ['p99', 'p50'], ...window }));
  out.GetMetricData = strip(await cw.getMetricData({
    ...window,
    MetricDataQueries: [
      { Id: 'e', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'api' }] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'rate', Expression: 'e * 2' },
      { Id: 'cpu', MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'app' }] }, Period: 60, Stat: 'Average' } },
    ],
  }));
}

/** Every Describe/List/Get answer of the four services in `region`, request ids aside, by action (and what it was asked of). */
export async function capture(c: Clients): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const now = await clockNow(c.endpoint);
  out.clock = now;
  const ec2: Record<string, unknown> = {};
  const elb: Record<string, unknown> = {};
  const autoscaling: Record<string, unknown> = {};
  const cloudwatch: Record<string, unknown> = {};
  await captureEc2(c, ec2);
  await captureElb(c, elb);
  await captureAutoScaling(c, autoscaling);
  await captureCloudWatch(c, cloudwatch, now);
  return { ...out, ec2, elb, autoscaling, cloudwatch };
}

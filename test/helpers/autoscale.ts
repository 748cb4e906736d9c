/**
 * Auto Scaling test helpers: a connection on a WireMock (with a chosen number of
 * attempts), response documents shaped like the AWS API Reference's examples, and
 * assertions on what the SDK sent.
 */
import { AutoScaleConnection } from '../../src/autoscale';
import { NS, WireMock } from './wire';

/** An Auto Scaling connection whose requests go to a fresh WireMock. */
export function asOnWire(maxAttempts = 1): { wire: WireMock; conn: AutoScaleConnection } {
  const wire = new WireMock();
  const conn = new AutoScaleConnection('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', {
    region: 'us-east-1',
    requestHandler: wire.handler,
    maxAttempts,
  });
  return { wire, conn };
}

/** Queues an Auto Scaling answer for `action` with `resultXml` inside its Result element. */
export function reply(wire: WireMock, action: string, resultXml: string | null = null): void {
  wire.replyQuery(NS.autoscaling, action, resultXml);
}

/** The complete parameter map of a request for `action`. */
export function sent(action: string, params: Record<string, string> = {}): Record<string, string> {
  return { Action: action, Version: '2011-01-01', ...params };
}

/** One `<member>` of DescribeAutoScalingGroups, shaped like the API Reference's example. */
export function groupXml(o: {
  name?: string; desired?: number; min?: number; max?: number; instances?: { id: string; state: string; health?: string }[];
} = {}): string {
  const name = o.name ?? 'my_group';
  const instances = (o.instances ?? [
    { id: 'i-0598c7d356eba48d7', state: 'InService' },
    { id: 'i-0b1d2c3e4f5a6b7c8', state: 'Pending' },
  ]).map((i) => `<member>
      <HealthStatus>${i.health ?? 'Healthy'}</HealthStatus>
      <AvailabilityZone>us-east-1a</AvailabilityZone>
      <InstanceId>${i.id}</InstanceId>
      <InstanceType>t2.micro</InstanceType>
      <LaunchConfigurationName>my-launch_config</LaunchConfigurationName>
      <LifecycleState>${i.state}</LifecycleState>
      <ProtectedFromScaleIn>false</ProtectedFromScaleIn>
    </member>`).join('');
  return `<member>
    <Tags>
      <member><ResourceId>${name}</ResourceId><PropagateAtLaunch>true</PropagateAtLaunch><Value>test</Value><Key>environment</Key><ResourceType>auto-scaling-group</ResourceType></member>
    </Tags>
    <SuspendedProcesses>
      <member><ProcessName>AddToLoadBalancer</ProcessName><SuspensionReason>User suspended at 2014-10-16T14:14:52Z</SuspensionReason></member>
    </SuspendedProcesses>
    <AutoScalingGroupName>${name}</AutoScalingGroupName>
    <HealthCheckType>ELB</HealthCheckType>
    <CreatedTime>2013-08-19T20:53:25.584Z</CreatedTime>
    <EnabledMetrics>
      <member><Granularity>1Minute</Granularity><Metric>GroupMinSize</Metric></member>
    </EnabledMetrics>
    <LaunchConfigurationName>my-launch_config</LaunchConfigurationName>
    <Instances>${instances}</Instances>
    <DesiredCapacity>${o.desired ?? 2}</DesiredCapacity>
    <AvailabilityZones><member>us-east-1a</member><member>us-east-1b</member></AvailabilityZones>
    <LoadBalancerNames><member>my-lb</member></LoadBalancerNames>
    <MinSize>${o.min ?? 1}</MinSize>
    <VPCZoneIdentifier>subnet-1,subnet-2</VPCZoneIdentifier>
    <HealthCheckGracePeriod>300</HealthCheckGracePeriod>
    <DefaultCooldown>300</DefaultCooldown>
    <AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:930d940e-891e-4781-a11a-7b0acd480f03:autoScalingGroupName/${name}</AutoScalingGroupARN>
    <TerminationPolicies><member>OldestInstance</member><member>Default</member></TerminationPolicies>
    <MaxSize>${o.max ?? 4}</MaxSize>
    <PlacementGroup>my-cluster</PlacementGroup>
  </member>`;
}

/** A DescribeAutoScalingGroups result holding `members`, with a NextToken when given. */
export function groupsResult(members: string[], nextToken?: string): string {
  return `<AutoScalingGroups>${members.join('')}</AutoScalingGroups>${nextToken ? `<NextToken>${nextToken}</NextToken>` : ''}`;
}

/** One Activity element body, shaped like the API Reference's example. */
export function activityXml(id = 'f9f2d65b-f1f2-43e7-b46d-d86756459699', group = 'my_group'): string {
  return `<StatusCode>Successful</StatusCode>
    <Progress>100</Progress>
    <ActivityId>${id}</ActivityId>
    <StartTime>2013-08-19T20:53:29.930Z</StartTime>
    <AutoScalingGroupName>${group}</AutoScalingGroupName>
    <Cause>At 2013-08-19T20:53:25Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 1.</Cause>
    <Details>{"Subnet ID":"subnet-1","Availability Zone":"us-east-1a"}</Details>
    <Description>Launching a new EC2 instance: i-4ba0837f</Description>
    <EndTime>2013-08-19T20:54:02Z</EndTime>`;
}

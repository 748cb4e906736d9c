/**
 * boto2's Auto Scaling tutorial (seed 000), line by line, against the wire.
 */
import { AutoScalingGroup, LaunchConfiguration, ScalingPolicy } from '../../src/autoscale';
import { activityXml, asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

test('the boto2 Auto Scaling tutorial runs as written, with camelCase names', async () => {
  const { wire, conn } = asOnWire();

  const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId: 'my-ami', keyName: 'my_key_name', securityGroups: ['my_security_groups'] });
  reply(wire, 'CreateLaunchConfiguration');
  await conn.createLaunchConfiguration(lc);

  const ag = new AutoScalingGroup({ groupName: 'my_group', loadBalancers: ['my-lb'], availabilityZones: ['us-east-1a', 'us-east-1b'],
    launchConfig: lc, minSize: 4, maxSize: 8, connection: conn });
  reply(wire, 'CreateAutoScalingGroup');
  await conn.createAutoScalingGroup(ag);

  reply(wire, 'DescribeScalingActivities', `<Activities><member>${activityXml()}</member></Activities>`);
  expect((await ag.getActivities()).map(String)).toEqual([
    'Activity<f9f2d65b-f1f2-43e7-b46d-d86756459699>: For group:my_group, progress:None, cause:At 2013-08-19T20:53:25Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 1.',
  ]);
  reply(wire, 'DescribeScalingActivities', `<Activities><member>${activityXml()}</member></Activities>`);
  expect(await conn.getAllActivities(ag)).toHaveLength(1);

  let scaleUpPolicy = new ScalingPolicy({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180 });
  const scaleDownPolicy = new ScalingPolicy({ name: 'scale_down', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: -1, cooldown: 180 });
  reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:up</PolicyARN>');
  await conn.createScalingPolicy(scaleUpPolicy);
  reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:down</PolicyARN>');
  await conn.createScalingPolicy(scaleDownPolicy);

  reply(wire, 'DescribePolicies', `<ScalingPolicies><member><PolicyARN>arn:up</PolicyARN><AdjustmentType>ChangeInCapacity</AdjustmentType>
    <ScalingAdjustment>1</ScalingAdjustment><PolicyName>scale_up</PolicyName><AutoScalingGroupName>my_group</AutoScalingGroupName>
    <Cooldown>180</Cooldown><Alarms/></member></ScalingPolicies>`);
  scaleUpPolicy = (await conn.getAllPolicies({ asGroup: 'my_group', policyNames: ['scale_up'] }))[0] as ScalingPolicy;
  expect(scaleUpPolicy.policyArn).toBe('arn:up');

  reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml()]));
  const group = (await conn.getAllGroups({ names: ['my_group'] }))[0] as AutoScalingGroup;
  const instanceIds = (group.instances ?? []).map((i) => i.instanceId);
  expect(instanceIds).toEqual(['i-0598c7d356eba48d7', 'i-0b1d2c3e4f5a6b7c8']);

  reply(wire, 'UpdateAutoScalingGroup');
  await ag.shutdownInstances();
  reply(wire, 'DeleteAutoScalingGroup');
  await ag.delete();
  reply(wire, 'DeleteLaunchConfiguration');
  await lc.delete();

  expect(wire.requests.map((r) => r.params.Action)).toEqual([
    'CreateLaunchConfiguration', 'CreateAutoScalingGroup', 'DescribeScalingActivities', 'DescribeScalingActivities', 'PutScalingPolicy',
    'PutScalingPolicy', 'DescribePolicies', 'DescribeAutoScalingGroups', 'UpdateAutoScalingGroup', 'DeleteAutoScalingGroup', 'DeleteLaunchConfiguration',
  ]);
  expect(wire.requests[8]?.params).toEqual(sent('UpdateAutoScalingGroup', {
    AutoScalingGroupName: 'my_group', LaunchConfigurationName: 'my-launch_config', MinSize: '0', MaxSize: '0', DesiredCapacity: '0',
    'AvailabilityZones.member.1': 'us-east-1a', 'AvailabilityZones.member.2': 'us-east-1b',
  }));
  expect(wire.pending).toBe(0);
});

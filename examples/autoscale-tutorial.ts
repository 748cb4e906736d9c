/**
 * Seed 000, boto2's Auto Scaling tutorial, with seed 001's scaling policies and alarms,
 * step by step in botoscale. Each step prints what boto2's interactive session shows,
 * so the output reads alongside the seed.
 *
 * The code between `// #region` and `// #endregion` is what docs/autoscale.md and
 * docs/cloudwatch-alarms.md show. In your own code, import from `botoscale/autoscale`
 * (and `botoscale/cloudwatch`, ...) where this file imports from `../src/...`.
 */
// #region imports
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, ScalingPolicy, connectToRegion } from '../src/autoscale';
import { CloudWatchConnection, MetricAlarm } from '../src/cloudwatch';
import { EC2Connection } from '../src/ec2';
import { ELBConnection } from '../src/elb';
// #endregion
import { LaunchTemplate } from '../src/autoscale';
import { BotoServerError } from '../src/core';
import { deleteSeedGroups, heading, makeSeedGroups, type TutorialEnv } from './env';

/** The names the tutorial creates, for the confirmation prompt and for clean-up. */
export const AUTOSCALE_TUTORIAL_RESOURCES = {
  loadBalancers: ['my-lb'],
  launchConfigurations: ['my-launch_config'],
  /** Made only where the account refuses launch configurations. */
  launchTemplates: ['my-launch_config'],
  groups: ['my_group'],
  alarms: ['scale_up_on_cpu', 'scale_down_on_cpu'],
};

/**
 * The other ways to connect that the seed shows: with explicit keys, and to a named
 * region. Nothing is sent.
 */
export function otherWaysToConnect(): AutoScaleConnection[] {
  // #region connect-keys
  const conn = new AutoScaleConnection('<aws access key>', '<aws secret key>');
  // #endregion
  // #region connect-region
  const autoscale = connectToRegion('eu-west-1');
  console.log(autoscale);
  // #endregion
  return [conn, autoscale];
}

/**
 * The seed's launch configuration; where the account refuses launch configurations (AWS
 * accounts created since 2024-10-01), says so and makes a launch template of the same
 * settings instead.
 */
async function launchConfigOrTemplate(env: TutorialEnv, conn: AutoScaleConnection): Promise<{ lc: LaunchConfiguration; lt?: LaunchTemplate }> {
  const { imageId, keyName, securityGroups, instanceType } = env;
  try {
    // #region launch-config
    const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId,
      keyName, securityGroups, instanceType });
    await conn.createLaunchConfiguration(lc);
    // #endregion
    return { lc };
  } catch (err) {
    if (!(err instanceof BotoServerError) || err.errorCode !== 'UnsupportedOperation') throw err;
    console.log(`This account refuses launch configurations:\n  ${err.message.split('\n').join('\n  ')}`);
    console.log('So the tutorial goes on with a launch template of the same settings, named my-launch_config too.');
    const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId, keyName, securityGroups, instanceType });
    const lt = LaunchTemplate.fromLaunchConfiguration(lc, { metadataOptions: { httpTokens: 'required' } });
    const ec2 = new EC2Connection({ endpoint: env.endpoint });
    await ec2.createLaunchTemplate(lt);
    console.log(lt);
    return { lc, lt };
  }
}

/** The seed's group, on its launch configuration. */
async function groupOn(env: TutorialEnv, conn: AutoScaleConnection, lc: LaunchConfiguration): Promise<AutoScalingGroup> {
  const { zones } = env;
  // #region create-group
  const ag = new AutoScalingGroup({ groupName: 'my_group', loadBalancers: ['my-lb'],
    availabilityZones: zones,
    launchConfig: lc, minSize: 4, maxSize: 8,
    connection: conn });
  await conn.createAutoScalingGroup(ag);
  // #endregion
  return ag;
}

/** The seed's group, on the launch template made in place of its launch configuration. */
async function groupOnTemplate(env: TutorialEnv, conn: AutoScaleConnection, lt: LaunchTemplate): Promise<AutoScalingGroup> {
  const ag = new AutoScalingGroup({ groupName: 'my_group', loadBalancers: ['my-lb'],
    availabilityZones: env.zones,
    launchTemplate: lt, minSize: 4, maxSize: 8,
    connection: conn });
  await conn.createAutoScalingGroup(ag);
  return ag;
}

/**
 * Runs seed 000 with seed 001's policies and alarms, then deletes what it created.
 * Resolves with whether the account refused launch configurations (so the group ran on a
 * launch template instead).
 */
export async function autoscaleTutorial(env: TutorialEnv): Promise<{ launchConfigurationsRefused: boolean }> {
  const { endpoint, zones, time } = env;

  heading('Creating a Connection');
  // #region connect
  const conn = new AutoScaleConnection({ endpoint });
  // #endregion
  console.log(conn);

  heading('(set-up) The load balancer the tutorial assumes exists: my-lb');
  // #region setup-lb
  const elb = new ELBConnection({ endpoint });
  console.log(await elb.createLoadBalancer('my-lb', zones, [[80, 8080, 'http']]));
  // #endregion

  heading('(set-up) The security groups the tutorial assumes exist');
  const made = await makeSeedGroups(env);
  console.log(made.length > 0 ? `created: ${made.join(', ')}` : 'none to create');

  heading('Getting Existing AutoScale Groups');
  // #region get-groups
  console.log(await conn.getAllGroups());
  // #endregion

  heading('Creating Autoscaling Groups');
  const { lc, lt } = await launchConfigOrTemplate(env, conn);
  const ag = lt === undefined ? await groupOn(env, conn, lc) : await groupOnTemplate(env, conn, lt);
  console.log(ag);

  await time.until('4 instances InService in my_group', async () => {
    const [g] = await conn.getAllGroups({ names: ['my_group'] });
    return (g?.instances ?? []).filter((i) => i.lifecycleState === 'InService').length === 4;
  }, '10m');
  // #region activities
  console.log(await ag.getActivities());
  // #endregion
  // #region all-activities
  console.log(await conn.getAllActivities(ag));
  // #endregion

  heading('Instance health, from the load balancer\'s health check');
  await time.until('4 instances InService behind my-lb', async () => {
    const states = await elb.describeInstanceHealth('my-lb');
    return states.length === 4 && states.every((s) => s.state === 'InService');
  }, '10m').catch((err: unknown) => {
    // On AWS, an instance is InService only if it answers the health check (TCP:80 by
    // default) and its security group lets the load balancer in; the tutorial goes on.
    console.log(`  (${err instanceof Error ? err.message : String(err)}: the instances do not answer my-lb's health check)`);
  });
  // #region lb-health
  console.log(await elb.describeInstanceHealth('my-lb'));
  // #endregion

  heading('Scaling a Group Up or Down');
  // #region define-policies
  let scaleUpPolicy = new ScalingPolicy({
    name: 'scale_up', adjustmentType: 'ChangeInCapacity',
    asName: 'my_group', scalingAdjustment: 1, cooldown: 180 });
  let scaleDownPolicy = new ScalingPolicy({
    name: 'scale_down', adjustmentType: 'ChangeInCapacity',
    asName: 'my_group', scalingAdjustment: -1, cooldown: 180 });
  // #endregion
  // #region create-policies
  await conn.createScalingPolicy(scaleUpPolicy);
  await conn.createScalingPolicy(scaleDownPolicy);
  // #endregion
  // #region refresh-policies
  scaleUpPolicy = (await conn.getAllPolicies({
    asGroup: 'my_group', policyNames: ['scale_up'] }))[0];
  scaleDownPolicy = (await conn.getAllPolicies({
    asGroup: 'my_group', policyNames: ['scale_down'] }))[0];
  // #endregion
  // #region policy-arn
  console.log(scaleUpPolicy);
  console.log(scaleUpPolicy.policyArn);
  // #endregion

  // #region cloudwatch-connect
  const cloudwatch = new CloudWatchConnection({ endpoint });
  // #endregion
  // #region alarm-dimensions
  const alarmDimensions = { AutoScalingGroupName: 'my_group' };
  // #endregion
  // #region create-alarms
  const scaleUpAlarm = new MetricAlarm({
    name: 'scale_up_on_cpu', namespace: 'AWS/EC2',
    metric: 'CPUUtilization', statistic: 'Average',
    comparison: '>', threshold: '70',
    period: '60', evaluationPeriods: 2,
    alarmActions: [scaleUpPolicy.policyArn],
    dimensions: alarmDimensions });
  await cloudwatch.createAlarm(scaleUpAlarm);
  const scaleDownAlarm = new MetricAlarm({
    name: 'scale_down_on_cpu', namespace: 'AWS/EC2',
    metric: 'CPUUtilization', statistic: 'Average',
    comparison: '<', threshold: '40',
    period: '60', evaluationPeriods: 2,
    alarmActions: [scaleDownPolicy.policyArn],
    dimensions: alarmDimensions });
  await cloudwatch.createAlarm(scaleDownAlarm);
  // #endregion
  // #region describe-alarms
  console.log(await cloudwatch.describeAlarms());
  // #endregion

  heading('To retrieve the instances in your autoscale group');
  // #region instances
  const ec2 = new EC2Connection({ endpoint });
  const group = (await conn.getAllGroups({ names: ['my_group'] }))[0];
  const instanceIds = group.instances!.map((i) => i.instanceId!);
  const instances = await ec2.getOnlyInstances(instanceIds);
  console.log(instances);
  // #endregion
  // #region instance-states
  console.log(instances.map((i) => `${i.id} ${i.state} ${i.placement}`));
  // #endregion

  heading('To delete your autoscale group, we first need to shutdown all the instances');
  // #region shutdown
  await ag.shutdownInstances();
  // #endregion
  await time.until('my_group to have no instances', async () => {
    const [g] = await conn.getAllGroups({ names: ['my_group'] });
    return (g?.instances ?? []).length === 0;
  }, '10m');
  // #region delete-group
  await ag.delete();
  // #endregion
  if (lt === undefined) {
    // #region delete-lc
    await lc.delete();
    // #endregion
  } else {
    await lt.delete();
  }

  heading('(clean-up) What the tutorial leaves behind: the alarms and my-lb');
  // #region delete-alarms
  await cloudwatch.deleteAlarms(['scale_up_on_cpu', 'scale_down_on_cpu']);
  // #endregion
  await elb.deleteLoadBalancer('my-lb');
  await deleteSeedGroups(env);
  console.log('groups:', await conn.getAllGroups(), 'launch configurations:', await conn.getAllLaunchConfigurations(),
    'alarms:', await cloudwatch.describeAlarms(), 'load balancers:', await elb.getAllLoadBalancers());
  return { launchConfigurationsRefused: lt !== undefined };
}

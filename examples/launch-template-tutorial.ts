/**
 * Seed 000 on today's AWS accounts: an account created since 2024-10-01 refuses launch
 * configurations, so the group launches from a launch template made from the seed's
 * launch configuration. Then a new version of the template, which running instances do
 * not follow until they are replaced, and the clean-up.
 *
 * `npm run tutorial` runs it against a second botoscale local started in new-account
 * mode (`startLocal({ launchConfigurations: false })`). The code between `// #region`
 * and `// #endregion` is what docs/autoscale.md shows.
 */
// #region lt-imports
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, LaunchTemplate } from '../src/autoscale';
import { EC2Connection } from '../src/ec2';
// #endregion
import { heading, type TutorialEnv } from './env';

/** What the variant creates (and deletes again). */
export const LAUNCH_TEMPLATE_TUTORIAL_RESOURCES = {
  loadBalancers: [] as string[],
  launchConfigurations: [] as string[],
  launchTemplates: ['my-launch-template'],
  groups: ['my_lt_group'],
  alarms: [] as string[],
};

/** The instance type the template's second version launches. */
export const NEW_INSTANCE_TYPE = 't3.small';

/** `instance-id type` of the group's instances, in id order. */
async function instanceTypes(conn: AutoScaleConnection, ec2: EC2Connection): Promise<string[]> {
  const [group] = await conn.getAllGroups({ names: ['my_lt_group'] });
  const ids = (group?.instances ?? []).map((i) => i.instanceId as string);
  if (ids.length === 0) return [];
  const instances = await ec2.getOnlyInstances(ids);
  return instances.map((i) => `${i.id} ${i.instanceType}`).sort();
}

/** Seed 000's group on a launch template, against an endpoint that refuses launch configurations. */
export async function launchTemplateTutorial(env: TutorialEnv): Promise<void> {
  const { endpoint, zones, imageId, keyName, instanceType, time } = env;

  heading('An account that refuses launch configurations');
  // #region lt-connect
  const conn = new AutoScaleConnection({ endpoint });
  const ec2 = new EC2Connection({ endpoint });
  // #endregion
  // A launch from a template checks its security groups as RunInstances does; botoscale
  // local's EC2 has the default VPC's `default` group (the seed's my_security_groups is
  // "defined elsewhere"), so this part names that one.
  // #region lt-refused
  const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId,
    keyName, securityGroups: ['default'], instanceType });
  await conn.createLaunchConfiguration(lc).catch((err: Error) => console.log(err.message));
  // #endregion

  heading('The same launch settings as a launch template');
  // #region lt-create
  const lt = LaunchTemplate.fromLaunchConfiguration(lc, { name: 'my-launch-template',
    metadataOptions: { httpTokens: 'required' } });
  await ec2.createLaunchTemplate(lt);
  console.log(lt);
  // #endregion
  // #region lt-group
  const ag = new AutoScalingGroup({ groupName: 'my_lt_group',
    availabilityZones: zones,
    launchTemplate: lt, minSize: 2, maxSize: 4,
    connection: conn });
  await conn.createAutoScalingGroup(ag);
  console.log(ag);
  // #endregion
  await time.until('2 instances InService in my_lt_group', async () => {
    const [g] = await conn.getAllGroups({ names: ['my_lt_group'] });
    return (g?.instances ?? []).filter((i) => i.lifecycleState === 'InService').length === 2;
  }, '10m');
  // #region lt-instances
  const [group] = await conn.getAllGroups({ names: ['my_lt_group'] });
  console.log(group.instances!.map((i) => i.launchTemplate));
  // #endregion
  console.log(await instanceTypes(conn, ec2));

  heading('A new version of the template');
  // #region lt-version
  const v2 = await lt.createVersion({ instanceType: 't3.small' },
    { versionDescription: 'bigger instances' });
  await lt.setDefaultVersion(v2.versionNumber!);
  console.log(await lt.getVersions());
  // #endregion
  // Running instances keep what they were launched with: only new launches use v2.
  console.log(await instanceTypes(conn, ec2));

  heading('Replacing an instance, which launches from the new default version');
  // #region lt-replace
  const oldest = group.instances![0].instanceId!;
  await conn.terminateInstance(oldest, { decrementCapacity: false });
  // #endregion
  await time.until(`a ${NEW_INSTANCE_TYPE} instance InService in place of ${oldest}`, async () => {
    const [g] = await conn.getAllGroups({ names: ['my_lt_group'] });
    const inService = (g?.instances ?? []).filter((i) => i.lifecycleState === 'InService');
    return inService.length === 2 && inService.every((i) => i.instanceId !== oldest);
  }, '10m');
  console.log(await instanceTypes(conn, ec2));

  heading('(clean-up) The group, then the template with its versions');
  // #region lt-cleanup
  await ag.shutdownInstances();
  // #endregion
  await time.until('my_lt_group to have no instances', async () => {
    const [g] = await conn.getAllGroups({ names: ['my_lt_group'] });
    return (g?.instances ?? []).length === 0;
  }, '10m');
  // #region lt-delete
  await ag.delete();
  await lt.delete();
  // #endregion
  console.log('groups:', await conn.getAllGroups(), 'launch templates:', await ec2.getAllLaunchTemplates());
  conn.close();
  ec2.close();
}

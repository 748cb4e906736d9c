/**
 * Seed 003, boto2's Elastic Load Balancing tutorial, step by step in botoscale. Each
 * step prints what boto2's interactive session shows, so the output reads alongside
 * the seed.
 *
 * The code between `// #region` and `// #endregion` is what docs/elb.md shows. In your
 * own code, import from `botoscale/elb` where this file imports from `../src/elb`.
 */
// #region imports
import { ELBConnection, HealthCheck, connectToRegion, regions } from '../src/elb';
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration } from '../src/autoscale';
// #endregion
import { deleteSeedGroups, heading, makeSeedGroups, type TutorialEnv } from './env';

/** The names the tutorial creates, for the confirmation prompt and for clean-up. */
export const ELB_TUTORIAL_RESOURCES = {
  loadBalancers: ['load-balancer-prod', 'load-balancer-staging', 'my-lb'],
  launchConfigurations: ['elb_tutorial_config'],
  groups: ['elb_tutorial_instances'],
  alarms: [] as string[],
};

/** The other ways to connect that the seed shows: to a named region, and by listing regions. Nothing is sent. */
export function otherWaysToConnectElb(): ELBConnection[] {
  // #region connect-region
  const elb = connectToRegion('us-west-2');
  console.log(elb);
  // #endregion
  // #region regions
  const allRegions = regions();
  console.log(allRegions);
  const elbLast = allRegions.at(-1)!.connect();
  console.log(elbLast);
  // #endregion
  return [elb, elbLast];
}

/** Runs seed 003, then deletes what it created. */
export async function elbTutorial(env: TutorialEnv): Promise<void> {
  const { endpoint, zones, otherZone, imageId, keyName, securityGroups, instanceType, time } = env;

  heading('Creating a Connection');
  // #region connect
  const conn = new ELBConnection({ endpoint });
  // #endregion
  console.log(conn);

  heading('(set-up) The two load balancers the seed\'s account already has');
  // #region setup-balancers
  for (const name of ['load-balancer-prod', 'load-balancer-staging']) {
    await conn.createLoadBalancer(name, zones, [[80, 8080, 'http']]);
  }
  // #endregion

  heading('Getting Existing Load Balancers');
  // #region get-all
  console.log(await conn.getAllLoadBalancers());
  // #endregion
  // #region get-by-name
  console.log(await conn.getAllLoadBalancers({ loadBalancerNames: ['load-balancer-prod'] }));
  // #endregion
  // #region first-balancer
  const balancers = await conn.getAllLoadBalancers();
  console.log(balancers[0]);
  // #endregion

  heading('Configuring a Health Check');
  // #region health-check
  const hc = new HealthCheck({
    interval: 20,
    healthyThreshold: 3,
    unhealthyThreshold: 5,
    target: 'HTTP:8080/health',
  });
  console.log(hc);
  // #endregion

  heading('Putting It All Together');
  // #region create-lb
  const ports: Array<[number, number, string]> = [[80, 8080, 'http'], [443, 8443, 'tcp']];
  const lb = await conn.createLoadBalancer('my-lb', zones, ports);
  // This is from the previous section.
  await lb.configureHealthCheck(hc);
  // #endregion
  // #region dns-name
  console.log(lb.dnsName);
  // #endregion
  console.log(lb, lb.listeners, lb.healthCheck);

  heading('(set-up) Two instances to add: a small Auto Scaling group launches them');
  await makeSeedGroups(env);
  // #region setup-instances
  const autoscale = new AutoScaleConnection({ endpoint });
  const lc = new LaunchConfiguration({ name: 'elb_tutorial_config', imageId,
    keyName, securityGroups, instanceType });
  await autoscale.createLaunchConfiguration(lc);
  const group = new AutoScalingGroup({ name: 'elb_tutorial_instances', launchConfig: lc,
    availabilityZones: zones, minSize: 2, maxSize: 2, connection: autoscale });
  await autoscale.createAutoScalingGroup(group);
  // #endregion
  await time.until('2 instances InService', async () => {
    const [g] = await autoscale.getAllGroups({ names: ['elb_tutorial_instances'] });
    return (g?.instances ?? []).filter((i) => i.lifecycleState === 'InService').length === 2;
  }, '10m');

  heading('Manually Adding and Removing Instances');
  // #region register
  const [launched] = await autoscale.getAllGroups({ names: ['elb_tutorial_instances'] });
  const instanceIds = launched.instances!.map((i) => i.instanceId!);
  console.log(await lb.registerInstances(instanceIds));
  // #endregion
  await time.until('both instances InService behind my-lb', async () => {
    const states = await lb.getInstanceHealth();
    return states.length === 2 && states.every((s) => s.state === 'InService');
  }, '10m').catch((err: unknown) => {
    // On AWS, an instance is InService only if it answers HTTP:8080/health and its
    // security group lets the load balancer in; the tutorial goes on.
    console.log(`  (${err instanceof Error ? err.message : String(err)}: the instances do not answer the health check)`);
  });
  // #region instance-health
  console.log(await lb.getInstanceHealth());
  // #endregion
  // #region deregister
  console.log(await lb.deregisterInstances(instanceIds));
  // #endregion

  heading('Modifying Availability Zones for a Load Balancer');
  // #region disable-zones
  console.log(await lb.disableZones([zones[0]!]));
  // #endregion
  // #region enable-zones
  console.log(await lb.enableZones([otherZone]));
  // #endregion

  heading('Deleting a Load Balancer');
  // #region delete
  await lb.delete();
  // #endregion

  heading('(clean-up) The set-up\'s load balancers and instances');
  for (const name of ['load-balancer-prod', 'load-balancer-staging']) await conn.deleteLoadBalancer(name);
  await group.shutdownInstances();
  await time.until('the set-up group to have no instances', async () => {
    const [g] = await autoscale.getAllGroups({ names: ['elb_tutorial_instances'] });
    return (g?.instances ?? []).length === 0;
  }, '10m');
  await group.delete();
  await lc.delete();
  await deleteSeedGroups(env);
  console.log(await conn.getAllLoadBalancers());
}

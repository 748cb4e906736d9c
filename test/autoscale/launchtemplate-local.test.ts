/**
 * End to end against botoscale local in new-account mode (launch configurations refused,
 * as AWS refuses them in accounts created since 2024-10-01): a LaunchTemplate, a group on
 * it whose instances come InService with the template's instance type, a new default
 * version that running instances do not follow until one is replaced, and the clean-up.
 */
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, LaunchTemplate } from '../../src/autoscale';
import { BotoServerError } from '../../src/core';
import { EC2Connection } from '../../src/ec2';
import { startLocal, type LocalEndpoint } from '../../src/local';

let local: LocalEndpoint;
let conn: AutoScaleConnection;
let ec2: EC2Connection;

beforeAll(async () => {
  local = await startLocal({ port: 0, realTime: false, launchConfigurations: false });
  const options = { endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } };
  conn = new AutoScaleConnection(options);
  ec2 = new EC2Connection(options);
});

afterAll(async () => {
  conn.close();
  ec2.close();
  await local.close();
});

/** Advances the simulated clock until `check` holds (at most `limitMs` of simulated time). */
async function until(check: () => Promise<boolean>, limitMs = 600_000): Promise<void> {
  for (let waited = 0; waited <= limitMs; waited += 10_000) {
    if (await check()) return;
    local.clock.advance(10_000);
  }
  throw new Error(`not reached within ${limitMs} ms of simulated time`);
}

/** Instance id → instance type of the group's instances, as EC2 describes them. */
async function types(): Promise<Map<string, string | undefined>> {
  const [g] = await conn.getAllGroups({ names: ['lt_group'] });
  const ids = (g?.instances ?? []).map((i) => i.instanceId as string);
  if (ids.length === 0) return new Map();
  return new Map((await ec2.getOnlyInstances(ids)).map((i) => [i.id as string, i.instanceType]));
}

async function inService(): Promise<string[]> {
  const [g] = await conn.getAllGroups({ names: ['lt_group'] });
  return (g?.instances ?? []).filter((i) => i.lifecycleState === 'InService').map((i) => i.instanceId as string);
}

test('launch template → group → new version → replacement only when asked → clean-up', async () => {
  // The account refuses launch configurations, with AWS's answer and botoscale's hint.
  const lc = new LaunchConfiguration({ name: 'lt_config', imageId: 'ami-12345678', instanceType: 't3.micro' });
  const refused = await conn.createLaunchConfiguration(lc).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BotoServerError);
  expect(refused).toMatchObject({ status: 400, errorCode: 'UnsupportedOperation' });
  expect((refused as Error).message.split('\n')[0]).toBe(
    'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.',
  );

  const lt = LaunchTemplate.fromLaunchConfiguration(lc, { name: 'lt-web', metadataOptions: { httpTokens: 'required' } });
  await ec2.createLaunchTemplate(lt);
  expect(String(lt)).toBe('LaunchTemplate:lt-web(v1, default v1)');
  expect(lt.id).toMatch(/^lt-[0-9a-f]{17}$/);

  const ag = new AutoScalingGroup({ groupName: 'lt_group', availabilityZones: ['us-east-1a', 'us-east-1b'], launchTemplate: lt, minSize: 2, maxSize: 4, connection: conn });
  await conn.createAutoScalingGroup(ag);
  await until(async () => (await inService()).length === 2);
  const [group] = await conn.getAllGroups({ names: ['lt_group'] });
  expect(group?.launchTemplate).toEqual({ id: lt.id, name: 'lt-web', version: '$Default' });
  expect(group?.launchConfigName).toBeUndefined();
  expect(String(group)).toBe('AutoScaleGroup<lt_group, LaunchTemplate:lt-web($Default)>');
  // Each instance reports the version $Default stood for when it launched.
  expect(group?.instances?.map((i) => i.launchTemplate)).toEqual([{ id: lt.id, name: 'lt-web', version: 1 }, { id: lt.id, name: 'lt-web', version: 1 }]);
  const first = await types();
  expect([...first.values()]).toEqual(['t3.micro', 't3.micro']);

  // A new default version: running instances keep what they were launched with.
  const v2 = await lt.createVersion({ instanceType: 't3.small' }, { versionDescription: 'bigger' });
  expect(v2.versionNumber).toBe(2);
  expect(v2.instanceType).toBe('t3.small');
  expect(v2.imageId).toBe('ami-12345678');
  await lt.setDefaultVersion(2);
  local.clock.advance(300_000);
  expect(await types()).toEqual(first);

  // Replacing one, when asked, launches from the new default version.
  const [oldest] = [...first.keys()].sort();
  await conn.terminateInstance(oldest as string, { decrementCapacity: false });
  await until(async () => {
    const now = await inService();
    return now.length === 2 && !now.includes(oldest as string);
  });
  const after = await types();
  const replacement = [...after.keys()].find((id) => !first.has(id)) as string;
  expect(after.get(replacement)).toBe('t3.small');
  expect([...after.entries()].filter(([id]) => id !== replacement).map(([, t]) => t)).toEqual(['t3.micro']);
  const [described] = await conn.getAllAutoscalingInstances({ instanceIds: [replacement] });
  expect(described?.launchTemplate).toEqual({ id: lt.id, name: 'lt-web', version: 2 });

  // Clean-up: the group with its instances, then the template with its versions.
  await ag.shutdownInstances();
  await until(async () => (await types()).size === 0);
  await ag.delete();
  await until(async () => (await conn.getAllGroups({ names: ['lt_group'] })).length === 0);
  await lt.delete();
  expect(await ec2.getAllLaunchTemplates()).toEqual([]);
  expect(await conn.getAllLaunchConfigurations()).toEqual([]);
}, 60_000);

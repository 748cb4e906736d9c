/**
 * autoscalectl on launch templates, against botoscale local: the original sample on an
 * account that refuses launch configurations, new default versions, and adopting then
 * migrating a fleet of the original tool without replacing an instance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoScalingGroup, LaunchConfiguration, Tag } from '../../src/autoscale';
import { desired } from './state';
import { Harness, SAMPLE_SECURITY_GROUPS, tally } from './harness';

const FIXTURE = join(__dirname, 'fixtures', 'autoscale.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** Instance ids of every group, by group, once the groups have their capacity. */
async function instancesByGroup(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const g of await h.autoscale().getAllGroups().all()) out[g.name ?? ''] = (g.instances ?? []).map((i) => i.instanceId ?? '').sort();
  return out;
}

async function templateVersions(name: string): Promise<number[]> {
  return (await h.ec2().getLaunchTemplateVersions(name).all()).map((v) => v.versionNumber ?? 0).sort((a, b) => a - b);
}

describe('an account that refuses launch configurations', () => {
  beforeEach(async () => {
    h = await Harness.start({ launchConfigurations: false });
    await h.createSecurityGroups(SAMPLE_SECURITY_GROUPS);
  });

  test('the original sample applies cleanly, one launch template per group, and a second plan has no changes', async () => {
    const r = await h.run(['apply', FIXTURE]);
    expect(r.stderr).not.toContain('FAILED');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: 21 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(r.stderr).toContain('[1/21] create launch_template backend done');
    expect(tally(h.counter.actions)).toEqual({
      DescribeAutoScalingGroups: 1, DescribeAlarms: 1, DescribeLaunchTemplates: 1,
      CreateLaunchTemplate: 3, CreateAutoScalingGroup: 3, PutNotificationConfiguration: 3, PutScalingPolicy: 6, PutMetricAlarm: 6,
    });
    const groups = await h.autoscale().getAllGroups().all();
    expect(groups.map((g) => [g.name, g.launchConfigName, g.launchTemplate?.name, g.launchTemplate?.version]).sort()).toEqual([
      ['backend', undefined, 'backend', '$Default'], ['frontend', undefined, 'frontend', '$Default'], ['stage', undefined, 'stage', '$Default'],
    ]);
    const [backend] = await h.ec2().getLaunchTemplateVersions('backend');
    expect(backend).toMatchObject({ imageId: 'ami-0a1b2c3d', instanceType: 'c1.medium', keyName: 'ops', securityGroups: ['backend'], metadataOptions: { httpTokens: 'required' } });

    const plan = await h.run(['plan', FIXTURE]);
    expect([plan.code, plan.stdout]).toEqual([0, `No changes: AWS matches ${FIXTURE}.\n`]);
    // apply reads only what the file names.
    const again = await h.run(['apply', FIXTURE]);
    expect(again.stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
    expect(again.code).toBe(0);
    expect(tally(h.counter.actions)).toEqual({
      DescribeAutoScalingGroups: 1, DescribeAlarms: 1, DescribeLaunchTemplates: 1, DescribeLaunchTemplateVersions: 1, DescribePolicies: 1,
      DescribeNotificationConfigurations: 1,
    });
  });

  test('a changed setting is a new default version; the group and its instances stay; only the last 3 versions are kept', async () => {
    expect((await h.run(['apply', FIXTURE])).code).toBe(0);
    h.local.clock.advance(600_000);
    const before = await instancesByGroup();
    for (const [n, ami] of [[2, 'ami-11111111'], [3, 'ami-22222222'], [4, 'ami-33333333']] as const) {
      const file = h.file(`v${n}.yaml`, TEXT.replace("ami: 'ami-4e5f6a7b'", `ami: '${ami}'`));
      const p = await h.run(['plan', file]);
      expect(p.code).toBe(2);
      expect(p.stdout).toContain(`~ update launch_template frontend\n      default_version: v${n - 1} → v${n}\n      ami: `);
      const r = await h.run(['apply', file]);
      expect(r.code).toBe(0);
      expect(tally(h.counter.mutating)).toEqual(n === 4
        ? { CreateLaunchTemplateVersion: 1, ModifyLaunchTemplate: 1, DeleteLaunchTemplateVersions: 1 }
        : { CreateLaunchTemplateVersion: 1, ModifyLaunchTemplate: 1 });
      expect((await h.run(['plan', file])).code).toBe(0);
    }
    expect(await templateVersions('frontend')).toEqual([2, 3, 4]);
    const [t] = await h.ec2().getAllLaunchTemplates({ names: ['frontend'] });
    expect(t?.defaultVersionNumber).toBe(4);
    h.local.clock.advance(600_000);
    expect(await instancesByGroup()).toEqual(before);
  });
});

describe('a fleet of the original tool', () => {
  beforeEach(async () => {
    h = await Harness.start();
    await h.createSecurityGroups(SAMPLE_SECURITY_GROUPS);
  });

  /** Groups on `<group>-3` launch configurations, as the original left them (see adopt.test.ts for the rest of it). */
  async function originalFleet(): Promise<void> {
    const conn = h.autoscale();
    for (const g of desired(TEXT).groups) {
      const lc = g.launchConfig;
      await conn.createLaunchConfiguration(new LaunchConfiguration({
        name: `${g.name}-3`, imageId: lc.imageId, keyName: lc.keyName, securityGroups: lc.securityGroups, instanceType: lc.instanceType, userData: lc.userData,
      }));
      await conn.createAutoScalingGroup(new AutoScalingGroup({
        name: g.name, launchConfig: `${g.name}-3`, minSize: g.minSize, maxSize: g.maxSize, desiredCapacity: g.capacity, availabilityZones: g.zones,
        tags: g.tags.map((t) => new Tag({ key: t.key, value: t.value, resourceId: g.name })),
      }));
    }
    h.local.clock.advance(600_000);
  }

  test('stays on its launch configurations until --migrate, which switches each group once and keeps every instance', async () => {
    await originalFleet();
    expect((await h.run(['apply', FIXTURE])).code).toBe(0);
    expect((await h.run(['plan', FIXTURE])).code).toBe(0);
    const before = await instancesByGroup();
    expect(Object.values(before).flat()).toHaveLength(2 + 1 + 4);

    const p = await h.run(['plan', FIXTURE, '--migrate']);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe([
      '~ update group backend',
      '      launch: launch configuration backend-3 → launch template backend ($Default)',
      '      # the group moves to launch template backend (made from backend-3 field by field); running instances are kept',
      '~ update group stage',
      '      launch: launch configuration stage-3 → launch template stage ($Default)',
      '      # the group moves to launch template stage (made from stage-3 field by field); running instances are kept',
      '~ update group frontend',
      '      launch: launch configuration frontend-3 → launch template frontend ($Default)',
      '      # the group moves to launch template frontend (made from frontend-3 field by field); running instances are kept',
      '- delete launch_configuration backend-3',
      '      # replaced by launch template backend',
      '- delete launch_configuration stage-3',
      '      # replaced by launch template stage',
      '- delete launch_configuration frontend-3',
      '      # replaced by launch template frontend',
      '',
      'Plan: 0 to create, 3 to update, 0 to replace, 3 to delete.',
      '',
    ].join('\n'));

    const r = await h.run(['apply', FIXTURE, '--migrate']);
    expect(r.stderr).not.toContain('FAILED');
    expect(r.code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ CreateLaunchTemplate: 3, UpdateAutoScalingGroup: 3, DeleteLaunchConfiguration: 3 });
    h.local.clock.advance(600_000);
    expect(await instancesByGroup()).toEqual(before);
    const [backend] = await h.autoscale().getAllGroups({ names: ['backend'] });
    expect([backend?.launchConfigName, backend?.launchTemplate?.name]).toEqual([undefined, 'backend']);
    // Field by field from the launch configuration, which allowed IMDSv1: so does the template.
    const [v1] = await h.ec2().getLaunchTemplateVersions('backend');
    expect(v1).toMatchObject({ imageId: 'ami-0a1b2c3d', instanceType: 'c1.medium', keyName: 'ops', securityGroups: ['backend'], metadataOptions: { httpTokens: 'optional' } });
    expect(await h.autoscale().getAllLaunchConfigurations()).toEqual([]);

    expect((await h.run(['plan', FIXTURE, '--migrate'])).stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
    expect((await h.run(['plan', FIXTURE])).stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
  });

  test('launch: configuration keeps the original behaviour for new groups too', async () => {
    const file = h.file('original.yaml', `${TEXT}\nlaunch: configuration\n`);
    const r = await h.run(['apply', file]);
    expect(r.code).toBe(0);
    expect(tally(h.counter.mutating).CreateLaunchConfiguration).toBe(3);
    expect(tally(h.counter.mutating).CreateLaunchTemplate).toBeUndefined();
    expect((await h.run(['plan', file])).code).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import { emptyState, stateKey, type CurrentState } from '../../src/ctl/model/types';
import { launchConfigLookups, plan } from '../../src/ctl/plan/plan';
import { planJson, renderPlan } from '../../src/ctl/plan/render';
import type { Plan, PlannedAction } from '../../src/ctl/plan/types';
import { appliedState, desired, fixtureText, policyArn } from './state';

const FIXTURE = desired(fixtureText());
const USER_DATA = FIXTURE.groups[0]?.launchConfig.userData ?? '';

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** `action resource name` of every action, in order. */
function steps(p: Plan): string[] {
  return p.actions.map((a) => `${a.action} ${a.resource} ${a.name}`);
}

function only(p: Plan, resource: string, name: string): PlannedAction {
  const found = p.actions.filter((a) => a.resource === resource && a.name === name);
  expect(found).toHaveLength(1);
  return found[0] as PlannedAction;
}

const SMALL = `policies:
  up: {type: ChangeInCapacity, adjustment: 1, cooldown: 60}
groups:
  web:
    min_size: 1
    max_size: 4
    capacity: 2
    ami: ami-1
    zones: [us-east-1a]
    alarms:
      - {metric: CPUUtilization, policy: up, comparison: '>', threshold: 70}
`;

describe('a first apply', () => {
  const p = plan(emptyState(), FIXTURE);

  test('creates everything in dependency order: launch templates, groups, notifications, policies, alarms', () => {
    expect(steps(p)).toEqual([
      'create launch_template backend',
      'create launch_template stage',
      'create launch_template frontend',
      'create group backend',
      'create group stage',
      'create group frontend',
      'create notification backend',
      'create notification stage',
      'create notification frontend',
      'create policy backend|scale_up',
      'create policy backend|scale_down',
      'create policy stage|scale_up',
      'create policy stage|scale_down',
      'create policy frontend|scale_up',
      'create policy frontend|scale_down',
      'create alarm backend|scale_up|CPUUtilization',
      'create alarm backend|scale_down|CPUUtilization',
      'create alarm stage|scale_up|CPUUtilization',
      'create alarm stage|scale_down|CPUUtilization',
      'create alarm frontend|scale_up|CPUUtilization',
      'create alarm frontend|scale_down|CPUUtilization',
    ]);
    expect(p.kept).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  test('a group is created with its capacity and every tag at once (no separate tag call)', () => {
    expect(only(p, 'group', 'backend').op).toEqual({
      kind: 'createGroup',
      group: {
        name: 'backend', launchTemplateName: 'backend', minSize: 2, maxSize: 8, desiredCapacity: 2, zones: ['us-west-1a', 'us-west-1b'], subnets: [], loadBalancers: [],
        tags: [
          { key: 'role', value: 'backend', propagateAtLaunch: false },
          { key: 'autoscalectl:managed', value: 'true', propagateAtLaunch: false },
          { key: 'autoscalectl:capacity', value: '2', propagateAtLaunch: false },
        ],
      },
    });
  });

  test('the launch template shows what it launches; user data as a digest, not the script', () => {
    expect(only(p, 'group', 'backend').changes[0]).toEqual({ field: 'launch', old: undefined, new: 'launch template backend ($Default)' });
    expect(only(p, 'launch_template', 'backend').changes).toEqual([
      { field: 'ami', old: undefined, new: 'ami-0a1b2c3d' },
      { field: 'instance_type', old: undefined, new: 'c1.medium' },
      { field: 'ssh_key', old: undefined, new: 'ops' },
      { field: 'security_groups', old: undefined, new: ['backend'] },
      { field: 'user_data', old: undefined, new: `4 lines, sha256:${digest(USER_DATA)}` },
    ]);
  });

  test('an alarm runs a policy created in the same apply', () => {
    expect(only(p, 'alarm', 'backend|scale_up|CPUUtilization').changes.at(-1)).toEqual({ field: 'policy', old: undefined, new: 'backend|scale_up (new)' });
  });

  test('no launch configuration lookups: new groups launch from templates', () => {
    expect(launchConfigLookups(emptyState(), FIXTURE)).toEqual([]);
  });
});

describe('launch: configuration keeps the original\'s launch configurations', () => {
  const ORIGINAL = desired(`${fixtureText()}\nlaunch: configuration\n`);
  const p = plan(emptyState(), ORIGINAL);

  test('a first apply makes <group>-1 launch configurations', () => {
    expect(steps(p).slice(0, 6)).toEqual([
      'create launch_configuration backend-1',
      'create launch_configuration stage-1',
      'create launch_configuration frontend-1',
      'create group backend',
      'create group stage',
      'create group frontend',
    ]);
    expect(only(p, 'launch_configuration', 'backend-1').changes[0]).toEqual({ field: 'ami', old: undefined, new: 'ami-0a1b2c3d' });
    expect((only(p, 'group', 'backend').op as { group: { launchConfigName?: string } }).group.launchConfigName).toBe('backend-1');
  });

  test('launch configuration lookups: <group>-1 of every group that does not exist (an interrupted apply may have left one)', () => {
    expect(launchConfigLookups(emptyState(), ORIGINAL)).toEqual(['backend-1', 'stage-1', 'frontend-1']);
  });

  test('a group on a template moves back to <group>-1', () => {
    const state = templateState(FIXTURE);
    const moved = plan(state, ORIGINAL);
    expect(steps(moved).filter((s) => s.includes('backend'))).toEqual(['create launch_configuration backend-1', 'update group backend']);
    expect(only(moved, 'group', 'backend').changes).toEqual([{ field: 'launch_configuration', old: 'launch template backend ($Default)', new: 'backend-1' }]);
    expect(moved.kept).toEqual([]);
  });
});

/** The state after the file was applied with launch templates (`<group>`, versions 1..n, default n). */
function templateState(d: ReturnType<typeof desired>, versions = 1): CurrentState {
  const s = appliedState(d);
  for (const g of d.groups) {
    const group = s.groups.get(g.name);
    if (group === undefined) continue;
    s.launchConfigs.delete(group.launchConfigName ?? '');
    delete group.launchConfigName;
    group.launchTemplate = { id: `lt-${g.name}`, name: g.name, version: '$Default' };
    s.launchTemplates.set(g.name, {
      name: g.name, id: `lt-${g.name}`, defaultVersion: versions, latestVersion: versions, settings: structuredClone(g.launchConfig), httpTokens: 'required',
    });
  }
  return s;
}

describe('groups on launch templates', () => {
  test('a second plan changes nothing', () => {
    const state = templateState(FIXTURE);
    expect(plan(state, FIXTURE)).toEqual({ actions: [], kept: [], warnings: [] });
    expect(plan(state, FIXTURE, { prune: true, migrate: true })).toEqual({ actions: [], kept: [], warnings: [] });
  });

  test('a changed setting is a new default version, shown as such; versions beyond the last 3 are deleted; the group is left alone', () => {
    const state = templateState(FIXTURE, 4);
    const changed = desired(fixtureText().replace("instance_type: 'c1.medium'", "instance_type: 'c5.large'"));
    const p = plan(state, changed);
    expect(steps(p)).toEqual(['update launch_template backend']);
    const a = only(p, 'launch_template', 'backend');
    expect(a.changes).toEqual([{ field: 'default_version', old: 'v4', new: 'v5' }, { field: 'instance_type', old: 'c1.medium', new: 'c5.large' }]);
    expect(a.note).toBe('v5 becomes the default version, which the group launches from; running instances are kept; versions before the last 3 are deleted');
    expect(a.op).toEqual({ kind: 'createLaunchTemplateVersion', name: 'backend', spec: changed.groups[0]?.launchConfig, httpTokens: 'required', keep: 3 });
    expect(only(plan(templateState(FIXTURE, 1), changed), 'launch_template', 'backend').note).toBe('v2 becomes the default version, which the group launches from; running instances are kept');
    expect(renderPlan(p, 'autoscale.yaml', { color: false })).toContain('~ update launch_template backend\n      default_version: v4 → v5\n      instance_type: c1.medium → c5.large\n');
  });

  test('a group pinned to another version or template is set back to its own template on $Default', () => {
    const state = templateState(FIXTURE);
    const g = state.groups.get('stage');
    if (g === undefined) throw new Error('no stage');
    g.launchTemplate = { id: 'lt-other', name: 'other', version: 2 };
    const p = plan(state, FIXTURE);
    expect(steps(p)).toEqual(['update group stage']);
    expect(only(p, 'group', 'stage').changes).toEqual([{ field: 'launch', old: 'launch template other (v2)', new: 'launch template stage ($Default)' }]);
    expect(p.warnings).toEqual(['group stage uses launch template other, not its own (stage): it is switched to stage and the other is kept']);
  });

  test('with --prune, a pruned group takes its template with it', () => {
    const state = templateState(FIXTURE);
    const fewer = desired(fixtureText().replace(/\n  frontend:[\s\S]*?(?=\n# SNS)/, '\n'));
    const p = plan(state, fewer, { prune: true });
    expect(steps(p).filter((s) => s.includes('frontend') && !s.includes('|'))).toEqual(['delete group frontend', 'delete launch_template frontend']);
    expect(steps(plan(state, fewer)).filter((s) => s.includes('frontend'))).toEqual([]);
  });

  test('a group named too short for a template stays on launch configurations, with a warning', () => {
    const p = plan(emptyState(), desired(SMALL.replace('  web:', '  db:')));
    expect(steps(p)[0]).toBe('create launch_configuration db-1');
    expect(p.warnings).toEqual(['group db stays on launch configurations: its name cannot name a launch template (3 to 128 of a-z A-Z 0-9 ( ) . - / _)']);
  });
});

describe('a fleet of the original tool (groups on <group>-<n>)', () => {
  const state = appliedState(FIXTURE, 3);

  test('is adopted as it is: no switch, no churn', () => {
    expect(plan(state, FIXTURE)).toEqual({ actions: [], kept: [], warnings: [] });
  });

  test('--migrate shows one switch per group, and retires the launch configuration', () => {
    const p = plan(state, FIXTURE, { migrate: true });
    expect(steps(p)).toEqual([
      'update group backend', 'update group stage', 'update group frontend',
      'delete launch_configuration backend-3', 'delete launch_configuration stage-3', 'delete launch_configuration frontend-3',
    ]);
    const a = only(p, 'group', 'backend');
    expect(a.changes).toEqual([{ field: 'launch', old: 'launch configuration backend-3', new: 'launch template backend ($Default)' }]);
    expect(a.note).toBe('the group moves to launch template backend (made from backend-3 field by field); running instances are kept');
    expect(a.op).toEqual({ kind: 'updateGroup', name: 'backend', set: { launchTemplateName: 'backend', migrate: { fromLaunchConfig: 'backend-3', createTemplate: true } } });
    expect(only(p, 'launch_configuration', 'backend-3').note).toBe('replaced by launch template backend');
  });

  test('launch: template in the file does the same for that group only', () => {
    const text = fixtureText().replace('  stage:\n', '  stage:\n    launch: template\n');
    const p = plan(state, desired(text));
    expect(steps(p)).toEqual(['update group stage', 'delete launch_configuration stage-3']);
  });

  test('a setting changed while migrating is a version on top of the copy, in the same switch', () => {
    const changed = desired(fixtureText().replace("instance_type: 'c1.medium'", "instance_type: 'c5.large'"));
    const a = only(plan(state, changed, { migrate: true }), 'group', 'backend');
    expect(a.changes).toEqual([
      { field: 'launch', old: 'launch configuration backend-3', new: 'launch template backend ($Default)' },
      { field: 'instance_type', old: 'c1.medium', new: 'c5.large' },
    ]);
    expect(a.note).toBe("the group moves to launch template backend (made from backend-3 field by field, then a version with the file's settings); running instances are kept");
  });
});

describe('a second apply of the same file', () => {
  test('plans nothing', () => {
    const state = appliedState(FIXTURE);
    expect(plan(state, FIXTURE)).toEqual({ actions: [], kept: [], warnings: [] });
    expect(plan(state, FIXTURE, { prune: true })).toEqual({ actions: [], kept: [], warnings: [] });
    expect(launchConfigLookups(state, FIXTURE)).toEqual([]);
  });

  test('even when the alarms moved the desired capacity since', () => {
    const state = appliedState(FIXTURE);
    const g = state.groups.get('frontend');
    if (g !== undefined) g.desiredCapacity = 9;
    expect(steps(plan(state, FIXTURE))).toEqual([]);
  });
});

describe('a changed launch configuration', () => {
  const changed = desired(fixtureText().replace("ami: 'ami-0a1b2c3d'", "ami: 'ami-99999999'"));

  test('a new AMI: <group>-<n+1> is created, the group switched to it, the old one deleted last', () => {
    const state = appliedState(FIXTURE);
    expect(launchConfigLookups(state, changed)).toEqual(['backend-2']);
    const p = plan(state, changed);
    expect(steps(p)).toEqual(['create launch_configuration backend-2', 'update group backend', 'delete launch_configuration backend-1']);
    expect(p.actions[0]?.changes).toEqual([{ field: 'ami', old: 'ami-0a1b2c3d', new: 'ami-99999999' }]);
    expect(p.actions[0]?.note).toBe('replaces backend-1 for group backend');
    expect(p.actions[1]?.changes).toEqual([{ field: 'launch_configuration', old: 'backend-1', new: 'backend-2' }]);
    expect(p.actions[1]?.op).toEqual({ kind: 'updateGroup', name: 'backend', set: { launchConfigName: 'backend-2' } });
  });

  test('numbering continues from the launch configuration in use', () => {
    const state = appliedState(FIXTURE, 7);
    expect(steps(plan(state, changed))).toEqual(['create launch_configuration backend-8', 'update group backend', 'delete launch_configuration backend-7']);
  });

  test('after an interrupted apply that created <group>-<n+1>: it is reused, the group only switched', () => {
    const state = appliedState(FIXTURE);
    const spec = changed.groups[0];
    if (spec === undefined) throw new Error('no group');
    state.launchConfigs.set('backend-2', { name: 'backend-2', ...structuredClone(spec.launchConfig) });
    expect(steps(plan(state, changed))).toEqual(['update group backend', 'delete launch_configuration backend-1']);
  });

  test('a leftover <group>-<n+1> that differs is replaced', () => {
    const state = appliedState(FIXTURE);
    state.launchConfigs.set('backend-2', { name: 'backend-2', imageId: 'ami-old', securityGroups: [], instanceType: 'm1.small', instanceMonitoring: false, blockDevices: [] });
    const p = plan(state, changed);
    expect(steps(p)).toEqual(['replace launch_configuration backend-2', 'update group backend', 'delete launch_configuration backend-1']);
    expect(p.actions[0]?.op).toMatchObject({ kind: 'createLaunchConfig', name: 'backend-2', replace: true });
    expect(p.actions[0]?.note).toBe('replaces backend-1 for group backend; an unused backend-2 that differs exists and is deleted first');
  });

  test('a group using a launch configuration outside the naming rule is switched, and that one kept', () => {
    const state = appliedState(FIXTURE);
    const g = state.groups.get('backend');
    if (g !== undefined) g.launchConfigName = 'handmade';
    state.launchConfigs.delete('backend-1');
    state.launchConfigs.set('handmade', { name: 'handmade', imageId: 'ami-0', securityGroups: [], instanceType: 'm1.small', instanceMonitoring: false, blockDevices: [] });
    const p = plan(state, FIXTURE, { prune: true });
    expect(steps(p)).toEqual(['create launch_configuration backend-1', 'update group backend']);
    expect(p.warnings).toEqual(['group backend uses launch configuration handmade, which does not follow the naming rule <group>-<n>: it is switched to backend-1 and handmade is kept']);
  });

  test('a group whose launch configuration already matches under another name keeps it', () => {
    const state = appliedState(FIXTURE);
    const g = state.groups.get('backend');
    const lc = state.launchConfigs.get('backend-1');
    if (g === undefined || lc === undefined) throw new Error('missing');
    g.launchConfigName = 'handmade';
    state.launchConfigs.set('handmade', { ...lc, name: 'handmade' });
    state.launchConfigs.delete('backend-1');
    expect(steps(plan(state, FIXTURE))).toEqual([]);
  });

  test('every launch configuration field is compared', () => {
    const state = appliedState(FIXTURE);
    const lc = state.launchConfigs.get('stage-1');
    if (lc === undefined) throw new Error('missing');
    Object.assign(lc, { keyName: 'other', securityGroups: ['x'], instanceType: 't2.micro', userData: 'echo hi', spotPrice: 0.1, instanceMonitoring: true, iamInstanceProfile: 'role' });
    const p = plan(state, FIXTURE);
    expect(only(p, 'launch_configuration', 'stage-2').changes).toEqual([
      { field: 'instance_type', old: 't2.micro', new: 'm1.small' },
      { field: 'ssh_key', old: 'other', new: 'ops' },
      { field: 'security_groups', old: ['x'], new: ['stage'] },
      { field: 'user_data', old: `1 line, sha256:${digest('echo hi')}`, new: `4 lines, sha256:${digest(USER_DATA)}` },
      { field: 'spot_price', old: 0.1, new: undefined },
      { field: 'instance_monitoring', old: true, new: false },
      { field: 'iam_instance_profile', old: 'role', new: undefined },
    ]);
  });
});

describe('capacity is not reset on every run', () => {
  function withCapacity(capacity: number): ReturnType<typeof desired> {
    return desired(SMALL.replace('capacity: 2', `capacity: ${capacity}`));
  }

  test('kept when the file did not change it, whatever the alarms did', () => {
    const state = appliedState(withCapacity(2));
    const g = state.groups.get('web');
    if (g !== undefined) g.desiredCapacity = 4;
    expect(steps(plan(state, withCapacity(2)))).toEqual([]);
  });

  test('applied when the value in the file changed since the last apply, and remembered', () => {
    const state = appliedState(withCapacity(2));
    const g = state.groups.get('web');
    if (g !== undefined) g.desiredCapacity = 4;
    const p = plan(state, withCapacity(3));
    expect(steps(p)).toEqual(['update group web', 'update tags web']);
    expect(p.actions[0]?.changes).toEqual([{ field: 'desired_capacity', old: 4, new: 3 }]);
    expect(p.actions[0]?.note).toBe('capacity changed in the file (2 → 3)');
    expect(p.actions[1]?.changes).toEqual([{ field: 'autoscalectl:capacity', old: '2', new: '3' }]);
  });

  test('a changed value that matches the current capacity only updates the tag', () => {
    const state = appliedState(withCapacity(2));
    const g = state.groups.get('web');
    if (g !== undefined) g.desiredCapacity = 3;
    expect(steps(plan(state, withCapacity(3)))).toEqual(['update tags web']);
  });

  test('--reset-capacity applies it anyway', () => {
    const state = appliedState(withCapacity(2));
    const g = state.groups.get('web');
    if (g !== undefined) g.desiredCapacity = 4;
    const p = plan(state, withCapacity(2), { resetCapacity: true });
    expect(p.actions.map((a) => [a.resource, a.changes, a.note])).toEqual([['group', [{ field: 'desired_capacity', old: 4, new: 2 }], '--reset-capacity']]);
  });

  test('a group the original tool managed (no marks yet) is adopted without touching its capacity', () => {
    const state = appliedState(withCapacity(2));
    const g = state.groups.get('web');
    if (g === undefined) throw new Error('missing');
    g.desiredCapacity = 4;
    g.tags = [];
    const p = plan(state, withCapacity(2));
    expect(steps(p)).toEqual(['create tags web']);
    expect(p.actions[0]?.changes).toEqual([
      { field: 'autoscalectl:managed', old: undefined, new: 'true' },
      { field: 'autoscalectl:capacity', old: undefined, new: '2' },
    ]);
  });

  test('capacity added to the file of a managed group is applied', () => {
    const state = appliedState(desired(SMALL.replace('    capacity: 2\n', '')));
    expect(only(plan(state, withCapacity(3)), 'group', 'web').changes).toEqual([{ field: 'desired_capacity', old: 1, new: 3 }]);
  });

  test('a new min_size above the current capacity raises it', () => {
    const state = appliedState(withCapacity(2));
    const p = plan(state, desired(SMALL.replace('min_size: 1', 'min_size: 3').replace('capacity: 2', 'capacity: 3')));
    expect(p.actions[0]?.changes).toEqual([{ field: 'min_size', old: 1, new: 3 }, { field: 'desired_capacity', old: 2, new: 3 }]);
    const noCapacity = desired(SMALL.replace('min_size: 1', 'min_size: 3').replace('    capacity: 2\n', ''));
    const q = plan(appliedState(desired(SMALL.replace('    capacity: 2\n', ''))), noCapacity);
    expect(q.actions[0]?.changes).toEqual([{ field: 'min_size', old: 1, new: 3 }, { field: 'desired_capacity', old: 1, new: 3 }]);
    expect(q.actions[0]?.note).toBe('desired capacity kept within min_size..max_size');
  });
});

describe('sizes moved by scheduled actions are kept like capacity', () => {
  const SCHEDULED = SMALL.replace('zones: [us-east-1a]', "zones: [us-east-1a]\n    scheduled_actions:\n      day: {recurrence: '0 8 * * *', min_size: 3, max_size: 6}");

  test('the group remembers min_size and max_size in tags', () => {
    expect(only(plan(emptyState(), desired(SCHEDULED)), 'group', 'web').op).toMatchObject({
      group: { tags: [
        { key: 'autoscalectl:managed', value: 'true', propagateAtLaunch: false },
        { key: 'autoscalectl:capacity', value: '2', propagateAtLaunch: false },
        { key: 'autoscalectl:min_size', value: '1', propagateAtLaunch: false },
        { key: 'autoscalectl:max_size', value: '4', propagateAtLaunch: false },
      ] },
    });
  });

  test('moved by the schedule: kept; changed in the file: applied; --reset-capacity: back to the file', () => {
    const state = appliedState(desired(SCHEDULED));
    const g = state.groups.get('web');
    if (g === undefined) throw new Error('missing');
    Object.assign(g, { minSize: 3, maxSize: 6, desiredCapacity: 3 });
    expect(plan(state, desired(SCHEDULED)).actions).toEqual([]);

    const p = plan(state, desired(SCHEDULED.replace('max_size: 4', 'max_size: 5')));
    expect(p.actions.map((a) => [a.resource, a.changes, a.note])).toEqual([
      ['group', [{ field: 'max_size', old: 6, new: 5 }], 'max_size changed in the file (4 → 5)'],
      ['tags', [{ field: 'autoscalectl:max_size', old: '4', new: '5' }], undefined],
    ]);

    expect(only(plan(state, desired(SCHEDULED), { resetCapacity: true }), 'group', 'web').changes).toEqual([
      { field: 'min_size', old: 3, new: 1 },
      { field: 'max_size', old: 6, new: 4 },
      { field: 'desired_capacity', old: 3, new: 2 },
    ]);
  });

  test('a kept size that would cross the file\'s other size gives way to the file', () => {
    const state = appliedState(desired(SCHEDULED));
    const g = state.groups.get('web');
    if (g !== undefined) Object.assign(g, { minSize: 3, maxSize: 6, desiredCapacity: 3 });
    const p = plan(state, desired(SCHEDULED.replace('max_size: 4', 'max_size: 2').replace('capacity: 2', 'capacity: 1')));
    expect(only(p, 'group', 'web').op).toEqual({ kind: 'updateGroup', name: 'web', set: { minSize: 1, maxSize: 2, desiredCapacity: 1 } });
  });
});

describe('group settings', () => {
  test('sizes, zones, subnets, health check, cooldown and termination policies, compared only when the file gives them', () => {
    const base = desired(SMALL);
    const state = appliedState(base);
    const changed = desired(SMALL.replace('max_size: 4', 'max_size: 6').replace('zones: [us-east-1a]', `zones: [us-east-1a, us-east-1b]
    health_check_type: ELB
    health_check_period: 300
    default_cooldown: 60
    termination_policies: [OldestInstance]`));
    const p = plan(state, changed);
    expect(p.actions[0]?.op).toEqual({
      kind: 'updateGroup', name: 'web',
      set: { maxSize: 6, zones: ['us-east-1a', 'us-east-1b'], healthCheckType: 'ELB', healthCheckPeriod: 300, defaultCooldown: 60, terminationPolicies: ['OldestInstance'] },
    });
    expect(p.actions[0]?.changes.map((c) => c.field)).toEqual(['max_size', 'zones', 'health_check_type', 'health_check_period', 'default_cooldown', 'termination_policies']);
  });

  test('a changed load balancer list is an in-place update: attach the new, detach the old; the group, its policies and alarms stay', () => {
    const withA = desired(SMALL.replace('zones: [us-east-1a]', 'zones: [us-east-1a]\n    load_balancers: [a, b]'));
    const state = appliedState(withA);
    const p = plan(state, desired(SMALL.replace('zones: [us-east-1a]', 'zones: [us-east-1a]\n    load_balancers: [b, c]')));
    expect(steps(p)).toEqual(['update group web']);
    expect(p.actions[0]?.destructive).toBeUndefined();
    expect(p.actions[0]?.op).toEqual({ kind: 'updateGroup', name: 'web', set: { attachLoadBalancers: ['c'], detachLoadBalancers: ['a'] } });
    expect(p.actions[0]?.changes).toEqual([{ field: 'load_balancers', old: ['a', 'b'], new: ['b', 'c'] }]);
    expect(plan(state, withA).actions).toEqual([]);
  });
});

describe('tags and notifications', () => {
  test('a changed tag and a new one are set in one call; a tag gone from the file is kept unless --prune', () => {
    const state = appliedState(desired(SMALL));
    state.groups.get('web')?.tags.push({ key: 'owner', value: 'ops', propagateAtLaunch: true }, { key: 'aws:cloudformation:stack-name', value: 'x', propagateAtLaunch: true });
    const want = desired(SMALL.replace('zones: [us-east-1a]', 'zones: [us-east-1a]\n    tags: {role: {value: web, propagate_at_launch: true}}'));
    const p = plan(state, want);
    expect(steps(p)).toEqual(['update tags web']);
    expect(p.actions[0]?.op).toEqual({ kind: 'setTags', group: 'web', tags: [{ key: 'role', value: 'web', propagateAtLaunch: true }] });
    expect(p.kept).toEqual([{ resource: 'tags', name: 'owner', group: 'web' }]);
    const pruned = plan(state, want, { prune: true });
    expect(steps(pruned)).toEqual(['update tags web', 'delete tags web']);
    expect(pruned.actions[1]?.op).toEqual({ kind: 'deleteTags', group: 'web', tags: [{ key: 'owner', value: 'ops', propagateAtLaunch: true }] });
  });

  test('a new topic replaces the old one; a removed topic is unsubscribed (topics read from DescribeNotificationConfigurations)', () => {
    const withTopic = desired(`notification_topic: arn:aws:sns:us-east-1:1:a\n${SMALL}`);
    const state = appliedState(withTopic);
    const p = plan(state, desired(`notification_topic: arn:aws:sns:us-east-1:1:b\n${SMALL}`));
    expect(steps(p)).toEqual(['update notification web']);
    expect(p.actions[0]?.op).toEqual({ kind: 'putNotification', group: 'web', topic: 'arn:aws:sns:us-east-1:1:b', previous: ['arn:aws:sns:us-east-1:1:a'] });
    expect(p.actions[0]?.changes).toEqual([{ field: 'notification_topic', old: 'arn:aws:sns:us-east-1:1:a', new: 'arn:aws:sns:us-east-1:1:b' }]);
    const q = plan(state, desired(SMALL));
    expect(steps(q)).toEqual(['delete notification web']);
    expect(q.actions[0]?.op).toEqual({ kind: 'deleteNotification', group: 'web', topic: 'arn:aws:sns:us-east-1:1:a' });
    expect(plan(state, withTopic).actions).toEqual([]);
  });
});

describe('notifications of fleets made earlier and of adopted groups', () => {
  const A = 'arn:aws:sns:us-east-1:1:a';
  const B = 'arn:aws:sns:us-east-1:1:b';
  const ALL = ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_LAUNCH_ERROR', 'autoscaling:EC2_INSTANCE_TERMINATE', 'autoscaling:EC2_INSTANCE_TERMINATE_ERROR'];

  test('the tag an earlier autoscalectl wrote is removed, not rewritten; AWS\'s configuration is what counts', () => {
    const withTopic = desired(`notification_topic: ${A}\n${SMALL}`);
    const state = appliedState(withTopic);
    state.groups.get('web')?.tags.push({ key: 'autoscalectl:notification_topic', value: A, propagateAtLaunch: false });
    const p = plan(state, withTopic);
    expect(steps(p)).toEqual(['delete tags web']);
    expect(p.actions[0]?.op).toEqual({ kind: 'deleteTags', group: 'web', tags: [{ key: 'autoscalectl:notification_topic', value: A, propagateAtLaunch: false }] });
    // A configuration missing some types (or gone) is put again, whatever the tag says.
    state.notifications.set('web', new Map([[A, ['autoscaling:EC2_INSTANCE_LAUNCH']]]));
    expect(plan(state, withTopic).actions.find((a) => a.resource === 'notification')?.op).toEqual({ kind: 'putNotification', group: 'web', topic: A });
  });

  test('on a group being adopted, a topic the file does not name is kept unless --prune, or unless the old tag names it', () => {
    const want = desired(`notification_topic: ${A}\n${SMALL}`);
    const state = appliedState(want);
    const web = state.groups.get('web');
    if (web === undefined) throw new Error('no group');
    web.tags = web.tags.filter((t) => t.key !== 'autoscalectl:managed');
    state.notifications.set('web', new Map([[A, ALL], [B, ALL]]));
    const p = plan(state, want);
    expect(steps(p)).toEqual(['create tags web']);
    expect(p.kept).toContainEqual({ resource: 'notification', name: B, group: 'web' });
    expect(steps(plan(state, want, { prune: true }))).toEqual(['create tags web', 'delete notification web']);
    web.tags.push({ key: 'autoscalectl:notification_topic', value: B, propagateAtLaunch: false });
    const legacy = plan(state, want);
    expect(legacy.actions.find((a) => a.resource === 'notification')?.op).toEqual({ kind: 'deleteNotification', group: 'web', topic: B });
  });
});

describe('policies, alarms and scheduled actions', () => {
  test('a changed policy and a changed alarm are updated in place', () => {
    const state = appliedState(desired(SMALL));
    const p = plan(state, desired(SMALL.replace('adjustment: 1, cooldown: 60', 'adjustment: 2, cooldown: 120').replace('threshold: 70', 'threshold: 80, period: 1m')));
    expect(steps(p)).toEqual(['update policy web|up', 'update alarm web|up|CPUUtilization']);
    expect(p.actions[0]?.changes).toEqual([{ field: 'adjustment', old: 1, new: 2 }, { field: 'cooldown', old: 60, new: 120 }]);
    expect(p.actions[1]?.changes).toEqual([{ field: 'period', old: 300, new: 60 }, { field: 'threshold', old: 70, new: 80 }]);
  });

  test('an alarm acting on something else is pointed at its policy again', () => {
    const state = appliedState(desired(SMALL));
    const a = state.alarms.get('web|up|CPUUtilization');
    if (a !== undefined) a.alarmActions = [];
    const p = plan(state, desired(SMALL));
    expect(p.actions.map((x) => [x.action, x.name, x.changes])).toEqual([['update', 'web|up|CPUUtilization', [{ field: 'policy', old: 'none', new: policyArn('web', 'web|up') }]]]);
  });

  test('policies and alarms gone from the file: kept, or deleted with --prune (only those following the naming rules)', () => {
    const state = appliedState(desired(SMALL));
    state.policies.set(stateKey('web', 'web|old'), { name: 'web|old', shortName: 'old', group: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1, arn: 'arn:old', alarmNames: [] });
    state.policies.set(stateKey('web', 'manual'), { name: 'manual', shortName: 'manual', group: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1, arn: 'arn:manual', alarmNames: [] });
    state.alarms.set('web|old|CPUUtilization', { name: 'web|old|CPUUtilization', metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average', period: 60, evaluationPeriods: 1, threshold: 1, comparison: 'GreaterThanThreshold', dimensions: {}, alarmActions: ['arn:old'] });
    state.alarms.set('someone-elses-alarm', { name: 'someone-elses-alarm', metric: 'X', namespace: 'Y', statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 1, comparison: 'GreaterThanThreshold', dimensions: {}, alarmActions: [] });
    expect(plan(state, desired(SMALL)).kept).toEqual([
      { resource: 'policy', name: 'web|old', group: 'web' },
      { resource: 'alarm', name: 'web|old|CPUUtilization', group: 'web' },
    ]);
    expect(steps(plan(state, desired(SMALL), { prune: true }))).toEqual(['delete alarm web|old|CPUUtilization', 'delete policy web|old']);
  });

  test('scheduled actions: created, updated, and pruned', () => {
    const want = desired(SMALL.replace('zones: [us-east-1a]', "zones: [us-east-1a]\n    scheduled_actions:\n      night: {recurrence: '0 1 * * *', capacity: 1}\n      day: {recurrence: '0 8 * * *', capacity: 3}"));
    const state = appliedState(desired(SMALL));
    expect(steps(plan(state, want))).toEqual(['create scheduled_action night', 'create scheduled_action day']);
    const applied = appliedState(want);
    const night = applied.scheduled.get(stateKey('web', 'night'));
    if (night !== undefined) night.desiredCapacity = 2;
    applied.scheduled.set(stateKey('web', 'old'), { name: 'old', group: 'web', recurrence: '0 0 * * *', minSize: 1 });
    const p = plan(applied, want, { prune: true });
    expect(steps(p)).toEqual(['update scheduled_action night', 'delete scheduled_action old']);
    expect(p.actions[0]?.changes).toEqual([{ field: 'capacity', old: 2, new: 1 }]);
    expect(p.actions[1]?.op).toEqual({ kind: 'deleteScheduledAction', group: 'web', name: 'old' });
  });
});

describe('--prune', () => {
  function withExtraGroup(managed: boolean): CurrentState {
    const state = appliedState(FIXTURE);
    const extra = appliedState(desired(SMALL.replace(/web/g, 'old-web').replace('    capacity: 2\n', '    capacity: 3\n')));
    for (const [k, v] of extra.groups) state.groups.set(k, { ...v, tags: managed ? v.tags : [] });
    for (const [k, v] of extra.launchConfigs) state.launchConfigs.set(k, v);
    for (const [k, v] of extra.policies) state.policies.set(k, v);
    for (const [k, v] of extra.alarms) state.alarms.set(k, v);
    state.launchConfigs.set('old-web-0', { name: 'old-web-0', imageId: 'ami-0', securityGroups: [], instanceType: 'm1.small', instanceMonitoring: false, blockDevices: [] });
    state.complete = true;
    return state;
  }

  test('a managed group gone from the file: its alarms, the group (scaled to zero, with its instances) and its launch configurations, in that order', () => {
    const p = plan(withExtraGroup(true), FIXTURE, { prune: true });
    expect(steps(p)).toEqual([
      'delete alarm old-web|up|CPUUtilization',
      'delete group old-web',
      'delete launch_configuration old-web-1',
      'delete launch_configuration old-web-0',
    ]);
    expect(p.actions[1]).toMatchObject({ destructive: true, note: 'scaled to zero and deleted with its 3 instances and 1 policy', op: { kind: 'deleteGroup', name: 'old-web' } });
  });

  test('without --prune the group is only reported as kept', () => {
    const p = plan(withExtraGroup(true), FIXTURE);
    expect(p.actions).toEqual([]);
    expect(p.kept).toEqual([{ resource: 'group', name: 'old-web' }]);
  });

  test('a group autoscalectl did not create is never touched', () => {
    const p = plan(withExtraGroup(false), FIXTURE, { prune: true });
    expect(p.actions).toEqual([]);
    expect(p.kept).toEqual([]);
  });

  test('old launch configurations of a group still in the file are deleted with --prune', () => {
    const state = appliedState(FIXTURE, 3);
    state.launchConfigs.set('backend-1', { name: 'backend-1', imageId: 'ami-0', securityGroups: [], instanceType: 'm1.small', instanceMonitoring: false, blockDevices: [] });
    state.launchConfigs.set('backend-tools', { name: 'backend-tools', imageId: 'ami-0', securityGroups: [], instanceType: 'm1.small', instanceMonitoring: false, blockDevices: [] });
    expect(steps(plan(state, FIXTURE, { prune: true }))).toEqual(['delete launch_configuration backend-1']);
    expect(plan(state, FIXTURE).kept).toEqual([{ resource: 'launch_configuration', name: 'backend-1', group: 'backend' }]);
  });
});

describe('load balancers', () => {
  const LB = `groups: {}
load_balancers:
  web-lb:
    zones: [us-east-1a, us-east-1b]
    listeners: [[80, 8080, http]]
    health_check: {target: 'HTTP:8080/health', interval: 30, timeout: 5}
    cookie_stickiness: {type: lb, expiration: 600}
    cross_zone: true
    connection_draining: 300
`;

  test('created with everything the file says', () => {
    const p = plan(emptyState(), desired(LB));
    expect(steps(p)).toEqual(['create load_balancer web-lb']);
    expect(p.actions[0]?.changes).toEqual([
      { field: 'listeners', new: ['80/HTTP → 8080'] },
      { field: 'zones', new: ['us-east-1a', 'us-east-1b'] },
      { field: 'scheme', new: 'internet-facing' },
      { field: 'health_check', new: 'HTTP:8080/health every 30s, timeout 5s, healthy after 10, unhealthy after 2' },
      { field: 'cookie_stickiness', new: 'lb cookie, expires after 600s' },
      { field: 'cross_zone', new: true },
      { field: 'connection_draining', new: { enabled: true, timeout: 300 } },
    ]);
  });

  test('unchanged: nothing', () => {
    expect(plan(appliedState(desired(LB)), desired(LB)).actions).toEqual([]);
  });

  test('each difference is one step of one update', () => {
    const state = appliedState(desired(LB));
    const changed = desired(LB.replace('[us-east-1a, us-east-1b]', '[us-east-1a, us-east-1c]').replace('[[80, 8080, http]]', '[[80, 9090, http], [22, 22, tcp]]')
      .replace('interval: 30', 'interval: 10').replace('expiration: 600', 'expiration: 60').replace('cross_zone: true', 'cross_zone: false').replace('connection_draining: 300', 'connection_draining: false'));
    const p = plan(state, changed);
    expect(p.actions[0]?.op).toEqual({
      kind: 'updateLoadBalancer',
      name: 'web-lb',
      steps: [
        { step: 'removeListeners', ports: [80] },
        { step: 'addListeners', listeners: [{ loadBalancerPort: 80, instancePort: 9090, protocol: 'HTTP' }, { loadBalancerPort: 22, instancePort: 22, protocol: 'TCP' }] },
        { step: 'enableZones', zones: ['us-east-1c'] },
        { step: 'disableZones', zones: ['us-east-1b'] },
        { step: 'healthCheck', healthCheck: { target: 'HTTP:8080/health', interval: 10, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2 } },
        { step: 'stickiness', stickiness: { type: 'lb', expiration: 60 }, replacePolicy: true, ports: [80] },
        { step: 'crossZone', enabled: false },
        { step: 'connectionDraining', draining: { enabled: false } },
      ],
    });
  });

  test('an existing load balancer newly in the file is adopted (marked), a changed scheme replaces it', () => {
    const state = appliedState(desired(LB));
    const lb = state.loadBalancers.get('web-lb');
    if (lb === undefined) throw new Error('missing');
    lb.managed = false;
    expect(plan(state, desired(LB)).actions[0]?.op).toEqual({ kind: 'updateLoadBalancer', name: 'web-lb', steps: [{ step: 'marker' }] });
    lb.scheme = 'internal';
    expect(plan(state, desired(LB)).actions[0]).toMatchObject({ action: 'replace', destructive: true, changes: [{ field: 'scheme', old: 'internal', new: 'internet-facing' }] });
  });

  test('stickiness removed from the file is taken off the listeners and its policy deleted', () => {
    const state = appliedState(desired(LB));
    const p = plan(state, desired(LB.replace('    cookie_stickiness: {type: lb, expiration: 600}\n', '')));
    expect(p.actions[0]?.op).toEqual({ kind: 'updateLoadBalancer', name: 'web-lb', steps: [{ step: 'removeStickiness', ports: [80], deletePolicy: true }] });
  });

  test('pruned only when autoscalectl created it and no group in the file uses it', () => {
    const state = appliedState(desired(LB));
    state.complete = true;
    expect(steps(plan(state, desired('groups: {}\n'), { prune: true }))).toEqual(['delete load_balancer web-lb']);
    const used = plan(state, desired(`groups:\n  web:\n    min_size: 1\n    max_size: 1\n    ami: a\n    zones: [z]\n    load_balancers: [web-lb]\n`), { prune: true });
    expect(used.actions.filter((a) => a.resource === 'load_balancer')).toEqual([]);
    expect(used.warnings).toEqual(['load balancer web-lb is no longer in load_balancers but groups still use it: it is kept']);
    const lb = state.loadBalancers.get('web-lb');
    if (lb !== undefined) lb.managed = false;
    expect(plan(state, desired('groups: {}\n'), { prune: true }).actions).toEqual([]);
  });
});

describe('showing a plan', () => {
  const state = appliedState(desired(SMALL));
  const p = plan(state, desired(SMALL.replace('ami: ami-1', 'ami: ami-2').replace('max_size: 4', 'max_size: 5')));

  test('text: one block per resource, old → new, then a summary', () => {
    expect(renderPlan(p, 'autoscale.yaml', { color: false })).toBe([
      '+ create launch_configuration web-2',
      '      ami: ami-1 → ami-2',
      '      # replaces web-1 for group web',
      '~ update group web',
      '      launch_configuration: web-1 → web-2',
      '      max_size: 4 → 5',
      '- delete launch_configuration web-1',
      '      # replaced by web-2',
      '',
      'Plan: 1 to create, 1 to update, 0 to replace, 1 to delete.',
      '',
    ].join('\n'));
  });

  test('coloured on a terminal', () => {
    const text = renderPlan(p, 'autoscale.yaml', { color: true });
    expect(text).toContain('\u001b[32m+ create launch_configuration web-2\u001b[0m');
    expect(text).toContain('\u001b[33m~ update group web\u001b[0m');
    expect(text).toContain('\u001b[31m- delete launch_configuration web-1\u001b[0m');
  });

  test('no changes', () => {
    expect(renderPlan(plan(state, desired(SMALL)), 'autoscale.yaml', { color: false })).toBe('No changes: AWS matches autoscale.yaml.\n');
  });

  test('JSON', () => {
    expect(planJson(p)).toEqual({
      changes: true,
      summary: { create: 1, update: 1, replace: 0, delete: 1 },
      actions: [
        { action: 'create', resource: 'launch_configuration', name: 'web-2', group: 'web', changes: [{ field: 'ami', old: 'ami-1', new: 'ami-2' }], note: 'replaces web-1 for group web' },
        { action: 'update', resource: 'group', name: 'web', changes: [{ field: 'launch_configuration', old: 'web-1', new: 'web-2' }, { field: 'max_size', old: 4, new: 5 }] },
        { action: 'delete', resource: 'launch_configuration', name: 'web-1', group: 'web', changes: [], note: 'replaced by web-2' },
      ],
      kept: [],
      warnings: [],
    });
  });
});

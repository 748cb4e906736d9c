/**
 * autoscalectl's `spot:` against botoscale local: a group's mixed instances policy on its
 * launch template, applied; a second plan with no changes; changed spot settings as an
 * in-place group update that keeps the instances and the capacity; dropping `spot`; and
 * the validation errors with their lines.
 */
import { formatConfigError } from '../../src/ctl/config/errors';
import { parseConfig } from '../../src/ctl/config/load';
import { Harness, tally } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const FILE = `region: us-west-1
groups:
  web:
    min_size: 2
    max_size: 10
    capacity: 6
    ami: ami-0a1b2c3d
    zones: [us-west-1a, us-west-1b]
    instance_type: m5.large
    spot:
      on_demand_base: 2
      on_demand_percentage: 25
      instance_types: [m5.large, c5.large, m4.large]
      allocation: capacity-optimized
      capacity_rebalance: true
`;

function errorsOf(text: string): string[] {
  const r = parseConfig(text, 'bad.yaml');
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors.map(formatConfigError);
}

async function web(): Promise<{ ids: string[]; onDemand: number; spot: number; desired: number | undefined; percentage: number | undefined; rebalance: boolean | undefined; template: string | undefined }> {
  const [g] = await h.autoscale().getAllGroups({ names: ['web'] });
  const ids = (g?.instances ?? []).map((i) => i.instanceId ?? '').sort();
  const instances = ids.length === 0 ? [] : await h.ec2().getOnlyInstances(ids);
  const spot = instances.filter((i) => i.instanceLifecycle === 'spot').length;
  return {
    ids,
    onDemand: instances.length - spot,
    spot,
    desired: g?.desiredCapacity,
    percentage: g?.mixedInstancesPolicy?.onDemandPercentageAboveBaseCapacity,
    rebalance: g?.capacityRebalance,
    template: g?.launchTemplate?.name,
  };
}

describe('spot: a mixed instances policy on the group\'s launch template', () => {
  beforeEach(async () => {
    h = await Harness.start({ launchConfigurations: false });
  });

  test('apply, then a second plan reports no changes; a changed percentage is an in-place update that keeps capacity', async () => {
    const file = h.file('spot.yaml', FILE);
    const plan = await h.run(['plan', file]);
    expect(plan.stdout).toContain([
      '+ create group web',
      '      launch: launch template web ($Default)',
    ].join('\n'));
    expect(plan.stdout).toContain([
      '      spot.on_demand_base: 2',
      '      spot.on_demand_percentage: 25',
      '      spot.instance_types: [m5.large, c5.large, m4.large]',
      '      spot.allocation: capacity-optimized',
      '      spot.capacity_rebalance: true',
    ].join('\n'));
    const applied = await h.run(['apply', file]);
    expect([applied.code, applied.stderr]).toEqual([0, expect.not.stringContaining('FAILED')]);
    expect(tally(h.counter.mutating)).toEqual({ CreateLaunchTemplate: 1, CreateAutoScalingGroup: 1 });
    const first = await web();
    // base 2, then 25% of the 4 above it: 3 on-demand, 3 spot
    expect(first).toMatchObject({ onDemand: 3, spot: 3, desired: 6, percentage: 25, rebalance: true, template: undefined });
    const [g] = await h.autoscale().getAllGroups({ names: ['web'] });
    expect(String(g)).toBe('AutoScaleGroup<web, Mixed:LaunchTemplate:web($Default) on-demand 2+25% spot 75% [m5.large c5.large m4.large]>');

    const again = await h.run(['plan', file]);
    expect([again.code, again.stdout]).toEqual([0, `No changes: AWS matches ${file}.\n`]);

    const changed = h.file('spot50.yaml', FILE.replace('on_demand_percentage: 25', 'on_demand_percentage: 50').replace('capacity_rebalance: true', 'capacity_rebalance: false'));
    const p2 = await h.run(['plan', changed]);
    expect(p2.code).toBe(2);
    expect(p2.stdout).toContain([
      '~ update group web',
      '      spot.on_demand_percentage: 25 → 50',
      '      spot.capacity_rebalance: true → false',
    ].join('\n'));
    expect(p2.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
    expect((await h.run(['apply', changed])).code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ UpdateAutoScalingGroup: 1 });
    const second = await web();
    expect(second).toMatchObject({ desired: 6, percentage: 50, rebalance: false });
    expect(second.ids).toEqual(first.ids);
    expect((await h.run(['plan', changed])).code).toBe(0);
  });

  test('weights, a max price added then removed, and dropping spot puts the group back on its plain template', async () => {
    const weighted = FILE.replace('instance_types: [m5.large, c5.large, m4.large]', 'instance_types: [{type: c5.xlarge, weight: 2}, {type: c5.large, weight: 1}]\n      max_price: 0.05');
    const file = h.file('w.yaml', weighted);
    expect((await h.run(['apply', file])).code).toBe(0);
    const [g] = await h.autoscale().getAllGroups({ names: ['web'] });
    expect(g?.mixedInstancesPolicy?.overrides).toEqual([{ instanceType: 'c5.xlarge', weightedCapacity: 2 }, { instanceType: 'c5.large', weightedCapacity: 1 }]);
    expect(g?.mixedInstancesPolicy?.spotMaxPrice).toBe('0.05');
    expect((await h.run(['plan', file])).code).toBe(0);

    const noPrice = h.file('np.yaml', weighted.replace('\n      max_price: 0.05', ''));
    const p = await h.run(['plan', noPrice]);
    expect(p.stdout).toContain('      spot.max_price: 0.05 → (none)');
    expect((await h.run(['apply', noPrice])).code).toBe(0);
    expect((await h.autoscale().getAllGroups({ names: ['web'] }))[0]?.mixedInstancesPolicy?.spotMaxPrice).toBeUndefined();
    expect((await h.run(['plan', noPrice])).code).toBe(0);

    const plain = h.file('plain.yaml', FILE.slice(0, FILE.indexOf('    spot:')));
    const p2 = await h.run(['plan', plain]);
    expect(p2.stdout).toContain('~ update group web\n      spot: on-demand 2+25%, capacity-optimized, [c5.xlarge*2, c5.large*1] → (none)');
    expect((await h.run(['apply', plain])).code).toBe(0);
    const [after] = await h.autoscale().getAllGroups({ names: ['web'] });
    expect([after?.mixedInstancesPolicy, after?.launchTemplate?.name, after?.desiredCapacity]).toEqual([undefined, 'web', g?.desiredCapacity]);
    expect((await h.run(['plan', plain])).code).toBe(0);
  });
});

describe('a group of the original tool, on a launch configuration', () => {
  beforeEach(async () => {
    h = await Harness.start();
  });

  test('adding spot moves it to its launch template and the policy in one update, keeping its instances', async () => {
    const plain = FILE.slice(0, FILE.indexOf('    spot:'));
    expect((await h.run(['apply', h.file('lc.yaml', `launch: configuration\n${plain}`)])).code).toBe(0);
    const before = await web();
    expect(before.ids).toHaveLength(6);
    const file = h.file('spot.yaml', FILE);
    const p = await h.run(['plan', file]);
    expect(p.stdout).toContain([
      '~ update group web',
      '      launch: launch configuration web-1 → launch template web ($Default)',
      '      spot.on_demand_base: (none) → 2',
    ].join('\n'));
    expect(p.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 1 to delete.');
    expect((await h.run(['apply', file])).code).toBe(0);
    const after = await web();
    expect(after).toMatchObject({ desired: 6, percentage: 25, rebalance: true });
    expect(after.ids).toEqual(before.ids);
    expect((await h.run(['plan', file])).code).toBe(0);
  });
});

describe('spot validation, with the line of the offending key', () => {
  const GROUP = `groups:
  web:
    min_size: 1
    max_size: 4
    ami: ami-1
    zones: [us-east-1a]
`;
  test('types and ranges', () => {
    expect(errorsOf(`${GROUP}    spot:
      on_demand_base: -1
      on_demand_percentage: 101
      instance_types: []
      allocation: cheapest
      max_price: 0.0001
      capacity_rebalance: 'yes'
      on_demand_percentag: 5
`)).toEqual([
      'bad.yaml:8:7: groups.web.spot.on_demand_base: must be at least 0, got -1',
      'bad.yaml:9:7: groups.web.spot.on_demand_percentage: must be at most 100, got 101',
      'bad.yaml:10:7: groups.web.spot.instance_types: needs at least 1 item',
      'bad.yaml:11:7: groups.web.spot.allocation: must be one of lowest-price, capacity-optimized, capacity-optimized-prioritized, price-capacity-optimized; got "cheapest"',
      'bad.yaml:12:7: groups.web.spot.max_price: must be at least 0.001 (US dollars per hour), got 0.0001',
      'bad.yaml:13:7: groups.web.spot.capacity_rebalance: must be true or false, got "yes"',
      'bad.yaml:14:7: groups.web.spot.on_demand_percentag: unknown key "on_demand_percentag" (did you mean "on_demand_percentage"?)',
    ]);
  });

  test('instance types: weights 1 to 999 on all or none, each type once, at most 40', () => {
    expect(errorsOf(`${GROUP}    spot:
      instance_types:
        - {type: m5.large, weight: 1000}
        - {type: c5.large, wieght: 1}
        - 7
`)).toEqual([
      'bad.yaml:8:7: groups.web.spot.instance_types: give a weight for every instance type or for none (1 of 3 have one)',
      'bad.yaml:9:28: groups.web.spot.instance_types[0].weight: must be at most 999, got 1000',
      'bad.yaml:10:28: groups.web.spot.instance_types[1].wieght: unknown key "wieght"',
      'bad.yaml:11:11: groups.web.spot.instance_types[2]: must be an instance type, or { type, weight }, got 7',
    ]);
    expect(errorsOf(`${GROUP}    spot:
      instance_types:
        - {type: m5.large, weight: 2}
        - c5.large
        - m5.large
`)).toEqual([
      'bad.yaml:8:7: groups.web.spot.instance_types: give a weight for every instance type or for none (1 of 3 have one)',
      'bad.yaml:11:11: groups.web.spot.instance_types[2]: duplicate instance type "m5.large": each may be listed once',
    ]);
    const many = Array.from({ length: 41 }, (_, i) => `t${i}.large`).join(', ');
    expect(errorsOf(`${GROUP}    spot:\n      instance_types: [${many}]\n`)).toEqual([
      'bad.yaml:8:7: groups.web.spot.instance_types: may list at most 40 items, got 41',
    ]);
  });

  test('spot needs the group\'s launch template, and replaces spot_price', () => {
    expect(errorsOf(`${GROUP}    launch: configuration
    spot_price: 0.05
    spot: {on_demand_base: 1}
`)).toEqual([
      'bad.yaml:8:5: groups.web.spot_price: give spot_price or spot, not both: spot_price puts the whole group on spot; with spot, use spot.max_price',
      'bad.yaml:9:5: groups.web.spot: spot needs a launch template (a mixed instances policy launches from one): leave out launch: configuration',
    ]);
    expect(errorsOf(`groups:
  w:
    min_size: 1
    max_size: 4
    ami: ami-1
    zones: [us-east-1a]
    spot: {on_demand_base: 1}
`)).toEqual([
      'bad.yaml:7:5: groups.w.spot: spot needs a launch template, and group name "w" cannot name one (3 to 128 of a-z A-Z 0-9 ( ) . - / _)',
    ]);
  });
});

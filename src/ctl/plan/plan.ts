/**
 * The planner: a pure function from what exists and what the file wants to the ordered
 * actions that bring one to the other. Creates and updates come in dependency order
 * (launch configuration → load balancer → an existing group's lifecycle hooks → group →
 * tags, notifications → scheduled actions → policies → alarms), deletes after them in reverse order.
 *
 * @module
 */
import {
  CAPACITY_TAG, CTL_TAGS, isAlarmOf, launchConfigName, launchConfigNumber, launchTemplateName, MANAGED_TAG, MAX_SIZE_TAG, MIN_SIZE_TAG, NOTIFICATION_TAG, NOTIFICATION_TYPES, policyOf,
} from '../model/naming';
import { stateKey, type CurrentState, type DesiredState, type GroupSpec, type GroupState, type LifecycleHookSpec, type TagSpec } from '../model/types';
import { alarmChanges, hookTransition, launchConfigChanges, lifecycleHookChanges, lifecycleHookNeedsReplace, policyChanges, sameSet, scheduledChanges } from './compare';
import { launchLabel, launchMode, resolveTemplate } from './launch';
import { spotChanges, spotSummary } from './spot';
import { planLoadBalancer } from './loadbalancer';
import {
  RESOURCE_ORDER, type FieldChange, type GroupCreate, type LaunchMigration, type GroupUpdate, type KeptResource, type Plan, type PlannedAction, type PlanOptions,
  type ResourceType,
} from './types';

/** The launch configuration a group ends up with, and what it takes to get there. */
interface LaunchConfigResolution {
  /** The name the group must use. */
  name: string;
  /** The action creating it, if it must be created. */
  action?: PlannedAction;
  /** The group's previous launch configuration, to delete once the group is switched. */
  retire?: string;
}

/** What a group launches from once the plan is applied, and how it gets there. */
type LaunchChoice =
  | { kind: 'configuration'; name: string }
  | { kind: 'template'; name: string; migrate?: LaunchMigration };

/**
 * Names of launch configurations the planner needs to know about beyond the ones groups
 * use: the next `<group>-<n>` of every group on launch configurations whose launch
 * configuration changed or that does not exist yet (one may be left over from an
 * interrupted apply).
 */
export function launchConfigLookups(current: CurrentState, desired: DesiredState, options: PlanOptions = {}): string[] {
  const names: string[] = [];
  for (const spec of desired.groups) {
    const g = current.groups.get(spec.name);
    if (launchMode(spec, g, options, []) === 'template') continue;
    if (g === undefined) {
      names.push(launchConfigName(spec.name, 1));
      continue;
    }
    const inUse = g.launchConfigName === undefined ? undefined : current.launchConfigs.get(g.launchConfigName);
    if (inUse !== undefined && launchConfigChanges(inUse, spec.launchConfig).length === 0) continue;
    names.push(launchConfigName(spec.name, (launchConfigNumber(spec.name, g.launchConfigName) ?? 0) + 1));
  }
  return names;
}

function tagMap(tags: readonly TagSpec[]): Map<string, TagSpec> {
  return new Map(tags.map((t) => [t.key, t]));
}

/**
 * Every tag a group should carry: the file's and autoscalectl's own. (The notification
 * topic is read from DescribeNotificationConfigurations; the tag that used to remember
 * it, on fleets made by earlier versions, is removed like any autoscalectl tag not wanted.)
 */
export function desiredTags(spec: GroupSpec): TagSpec[] {
  const tags: TagSpec[] = [...spec.tags, { key: MANAGED_TAG, value: 'true', propagateAtLaunch: false }];
  if (spec.capacity !== undefined) tags.push({ key: CAPACITY_TAG, value: String(spec.capacity), propagateAtLaunch: false });
  if (scheduled(spec, 'minSize')) tags.push({ key: MIN_SIZE_TAG, value: String(spec.minSize), propagateAtLaunch: false });
  if (scheduled(spec, 'maxSize')) tags.push({ key: MAX_SIZE_TAG, value: String(spec.maxSize), propagateAtLaunch: false });
  return tags;
}

/** Whether the group's scheduled actions change this size (which then, like capacity, is not reset on every run). */
function scheduled(spec: GroupSpec, size: 'minSize' | 'maxSize'): boolean {
  return spec.scheduledActions.some((s) => s[size] !== undefined);
}

/** A hook in one line, for the plan: `launching, heartbeat_timeout 300, default_result CONTINUE`. */
function hookSummary(h: LifecycleHookSpec): string {
  const parts = [hookTransition(h.transition) ?? h.transition, `heartbeat_timeout ${h.heartbeatTimeout}`, `default_result ${h.defaultResult}`];
  if (h.notificationTargetArn !== undefined) parts.push(`notification_target_arn ${h.notificationTargetArn}`);
  return parts.join(', ');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

class Planner {
  readonly #forward = new Map<ResourceType, PlannedAction[]>(RESOURCE_ORDER.map((r) => [r, []]));
  readonly #deletes = new Map<ResourceType, PlannedAction[]>(RESOURCE_ORDER.map((r) => [r, []]));
  readonly kept: KeptResource[] = [];
  readonly warnings: string[] = [];
  /** Launch configurations that end up in use or are deleted by an action already: never pruned again. */
  readonly #claimedLaunchConfigs = new Set<string>();
  /** Launch templates that end up in use: never pruned. */
  readonly #claimedTemplates = new Set<string>();

  constructor(readonly current: CurrentState, readonly desired: DesiredState, readonly options: PlanOptions) {}

  add(action: PlannedAction): void {
    (action.action === 'delete' ? this.#deletes : this.#forward).get(action.resource)?.push(action);
  }

  keep(resource: ResourceType, name: string, group?: string): void {
    this.kept.push(group === undefined ? { resource, name } : { resource, name, group });
  }

  plan(): Plan {
    for (const lb of this.desired.loadBalancers) {
      const action = planLoadBalancer(lb, this.current.loadBalancers.get(lb.name));
      if (action !== undefined) this.add(action);
    }
    for (const spec of this.desired.groups) this.group(spec);
    this.pruneGroups();
    this.pruneLaunchConfigs();
    this.pruneLaunchTemplates();
    this.pruneLoadBalancers();
    const actions = [
      ...RESOURCE_ORDER.flatMap((r) => this.#forward.get(r) ?? []),
      ...[...RESOURCE_ORDER].reverse().flatMap((r) => this.#deletes.get(r) ?? []),
    ];
    return { actions, kept: this.kept, warnings: this.warnings };
  }

  launchConfig(spec: GroupSpec, g: GroupState | undefined): LaunchConfigResolution {
    const inUseName = g?.launchConfigName;
    const inUse = inUseName === undefined ? undefined : this.current.launchConfigs.get(inUseName);
    if (inUseName !== undefined && inUse !== undefined && launchConfigChanges(inUse, spec.launchConfig).length === 0) {
      this.#claimedLaunchConfigs.add(inUseName);
      return { name: inUseName };
    }
    const n = (launchConfigNumber(spec.name, inUseName) ?? 0) + 1;
    const name = launchConfigName(spec.name, n);
    this.#claimedLaunchConfigs.add(name);
    const retire = inUseName !== undefined && launchConfigNumber(spec.name, inUseName) !== undefined ? inUseName : undefined;
    if (retire !== undefined) this.#claimedLaunchConfigs.add(retire);
    if (inUseName !== undefined && launchConfigNumber(spec.name, inUseName) === undefined) {
      this.warnings.push(`group ${spec.name} uses launch configuration ${inUseName}, which does not follow the naming rule <group>-<n>: it is switched to ${name} and ${inUseName} is kept`);
    }
    const leftover = this.current.launchConfigs.get(name);
    if (leftover !== undefined && launchConfigChanges(leftover, spec.launchConfig).length === 0) {
      return retire === undefined ? { name } : { name, retire };
    }
    const changes = launchConfigChanges(inUse, spec.launchConfig);
    const notes: string[] = [];
    if (inUseName !== undefined) notes.push(`replaces ${inUseName} for group ${spec.name}`);
    if (leftover !== undefined) notes.push(`an unused ${name} that differs exists and is deleted first`);
    const action: PlannedAction = {
      action: leftover === undefined ? 'create' : 'replace',
      resource: 'launch_configuration',
      name,
      group: spec.name,
      changes,
      op: { kind: 'createLaunchConfig', name, spec: spec.launchConfig, replace: leftover !== undefined },
    };
    if (notes.length > 0) action.note = notes.join('; ');
    return retire === undefined ? { name, action } : { name, action, retire };
  }

  /** The launch configuration or template the group ends up on, with the actions that make it. */
  launch(spec: GroupSpec, g: GroupState | undefined, fresh: boolean): LaunchChoice {
    if (launchMode(spec, g, this.options, this.warnings) === 'configuration') {
      const lc = this.launchConfig(spec, g);
      if (lc.action !== undefined) this.add(lc.action);
      if (lc.retire !== undefined && lc.retire !== lc.name) this.retireLaunchConfig(spec.name, lc.retire, lc.name);
      return { kind: 'configuration', name: lc.name };
    }
    const t = resolveTemplate(spec, g, this.current, fresh);
    this.#claimedTemplates.add(t.name);
    if (t.action !== undefined) this.add(t.action);
    if (g?.launchTemplate !== undefined && g.launchTemplate.name !== t.name) {
      this.warnings.push(`group ${spec.name} uses launch template ${g.launchTemplate.name ?? g.launchTemplate.id ?? '?'}, not its own (${t.name}): it is switched to ${t.name} and the other is kept`);
    }
    if (t.retire !== undefined) this.retireLaunchConfig(spec.name, t.retire, `launch template ${t.name}`);
    return t.migrate === undefined ? { kind: 'template', name: t.name } : { kind: 'template', name: t.name, migrate: t.migrate };
  }

  retireLaunchConfig(group: string, name: string, by: string): void {
    this.#claimedLaunchConfigs.add(name);
    this.add({
      action: 'delete',
      resource: 'launch_configuration',
      name,
      group,
      changes: [],
      note: `replaced by ${by}`,
      op: { kind: 'deleteLaunchConfig', name },
    });
  }

  group(spec: GroupSpec): void {
    const g = this.current.groups.get(spec.name);
    const fresh = g === undefined;
    const launch = this.launch(spec, g, fresh);
    if (fresh) {
      this.createGroup(spec, launch);
    } else {
      this.updateGroup(spec, g, launch);
    }
    this.tags(spec, g);
    this.notification(spec, g);
    this.lifecycleHooks(spec, fresh);
    this.scheduled(spec, fresh);
    this.policies(spec, fresh);
    this.alarms(spec, fresh);
  }

  createGroup(spec: GroupSpec, launch: LaunchChoice): void {
    const desiredCapacity = spec.capacity;
    const group: GroupCreate = {
      name: spec.name,
      ...(launch.kind === 'configuration' ? { launchConfigName: launch.name } : { launchTemplateName: launch.name }),
      minSize: spec.minSize,
      maxSize: spec.maxSize,
      zones: spec.zones,
      subnets: spec.subnets,
      loadBalancers: spec.loadBalancers,
      tags: desiredTags(spec),
    };
    if (desiredCapacity !== undefined) group.desiredCapacity = desiredCapacity;
    if (spec.healthCheckType !== undefined) group.healthCheckType = spec.healthCheckType;
    if (spec.healthCheckPeriod !== undefined) group.healthCheckPeriod = spec.healthCheckPeriod;
    if (spec.defaultCooldown !== undefined) group.defaultCooldown = spec.defaultCooldown;
    if (spec.terminationPolicies !== undefined) group.terminationPolicies = spec.terminationPolicies;
    if (spec.spot !== undefined && launch.kind === 'template') group.spot = spec.spot;
    if (spec.capacityRebalance !== undefined) group.capacityRebalance = spec.capacityRebalance;
    if (spec.lifecycleHooks.length > 0) group.lifecycleHooks = spec.lifecycleHooks;
    const changes: FieldChange[] = [];
    const field = (name: string, now: unknown): void => {
      if (now !== undefined && !(Array.isArray(now) && now.length === 0)) changes.push({ field: name, old: undefined, new: now });
    };
    if (launch.kind === 'configuration') field('launch_configuration', launch.name);
    else field('launch', launchLabel({ launchTemplate: { name: launch.name, version: '$Default' } }));
    field('min_size', spec.minSize);
    field('max_size', spec.maxSize);
    field('desired_capacity', desiredCapacity);
    field('zones', spec.zones);
    field('vpc_zone_identifier', spec.subnets);
    field('load_balancers', spec.loadBalancers);
    field('health_check_type', spec.healthCheckType);
    field('health_check_period', spec.healthCheckPeriod);
    field('default_cooldown', spec.defaultCooldown);
    field('termination_policies', spec.terminationPolicies);
    if (group.spot !== undefined) changes.push(...spotChanges(undefined, group.spot));
    if (spec.capacityRebalance === true) field('spot.capacity_rebalance', true);
    for (const h of spec.lifecycleHooks) field(`lifecycle_hooks.${h.name}`, hookSummary(h));
    const action: PlannedAction = { action: 'create', resource: 'group', name: spec.name, changes, op: { kind: 'createGroup', group } };
    if (spec.lifecycleHooks.length > 0) action.note = 'its lifecycle hooks are created with it, so that its launch hooks hold its first instances too';
    this.add(action);
  }

  updateGroup(spec: GroupSpec, g: GroupState, launch: LaunchChoice): void {
    const set: GroupUpdate = {};
    const changes: FieldChange[] = [];
    const notes: string[] = [];
    if (launch.kind === 'configuration' && (g.launchConfigName !== launch.name || g.launchTemplate !== undefined)) {
      set.launchConfigName = launch.name;
      changes.push({ field: 'launch_configuration', old: g.launchTemplate === undefined ? g.launchConfigName : launchLabel(g), new: launch.name });
    }
    const onTemplate = g.launchTemplate?.name === launch.name && g.launchTemplate.version === '$Default';
    if (launch.kind === 'template' && !onTemplate) {
      set.launchTemplateName = launch.name;
      if (launch.migrate !== undefined) {
        set.migrate = launch.migrate;
        const made = launch.migrate.createTemplate ? `made from ${launch.migrate.fromLaunchConfig} field by field` : 'which exists already';
        notes.push(`the group moves to launch template ${launch.name} (${made}${launch.migrate.spec === undefined ? '' : ', then a version with the file\'s settings'}); running instances are kept`);
      }
      changes.push({ field: 'launch', old: launchLabel(g), new: launchLabel({ launchTemplate: { name: launch.name, version: '$Default' } }) });
      if (launch.migrate?.spec !== undefined) {
        const base = this.current.launchTemplates.get(launch.name)?.settings ?? this.current.launchConfigs.get(launch.migrate.fromLaunchConfig);
        changes.push(...launchConfigChanges(base === undefined ? undefined : { name: launch.name, ...base }, launch.migrate.spec));
      }
    }
    if (launch.kind === 'template') this.spot(spec, g, launch.name, set, changes);
    const tags = tagMap(g.tags);
    const managed = tags.has(MANAGED_TAG);
    const reset = this.options.resetCapacity === true;
    // A value the group's scheduled actions (or, for capacity, its alarms) move is applied
    // only when it changed in the file since the last apply (its tag remembers it) on a
    // group autoscalectl already manages, or with --reset-capacity.
    const changedInFile = (key: string, value: number): boolean => managed && tags.get(key)?.value !== String(value);
    const keep = (key: string, file: number, moved: boolean): boolean => moved && !reset && !changedInFile(key, file);
    let minSize = keep(MIN_SIZE_TAG, spec.minSize, scheduled(spec, 'minSize')) ? g.minSize : spec.minSize;
    let maxSize = keep(MAX_SIZE_TAG, spec.maxSize, scheduled(spec, 'maxSize')) ? g.maxSize : spec.maxSize;
    if (minSize > maxSize) {
      minSize = spec.minSize;
      maxSize = spec.maxSize;
    }
    for (const [field, key, value, have, file] of [
      ['min_size', MIN_SIZE_TAG, minSize, g.minSize, spec.minSize],
      ['max_size', MAX_SIZE_TAG, maxSize, g.maxSize, spec.maxSize],
    ] as const) {
      if (value === have) continue;
      changes.push({ field, old: have, new: value });
      if (tags.has(key) && !reset) notes.push(`${field} changed in the file (${tags.get(key)?.value ?? 'none'} → ${file})`);
    }
    if (minSize !== g.minSize) set.minSize = minSize;
    if (maxSize !== g.maxSize) set.maxSize = maxSize;
    const recorded = tags.get(CAPACITY_TAG)?.value;
    let desired = clamp(g.desiredCapacity, minSize, maxSize);
    if (desired !== g.desiredCapacity) notes.push(`desired capacity kept within min_size..max_size`);
    if (spec.capacity !== undefined) {
      if (reset) {
        if (spec.capacity !== g.desiredCapacity) notes.push('--reset-capacity');
        desired = spec.capacity;
      } else if (changedInFile(CAPACITY_TAG, spec.capacity)) {
        if (spec.capacity !== g.desiredCapacity) notes.push(`capacity changed in the file (${recorded ?? 'none'} → ${spec.capacity})`);
        desired = spec.capacity;
      }
    }
    if (desired !== g.desiredCapacity) {
      set.desiredCapacity = desired;
      changes.push({ field: 'desired_capacity', old: g.desiredCapacity, new: desired });
    }
    if (spec.zones.length > 0 && !sameSet(g.zones, spec.zones)) {
      set.zones = spec.zones;
      changes.push({ field: 'zones', old: g.zones, new: spec.zones });
    }
    if (spec.subnets.length > 0 && !sameSet(g.subnets, spec.subnets)) {
      set.subnets = spec.subnets;
      changes.push({ field: 'vpc_zone_identifier', old: g.subnets, new: spec.subnets });
    }
    if (spec.healthCheckType !== undefined && spec.healthCheckType !== (g.healthCheckType ?? 'EC2')) {
      set.healthCheckType = spec.healthCheckType;
      changes.push({ field: 'health_check_type', old: g.healthCheckType, new: spec.healthCheckType });
    }
    if (spec.healthCheckPeriod !== undefined && spec.healthCheckPeriod !== g.healthCheckPeriod) {
      set.healthCheckPeriod = spec.healthCheckPeriod;
      changes.push({ field: 'health_check_period', old: g.healthCheckPeriod, new: spec.healthCheckPeriod });
    }
    if (spec.defaultCooldown !== undefined && spec.defaultCooldown !== g.defaultCooldown) {
      set.defaultCooldown = spec.defaultCooldown;
      changes.push({ field: 'default_cooldown', old: g.defaultCooldown, new: spec.defaultCooldown });
    }
    if (spec.terminationPolicies !== undefined && spec.terminationPolicies.join(',') !== g.terminationPolicies.join(',')) {
      set.terminationPolicies = spec.terminationPolicies;
      changes.push({ field: 'termination_policies', old: g.terminationPolicies, new: spec.terminationPolicies });
    }
    // Load balancers change in place (AttachLoadBalancers / DetachLoadBalancers): the group keeps its instances.
    const attach = spec.loadBalancers.filter((n) => !g.loadBalancers.includes(n));
    const detach = g.loadBalancers.filter((n) => !spec.loadBalancers.includes(n));
    if (attach.length > 0) set.attachLoadBalancers = attach;
    if (detach.length > 0) set.detachLoadBalancers = detach;
    if (attach.length > 0 || detach.length > 0) changes.push({ field: 'load_balancers', old: g.loadBalancers, new: spec.loadBalancers });
    if (changes.length === 0) return;
    const action: PlannedAction = { action: 'update', resource: 'group', name: spec.name, changes, op: { kind: 'updateGroup', name: spec.name, set } };
    if (notes.length > 0) action.note = notes.join('; ');
    this.add(action);
  }

  /**
   * The group's spot settings, updated in place: the whole mixed instances policy is
   * sent when any of it differs (or the group is not on one yet); a group the file no
   * longer gives `spot` goes back to its plain launch template. Capacity is kept.
   */
  spot(spec: GroupSpec, g: GroupState, template: string, set: GroupUpdate, changes: FieldChange[]): void {
    if (spec.spot !== undefined) {
      const differ = spotChanges(g.mixed, spec.spot);
      const onPolicy = g.mixed !== undefined && g.mixed.launchTemplate.name === template && g.mixed.launchTemplate.version === '$Default';
      if (differ.length > 0 || !onPolicy) {
        set.spot = spec.spot;
        set.launchTemplateName = template;
        changes.push(...differ);
      }
    } else if (g.mixed !== undefined) {
      set.launchTemplateName = template;
      changes.push({ field: 'spot', old: spotSummary(g.mixed), new: undefined });
    }
    if (spec.capacityRebalance !== undefined && spec.capacityRebalance !== (g.capacityRebalance ?? false)) {
      set.capacityRebalance = spec.capacityRebalance;
      changes.push({ field: 'spot.capacity_rebalance', old: g.capacityRebalance ?? false, new: spec.capacityRebalance });
    }
  }

  /** Tags of an existing group (a new group gets them at creation). */
  tags(spec: GroupSpec, g: GroupState | undefined): void {
    if (g === undefined) return;
    const have = tagMap(g.tags);
    const want = desiredTags(spec);
    const wantKeys = new Set(want.map((t) => t.key));
    const set = want.filter((t) => {
      const h = have.get(t.key);
      return h === undefined || h.value !== t.value || h.propagateAtLaunch !== t.propagateAtLaunch;
    });
    if (set.length > 0) {
      this.add({
        action: have.has(MANAGED_TAG) ? 'update' : 'create',
        resource: 'tags',
        name: spec.name,
        group: spec.name,
        changes: set.map((t) => {
          const h = have.get(t.key);
          const show = (x: TagSpec | undefined): string | undefined => (x === undefined ? undefined : `${x.value}${x.propagateAtLaunch ? ' (propagated)' : ''}`);
          return { field: t.key, old: show(h), new: show(t) };
        }),
        op: { kind: 'setTags', group: spec.name, tags: set },
      });
    }
    const gone = g.tags.filter((t) => !wantKeys.has(t.key) && !t.key.startsWith('aws:'));
    const remove = gone.filter((t) => CTL_TAGS.includes(t.key) || this.options.prune === true);
    for (const t of gone) if (!remove.includes(t)) this.keep('tags', t.key, spec.name);
    if (remove.length > 0) {
      this.add({
        action: 'delete',
        resource: 'tags',
        name: spec.name,
        group: spec.name,
        changes: remove.map((t) => ({ field: t.key, old: t.value })),
        op: { kind: 'deleteTags', group: spec.name, tags: remove },
      });
    }
  }

  /**
   * The launch/terminate notifications, as DescribeNotificationConfigurations lists them.
   * The file's topic gets every notification type; other topics of a group autoscalectl
   * manages are the file's too and go (as does the topic an earlier autoscalectl recorded
   * in its tag); on a group it is adopting they are kept unless --prune.
   */
  notification(spec: GroupSpec, g: GroupState | undefined): void {
    const described = g === undefined ? new Map<string, string[]>() : (this.current.notifications.get(spec.name) ?? new Map<string, string[]>());
    const tags = tagMap(g?.tags ?? []);
    const legacy = tags.get(NOTIFICATION_TAG)?.value;
    const owned = (t: string): boolean => tags.has(MANAGED_TAG) || t === legacy || this.options.prune === true;
    const topic = spec.notificationTopic;
    const others = [...described.keys()].filter((t) => t !== topic).sort();
    const drop = others.filter(owned);
    for (const t of others) if (!drop.includes(t)) this.keep('notification', t, spec.name);
    const base = { resource: 'notification' as const, name: spec.name, group: spec.name };
    if (topic !== undefined && !sameSet(described.get(topic) ?? [], NOTIFICATION_TYPES)) {
      const old = described.has(topic) ? topic : drop.length === 0 ? undefined : drop.join(', ');
      this.add({
        ...base,
        action: described.size === 0 ? 'create' : 'update',
        changes: [{ field: 'notification_topic', old, new: topic }],
        op: drop.length === 0 ? { kind: 'putNotification', group: spec.name, topic } : { kind: 'putNotification', group: spec.name, topic, previous: drop },
      });
      return;
    }
    for (const t of drop) {
      this.add({ ...base, action: 'delete', changes: [{ field: 'notification_topic', old: t }], op: { kind: 'deleteNotification', group: spec.name, topic: t } });
    }
  }

  /**
   * The hooks of an existing group (a new group is created with its own): put when new or
   * changed, deleted and put again when a member AWS cannot clear is gone, and with
   * --prune the group's other hooks deleted (all of a file group's hooks are the file's).
   */
  lifecycleHooks(spec: GroupSpec, fresh: boolean): void {
    if (fresh) return;
    const wanted = new Set(spec.lifecycleHooks.map((h) => h.name));
    for (const h of spec.lifecycleHooks) {
      const have = this.current.lifecycleHooks.get(stateKey(spec.name, h.name));
      const changes = lifecycleHookChanges(have, h);
      if (have !== undefined && changes.length === 0) continue;
      const replace = have !== undefined && lifecycleHookNeedsReplace(have, h);
      const action: PlannedAction = {
        action: have === undefined ? 'create' : replace ? 'replace' : 'update',
        resource: 'lifecycle_hook',
        name: h.name,
        group: spec.name,
        changes,
        op: { kind: 'putLifecycleHook', spec: h, replace },
      };
      if (replace) action.note = 'AWS cannot remove a hook\'s role_arn or notification_metadata: the hook is deleted and put again, letting go of the instances it holds now';
      else if (have === undefined && hookTransition(h.transition) === 'launching') action.note = 'holds the launches that start from now on (instances already launching are not held)';
      this.add(action);
    }
    for (const have of this.current.lifecycleHooks.values()) {
      if (have.group !== spec.name || wanted.has(have.name)) continue;
      if (this.options.prune !== true) {
        this.keep('lifecycle_hook', have.name, spec.name);
        continue;
      }
      this.add({
        action: 'delete',
        resource: 'lifecycle_hook',
        name: have.name,
        group: spec.name,
        changes: [],
        note: 'instances it holds now are let go (launches abandoned, terminations continued)',
        op: { kind: 'deleteLifecycleHook', group: spec.name, name: have.name },
      });
    }
  }

  scheduled(spec: GroupSpec, fresh: boolean): void {
    const wanted = new Set(spec.scheduledActions.map((s) => s.name));
    for (const s of spec.scheduledActions) {
      const have = fresh ? undefined : this.current.scheduled.get(stateKey(spec.name, s.name));
      const changes = scheduledChanges(have, s);
      if (have !== undefined && changes.length === 0) continue;
      this.add({
        action: have === undefined ? 'create' : 'update',
        resource: 'scheduled_action',
        name: s.name,
        group: spec.name,
        changes,
        op: { kind: 'putScheduledAction', spec: s },
      });
    }
    if (fresh) return;
    for (const have of this.current.scheduled.values()) {
      if (have.group !== spec.name || wanted.has(have.name)) continue;
      if (this.options.prune !== true) {
        this.keep('scheduled_action', have.name, spec.name);
        continue;
      }
      this.add({
        action: 'delete',
        resource: 'scheduled_action',
        name: have.name,
        group: spec.name,
        changes: [],
        op: { kind: 'deleteScheduledAction', group: spec.name, name: have.name },
      });
    }
  }

  policies(spec: GroupSpec, fresh: boolean): void {
    const wanted = new Set(spec.policies.map((p) => p.name));
    for (const p of spec.policies) {
      const have = fresh ? undefined : this.current.policies.get(stateKey(spec.name, p.name));
      const changes = policyChanges(have, p);
      if (have !== undefined && changes.length === 0) continue;
      this.add({
        action: have === undefined ? 'create' : 'update',
        resource: 'policy',
        name: p.name,
        group: spec.name,
        changes,
        op: { kind: 'putPolicy', spec: p },
      });
    }
    if (fresh) return;
    for (const have of this.current.policies.values()) {
      if (have.group !== spec.name || wanted.has(have.name) || policyOf(spec.name, have.name) === undefined) continue;
      if (this.options.prune !== true) {
        this.keep('policy', have.name, spec.name);
        continue;
      }
      this.add({
        action: 'delete',
        resource: 'policy',
        name: have.name,
        group: spec.name,
        changes: [],
        op: { kind: 'deletePolicy', group: spec.name, name: have.name },
      });
    }
  }

  alarms(spec: GroupSpec, fresh: boolean): void {
    const wanted = new Set(spec.alarms.map((a) => a.name));
    for (const a of spec.alarms) {
      const have = this.current.alarms.get(a.name);
      const changes = alarmChanges(have, a);
      const arn = fresh ? undefined : this.current.policies.get(stateKey(spec.name, a.policy))?.arn;
      const actionsOk = have !== undefined && arn !== undefined && have.alarmActions.length === 1 && have.alarmActions[0] === arn;
      if (!actionsOk) {
        const old = have === undefined ? undefined : have.alarmActions.join(', ') || 'none';
        changes.push({ field: 'policy', old, new: arn ?? `${a.policy} (new)` });
      }
      if (have !== undefined && changes.length === 0) continue;
      this.add({
        action: have === undefined ? 'create' : 'update',
        resource: 'alarm',
        name: a.name,
        group: spec.name,
        changes,
        op: { kind: 'putAlarm', spec: a },
      });
    }
    for (const have of this.current.alarms.values()) {
      if (wanted.has(have.name) || !isAlarmOf(spec.name, have.name)) continue;
      if (this.options.prune !== true) {
        this.keep('alarm', have.name, spec.name);
        continue;
      }
      this.deleteAlarm(have.name, spec.name);
    }
  }

  deleteAlarm(name: string, group: string): void {
    this.add({ action: 'delete', resource: 'alarm', name, group, changes: [], op: { kind: 'deleteAlarm', name } });
  }

  /** Groups autoscalectl created that the file no longer has. */
  pruneGroups(): void {
    const wanted = new Set(this.desired.groups.map((g) => g.name));
    for (const g of this.current.groups.values()) {
      if (wanted.has(g.name) || !g.tags.some((t) => t.key === MANAGED_TAG)) continue;
      if (this.options.prune !== true) {
        this.keep('group', g.name);
        continue;
      }
      const policies = [...this.current.policies.values()].filter((p) => p.group === g.name).length;
      const n = g.instanceCount;
      this.add({
        action: 'delete',
        resource: 'group',
        name: g.name,
        changes: [],
        destructive: true,
        note: `scaled to zero and deleted with its ${n} instance${n === 1 ? '' : 's'}${policies > 0 ? ` and ${policies} polic${policies === 1 ? 'y' : 'ies'}` : ''}`,
        op: { kind: 'deleteGroup', name: g.name },
      });
      for (const a of this.current.alarms.values()) if (isAlarmOf(g.name, a.name)) this.deleteAlarm(a.name, g.name);
    }
  }

  /** Launch configurations named after managed groups that no group uses. */
  pruneLaunchConfigs(): void {
    const owners = [
      ...this.desired.groups.map((g) => g.name),
      ...[...this.current.groups.values()].filter((g) => g.tags.some((t) => t.key === MANAGED_TAG)).map((g) => g.name),
    ];
    const inUse = new Set([...this.current.groups.values()].map((g) => g.launchConfigName));
    for (const lc of this.current.launchConfigs.values()) {
      if (this.#claimedLaunchConfigs.has(lc.name)) continue;
      const owner = owners.find((o) => launchConfigNumber(o, lc.name) !== undefined);
      if (owner === undefined) continue;
      const pruned = !this.desired.groups.some((g) => g.name === owner);
      if (inUse.has(lc.name) && !pruned) continue;
      if (this.options.prune !== true) {
        if (!pruned) this.keep('launch_configuration', lc.name, owner);
        continue;
      }
      this.add({ action: 'delete', resource: 'launch_configuration', name: lc.name, group: owner, changes: [], op: { kind: 'deleteLaunchConfig', name: lc.name } });
    }
  }

  /** Launch templates named after managed groups that no group of the file uses. */
  pruneLaunchTemplates(): void {
    const owners = [
      ...this.desired.groups.map((g) => g.name),
      ...[...this.current.groups.values()].filter((g) => g.tags.some((t) => t.key === MANAGED_TAG)).map((g) => g.name),
    ];
    for (const t of this.current.launchTemplates.values()) {
      if (this.#claimedTemplates.has(t.name)) continue;
      const owner = owners.find((o) => launchTemplateName(o) === t.name);
      if (owner === undefined) continue;
      const inUse = [...this.current.groups.values()].some((g) => g.launchTemplate?.name === t.name && this.desired.groups.some((d) => d.name === g.name));
      if (inUse) continue;
      if (this.options.prune !== true) {
        if (this.desired.groups.some((g) => g.name === owner)) this.keep('launch_template', t.name, owner);
        continue;
      }
      this.add({ action: 'delete', resource: 'launch_template', name: t.name, group: owner, changes: [], op: { kind: 'deleteLaunchTemplate', name: t.name } });
    }
  }

  /** Load balancers autoscalectl created that the file no longer has. */
  pruneLoadBalancers(): void {
    const wanted = new Set(this.desired.loadBalancers.map((l) => l.name));
    const used = new Set(this.desired.groups.flatMap((g) => g.loadBalancers));
    for (const lb of this.current.loadBalancers.values()) {
      if (wanted.has(lb.name) || !lb.managed) continue;
      if (used.has(lb.name)) {
        this.warnings.push(`load balancer ${lb.name} is no longer in load_balancers but groups still use it: it is kept`);
        continue;
      }
      if (this.options.prune !== true) {
        this.keep('load_balancer', lb.name);
        continue;
      }
      this.add({ action: 'delete', resource: 'load_balancer', name: lb.name, changes: [], op: { kind: 'deleteLoadBalancer', name: lb.name } });
    }
  }
}

/** The actions that bring `current` to `desired`, in the order to apply them. Pure: reads nothing else. */
export function plan(current: CurrentState, desired: DesiredState, options: PlanOptions = {}): Plan {
  return new Planner(current, desired, options).plan();
}

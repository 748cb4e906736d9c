/**
 * Reading what exists with as few calls as AWS allows: describes batched by name as far
 * as each API takes names (100 groups, 50 launch configurations, 50 policies, 100 alarms
 * per call), pages of the largest size, and nothing read that cannot matter: policies and
 * scheduled actions and notification configurations only of groups that exist (they go
 * with their group), lifecycle hooks only of the file's groups that exist and have hooks
 * in the file (DescribeLifecycleHooks takes one group a call), a group's next
 * launch configuration only when its launch configuration changed. With `--prune`, and
 * for `plan`, everything of the account is listed instead, to find what the file no
 * longer has (to delete it, or to say that it is kept), and the hooks of every group of the
 * file that exists.
 *
 * @module
 */
import { launchConfigLookups } from '../plan/plan';
import { emptyState, stateKey, type CurrentState, type DesiredState } from '../model/types';
import type { Clients } from './clients';
import { alarmState, groupState, launchConfigState, launchTemplateState, lifecycleHookState, loadBalancerState, policyState, scheduledState } from './map';
import { launchTemplateName, MANAGED_TAG } from '../model/naming';
import type { LaunchTemplate } from '../../ec2';

/** Options of {@link readState}. */
export interface ReadOptions {
  /** List everything of the account (needed to prune, and for `plan` to say what is kept). */
  prune?: boolean;
  /** Aborts the reads. */
  signal?: AbortSignal;
  /** The plan's `--migrate` (which launch configurations matter depends on it). */
  migrate?: boolean;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

/** Every item of several named requests, run together. */
async function byNames<T>(names: readonly string[], size: number, fetch: (names: string[]) => AsyncIterable<T>): Promise<T[]> {
  const unique = [...new Set(names)];
  const parts = await Promise.all(chunks(unique, size).map((part) => collect(fetch(part))));
  return parts.flat();
}

/**
 * The launch templates named after the file's groups (and, to prune, every template: the
 * planner keeps those of managed groups). A name filter, unlike names, does not fail on
 * templates that do not exist.
 */
async function launchTemplates(clients: Clients, groupNames: readonly string[], prune: boolean, signal: AbortSignal | undefined): Promise<LaunchTemplate[]> {
  if (prune) return collect(clients.ec2.getAllLaunchTemplates({ maxResults: 200, signal }));
  const names = [...new Set(groupNames.map(launchTemplateName))];
  return byNames(names, 200, (part) => clients.ec2.getAllLaunchTemplates({ filters: { 'launch-template-name': part }, maxResults: 200, signal }));
}

/** What exists of what the file describes (and, with `prune`, everything else of the account). */
export async function readState(clients: Clients, desired: DesiredState, options: ReadOptions = {}): Promise<CurrentState> {
  const { autoscale, cloudwatch, elb } = clients;
  const signal = options.signal;
  const prune = options.prune === true;
  const state = emptyState();
  state.complete = prune;

  const groupNames = desired.groups.map((g) => g.name);
  const alarmNames = desired.groups.flatMap((g) => g.alarms.map((a) => a.name));
  const lbWanted = desired.loadBalancers.length > 0;

  // Round 1: groups, alarms, load balancers, the groups' launch templates (independent of each other).
  const [groups, alarms, lbs, templates] = await Promise.all([
    prune
      ? collect(autoscale.getAllGroups({ maxRecords: 100, signal }))
      : byNames(groupNames, 100, (names) => autoscale.getAllGroups({ names, maxRecords: 100, signal })),
    prune
      ? collect(cloudwatch.describeAlarms({ maxRecords: 100, signal }))
      : byNames(alarmNames, 100, (alarmNames) => cloudwatch.describeAlarms({ alarmNames, maxRecords: 100, signal })),
    prune || lbWanted ? collect(elb.getAllLoadBalancers({ pageSize: 400, signal })) : Promise.resolve([]),
    // Not for groups the file keeps on launch configurations.
    launchTemplates(clients, desired.groups.filter((g) => g.launch !== 'configuration').map((g) => g.name), prune, signal),
  ]);
  for (const g of groups) state.groups.set(g.name ?? '', groupState(g));
  for (const a of alarms) state.alarms.set(a.name ?? '', alarmState(a));

  // Round 2: launch configurations in use, versions of the launch templates found,
  // policies and scheduled actions of groups that exist, attributes of load balancers whose
  // attributes the file sets.
  const existing = desired.groups.filter((g) => state.groups.has(g.name));
  const inUse = existing.map((g) => state.groups.get(g.name)?.launchConfigName).filter((n): n is string => n !== undefined);
  const policyNames = existing.flatMap((g) => g.policies.map((p) => p.name));
  const wantsScheduled = existing.some((g) => g.scheduledActions.length > 0);
  const attributeNames = desired.loadBalancers
    .filter((l) => (l.crossZone !== undefined || l.connectionDraining !== undefined) && lbs.some((x) => x.name === l.name))
    .map((l) => l.name);
  const managed = groups.filter((g) => (g.tags ?? []).some((t) => t.key === MANAGED_TAG)).map((g) => g.name ?? '');
  const owners = new Set([...groupNames, ...managed].map(launchTemplateName));
  const ours = templates.filter((t) => owners.has(t.name ?? ''));
  // One call per group: with --prune (or for plan) every existing group of the file, else those the file gives hooks.
  const hookGroups = existing.filter((g) => prune || g.lifecycleHooks.length > 0).map((g) => g.name);
  const [launchConfigs, policies, scheduled, attributes, versions, notifications, hooks] = await Promise.all([
    prune
      ? collect(autoscale.getAllLaunchConfigurations({ maxRecords: 100, signal }))
      : byNames(inUse, 50, (names) => autoscale.getAllLaunchConfigurations({ names, maxRecords: 100, signal })),
    prune
      ? collect(autoscale.getAllPolicies({ maxRecords: 100, signal }))
      : byNames(policyNames, 50, (policyNames) => autoscale.getAllPolicies({ policyNames, maxRecords: 100, signal })),
    prune || wantsScheduled ? collect(autoscale.getAllScheduledActions({ maxRecords: 100, signal })) : Promise.resolve([]),
    Promise.all(attributeNames.map(async (name) => [name, await elb.getAllLbAttributes(name, { signal })] as const)),
    // The default version of every template of the account, in one paged call: EC2 takes
    // no list of templates here, and one call per template would not scale.
    ours.length > 0 ? collect(clients.ec2.getLaunchTemplateVersions(undefined, { versions: ['$Default'], maxResults: 200, signal })) : Promise.resolve([]),
    prune
      ? collect(autoscale.getAllNotificationConfigurations({ maxRecords: 100, signal }))
      : byNames(existing.map((g) => g.name), 100, (groupNames) => autoscale.getAllNotificationConfigurations({ groupNames, maxRecords: 100, signal })),
    Promise.all(hookGroups.map((group) => autoscale.getAllLifecycleHooks(group, { signal }))),
  ]);
  for (const h of hooks.flat()) {
    const hs = lifecycleHookState(h);
    state.lifecycleHooks.set(stateKey(hs.group, hs.name), hs);
  }
  for (const n of notifications) {
    const group = n.groupName ?? '';
    const topics = state.notifications.get(group) ?? new Map<string, string[]>();
    topics.set(n.topicArn ?? '', [...(topics.get(n.topicArn ?? '') ?? []), n.notificationType ?? '']);
    state.notifications.set(group, topics);
  }
  const defaults = new Map(versions.map((v) => [v.id ?? '', v]));
  for (const t of ours) state.launchTemplates.set(t.name ?? '', launchTemplateState(t, defaults.get(t.id ?? '')));
  for (const lc of launchConfigs) state.launchConfigs.set(lc.name ?? '', launchConfigState(lc));
  for (const p of policies) {
    const ps = policyState(p);
    if (state.groups.has(ps.group)) state.policies.set(stateKey(ps.group, ps.name), ps);
  }
  for (const s of scheduled) {
    const ss = scheduledState(s);
    state.scheduled.set(stateKey(ss.group, ss.name), ss);
  }
  const attributesOf = new Map(attributes);
  for (const lb of lbs) state.loadBalancers.set(lb.name ?? '', loadBalancerState(lb, attributesOf.get(lb.name ?? '')));

  // Round 3, only when a launch configuration changes: the next <group>-<n>, which an
  // interrupted apply may have left behind.
  const lookups = launchConfigLookups(state, desired, { migrate: options.migrate === true }).filter((n) => !state.launchConfigs.has(n));
  if (lookups.length > 0 && !prune) {
    const found = await byNames(lookups, 50, (names) => autoscale.getAllLaunchConfigurations({ names, maxRecords: 100, signal }));
    for (const lc of found) state.launchConfigs.set(lc.name ?? '', launchConfigState(lc));
  }
  return state;
}

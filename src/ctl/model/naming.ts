/**
 * The naming rules, kept from the original AutoScaleCTL so that a fleet it managed is
 * adopted without churn, and the marks by which autoscalectl recognises what it created.
 *
 * - launch templates: `<group>`; a changed launch setting becomes its next version, made
 *   the default (the group follows `$Default`); versions beyond the last 3 are deleted
 * - launch configurations (the original's, kept for groups still on them): `<group>-<n>`;
 *   a changed one becomes `<group>-<n+1>`
 * - scaling policies: `<group>|<policy>`
 * - alarms: `<group>|<policy>|<metric>`
 * - groups carry the tag `autoscalectl:managed`; load balancers carry an (unused) load
 *   balancer cookie policy named `autoscalectl-managed`, since botoscale's ELB API has no tags
 *
 * @module
 */

/** Tag on every group autoscalectl manages. */
export const MANAGED_TAG = 'autoscalectl:managed';
/** Tag remembering the `capacity` last applied from the file. */
export const CAPACITY_TAG = 'autoscalectl:capacity';
/** Tag remembering the `min_size` last applied, on groups whose scheduled actions change it. */
export const MIN_SIZE_TAG = 'autoscalectl:min_size';
/** Tag remembering the `max_size` last applied, on groups whose scheduled actions change it. */
export const MAX_SIZE_TAG = 'autoscalectl:max_size';
/** Tag remembering the notification topic last applied. */
export const NOTIFICATION_TAG = 'autoscalectl:notification_topic';
/** Tag keys autoscalectl writes itself. */
export const CTL_TAGS: readonly string[] = [MANAGED_TAG, CAPACITY_TAG, MIN_SIZE_TAG, MAX_SIZE_TAG, NOTIFICATION_TAG];
/** Tag key prefixes a configuration may not use. */
export const RESERVED_TAG_PREFIXES: readonly string[] = ['aws:', 'autoscalectl:'];
/** Name of the marker policy on load balancers autoscalectl created. */
export const LB_MARKER_POLICY = 'autoscalectl-managed';
/** Name of the stickiness policy autoscalectl sets on a load balancer's HTTP/HTTPS listeners. */
export const LB_STICKINESS_POLICY = 'autoscalectl-stickiness';

/** The events a group's notification topic hears about, as the original subscribed. */
export const NOTIFICATION_TYPES: readonly string[] = [
  'autoscaling:EC2_INSTANCE_LAUNCH',
  'autoscaling:EC2_INSTANCE_LAUNCH_ERROR',
  'autoscaling:EC2_INSTANCE_TERMINATE',
  'autoscaling:EC2_INSTANCE_TERMINATE_ERROR',
];

/** The dimension an alarm watches unless the file gives others. */
export const DEFAULT_DIMENSION = 'AutoScalingGroupName';
/** The statistic an alarm watches unless the file gives another. */
export const DEFAULT_STATISTIC = 'Average';
/** The namespace an alarm's metric is in unless the file gives another. */
export const DEFAULT_NAMESPACE = 'AWS/EC2';

/** How many versions of a group's launch template are kept (the newest ones). */
export const KEPT_TEMPLATE_VERSIONS = 3;

/** The launch template of a group: named after it. */
export function launchTemplateName(group: string): string {
  return group;
}

/** Whether EC2 takes the group's name as a launch template name (3 to 128 of `a-z A-Z 0-9 ( ) . - / _`). */
export function isValidTemplateName(name: string): boolean {
  return /^[a-zA-Z0-9().\-/_]{3,128}$/.test(name);
}

/** `<group>-<n>`. */
export function launchConfigName(group: string, n: number): string {
  return `${group}-${n}`;
}

/** The `n` of `<group>-<n>`, or `undefined` when `name` is not one of the group's launch configurations. */
export function launchConfigNumber(group: string, name: string | undefined): number | undefined {
  if (name === undefined || !name.startsWith(`${group}-`)) return undefined;
  const rest = name.slice(group.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** `<group>|<policy>`. */
export function policyName(group: string, policy: string): string {
  return `${group}|${policy}`;
}

/** The policy part of `<group>|<policy>`, or `undefined` when the name does not follow the rule for `group`. */
export function policyOf(group: string, name: string): string | undefined {
  const prefix = `${group}|`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return rest === '' || rest.includes('|') ? undefined : rest;
}

/** `<group>|<policy>|<metric>`. */
export function alarmName(group: string, policy: string, metric: string): string {
  return `${group}|${policy}|${metric}`;
}

/** Whether `name` follows the alarm naming rule for `group`. */
export function isAlarmOf(group: string, name: string): boolean {
  const prefix = `${group}|`;
  if (!name.startsWith(prefix)) return false;
  const parts = name.slice(prefix.length).split('|');
  return parts.length === 2 && parts.every((p) => p !== '');
}

/** Group names usable with the naming rules (room for `-<n>`, no `|`). */
export function isValidGroupName(name: string): boolean {
  return name.length >= 1 && name.length <= 240 && !name.includes('|');
}

/** Policy names usable with the naming rules (no `|`). */
export function isValidPolicyName(name: string): boolean {
  return name.length >= 1 && name.length <= 200 && !name.includes('|');
}

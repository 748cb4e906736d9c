/**
 * Field-by-field comparison of what the file wants with what exists, in the file's words.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { TRACKED_METRIC_TYPES } from '../model/desired';
import type {
  AlarmSettings, BlockDeviceSpec, LaunchConfigSpec, LaunchConfigState, LifecycleHookSpec, PolicySpec, PolicyState, ScheduledSpec,
} from '../model/types';
import type { FieldChange } from './types';

/** Whether two lists hold the same items, in any order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((x, i) => x === sb[i]);
}

/** Items of `a` not in `b`. */
export function minus(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => !b.includes(x));
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** How user data shows in a plan: its size and a short digest, never the script itself. */
export function userDataSummary(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const lines = text.split('\n').length;
  const digest = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
  return `${lines} line${lines === 1 ? '' : 's'}, sha256:${digest}`;
}

function blockDeviceText(devices: readonly BlockDeviceSpec[]): string[] {
  return [...devices].sort((a, b) => a.deviceName.localeCompare(b.deviceName)).map((d) => {
    const parts = Object.entries(d).filter(([k, v]) => k !== 'deviceName' && v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
    return parts.length === 0 ? d.deviceName : `${d.deviceName} (${parts.join(', ')})`;
  });
}

/** Whether the existing devices have every device and every field the file gives (AWS fills in defaults for the rest). */
function sameDevices(want: readonly BlockDeviceSpec[], have: readonly BlockDeviceSpec[]): boolean {
  if (want.length !== have.length) return false;
  return want.every((w) => {
    const h = have.find((x) => x.deviceName === w.deviceName);
    if (h === undefined) return false;
    return (Object.keys(w) as (keyof BlockDeviceSpec)[]).every((k) => w[k] === undefined || w[k] === h[k]);
  });
}

/** What differs between a launch configuration and what the file wants (empty when it launches the same thing). */
export function launchConfigChanges(have: LaunchConfigState | undefined, want: LaunchConfigSpec): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: string, old: unknown, now: unknown): void => {
    out.push({ field, old, new: now });
  };
  if (have?.imageId !== want.imageId) add('ami', have?.imageId, want.imageId);
  if (have?.instanceType !== want.instanceType) add('instance_type', have?.instanceType, want.instanceType);
  if ((have?.keyName ?? undefined) !== want.keyName) add('ssh_key', have?.keyName, want.keyName);
  if (have === undefined ? want.securityGroups.length > 0 : !sameSet(have.securityGroups, want.securityGroups)) {
    add('security_groups', have?.securityGroups, want.securityGroups);
  }
  if ((have?.userData || undefined) !== (want.userData || undefined)) add('user_data', userDataSummary(have?.userData), userDataSummary(want.userData));
  if (have?.spotPrice !== want.spotPrice) add('spot_price', have?.spotPrice, want.spotPrice);
  if (have === undefined ? want.instanceMonitoring : have.instanceMonitoring !== want.instanceMonitoring) {
    add('instance_monitoring', have?.instanceMonitoring, want.instanceMonitoring);
  }
  if (have === undefined ? want.blockDevices.length > 0 : !sameDevices(want.blockDevices, have.blockDevices)) {
    add('block_devices', have === undefined ? undefined : blockDeviceText(have.blockDevices), blockDeviceText(want.blockDevices));
  }
  if ((have?.iamInstanceProfile ?? undefined) !== want.iamInstanceProfile) add('iam_instance_profile', have?.iamInstanceProfile, want.iamInstanceProfile);
  return out;
}

/** The file's `type` of a policy: its adjustment type when simple, else `Step` or `TargetTracking`. */
function fileType(p: PolicySpec | undefined): string | undefined {
  if (p === undefined) return undefined;
  if (p.policyType === 'StepScaling') return 'Step';
  if (p.policyType === 'TargetTrackingScaling') return 'TargetTracking';
  return p.adjustmentType;
}

/** A value as text that does not depend on key order, for comparing nested settings. */
function canonical(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}

/** A policy's steps as the file writes them (`{lower, upper, adjustment}`). */
function fileSteps(p: PolicySpec | undefined): Array<Record<string, number>> | undefined {
  return p?.steps?.map((st) => Object.fromEntries(Object.entries({ lower: st.lowerBound, upper: st.upperBound, adjustment: st.scalingAdjustment })
    .filter((e): e is [string, number] => e[1] !== undefined)));
}

/** A target-tracking policy's metric as the file writes it: `cpu`, or `{name, namespace, statistic, ...}`. */
function fileMetric(p: PolicySpec | undefined): unknown {
  const t = p?.tracking;
  if (t?.predefinedMetric !== undefined) {
    const short = Object.entries(TRACKED_METRIC_TYPES).find(([, type]) => type === t.predefinedMetric?.type)?.[0] ?? t.predefinedMetric.type;
    return t.predefinedMetric.resourceLabel === undefined ? short : `${short} (${t.predefinedMetric.resourceLabel})`;
  }
  const c = t?.customizedMetric;
  if (c === undefined) return undefined;
  return Object.fromEntries(Object.entries({ name: c.metricName, namespace: c.namespace, statistic: c.statistic, dimensions: c.dimensions, unit: c.unit }).filter(([, v]) => v !== undefined));
}

function sortedSteps(p: PolicySpec | undefined): string | undefined {
  return canonical(p?.steps === undefined ? undefined : [...p.steps].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity)));
}

/** What differs in a scaling policy. */
export function policyChanges(have: PolicyState | undefined, want: PolicySpec): FieldChange[] {
  const out: FieldChange[] = [];
  const field = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push({ field: name, old: a, new: b });
  };
  field('type', fileType(have), fileType(want));
  if (want.policyType === 'StepScaling') field('adjustment_type', have?.adjustmentType, want.adjustmentType);
  field('adjustment', have?.scalingAdjustment, want.scalingAdjustment);
  if (want.cooldown !== undefined) field('cooldown', have?.cooldown, want.cooldown);
  field('min_adjustment_step', have?.minAdjustmentStep, want.minAdjustmentStep);
  if (sortedSteps(have) !== sortedSteps(want)) out.push({ field: 'steps', old: fileSteps(have), new: fileSteps(want) });
  field('aggregation', have?.aggregation, want.aggregation);
  if (want.warmup !== undefined) field('warmup', have?.warmup, want.warmup);
  const t = have?.tracking;
  const w = want.tracking;
  field('target', t?.targetValue, w?.targetValue);
  if (canonical(t?.predefinedMetric ?? t?.customizedMetric) !== canonical(w?.predefinedMetric ?? w?.customizedMetric)) {
    out.push({ field: 'metric', old: fileMetric(have), new: fileMetric(want) });
  }
  field('disable_scale_in', t?.disableScaleIn, w?.disableScaleIn);
  return out;
}

/** What differs in an alarm's settings (its action is compared by the planner, which knows the policy ARN). */
export function alarmChanges(have: AlarmSettings | undefined, want: AlarmSettings): FieldChange[] {
  const out: FieldChange[] = [];
  const field = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push({ field: name, old: a, new: b });
  };
  field('metric', have?.metric, want.metric);
  field('namespace', have?.namespace, want.namespace);
  field('statistic', have?.statistic, want.statistic);
  field('period', have?.period, want.period);
  field('evaluation_periods', have?.evaluationPeriods, want.evaluationPeriods);
  field('threshold', have?.threshold, want.threshold);
  field('comparison', have?.comparison, want.comparison);
  if (have === undefined || !sameRecord(have.dimensions, want.dimensions)) out.push({ field: 'dimensions', old: have?.dimensions, new: want.dimensions });
  field('unit', have?.unit, want.unit);
  if (want.datapointsToAlarm !== undefined) field('datapoints_to_alarm', have?.datapointsToAlarm, want.datapointsToAlarm);
  if (want.treatMissingData !== undefined) field('treat_missing_data', have?.treatMissingData, want.treatMissingData);
  return out;
}

/** What differs in a scheduled action. */
export function scheduledChanges(have: ScheduledSpec | undefined, want: ScheduledSpec): FieldChange[] {
  const out: FieldChange[] = [];
  const field = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push({ field: name, old: a, new: b });
  };
  field('recurrence', have?.recurrence, want.recurrence);
  // AWS moves a recurring action's start time to its next run, so it is compared only
  // for one-off actions.
  if (want.recurrence === undefined || have === undefined) field('start_time', have?.startTime, want.startTime);
  field('end_time', have?.endTime, want.endTime);
  field('min_size', have?.minSize, want.minSize);
  field('max_size', have?.maxSize, want.maxSize);
  field('capacity', have?.desiredCapacity, want.desiredCapacity);
  return out;
}

/** A hook's transition as the file's short form writes it: `launching` or `terminating`. */
export function hookTransition(transition: string | undefined): string | undefined {
  return transition?.replace('autoscaling:EC2_INSTANCE_', '').toLowerCase();
}

/** What differs in a lifecycle hook, by the file's keys. */
export function lifecycleHookChanges(have: LifecycleHookSpec | undefined, want: LifecycleHookSpec): FieldChange[] {
  const out: FieldChange[] = [];
  const field = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push({ field: name, old: a, new: b });
  };
  field('transition', hookTransition(have?.transition), hookTransition(want.transition));
  field('heartbeat_timeout', have?.heartbeatTimeout, want.heartbeatTimeout);
  field('default_result', have?.defaultResult, want.defaultResult);
  field('notification_target_arn', have?.notificationTargetArn, want.notificationTargetArn);
  field('role_arn', have?.roleArn, want.roleArn);
  field('notification_metadata', have?.notificationMetadata, want.notificationMetadata);
  return out;
}

/**
 * Whether a hook must be deleted and put again to become `want`: PutLifecycleHook keeps a
 * member it is not given, and AWS takes no empty role ARN or metadata (both 1 to n
 * characters), so only a new hook loses them. (An empty notification target ARN does clear
 * the target: its shape takes 0 characters.)
 */
export function lifecycleHookNeedsReplace(have: LifecycleHookSpec, want: LifecycleHookSpec): boolean {
  return (have.roleArn !== undefined && want.roleArn === undefined) || (have.notificationMetadata !== undefined && want.notificationMetadata === undefined);
}

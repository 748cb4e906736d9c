/**
 * The configuration file's schema (zod): every key the original AutoScaleCTL read, with
 * its meaning unchanged, plus the optional extensions. Unknown keys are errors.
 *
 * Cross-field rules (sizes, references between sections, duplicate alarm names) are in
 * `semantic.ts`, which runs even where this schema already failed, so that one run
 * reports every error of the file.
 *
 * @module
 */
import { z } from 'zod';
import {
  ADJUSTMENT_TYPES, ALARM_PERIODS_TEXT, HEALTH_CHECK_TYPES, HEARTBEAT_TIMEOUT, LIFECYCLE_ACTION_RESULTS, LIFECYCLE_TRANSITIONS, LISTENER_PROTOCOLS, MAX_INSTANCE_TYPES,
  MAX_LIFECYCLE_HOOKS, METRIC_AGGREGATION_TYPES, MIXED_INSTANCES_LIMITS, SPOT_ALLOCATION_STRATEGIES, TERMINATION_POLICIES,
} from '../../core/rules/aws-rules';
import { AUTOSCALING, CLOUDWATCH } from '../../core/rules/generated';
import { TREAT_MISSING_DATA } from '../../cloudwatch';
import { durationSeconds, isValidPeriod } from './durations';

/** Comparison operators an alarm accepts, by the original's symbol or CloudWatch's name. */
export const COMPARISONS: Readonly<Record<string, string>> = {
  '>': 'GreaterThanThreshold',
  '>=': 'GreaterThanOrEqualToThreshold',
  '<': 'LessThanThreshold',
  '<=': 'LessThanOrEqualToThreshold',
  GreaterThanThreshold: 'GreaterThanThreshold',
  GreaterThanOrEqualToThreshold: 'GreaterThanOrEqualToThreshold',
  LessThanThreshold: 'LessThanThreshold',
  LessThanOrEqualToThreshold: 'LessThanOrEqualToThreshold',
};

/** Scaling policy adjustment types. */
export { ADJUSTMENT_TYPES };
/** CloudWatch statistics an alarm can watch. */
export const STATISTICS = CLOUDWATCH.Statistic.enum;
/** CloudWatch's standard units. */
export const UNITS = CLOUDWATCH.StandardUnit.enum;
/** Where a group's instance health comes from. */
export { HEALTH_CHECK_TYPES };
/** Termination policies a group accepts. */
export { TERMINATION_POLICIES };
/** How a group launches (`launch`): a launch template named after it, or launch configurations `<group>-<n>`. */
export const LAUNCH_MODES = ['template', 'configuration'] as const;
/** Load balancer schemes. */
export const SCHEMES = ['internet-facing', 'internal'] as const;
/** Listener protocols. */
export const PROTOCOLS = LISTENER_PROTOCOLS;

const name = z.string().min(1, { error: 'must not be empty' });
const nonNegativeInt = z.number().int().min(0);
const positiveInt = z.number().int().min(1);

/** A duration: seconds, or a string such as `90s`, `5m`, `1h`. */
const duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const seconds = durationSeconds(value);
  if (seconds === undefined) {
    ctx.issues.push({ code: 'custom', input: value, message: `must be a duration: seconds (300) or a string such as "90s", "5m", "1h"; got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return seconds;
});

/** An alarm period: a duration CloudWatch accepts (10, 20, 30 s or a multiple of 60 s; the evaluation span is checked in semantic.ts). */
const period = duration.check((ctx) => {
  if (!isValidPeriod(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be ${ALARM_PERIODS_TEXT}; got ${ctx.value}` });
  }
});

/** A string, or a list of strings joined with newlines (the original's list-form `user_data`). */
const userData = z.union([z.string(), z.array(z.string())], { error: 'must be a string or a list of strings' })
  .transform((v) => (typeof v === 'string' ? v : v.join('\n')));

/** One name, or a list of names. */
const nameList = z.union([name, z.array(name)], { error: 'must be a string or a list of strings' })
  .transform((v) => (typeof v === 'string' ? [v] : v));

/** A comma-separated string or a list (subnets). */
const commaList = z.union([z.string(), z.array(name)], { error: 'must be a comma-separated string or a list of strings' })
  .transform((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : v));

/** A number, or a numeric string (`"0.05"`). */
const numeric = z.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, { error: 'must be a number' })], { error: 'must be a number' })
  .transform((v) => Number(v));

/** Policy types beyond simple scaling (whose `type` is its adjustment type). */
export const POLICY_KINDS = ['Step', 'TargetTracking'] as const;
/** A policy's `type`: a simple policy's adjustment type, `Step` or `TargetTracking`. */
export const POLICY_TYPES = [...ADJUSTMENT_TYPES, ...POLICY_KINDS] as const;
/** A target-tracking policy's predefined metrics, by the file's short name. */
export const TRACKED_METRICS = ['cpu', 'network_in', 'network_out', 'requests_per_target'] as const;

/** One step of a step policy: bounds relative to the alarm's threshold, and the adjustment. */
const stepSchema = z.strictObject({
  lower: z.number().optional(),
  upper: z.number().optional(),
  adjustment: z.number().int(),
});

/** A metric of your own for a target-tracking policy. */
const customMetricSchema = z.strictObject({
  name,
  namespace: name,
  statistic: z.enum(AUTOSCALING.MetricStatistic.enum),
  dimensions: z.record(z.string(), z.union([z.string(), z.number()], { error: 'must be a string' }).transform(String)).optional(),
  unit: z.enum(UNITS).optional(),
});

/**
 * A scaling policy (`policies` at the top level or in a group): a simple one (`type` is its
 * adjustment type), `Step` or `TargetTracking`. Which keys go with which type is checked in
 * `semantic.ts`.
 */
export const policySchema = z.strictObject({
  type: z.enum(POLICY_TYPES),
  adjustment: z.number().int().optional(),
  cooldown: duration.optional(),
  min_adjustment_step: positiveInt.optional(),
  adjustment_type: z.enum(ADJUSTMENT_TYPES).optional(),
  steps: z.array(stepSchema).min(1).optional(),
  aggregation: z.enum(METRIC_AGGREGATION_TYPES).optional(),
  warmup: duration.optional(),
  target: numeric.optional(),
  // A string is one of the short names; a map is a custom metric (each reports its own errors).
  metric: z.union([z.string().pipe(z.enum(TRACKED_METRICS)), customMetricSchema], { error: `must be one of ${TRACKED_METRICS.join(', ')} or { name, namespace, statistic, dimensions, unit }` }).optional(),
  resource_label: name.optional(),
  disable_scale_in: z.boolean().optional(),
});

/** A CloudWatch alarm that runs one of the group's policies. */
export const alarmSchema = z.strictObject({
  metric: name,
  policy: name,
  comparison: z.string().refine((c) => COMPARISONS[c] !== undefined, {
    error: `must be one of >, >=, <, <= or ${[...new Set(Object.values(COMPARISONS))].join(', ')}`,
  }).transform((c) => COMPARISONS[c] as string),
  threshold: numeric,
  period: period.optional(),
  evaluation_periods: positiveInt.optional(),
  namespace: name.optional(),
  statistic: z.enum(STATISTICS).optional(),
  unit: z.enum(UNITS).optional(),
  dimensions: z.record(z.string(), z.union([z.string(), z.number()], { error: 'must be a string' }).transform(String)).optional(),
  datapoints_to_alarm: positiveInt.optional(),
  treat_missing_data: z.enum(TREAT_MISSING_DATA).optional(),
});

/**
 * A group's alarms: the original's map from an alarm's key (`cpu_high`, `cpu_low`) to its
 * settings, or a list. The key only names the entry in the file: AWS's alarm name follows
 * the naming rule (`<group>|<policy>|<metric>`) either way.
 */
const alarmsSchema = z.union([z.array(alarmSchema), z.record(z.string(), alarmSchema)], { error: 'must be a map of alarms by key (cpu_high: {...}) or a list of alarms' })
  .transform((v) => (Array.isArray(v) ? v : Object.values(v)));

/** A tag value: a scalar, or `{ value, propagate_at_launch }`. */
const tagValue = z.union([
  z.union([z.string(), z.number(), z.boolean()]).transform((v) => ({ value: String(v), propagate_at_launch: undefined })),
  z.strictObject({ value: z.union([z.string(), z.number(), z.boolean()]).transform(String), propagate_at_launch: z.boolean().optional() }),
], { error: 'must be a value, or { value, propagate_at_launch }' });

/** An EBS volume or instance store device of a launch configuration, keyed by device name. */
export const blockDeviceSchema = z.strictObject({
  virtual_name: name.optional(),
  snapshot_id: name.optional(),
  volume_size: positiveInt.optional(),
  volume_type: name.optional(),
  delete_on_termination: z.boolean().optional(),
  iops: positiveInt.optional(),
  encrypted: z.boolean().optional(),
  no_device: z.boolean().optional(),
});

/** A scheduled change of a group's sizes. */
export const scheduledActionSchema = z.strictObject({
  recurrence: name.optional(),
  start_time: z.union([z.string(), z.date()]).optional(),
  end_time: z.union([z.string(), z.date()]).optional(),
  min_size: nonNegativeInt.optional(),
  max_size: nonNegativeInt.optional(),
  capacity: nonNegativeInt.optional(),
});

/**
 * A lifecycle hook's `transition`: AWS's name, or the short `launching` / `terminating`
 * (the part of AWS's name that differs), each standing for AWS's.
 */
const HOOK_TRANSITIONS: Readonly<Record<string, (typeof LIFECYCLE_TRANSITIONS)[number]>> = Object.fromEntries(
  LIFECYCLE_TRANSITIONS.flatMap((t) => [[t, t], [t.replace('autoscaling:EC2_INSTANCE_', '').toLowerCase(), t]]),
);

const hookName = AUTOSCALING.AsciiStringMaxLen255;
const hookTarget = AUTOSCALING.NotificationTargetResourceName;
const hookRole = AUTOSCALING.XmlStringMaxLen255;
const hookMetadata = AUTOSCALING.AnyPrintableAsciiStringMaxLen4000;

/** A text of `min` to `max` characters (a model's length constraint). */
function text(c: { min: number; max: number }): z.ZodString {
  return z.string().min(c.min).max(c.max);
}

/** A lifecycle hook of a group (PutLifecycleHook's members; constraints from the rules modules). */
export const lifecycleHookSchema = z.strictObject({
  name: text(hookName).regex(new RegExp(`^(?:${hookName.pattern})$`), { error: 'must be letters, digits, -, _ and / only' }),
  transition: z.string().refine((t) => HOOK_TRANSITIONS[t] !== undefined, {
    error: `must be ${Object.keys(HOOK_TRANSITIONS).filter((t) => !t.includes(':')).join(' or ')} (or AWS's ${LIFECYCLE_TRANSITIONS.join(', ')})`,
  }).transform((t) => HOOK_TRANSITIONS[t] as string),
  heartbeat_timeout: duration.check((ctx) => {
    if (ctx.value < HEARTBEAT_TIMEOUT.min || ctx.value > HEARTBEAT_TIMEOUT.max) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be from ${HEARTBEAT_TIMEOUT.min} to ${HEARTBEAT_TIMEOUT.max} seconds; got ${ctx.value}` });
    }
  }).optional(),
  default_result: z.enum(LIFECYCLE_ACTION_RESULTS).optional(),
  notification_target_arn: text(hookTarget).optional(),
  role_arn: text(hookRole).optional(),
  notification_metadata: text(hookMetadata).regex(new RegExp(`^(?:${hookMetadata.pattern})$`), { error: 'must be printable ASCII (tabs and line breaks allowed)' }).optional(),
});

/** One of a group's spot instance types: a type, or `{ type, weight }` (capacity units, 1 to 999, as AWS's WeightedCapacity). */
const spotInstanceType = z.union([
  name.transform((type) => ({ type, weight: undefined as number | undefined })),
  z.strictObject({ type: name, weight: z.number().int().min(MIXED_INSTANCES_LIMITS.weightedCapacity.min).max(MIXED_INSTANCES_LIMITS.weightedCapacity.max).optional() }),
], { error: 'must be an instance type, or { type, weight }' });

/**
 * A group's spot settings: its mixed instances policy on the group's launch template, and
 * capacity rebalancing. Ranges are AWS's (InstancesDistribution and LaunchTemplateOverrides,
 * Amazon EC2 Auto Scaling API Reference); the strategies are botoscale's list of AWS's.
 */
export const spotSchema = z.strictObject({
  on_demand_base: nonNegativeInt.optional(),
  on_demand_percentage: z.number().int().min(MIXED_INSTANCES_LIMITS.onDemandPercentage.min).max(MIXED_INSTANCES_LIMITS.onDemandPercentage.max).optional(),
  instance_types: z.array(spotInstanceType).min(1).max(MAX_INSTANCE_TYPES).optional(),
  allocation: z.enum(SPOT_ALLOCATION_STRATEGIES).optional(),
  max_price: numeric.refine((n) => n >= MIXED_INSTANCES_LIMITS.minSpotPrice, { error: `must be at least ${MIXED_INSTANCES_LIMITS.minSpotPrice} (US dollars per hour)` }).optional(),
  capacity_rebalance: z.boolean().optional(),
});

/** An Auto Scaling group and its launch configuration, policies and alarms. */
export const groupSchema = z.strictObject({
  min_size: nonNegativeInt,
  max_size: nonNegativeInt,
  capacity: nonNegativeInt.optional(),
  ami: name,
  zones: nameList.optional(),
  vpc_zone_identifier: commaList.optional(),
  ssh_key: name.optional(),
  security_group: name.optional(),
  security_groups: z.array(name).optional(),
  instance_type: name.optional(),
  tags: z.record(z.string(), tagValue).optional(),
  alarms: alarmsSchema.optional(),
  policies: z.record(z.string(), policySchema).optional(),
  user_data: userData.optional(),
  notification_topic: z.union([name, z.null()]).optional(),
  load_balancers: z.array(name).optional(),
  health_check_type: z.enum(HEALTH_CHECK_TYPES).optional(),
  health_check_period: duration.optional(),
  default_cooldown: duration.optional(),
  termination_policies: z.array(z.enum(TERMINATION_POLICIES)).optional(),
  spot_price: numeric.optional(),
  instance_monitoring: z.boolean().optional(),
  block_devices: z.record(z.string(), blockDeviceSchema).optional(),
  iam_instance_profile: name.optional(),
  scheduled_actions: z.record(z.string(), scheduledActionSchema).optional(),
  launch: z.enum(LAUNCH_MODES).optional(),
  spot: spotSchema.optional(),
  lifecycle_hooks: z.array(lifecycleHookSchema).max(MAX_LIFECYCLE_HOOKS).optional(),
});

/** A listener: `[lb_port, instance_port, protocol]` (plus a certificate for HTTPS/SSL), or an object. */
const listenerSchema = z.union([
  z.tuple([positiveInt, positiveInt, z.string()]).rest(z.string()),
  z.strictObject({
    load_balancer_port: positiveInt,
    instance_port: positiveInt,
    protocol: z.string(),
    instance_protocol: z.string().optional(),
    ssl_certificate_id: name.optional(),
  }),
], { error: 'must be [load_balancer_port, instance_port, protocol] or { load_balancer_port, instance_port, protocol }' });

/** A classic load balancer's health check. */
const healthCheckSchema = z.strictObject({
  target: name,
  interval: duration.optional(),
  timeout: duration.optional(),
  healthy_threshold: positiveInt.optional(),
  unhealthy_threshold: positiveInt.optional(),
});

/** Cookie stickiness on the HTTP and HTTPS listeners: load balancer or application cookies. */
const stickinessSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('lb'), expiration: duration.optional() }),
  z.strictObject({ type: z.literal('app'), cookie_name: name }),
]);

/** A classic load balancer managed by autoscalectl. */
export const loadBalancerSchema = z.strictObject({
  listeners: z.array(listenerSchema).min(1, { error: 'needs at least one listener' }),
  zones: nameList.optional(),
  subnets: commaList.optional(),
  security_groups: z.array(name).optional(),
  scheme: z.enum(SCHEMES).optional(),
  health_check: healthCheckSchema.optional(),
  cookie_stickiness: stickinessSchema.optional(),
  cross_zone: z.boolean().optional(),
  connection_draining: z.union([
    z.boolean().transform((enabled) => ({ enabled, timeout: undefined })),
    duration.transform((timeout) => ({ enabled: true, timeout })),
    z.strictObject({ enabled: z.boolean(), timeout: duration.optional() }),
  ], { error: 'must be true, false, a timeout, or { enabled, timeout }' }).optional(),
});

/** The whole file. */
export const configSchema = z.strictObject({
  region: name.optional(),
  groups: z.record(z.string(), groupSchema),
  notification_topic: name.optional(),
  policies: z.record(z.string(), policySchema).optional(),
  user_data: userData.optional(),
  load_balancers: z.record(z.string(), loadBalancerSchema).optional(),
  launch: z.enum(LAUNCH_MODES).optional(),
});

/** The file as the schema reads it (durations in seconds, lists normalised). */
export type RawConfig = z.output<typeof configSchema>;
/** One group as the schema reads it. */
export type RawGroup = z.output<typeof groupSchema>;
/** One policy as the schema reads it. */
export type RawPolicy = z.output<typeof policySchema>;
/** One alarm as the schema reads it. */
export type RawAlarm = z.output<typeof alarmSchema>;
/** One lifecycle hook as the schema reads it. */
export type RawLifecycleHook = z.output<typeof lifecycleHookSchema>;
/** A group's spot settings as the schema reads them. */
export type RawSpot = z.output<typeof spotSchema>;
/** One load balancer as the schema reads it. */
export type RawLoadBalancer = z.output<typeof loadBalancerSchema>;

/** The keys each kind of section accepts, for "did you mean" hints. */
export const SECTION_KEYS = {
  top: Object.keys(configSchema.shape),
  group: Object.keys(groupSchema.shape),
  policy: Object.keys(policySchema.shape),
  step: Object.keys(stepSchema.shape),
  customMetric: Object.keys(customMetricSchema.shape),
  alarm: Object.keys(alarmSchema.shape),
  blockDevice: Object.keys(blockDeviceSchema.shape),
  scheduledAction: Object.keys(scheduledActionSchema.shape),
  lifecycleHook: Object.keys(lifecycleHookSchema.shape),
  spot: Object.keys(spotSchema.shape),
  loadBalancer: Object.keys(loadBalancerSchema.shape),
  healthCheck: Object.keys(healthCheckSchema.shape),
  tag: ['value', 'propagate_at_launch'],
  listener: ['load_balancer_port', 'instance_port', 'protocol', 'instance_protocol', 'ssl_certificate_id'],
  stickiness: ['type', 'expiration', 'cookie_name'],
  draining: ['enabled', 'timeout'],
} as const;

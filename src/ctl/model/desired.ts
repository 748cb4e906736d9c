/**
 * From the file to the desired model: the original's defaults (top-level `policies`,
 * `user_data` and `notification_topic` apply to every group unless the group has its own),
 * the naming rules, and AWS's defaults where the file says nothing.
 *
 * @module
 */
import type { TargetTrackingConfiguration } from '../../autoscale';
import type { RawAlarm, RawConfig, RawGroup, RawLifecycleHook, RawLoadBalancer, RawPolicy, RawSpot } from '../config/schema';
import { DEFAULT_LIFECYCLE_RESULT, HEARTBEAT_TIMEOUT } from '../../core/rules/aws-rules';
import { alarmName, DEFAULT_DIMENSION, DEFAULT_NAMESPACE, DEFAULT_STATISTIC, policyName } from './naming';
import type {
  AlarmSpec, BlockDeviceSpec, DesiredState, GroupSpec, HealthCheckSpec, LifecycleHookSpec, ListenerSpec, LoadBalancerSpec, PolicySpec, ScheduledSpec, SpotSpec, TagSpec,
} from './types';

/** boto2's default instance type, which the original relied on. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';
/** Alarm period when the file gives none (seconds). */
export const DEFAULT_PERIOD = 300;
/** CloudWatch's defaults for a classic load balancer's health check. */
export const DEFAULT_HEALTH_CHECK = { interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2 } as const;

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** The file's short metric names, and the predefined metric each one is. */
export const TRACKED_METRIC_TYPES: Readonly<Record<string, string>> = {
  cpu: 'ASGAverageCPUUtilization',
  network_in: 'ASGAverageNetworkIn',
  network_out: 'ASGAverageNetworkOut',
  requests_per_target: 'ALBRequestCountPerTarget',
};

function tracking(p: RawPolicy): TargetTrackingConfiguration {
  const m = p.metric;
  const out: TargetTrackingConfiguration = { targetValue: p.target as number };
  if (typeof m === 'string') {
    out.predefinedMetric = defined({ type: TRACKED_METRIC_TYPES[m] as string, resourceLabel: p.resource_label });
  } else if (m !== undefined) {
    out.customizedMetric = defined({ metricName: m.name, namespace: m.namespace, statistic: m.statistic, dimensions: m.dimensions, unit: m.unit });
  }
  out.disableScaleIn = p.disable_scale_in ?? false;
  return out;
}

function policy(group: string, short: string, p: RawPolicy): PolicySpec {
  const base = { name: policyName(group, short), shortName: short, group };
  if (p.type === 'TargetTracking') {
    return defined({ ...base, policyType: 'TargetTrackingScaling' as const, adjustmentType: '', warmup: p.warmup, tracking: tracking(p) });
  }
  if (p.type === 'Step') {
    return defined({
      ...base,
      policyType: 'StepScaling' as const,
      adjustmentType: p.adjustment_type ?? 'ChangeInCapacity',
      minAdjustmentStep: p.min_adjustment_step,
      steps: (p.steps ?? []).map((st) => defined({ lowerBound: st.lower, upperBound: st.upper, scalingAdjustment: st.adjustment })),
      aggregation: p.aggregation ?? 'Average',
      warmup: p.warmup,
    });
  }
  return defined({ ...base, adjustmentType: p.type, scalingAdjustment: p.adjustment, cooldown: p.cooldown, minAdjustmentStep: p.min_adjustment_step });
}

function policies(group: string, top: Record<string, RawPolicy> | undefined, own: Record<string, RawPolicy> | undefined): PolicySpec[] {
  const merged = { ...(top ?? {}), ...(own ?? {}) };
  return Object.entries(merged).map(([short, p]) => policy(group, short, p));
}

function alarm(group: string, a: RawAlarm): AlarmSpec {
  return defined({
    name: alarmName(group, a.policy, a.metric),
    group,
    policy: policyName(group, a.policy),
    metric: a.metric,
    namespace: a.namespace ?? DEFAULT_NAMESPACE,
    statistic: a.statistic ?? DEFAULT_STATISTIC,
    period: a.period ?? DEFAULT_PERIOD,
    evaluationPeriods: a.evaluation_periods ?? 1,
    threshold: a.threshold,
    comparison: a.comparison,
    dimensions: a.dimensions ?? { [DEFAULT_DIMENSION]: group },
    unit: a.unit,
    datapointsToAlarm: a.datapoints_to_alarm,
    treatMissingData: a.treat_missing_data,
  });
}

/** autoscalectl's spot defaults: all spot above the base, AWS's recommended strategy. */
export const SPOT_DEFAULTS = { onDemandBase: 0, onDemandPercentage: 0, allocation: 'price-capacity-optimized' } as const;

function spot(s: RawSpot, instanceType: string): SpotSpec {
  return defined({
    onDemandBase: s.on_demand_base ?? SPOT_DEFAULTS.onDemandBase,
    onDemandPercentage: s.on_demand_percentage ?? SPOT_DEFAULTS.onDemandPercentage,
    instanceTypes: (s.instance_types ?? [{ type: instanceType, weight: undefined }]).map((t) => defined({ ...t })),
    allocation: s.allocation ?? SPOT_DEFAULTS.allocation,
    maxPrice: s.max_price,
  });
}

/** A lifecycle hook, with AWS's defaults where the file gives none (so that they compare with what AWS describes). */
function lifecycleHook(group: string, h: RawLifecycleHook): LifecycleHookSpec {
  return defined({
    name: h.name,
    group,
    transition: h.transition,
    heartbeatTimeout: h.heartbeat_timeout ?? HEARTBEAT_TIMEOUT.default,
    defaultResult: h.default_result ?? DEFAULT_LIFECYCLE_RESULT,
    notificationTargetArn: h.notification_target_arn === '' ? undefined : h.notification_target_arn,
    roleArn: h.role_arn,
    notificationMetadata: h.notification_metadata,
  });
}

function isoTime(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function group(name: string, g: RawGroup, raw: RawConfig): GroupSpec {
  const tags: TagSpec[] = Object.entries(g.tags ?? {}).map(([key, t]) => ({ key, value: t.value, propagateAtLaunch: t.propagate_at_launch ?? false }));
  const blockDevices: BlockDeviceSpec[] = Object.entries(g.block_devices ?? {}).map(([deviceName, b]) => defined({
    deviceName,
    virtualName: b.virtual_name,
    snapshotId: b.snapshot_id,
    volumeSize: b.volume_size,
    volumeType: b.volume_type,
    deleteOnTermination: b.delete_on_termination,
    iops: b.iops,
    encrypted: b.encrypted,
    noDevice: b.no_device,
  }));
  const scheduledActions: ScheduledSpec[] = Object.entries(g.scheduled_actions ?? {}).map(([action, s]) => defined({
    name: action,
    group: name,
    recurrence: s.recurrence,
    startTime: isoTime(s.start_time),
    endTime: isoTime(s.end_time),
    minSize: s.min_size,
    maxSize: s.max_size,
    desiredCapacity: s.capacity,
  }));
  const topic = g.notification_topic === null ? undefined : g.notification_topic ?? raw.notification_topic;
  const securityGroups = g.security_groups ?? (g.security_group === undefined ? [] : [g.security_group]);
  const instanceType = g.instance_type ?? DEFAULT_INSTANCE_TYPE;
  return defined({
    name,
    minSize: g.min_size,
    maxSize: g.max_size,
    capacity: g.capacity,
    launchConfig: defined({
      imageId: g.ami,
      keyName: g.ssh_key,
      securityGroups,
      instanceType,
      userData: g.user_data ?? raw.user_data,
      spotPrice: g.spot_price,
      instanceMonitoring: g.instance_monitoring ?? false,
      blockDevices,
      iamInstanceProfile: g.iam_instance_profile,
    }),
    launch: g.launch ?? raw.launch,
    zones: g.zones ?? [],
    subnets: g.vpc_zone_identifier ?? [],
    loadBalancers: g.load_balancers ?? [],
    healthCheckType: g.health_check_type,
    healthCheckPeriod: g.health_check_period,
    defaultCooldown: g.default_cooldown,
    terminationPolicies: g.termination_policies,
    tags,
    notificationTopic: topic,
    policies: policies(name, raw.policies, g.policies),
    alarms: (g.alarms ?? []).map((a) => alarm(name, a)),
    scheduledActions,
    lifecycleHooks: (g.lifecycle_hooks ?? []).map((h) => lifecycleHook(name, h)),
    spot: g.spot === undefined ? undefined : spot(g.spot, instanceType),
    capacityRebalance: g.spot === undefined ? undefined : g.spot.capacity_rebalance ?? false,
  });
}

function listener(l: RawLoadBalancer['listeners'][number]): ListenerSpec {
  if (Array.isArray(l)) {
    const [lbPort, instancePort, protocol, cert] = l;
    return defined({ loadBalancerPort: lbPort, instancePort, protocol: protocol.toUpperCase(), sslCertificateId: cert });
  }
  return defined({
    loadBalancerPort: l.load_balancer_port,
    instancePort: l.instance_port,
    protocol: l.protocol.toUpperCase(),
    instanceProtocol: l.instance_protocol?.toUpperCase(),
    sslCertificateId: l.ssl_certificate_id,
  });
}

function loadBalancer(name: string, lb: RawLoadBalancer): LoadBalancerSpec {
  const hc = lb.health_check;
  const healthCheck: HealthCheckSpec | undefined = hc === undefined ? undefined : {
    target: hc.target,
    interval: hc.interval ?? DEFAULT_HEALTH_CHECK.interval,
    timeout: hc.timeout ?? DEFAULT_HEALTH_CHECK.timeout,
    healthyThreshold: hc.healthy_threshold ?? DEFAULT_HEALTH_CHECK.healthyThreshold,
    unhealthyThreshold: hc.unhealthy_threshold ?? DEFAULT_HEALTH_CHECK.unhealthyThreshold,
  };
  const s = lb.cookie_stickiness;
  return defined({
    name,
    zones: lb.zones ?? [],
    subnets: lb.subnets ?? [],
    securityGroups: lb.security_groups ?? [],
    scheme: lb.scheme ?? 'internet-facing',
    listeners: lb.listeners.map(listener),
    healthCheck,
    stickiness: s === undefined ? undefined : s.type === 'lb' ? defined({ type: 'lb' as const, expiration: s.expiration }) : { type: 'app' as const, cookieName: s.cookie_name },
    crossZone: lb.cross_zone,
    connectionDraining: lb.connection_draining === undefined ? undefined : defined({ ...lb.connection_draining }),
  });
}

/** The desired model of a validated file. */
export function desiredFromConfig(raw: RawConfig): DesiredState {
  return defined({
    region: raw.region,
    groups: Object.entries(raw.groups).map(([name, g]) => group(name, g, raw)),
    loadBalancers: Object.entries(raw.load_balancers ?? {}).map(([name, lb]) => loadBalancer(name, lb)),
  });
}

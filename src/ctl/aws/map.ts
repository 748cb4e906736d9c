/**
 * From botoscale's objects to the planner's model.
 *
 * @module
 */
import type { AutoScalingGroup, BlockDeviceMapping, LaunchConfiguration, LifecycleHook, ScalingPolicy, ScheduledUpdateGroupAction } from '../../autoscale';
import { DEFAULT_LIFECYCLE_RESULT, HEARTBEAT_TIMEOUT } from '../../core/rules/aws-rules';
import type { LaunchTemplate } from '../../ec2';
import type { MetricAlarm } from '../../cloudwatch';
import type { LbAttributes, LoadBalancer } from '../../elb';
import { LB_MARKER_POLICY, policyOf } from '../model/naming';
import type {
  AlarmState, BlockDeviceSpec, GroupState, LaunchConfigSpec, LaunchConfigState, LaunchTemplateState, LifecycleHookSpec, LoadBalancerState, MixedState, PolicyState, ScheduledSpec,
} from '../model/types';
import type { MixedInstancesPolicy } from '../../autoscale';

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A mixed instances policy as the planner sees it (AWS's defaults where it reports none). */
function mixedState(p: MixedInstancesPolicy): MixedState {
  return defined({
    launchTemplate: { ...p.launchTemplate },
    onDemandBase: p.onDemandBaseCapacity ?? 0,
    onDemandPercentage: p.onDemandPercentageAboveBaseCapacity ?? 100,
    instanceTypes: p.overrides.map((o) => defined({ type: o.instanceType, weight: o.weightedCapacity })),
    allocation: p.spotAllocationStrategy ?? 'lowest-price',
    maxPrice: p.spotMaxPrice === undefined || p.spotMaxPrice === '' ? undefined : Number(p.spotMaxPrice),
  });
}

/** A group as the planner sees it; a group on a mixed instances policy has the policy's launch template as its own. */
export function groupState(g: AutoScalingGroup): GroupState {
  const template = g.launchTemplate ?? g.mixedInstancesPolicy?.launchTemplate;
  return defined({
    name: g.name ?? '',
    launchConfigName: g.launchConfigName,
    launchTemplate: template === undefined ? undefined : { ...template },
    mixed: g.mixedInstancesPolicy === undefined ? undefined : mixedState(g.mixedInstancesPolicy),
    capacityRebalance: g.capacityRebalance,
    minSize: g.minSize ?? 0,
    maxSize: g.maxSize ?? 0,
    desiredCapacity: g.desiredCapacity ?? 0,
    zones: [...g.availabilityZones],
    subnets: (g.vpcZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    loadBalancers: [...g.loadBalancers],
    healthCheckType: g.healthCheckType,
    healthCheckPeriod: g.healthCheckPeriod,
    defaultCooldown: g.defaultCooldown,
    terminationPolicies: [...g.terminationPolicies],
    tags: (g.tags ?? []).map((t) => ({ key: t.key ?? '', value: t.value ?? '', propagateAtLaunch: t.propagateAtLaunch })),
    instanceCount: g.instances?.length ?? 0,
  });
}

function blockDeviceSpecs(mappings: readonly BlockDeviceMapping[]): BlockDeviceSpec[] {
  return mappings.map((b) => defined({
    deviceName: b.deviceName ?? '',
    virtualName: b.virtualName,
    snapshotId: b.ebs?.snapshotId,
    volumeSize: b.ebs?.volumeSize,
    volumeType: b.ebs?.volumeType,
    deleteOnTermination: b.ebs?.deleteOnTermination,
    iops: b.ebs?.iops,
    encrypted: b.ebs?.encrypted,
    noDevice: b.noDevice,
  }));
}

/** A launch configuration as the planner sees it. */
export function launchConfigState(lc: LaunchConfiguration): LaunchConfigState {
  const blockDevices = blockDeviceSpecs(lc.blockDeviceMappings);
  return defined({
    name: lc.name ?? '',
    imageId: lc.imageId ?? '',
    keyName: lc.keyName,
    securityGroups: [...lc.securityGroups],
    instanceType: lc.instanceType,
    userData: lc.userData || undefined,
    spotPrice: lc.spotPrice,
    instanceMonitoring: lc.instanceMonitoring.enabled,
    blockDevices,
    iamInstanceProfile: lc.instanceProfileName,
  });
}

/** What a launch template version launches, in the planner's terms (the settings autoscalectl manages). */
function templateSettings(v: LaunchTemplate): LaunchConfigSpec {
  return defined({
    imageId: v.imageId ?? '',
    keyName: v.keyName,
    securityGroups: [...v.securityGroups],
    instanceType: v.instanceType ?? '',
    userData: v.userData || undefined,
    spotPrice: v.spotPrice,
    instanceMonitoring: v.instanceMonitoring ?? false,
    blockDevices: blockDeviceSpecs(v.blockDeviceMappings),
    iamInstanceProfile: v.instanceProfileName,
  });
}

/** A launch template as the planner sees it, from the template and its default version. */
export function launchTemplateState(t: LaunchTemplate, defaultVersion: LaunchTemplate | undefined): LaunchTemplateState {
  return defined({
    name: t.name ?? '',
    id: t.id ?? '',
    defaultVersion: t.defaultVersionNumber ?? defaultVersion?.versionNumber ?? 0,
    latestVersion: t.latestVersionNumber ?? defaultVersion?.versionNumber ?? 0,
    settings: defaultVersion === undefined ? { imageId: '', securityGroups: [], instanceType: '', instanceMonitoring: false, blockDevices: [] } : templateSettings(defaultVersion),
    httpTokens: defaultVersion?.metadataOptions?.httpTokens,
  });
}

/** A scaling policy as the planner sees it. */
export function policyState(p: ScalingPolicy): PolicyState {
  const name = p.name ?? '';
  const group = p.asName ?? '';
  return defined({
    name,
    shortName: policyOf(group, name) ?? name,
    group,
    policyType: p.policyType === 'StepScaling' || p.policyType === 'TargetTrackingScaling' ? p.policyType : undefined,
    adjustmentType: p.adjustmentType ?? '',
    scalingAdjustment: p.scalingAdjustment,
    cooldown: p.cooldown,
    minAdjustmentStep: p.minAdjustmentMagnitude ?? p.minAdjustmentStep,
    steps: p.stepAdjustments?.map((st) => defined({ ...st })),
    aggregation: p.metricAggregationType,
    warmup: p.estimatedInstanceWarmup,
    tracking: p.targetTrackingConfiguration,
    arn: p.policyArn ?? '',
    alarmNames: p.alarms.map((a) => a.name ?? ''),
  });
}

/** An alarm as the planner sees it (dimensions with one value each, as autoscalectl sets them). */
export function alarmState(a: MetricAlarm): AlarmState {
  const dimensions: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.dimensions ?? {})) dimensions[k] = typeof v === 'string' ? v : v.join(',');
  return defined({
    name: a.name ?? '',
    metric: a.metric ?? '',
    namespace: a.namespace ?? '',
    statistic: a.statistic ?? a.extendedStatistic ?? '',
    period: a.period ?? 0,
    evaluationPeriods: a.evaluationPeriods ?? 0,
    threshold: a.threshold ?? 0,
    comparison: a.comparisonOperator ?? '',
    dimensions,
    unit: a.unit,
    datapointsToAlarm: a.datapointsToAlarm,
    treatMissingData: a.treatMissingData,
    alarmActions: [...a.alarmActions],
  });
}

/** A scheduled action as the planner sees it. */
export function scheduledState(s: ScheduledUpdateGroupAction): ScheduledSpec {
  return defined({
    name: s.name ?? '',
    group: s.asGroup ?? '',
    recurrence: s.recurrence,
    startTime: s.startTime?.toISOString(),
    endTime: s.endTime?.toISOString(),
    minSize: s.minSize,
    maxSize: s.maxSize,
    desiredCapacity: s.desiredCapacity,
  });
}

/** A lifecycle hook as the planner sees it (AWS's defaults where it reports none). */
export function lifecycleHookState(h: LifecycleHook): LifecycleHookSpec {
  return defined({
    name: h.name ?? '',
    group: h.asGroup ?? '',
    transition: h.transition ?? '',
    heartbeatTimeout: h.heartbeatTimeout ?? HEARTBEAT_TIMEOUT.default,
    defaultResult: h.defaultResult ?? DEFAULT_LIFECYCLE_RESULT,
    notificationTargetArn: h.notificationTargetArn || undefined,
    roleArn: h.roleArn,
    notificationMetadata: h.notificationMetadata,
  });
}

/** A load balancer as the planner sees it, with its attributes when they were read. */
export function loadBalancerState(lb: LoadBalancer, attributes?: LbAttributes): LoadBalancerState {
  const hc = lb.healthCheck;
  const lbCookies = lb.policies?.lbCookieStickinessPolicies ?? [];
  const appCookies = lb.policies?.appCookieStickinessPolicies ?? [];
  const out: LoadBalancerState = {
    name: lb.name ?? '',
    zones: [...lb.availabilityZones],
    subnets: [...lb.subnets],
    securityGroups: [...lb.securityGroups],
    scheme: lb.scheme ?? 'internet-facing',
    listeners: lb.listeners.map((l) => defined({
      loadBalancerPort: l.loadBalancerPort,
      instancePort: l.instancePort,
      protocol: l.protocol.toUpperCase(),
      instanceProtocol: l.instanceProtocol?.toUpperCase(),
      sslCertificateId: l.sslCertificateId,
      policyNames: [...l.policyNames],
    })),
    lbCookiePolicies: lbCookies.map((p) => defined({ name: p.policyName ?? '', expiration: p.cookieExpirationPeriod })),
    appCookiePolicies: appCookies.map((p) => ({ name: p.policyName ?? '', cookieName: p.cookieName ?? '' })),
    managed: lbCookies.some((p) => p.policyName === LB_MARKER_POLICY),
  };
  if (hc?.target !== undefined) {
    out.healthCheck = { target: hc.target, interval: hc.interval, timeout: hc.timeout, healthyThreshold: hc.healthyThreshold, unhealthyThreshold: hc.unhealthyThreshold };
  }
  if (attributes !== undefined) {
    const d = attributes.connectionDraining;
    out.attributes = {
      crossZone: attributes.crossZoneLoadBalancing.enabled ?? false,
      connectionDraining: defined({ enabled: d.enabled ?? false, timeout: d.timeout }),
    };
  }
  return out;
}

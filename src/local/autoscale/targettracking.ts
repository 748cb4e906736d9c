/**
 * Target tracking scaling policies, as the Amazon EC2 Auto Scaling User Guide describes
 * them ("Target tracking scaling policies"): the policy's TargetTrackingConfiguration,
 * the two CloudWatch alarms AWS creates for it and owns, and the capacity it asks for.
 *
 * - AlarmHigh: `TargetTracking-<group>-AlarmHigh-<uuid>`, metric above the target for 3 of
 *   3 one-minute datapoints (GreaterThanThreshold).
 * - AlarmLow (not created when DisableScaleIn is true): `…-AlarmLow-<uuid>`, below
 *   {@link LOW_THRESHOLD_RATIO} × target for 15 of 15 datapoints (LessThanThreshold). AWS
 *   does not publish this threshold in its API reference; 0.9 × target is what users
 *   report AWS's own AlarmLow alarms show for CPU targets (an AWS/EC2 CPUUtilization
 *   AlarmLow posted in an Auto Scaling notification shows LessThanThreshold, Period 60,
 *   EvaluationPeriods 15 — see docs/local.md).
 * - Both alarms have AWS's description "DO NOT EDIT OR DELETE. For TargetTrackingScaling
 *   policy <arn>." and the policy as their only action; deleting the policy deletes them.
 * - New capacity: `ceil(n × metric / target)`, n the capacity units of the InService
 *   instances the alarm's datapoint is averaged over (instances still warming up when it
 *   was taken don't count, as AWS documents for warm-up), within the group's bounds. Scale-out only
 *   raises the desired capacity; scale-in only lowers it, never while an instance is
 *   warming up (EstimatedInstanceWarmup, else the group's default cooldown), and a
 *   scale-in that would not change the capacity does nothing — so the group settles.
 *
 * @module
 */
import { uuid } from '../ids';
import type { Alarm, CustomizedMetricSpecification, TargetTrackingConfiguration } from '@aws-sdk/client-auto-scaling';
import type { CloudWatchApi } from '../types';
import type { Checked } from '../typed';
import type { ManagedAlarms } from '../cloudwatch';
import { validation } from './errors';
import { capacityUnits } from './mixed-capacity';
import { isPending, type GroupRecord, type PolicyRecord, type TargetTrackingRecord } from './model';
import { clamp } from './scaling';
import { AUTOSCALING } from '../../core/rules/generated';

const MINUTE = 60_000;

/** AlarmLow's threshold as a fraction of the target. */
export const LOW_THRESHOLD_RATIO = 0.9;

/** The predefined metrics and what CloudWatch metric each one is. */
const PREDEFINED: Record<string, { namespace: string; metricName: string; statistic: string }> = {
  ASGAverageCPUUtilization: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', statistic: 'Average' },
  ASGAverageNetworkIn: { namespace: 'AWS/EC2', metricName: 'NetworkIn', statistic: 'Average' },
  ASGAverageNetworkOut: { namespace: 'AWS/EC2', metricName: 'NetworkOut', statistic: 'Average' },
  ALBRequestCountPerTarget: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget', statistic: 'Sum' },
};

const STATISTICS: readonly string[] = AUTOSCALING.MetricStatistic.enum;

/** Reads and checks a TargetTrackingConfiguration. */
export function readTargetTracking(raw: Checked<TargetTrackingConfiguration> | undefined): TargetTrackingRecord {
  if (raw === undefined) throw validation('TargetTrackingConfiguration is required for a TargetTrackingScaling policy.');
  const target = raw.TargetValue;
  if (target <= 0) throw validation(`TargetValue must be greater than 0, got ${target}.`);
  const predefined = raw.PredefinedMetricSpecification;
  const customized = raw.CustomizedMetricSpecification;
  if ((predefined === undefined) === (customized === undefined)) {
    throw validation('TargetTrackingConfiguration must contain exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification.');
  }
  const rec: TargetTrackingRecord = { targetValue: target, disableScaleIn: raw.DisableScaleIn ?? false };
  if (predefined !== undefined) {
    const type = predefined.PredefinedMetricType;
    if (PREDEFINED[type] === undefined) throw validation(`Invalid PredefinedMetricType ${type}. Valid values are: ${Object.keys(PREDEFINED).join(', ')}.`);
    const label = predefined.ResourceLabel;
    if (type === 'ALBRequestCountPerTarget') {
      if (label === undefined) throw validation('ResourceLabel is required for the ALBRequestCountPerTarget predefined metric type.');
      if (!/^app\/[^/]+\/[0-9a-f]+\/targetgroup\/[^/]+\/[0-9a-f]+$/.test(label)) {
        throw validation(`ResourceLabel ${label} is invalid: give app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>.`);
      }
    } else if (label !== undefined) {
      throw validation(`ResourceLabel is only valid with the ALBRequestCountPerTarget predefined metric type, not ${type}.`);
    }
    rec.predefined = label === undefined ? { type } : { type, resourceLabel: label };
  } else if (customized !== undefined) {
    if (customized.Metrics !== undefined) throw validation('Metric math (Metrics) in a CustomizedMetricSpecification is not simulated by botoscale local: give MetricName, Namespace and Statistic.');
    const { MetricName: metricName, Namespace: namespace, Statistic: statistic } = customized;
    if (metricName === undefined || namespace === undefined || statistic === undefined) {
      throw validation('CustomizedMetricSpecification must contain MetricName, Namespace and Statistic.');
    }
    if (!STATISTICS.includes(statistic)) throw validation(`Invalid Statistic ${statistic}. Valid values are: ${STATISTICS.join(', ')}.`);
    const c: NonNullable<TargetTrackingRecord['customized']> = {
      metricName,
      namespace,
      statistic,
      dimensions: (customized.Dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value })),
    };
    const unit = customized.Unit;
    if (unit !== undefined) c.unit = unit;
    rec.customized = c;
  }
  return rec;
}

/** The TargetTrackingConfiguration structure DescribePolicies returns. */
export function targetTrackingShape(t: TargetTrackingRecord): TargetTrackingConfiguration {
  const out: TargetTrackingConfiguration = { TargetValue: t.targetValue, DisableScaleIn: t.disableScaleIn };
  if (t.predefined !== undefined) {
    out.PredefinedMetricSpecification = t.predefined.resourceLabel === undefined ? { PredefinedMetricType: t.predefined.type } : { PredefinedMetricType: t.predefined.type, ResourceLabel: t.predefined.resourceLabel };
  }
  if (t.customized !== undefined) {
    const c: CustomizedMetricSpecification = { MetricName: t.customized.metricName, Namespace: t.customized.namespace, Statistic: t.customized.statistic, Dimensions: t.customized.dimensions.map((d) => ({ Name: d.name, Value: d.value })) };
    if (t.customized.unit !== undefined) c.Unit = t.customized.unit;
    out.CustomizedMetricSpecification = c;
  }
  return out;
}

function hasManagedAlarms(cw: CloudWatchApi): cw is CloudWatchApi & ManagedAlarms {
  return typeof (cw as Partial<ManagedAlarms>).putManagedAlarm === 'function';
}

function metricOf(t: TargetTrackingRecord, group: string): { namespace: string; metricName: string; statistic: string; dimensions: Array<{ name: string; value: string }>; unit?: string } {
  if (t.customized !== undefined) return { namespace: t.customized.namespace, metricName: t.customized.metricName, statistic: t.customized.statistic, dimensions: t.customized.dimensions, ...(t.customized.unit === undefined ? {} : { unit: t.customized.unit }) };
  const p = PREDEFINED[t.predefined?.type ?? ''] ?? (PREDEFINED.ASGAverageCPUUtilization as { namespace: string; metricName: string; statistic: string });
  const label = t.predefined?.resourceLabel;
  const dimensions = label === undefined ? [{ name: 'AutoScalingGroupName', value: group }] : [{ name: 'TargetGroup', value: label.slice(label.indexOf('targetgroup/')) }];
  return { ...p, dimensions };
}

/**
 * Creates (or, for a replaced policy, recreates) the policy's alarms in CloudWatch and
 * records their names on the policy; returns them as PutScalingPolicy lists them.
 */
export function createPolicyAlarms(cw: CloudWatchApi, policy: PolicyRecord, previous: readonly string[]): Alarm[] {
  const t = policy.targetTracking;
  if (t === undefined || !hasManagedAlarms(cw)) return [];
  const m = metricOf(t, policy.groupName);
  const common = {
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.arn}.`,
    ActionsEnabled: true,
    AlarmActions: [policy.arn],
    MetricName: m.metricName,
    Namespace: m.namespace,
    Statistic: m.statistic,
    Dimensions: m.dimensions,
    Period: 60,
    ...(m.unit === undefined ? {} : { Unit: m.unit }),
  };
  const specs = [{ ...common, AlarmName: `TargetTracking-${policy.groupName}-AlarmHigh-${uuid()}`, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: t.targetValue, ComparisonOperator: 'GreaterThanThreshold' }];
  if (!t.disableScaleIn) {
    specs.push({ ...common, AlarmName: `TargetTracking-${policy.groupName}-AlarmLow-${uuid()}`, EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: t.targetValue * LOW_THRESHOLD_RATIO, ComparisonOperator: 'LessThanThreshold' });
  }
  // CloudWatch refuses a metric outside its model before the previous alarms go.
  specs.forEach((s) => cw.checkManagedAlarm(s));
  cw.deleteManagedAlarms(previous, policy.arn);
  const made = specs.map((s) => cw.putManagedAlarm(s, policy.arn));
  policy.alarmNames = made.map((a) => a.alarmName);
  return made.map((a) => ({ AlarmName: a.alarmName, AlarmARN: a.alarmArn }));
}

/** Deletes a policy's own alarms (the policy or its group is being deleted). */
export function deletePolicyAlarms(cw: CloudWatchApi, policy: PolicyRecord): void {
  if (policy.alarmNames !== undefined && policy.alarmNames.length > 0 && hasManagedAlarms(cw)) cw.deleteManagedAlarms(policy.alarmNames, policy.arn);
}

/**
 * The desired capacity a target tracking policy asks for when one of its alarms fires
 * with `metric`; undefined when it asks for no change.
 */
export function trackedCapacity(group: GroupRecord, policy: PolicyRecord, metric: number, now: number): number | undefined {
  const t = policy.targetTracking;
  if (t === undefined || !Number.isFinite(metric)) return undefined;
  // The alarm acts on the datapoint published at the start of the previous minute: the
  // instances InService then are the ones its average is over.
  const sampled = Math.floor(now / MINUTE) * MINUTE - MINUTE;
  // A datapoint taken before this policy last changed the capacity describes a group that is gone.
  if (policy.lastScaledAt !== undefined && sampled <= policy.lastScaledAt) return undefined;
  const serving = group.instances.filter((i) => i.lifecycleState === 'InService' && (i.inServiceTime ?? i.launchTime) <= sampled);
  const n = capacityUnits(serving);
  if (n === 0) return undefined;
  const wanted = clamp(Math.ceil((n * metric) / t.targetValue - 1e-9), group.minSize, group.maxSize);
  if (wanted > group.desiredCapacity) return wanted;
  if (wanted >= group.desiredCapacity || t.disableScaleIn) return undefined;
  const warmup = (policy.estimatedInstanceWarmup ?? group.defaultCooldown) * 1000;
  const warming = group.instances.some((i) => isPending(i.lifecycleState) || (i.lifecycleState === 'InService' && now < (i.inServiceTime ?? i.launchTime) + warmup));
  return warming ? undefined : wanted;
}

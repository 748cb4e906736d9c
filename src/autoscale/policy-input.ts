/**
 * A {@link ScalingPolicy} checked and turned into PutScalingPolicy's input: every rule of
 * src/core/rules for scaling policies, before anything is sent, each error naming the
 * field and what is allowed.
 *
 * @module
 */
import type { MetricStatistic, MetricType, PutScalingPolicyCommandInput, TargetTrackingConfiguration as SdkTargetTracking } from '@aws-sdk/client-auto-scaling';
import { BotoClientError } from '../core/errors';
import { checkExclusive, checkInt, checkLength, checkOneOf, requireValue } from '../core/validate';
import { ADJUSTMENT_TYPES } from './adjustment';
import type { ScalingPolicy } from './policy';
import { checkBoolean, checkNumber, checkObject, checkPredefinedMetric, checkScalingAdjustment, checkStepAdjustments } from './policy-checks';
import { METRIC_AGGREGATION_TYPES, POLICY_FIELDS_BY_TYPE, POLICY_REQUIRED_BY_TYPE, POLICY_TYPES, type PolicyType } from '../core/rules/aws-rules';
import { AUTOSCALING } from '../core/rules/generated';

const TRACKING_KEYS = ['predefinedMetric', 'customizedMetric', 'targetValue', 'disableScaleIn'];
const PREDEFINED_KEYS = ['type', 'resourceLabel'];
const CUSTOMIZED_KEYS = ['metricName', 'namespace', 'dimensions', 'statistic', 'unit'];

function checkKeys(field: string, o: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new BotoClientError(`${field} takes ${allowed.join(', ')}; got ${JSON.stringify(key)}`);
  }
}

function typeText(p: ScalingPolicy): string {
  return p.policyType === undefined ? 'unset (SimpleScaling)' : JSON.stringify(p.policyType);
}

/** Which fields the policy's type takes and needs. */
function checkFieldsForType(p: ScalingPolicy, type: PolicyType): void {
  const given = p as unknown as Record<string, unknown>;
  for (const [field, types] of Object.entries(POLICY_FIELDS_BY_TYPE)) {
    if (given[field] !== undefined && !types.includes(type)) {
      throw new BotoClientError(`${field} is allowed only with policyType ${types.join(' or ')}, got policyType ${typeText(p)}`);
    }
  }
  for (const field of POLICY_REQUIRED_BY_TYPE[type]) {
    const value = given[field];
    if (value === undefined || value === null || value === '') {
      throw new BotoClientError(type === 'SimpleScaling' ? `${field} is required` : `${field} is required with policyType ${type}`);
    }
  }
}

function checkAdjustment(p: ScalingPolicy): void {
  checkOneOf('adjustmentType', p.adjustmentType, ADJUSTMENT_TYPES);
  checkScalingAdjustment('scalingAdjustment', p.scalingAdjustment, p.adjustmentType);
  checkInt('cooldown', p.cooldown, { min: 0 });
  if (p.minAdjustmentStep !== undefined && p.minAdjustmentMagnitude !== undefined && p.minAdjustmentStep !== p.minAdjustmentMagnitude) {
    throw new BotoClientError(`minAdjustmentStep (${p.minAdjustmentStep}) and minAdjustmentMagnitude (${p.minAdjustmentMagnitude}) differ: give one (minAdjustmentStep is boto2's name for it)`);
  }
  for (const [field, value] of [['minAdjustmentStep', p.minAdjustmentStep], ['minAdjustmentMagnitude', p.minAdjustmentMagnitude]] as const) {
    if (value !== undefined && p.adjustmentType !== 'PercentChangeInCapacity') {
      throw new BotoClientError(`${field} is allowed only with adjustmentType PercentChangeInCapacity, got adjustmentType ${JSON.stringify(p.adjustmentType)}`);
    }
    checkInt(field, value, { min: 1 });
  }
}

function customizedToSdk(raw: unknown): SdkTargetTracking['CustomizedMetricSpecification'] {
  const field = 'targetTrackingConfiguration.customizedMetric';
  const c = checkObject(field, raw);
  checkKeys(field, c, CUSTOMIZED_KEYS);
  const metricName = requireValue(`${field}.metricName`, c.metricName as string | undefined);
  const namespace = requireValue(`${field}.namespace`, c.namespace as string | undefined);
  const statistic = requireValue(`${field}.statistic`, c.statistic as string | undefined);
  checkLength(`${field}.metricName`, metricName, AUTOSCALING.XmlStringMaxLen255.max);
  checkLength(`${field}.namespace`, namespace, AUTOSCALING.XmlStringMaxLen255.max);
  checkOneOf(`${field}.statistic`, statistic, AUTOSCALING.MetricStatistic.enum);
  checkLength(`${field}.unit`, c.unit as string | undefined, AUTOSCALING.XmlStringMaxLen255.max);
  const dims = c.dimensions === undefined ? {} : checkObject(`${field}.dimensions`, c.dimensions);
  const dimensions = Object.entries(dims).map(([name, value]) => {
    if (typeof value !== 'string' || value === '') throw new BotoClientError(`${field}.dimensions.${name} must be a non-empty string, got ${JSON.stringify(value)}`);
    return { Name: name, Value: value };
  });
  return { MetricName: metricName, Namespace: namespace, Statistic: statistic as MetricStatistic, Unit: c.unit as string | undefined, Dimensions: dimensions.length > 0 ? dimensions : undefined };
}

function targetTrackingToSdk(raw: unknown): SdkTargetTracking | undefined {
  if (raw === undefined) return undefined;
  const field = 'targetTrackingConfiguration';
  const t = checkObject(field, raw);
  checkKeys(field, t, TRACKING_KEYS);
  const targetValue = checkNumber(`${field}.targetValue`, requireValue(`${field}.targetValue`, t.targetValue));
  const disableScaleIn = checkBoolean(`${field}.disableScaleIn`, t.disableScaleIn);
  checkExclusive(`${field}.predefinedMetric`, t.predefinedMetric, `${field}.customizedMetric`, t.customizedMetric);
  const out: SdkTargetTracking = { TargetValue: targetValue, DisableScaleIn: disableScaleIn };
  if (t.predefinedMetric !== undefined) {
    const pre = checkObject(`${field}.predefinedMetric`, t.predefinedMetric);
    checkKeys(`${field}.predefinedMetric`, pre, PREDEFINED_KEYS);
    checkPredefinedMetric(`${field}.predefinedMetric`, pre.type, pre.resourceLabel);
    out.PredefinedMetricSpecification = { PredefinedMetricType: pre.type as MetricType, ResourceLabel: pre.resourceLabel as string | undefined };
  } else if (t.customizedMetric !== undefined) {
    out.CustomizedMetricSpecification = customizedToSdk(t.customizedMetric);
  } else {
    throw new BotoClientError(`${field} needs predefinedMetric or customizedMetric`);
  }
  return out;
}

/** Checks `p` and returns PutScalingPolicy's input; throws a BotoClientError at the first fault. */
export function putScalingPolicyInput(p: ScalingPolicy): PutScalingPolicyCommandInput {
  const name = checkLength('name', requireValue('name', p.name), AUTOSCALING.XmlStringMaxLen255.max) as string;
  const group = checkLength('asName', requireValue('asName', p.asName), AUTOSCALING.XmlStringMaxLen255.max) as string;
  const type = checkOneOf('policyType', p.policyType, POLICY_TYPES) ?? 'SimpleScaling';
  checkFieldsForType(p, type);
  checkAdjustment(p);
  const steps = p.stepAdjustments === undefined ? undefined : checkStepAdjustments('stepAdjustments', p.stepAdjustments, p.adjustmentType);
  checkOneOf('metricAggregationType', p.metricAggregationType, METRIC_AGGREGATION_TYPES);
  checkInt('estimatedInstanceWarmup', p.estimatedInstanceWarmup, { min: 0 });
  return {
    AdjustmentType: p.adjustmentType,
    AutoScalingGroupName: group,
    PolicyName: name,
    PolicyType: p.policyType,
    ScalingAdjustment: p.scalingAdjustment,
    // AWS answers both names for one value; send the one the caller chose, AWS's if both.
    MinAdjustmentStep: p.minAdjustmentMagnitude === undefined ? p.minAdjustmentStep : undefined,
    MinAdjustmentMagnitude: p.minAdjustmentMagnitude,
    Cooldown: p.cooldown,
    StepAdjustments: steps?.map((s) => ({ MetricIntervalLowerBound: s.lowerBound, MetricIntervalUpperBound: s.upperBound, ScalingAdjustment: s.scalingAdjustment })),
    MetricAggregationType: p.metricAggregationType,
    EstimatedInstanceWarmup: p.estimatedInstanceWarmup,
    TargetTrackingConfiguration: targetTrackingToSdk(p.targetTrackingConfiguration),
  };
}

/**
 * boto2's `ScalingPolicy` of `boto.ec2.autoscale.policy`, with the policy types AWS added
 * after boto2 (step scaling and target tracking).
 *
 * @module
 */
import type { ScalingPolicy as SdkScalingPolicy, TargetTrackingConfiguration as SdkTargetTracking } from '@aws-sdk/client-auto-scaling';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import { Alarm } from './alarm';
import type { AutoScaleConnection } from './connection';
import type { Request } from './request';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';
import type { StepAdjustment } from './policy-checks';

export type { StepAdjustment } from './policy-checks';

/** A target-tracking policy's predefined metric (AWS's `PredefinedMetricSpecification`). */
export interface PredefinedMetric {
  /** `ASGAverageCPUUtilization`, `ASGAverageNetworkIn`, `ASGAverageNetworkOut` or `ALBRequestCountPerTarget`. */
  type: string;
  /** With `ALBRequestCountPerTarget` only (and then required): `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`. */
  resourceLabel?: string;
}

/** A target-tracking policy's own CloudWatch metric (AWS's `CustomizedMetricSpecification`). */
export interface CustomizedMetric {
  /** The metric's name. */
  metricName: string;
  /** The metric's namespace. */
  namespace: string;
  /** The metric's dimensions, name to value, e.g. `{ AutoScalingGroupName: 'web' }`. */
  dimensions?: Record<string, string>;
  /** `Average`, `Minimum`, `Maximum`, `SampleCount` or `Sum`. */
  statistic: string;
  /** The metric's unit. */
  unit?: string;
}

/** What a target-tracking policy keeps at its target (AWS's `TargetTrackingConfiguration`). */
export interface TargetTrackingConfiguration {
  /** One of AWS's predefined metrics; or give `customizedMetric`. */
  predefinedMetric?: PredefinedMetric;
  /** A metric of your own; or give `predefinedMetric`. */
  customizedMetric?: CustomizedMetric;
  /** The value to keep the metric at (50 for 50% CPU). */
  targetValue: number;
  /** Scale out only: AWS then creates no scale-in alarm. */
  disableScaleIn?: boolean;
}

/** Constructor options of {@link ScalingPolicy}, boto2's keyword arguments. */
export interface ScalingPolicyOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The policy's name. */
  name?: string;
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity`. */
  adjustmentType?: string;
  /** The group's name. */
  asName?: string;
  /** How much to adjust by (negative to scale in), in the unit `adjustmentType` says. */
  scalingAdjustment?: number;
  /** Seconds after a scaling activity before another may start. */
  cooldown?: number;
  /** The least number of instances to change by; only with `PercentChangeInCapacity` (boto2's name). */
  minAdjustmentStep?: number;
  /** The least number of instances to change by; only with `PercentChangeInCapacity` (AWS's name; not with `minAdjustmentStep`). */
  minAdjustmentMagnitude?: number;
  /** `SimpleScaling` (the default, boto2's only kind), `StepScaling` or `TargetTrackingScaling`. */
  policyType?: string;
  /** A step scaling policy's steps, by the metric's distance from the alarm threshold. */
  stepAdjustments?: StepAdjustment[];
  /** How a step scaling policy aggregates the metric: `Minimum`, `Maximum` or `Average` (AWS's default). */
  metricAggregationType?: string;
  /** Seconds until a new instance counts in the metric (step scaling and target tracking). */
  estimatedInstanceWarmup?: number;
  /** A target-tracking policy's metric and target; AWS creates and owns its alarms. */
  targetTrackingConfiguration?: TargetTrackingConfiguration;
}

/**
 * How a group scales when the policy runs (usually from a CloudWatch alarm). A simple
 * policy prints as boto2's, `ScalingPolicy(NAME group:GROUP adjustment:TYPE)`; a step
 * policy as `ScalingPolicy(NAME group:GROUP type:StepScaling adjustment:TYPE)`; a
 * target-tracking policy as `ScalingPolicy(NAME group:GROUP type:TargetTrackingScaling target:METRIC=VALUE)`.
 *
 * `policyArn` is set once the policy exists: by `createScalingPolicy(policy)` on the object
 * passed, and on policies from `getAllPolicies()`.
 */
export class ScalingPolicy extends BotoObject<AutoScaleConnection> {
  /** The policy's name. */
  name: string | undefined;
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity`. */
  adjustmentType: string | undefined;
  /** The group's name. */
  asName: string | undefined;
  /** How much to adjust by. */
  scalingAdjustment: number | undefined;
  /** Seconds after a scaling activity before another may start. */
  cooldown: number | undefined;
  /** The least number of instances to change by (with `PercentChangeInCapacity`), boto2's name. */
  minAdjustmentStep: number | undefined;
  /** The least number of instances to change by (with `PercentChangeInCapacity`), AWS's name. */
  minAdjustmentMagnitude: number | undefined;
  /** `SimpleScaling`, `StepScaling` or `TargetTrackingScaling`; unset means `SimpleScaling`. */
  policyType: string | undefined;
  /** A step scaling policy's steps. */
  stepAdjustments: StepAdjustment[] | undefined;
  /** A step scaling policy's metric aggregation. */
  metricAggregationType: string | undefined;
  /** Seconds until a new instance counts in the metric. */
  estimatedInstanceWarmup: number | undefined;
  /** A target-tracking policy's metric and target. */
  targetTrackingConfiguration: TargetTrackingConfiguration | undefined;
  /** The policy's ARN: what a CloudWatch alarm's `alarmActions` takes. */
  policyArn: string | undefined;
  /** The CloudWatch alarms that run this policy (for target tracking, the two AWS created). */
  alarms: Alarm[];

  constructor(options: ScalingPolicyOptions = {}) {
    checkNew(ScalingPolicy, arguments);
    super(options.connection);
    this.name = options.name;
    this.adjustmentType = options.adjustmentType;
    this.asName = options.asName;
    this.scalingAdjustment = options.scalingAdjustment;
    this.cooldown = options.cooldown;
    this.minAdjustmentStep = options.minAdjustmentStep;
    this.minAdjustmentMagnitude = options.minAdjustmentMagnitude;
    this.policyType = options.policyType;
    this.stepAdjustments = options.stepAdjustments;
    this.metricAggregationType = options.metricAggregationType;
    this.estimatedInstanceWarmup = options.estimatedInstanceWarmup;
    this.targetTrackingConfiguration = options.targetTrackingConfiguration;
    this.policyArn = undefined;
    this.alarms = [];
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, p: SdkScalingPolicy): ScalingPolicy {
    const out = new ScalingPolicy({
      connection,
      name: p.PolicyName,
      adjustmentType: p.AdjustmentType,
      asName: p.AutoScalingGroupName,
      scalingAdjustment: p.ScalingAdjustment,
      cooldown: p.Cooldown,
      minAdjustmentStep: p.MinAdjustmentStep,
      minAdjustmentMagnitude: p.MinAdjustmentMagnitude,
      policyType: p.PolicyType,
      stepAdjustments: p.StepAdjustments === undefined || p.StepAdjustments.length === 0 ? undefined : p.StepAdjustments.map((s) => ({
        lowerBound: s.MetricIntervalLowerBound,
        upperBound: s.MetricIntervalUpperBound,
        scalingAdjustment: s.ScalingAdjustment as number,
      })),
      metricAggregationType: p.MetricAggregationType,
      estimatedInstanceWarmup: p.EstimatedInstanceWarmup,
      targetTrackingConfiguration: targetTrackingFromSdk(p.TargetTrackingConfiguration),
    });
    out.policyArn = p.PolicyARN;
    out.alarms = (p.Alarms ?? []).map((a) => Alarm.fromSdk(connection, a));
    return out;
  }

  toString(): string {
    const head = `ScalingPolicy(${pyStr(this.name)} group:${pyStr(this.asName)}`;
    if (this.policyType === undefined || this.policyType === 'SimpleScaling') return `${head} adjustment:${pyStr(this.adjustmentType)})`;
    if (this.policyType === 'TargetTrackingScaling') return `${head} type:${this.policyType} target:${targetText(this.targetTrackingConfiguration)})`;
    return `${head} type:${pyStr(this.policyType)} adjustment:${pyStr(this.adjustmentType)})`;
  }

  /** Deletes this policy (by its name, in its group). */
  async delete(options?: CallOptions): Promise<Request> {
    return this.requireConnection().deletePolicy(this.name as string, { autoscaleGroup: this.asName, signal: options?.signal });
  }
}

/** `ASGAverageCPUUtilization=50`, or the customized metric's name and the target. */
function targetText(t: TargetTrackingConfiguration | undefined): string {
  if (t === undefined) return 'None';
  const metric = t.predefinedMetric?.type ?? t.customizedMetric?.metricName;
  return `${pyStr(metric)}=${t.targetValue}`;
}

function targetTrackingFromSdk(t: SdkTargetTracking | undefined): TargetTrackingConfiguration | undefined {
  if (t === undefined) return undefined;
  const out: TargetTrackingConfiguration = { targetValue: t.TargetValue as number };
  const pre = t.PredefinedMetricSpecification;
  if (pre !== undefined) {
    out.predefinedMetric = { type: pre.PredefinedMetricType as string };
    if (pre.ResourceLabel !== undefined) out.predefinedMetric.resourceLabel = pre.ResourceLabel;
  }
  const c = t.CustomizedMetricSpecification;
  if (c !== undefined) {
    out.customizedMetric = { metricName: c.MetricName as string, namespace: c.Namespace as string, statistic: c.Statistic as string };
    if (c.Dimensions !== undefined && c.Dimensions.length > 0) {
      out.customizedMetric.dimensions = Object.fromEntries(c.Dimensions.map((d) => [d.Name as string, d.Value as string]));
    }
    if (c.Unit !== undefined) out.customizedMetric.unit = c.Unit;
  }
  if (t.DisableScaleIn !== undefined) out.disableScaleIn = t.DisableScaleIn;
  return out;
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(ScalingPolicy, {
  new: '{connection, name, adjustmentType, asName, scalingAdjustment, cooldown, minAdjustmentStep, minAdjustmentMagnitude, policyType, stepAdjustments, metricAggregationType, estimatedInstanceWarmup, targetTrackingConfiguration}',
  delete: '{signal}',
});

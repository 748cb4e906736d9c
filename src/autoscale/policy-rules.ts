/**
 * AWS's rules for scaling policies (PutScalingPolicy), checked before anything is sent.
 *
 * What the Auto Scaling service model states (the predefined metric types, the statistics,
 * string lengths) is read from the model botoscale ships (src/local/models/autoscaling.json);
 * the rest, which the model does not state, is written here once, from the Amazon EC2 Auto
 * Scaling API Reference:
 *
 * - PutScalingPolicy: the policy types (`SimpleScaling`, the default, `StepScaling`,
 *   `TargetTrackingScaling`; botoscale does not send `PredictiveScaling`), which
 *   parameters each type takes ("Required if the policy type is …", "Valid only if the
 *   policy type is …") and `MetricAggregationType`'s values (`Minimum`, `Maximum`, `Average`).
 * - StepAdjustment: the ranges can't overlap or leave a gap; at most one step has a null
 *   lower bound, and there must be one if any lower bound is negative; at most one has a null
 *   upper bound, and there must be one if any upper bound is positive; no step has both null;
 *   for exact capacity the adjustment is non-negative.
 * - PredefinedMetricSpecification: `ResourceLabel` goes with `ALBRequestCountPerTarget`
 *   only, and there it is required, as `app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>`.
 *
 * @module
 */
import model from '../local/models/autoscaling.json';
import { BotoClientError } from '../core/errors';
import { checkInt, checkLength, checkOneOf, requireValue } from '../core/validate';

interface ModelShape {
  readonly enum?: readonly string[];
  readonly max?: number;
}

function shape(name: string): ModelShape {
  const s = (model.shapes as unknown as Record<string, ModelShape | undefined>)[name];
  if (s === undefined) throw new Error(`the Auto Scaling model has no shape ${name}`);
  return s;
}

function modelEnum(name: string): readonly string[] {
  const values = shape(name).enum;
  if (values === undefined) throw new Error(`the Auto Scaling model's ${name} has no enum`);
  return values;
}

/** The policy types botoscale sends (PutScalingPolicy's `PolicyType`, without `PredictiveScaling`). */
export const POLICY_TYPES = ['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'] as const;
/** A policy type botoscale sends. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** PutScalingPolicy's `MetricAggregationType` values. */
export const METRIC_AGGREGATION_TYPES = ['Minimum', 'Maximum', 'Average'] as const;

/** Target tracking's predefined metrics, as the model lists them (`MetricType`). */
export const PREDEFINED_METRIC_TYPES: readonly string[] = modelEnum('MetricType');

/** A customized metric's statistics, as the model lists them (`MetricStatistic`). */
export const METRIC_STATISTICS: readonly string[] = modelEnum('MetricStatistic');

/** The predefined metric that takes (and needs) a resource label. */
export const LABELLED_METRIC_TYPE = 'ALBRequestCountPerTarget';

const RESOURCE_LABEL = /^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/;

/** Whether `label` has the form of an `ALBRequestCountPerTarget` resource label. */
export function isResourceLabel(label: string): boolean {
  return RESOURCE_LABEL.test(label);
}

/** The longest text the model allows for a string shape. */
export function maxLength(shapeName: string): number {
  const max = shape(shapeName).max;
  if (max === undefined) throw new Error(`the Auto Scaling model's ${shapeName} has no max`);
  return max;
}

/** The policy fields that only some types take (PutScalingPolicy, "Valid only if …"). */
export const FIELDS_BY_TYPE: Readonly<Record<string, readonly PolicyType[]>> = {
  adjustmentType: ['SimpleScaling', 'StepScaling'],
  scalingAdjustment: ['SimpleScaling'],
  cooldown: ['SimpleScaling'],
  minAdjustmentStep: ['SimpleScaling', 'StepScaling'],
  minAdjustmentMagnitude: ['SimpleScaling', 'StepScaling'],
  stepAdjustments: ['StepScaling'],
  metricAggregationType: ['StepScaling'],
  estimatedInstanceWarmup: ['StepScaling', 'TargetTrackingScaling'],
  targetTrackingConfiguration: ['TargetTrackingScaling'],
};

/** The fields each type needs (PutScalingPolicy, "Required if …"). */
export const REQUIRED_BY_TYPE: Readonly<Record<PolicyType, readonly string[]>> = {
  SimpleScaling: ['adjustmentType', 'scalingAdjustment'],
  StepScaling: ['adjustmentType', 'stepAdjustments'],
  TargetTrackingScaling: ['targetTrackingConfiguration'],
};

/** One step of a step scaling policy, as botoscale names AWS's `StepAdjustment`. */
export interface StepAdjustment {
  /** Lower bound of the metric's distance from the alarm threshold; left out for no bound. */
  lowerBound?: number;
  /** Upper bound of the metric's distance from the alarm threshold; left out for no bound. */
  upperBound?: number;
  /** How much to adjust by, in the policy's adjustment type. */
  scalingAdjustment: number;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
}

/** Throws unless `value` is undefined or a finite number. */
export function checkNumber(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new BotoClientError(`${field} must be a number, got ${show(value)}`);
  return value;
}

/** Throws unless `value` is undefined or a boolean. */
export function checkBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new BotoClientError(`${field} must be true or false, got ${show(value)}`);
  return value;
}

/** Throws unless `value` is a plain object (not a list). */
export function checkObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BotoClientError(`${field} must be an object, got ${show(value)}`);
  return value as Record<string, unknown>;
}

/** An integer; with `ExactCapacity` a non-negative one (PutScalingPolicy, StepAdjustment). */
export function checkScalingAdjustment(field: string, value: number | undefined, adjustmentType: string | undefined): void {
  checkInt(field, value);
  if (adjustmentType === 'ExactCapacity' && value !== undefined && value < 0) {
    throw new BotoClientError(`${field} must be a non-negative integer with adjustmentType ExactCapacity, got ${value}`);
  }
}

/** The names a step's bounds go by in messages (autoscalectl's files say `lower` and `upper`). */
export interface StepWords {
  /** The lower bound's name. */
  lower: string;
  /** The upper bound's name. */
  upper: string;
}

const CLIENT_WORDS: StepWords = { lower: 'lowerBound', upper: 'upperBound' };

function interval(s: StepAdjustment): string {
  return `[${s.lowerBound ?? 'null'}, ${s.upperBound ?? 'null'}]`;
}

function checkStep(field: string, raw: unknown, adjustmentType: string | undefined): StepAdjustment {
  const o = checkObject(field, raw);
  const scalingAdjustment = requireValue(`${field}.scalingAdjustment`, o.scalingAdjustment as number | undefined);
  checkScalingAdjustment(`${field}.scalingAdjustment`, scalingAdjustment, adjustmentType);
  const lowerBound = checkNumber(`${field}.lowerBound`, o.lowerBound);
  const upperBound = checkNumber(`${field}.upperBound`, o.upperBound);
  for (const key of Object.keys(o)) {
    if (!['lowerBound', 'upperBound', 'scalingAdjustment'].includes(key)) {
      throw new BotoClientError(`${field} takes lowerBound, upperBound and scalingAdjustment, got ${JSON.stringify(key)}`);
    }
  }
  return { lowerBound, upperBound, scalingAdjustment };
}

/** The rules between a step's bounds, and between the steps (StepAdjustment reference). */
export function checkStepIntervals(field: string, steps: readonly StepAdjustment[], words: StepWords = CLIENT_WORDS): void {
  steps.forEach((s, i) => {
    const at = `${field}[${i}]`;
    if (s.lowerBound === undefined && s.upperBound === undefined) throw new BotoClientError(`${at} needs a ${words.lower} or an ${words.upper} (both can't be null)`);
    if (s.lowerBound !== undefined && s.upperBound !== undefined && s.upperBound <= s.lowerBound) {
      throw new BotoClientError(`${at}.${words.upper} (${s.upperBound}) must be greater than its ${words.lower} (${s.lowerBound})`);
    }
  });
  const openBelow = steps.filter((s) => s.lowerBound === undefined).length;
  const openAbove = steps.filter((s) => s.upperBound === undefined).length;
  if (openBelow > 1) throw new BotoClientError(`at most one of ${field} may have a null ${words.lower}, got ${openBelow}`);
  if (openAbove > 1) throw new BotoClientError(`at most one of ${field} may have a null ${words.upper}, got ${openAbove}`);
  const negative = steps.find((s) => s.lowerBound !== undefined && s.lowerBound < 0);
  if (negative !== undefined && openBelow === 0) {
    throw new BotoClientError(`${field} has a negative ${words.lower} (${negative.lowerBound}), so one step must have a null ${words.lower}`);
  }
  const positive = steps.find((s) => s.upperBound !== undefined && s.upperBound > 0);
  if (positive !== undefined && openAbove === 0) {
    throw new BotoClientError(`${field} has a positive ${words.upper} (${positive.upperBound}), so one step must have a null ${words.upper}`);
  }
  const sorted = [...steps].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as StepAdjustment;
    const cur = sorted[i] as StepAdjustment;
    const prevUpper = prev.upperBound ?? Infinity;
    const curLower = cur.lowerBound ?? -Infinity;
    if (prevUpper > curLower) throw new BotoClientError(`${field} ${interval(prev)} and ${interval(cur)} overlap`);
    if (prevUpper < curLower) throw new BotoClientError(`${field} leave a gap between ${prevUpper} and ${curLower}`);
  }
}

/** Checks a step scaling policy's steps as the StepAdjustment reference states the rules. */
export function checkStepAdjustments(field: string, raw: unknown, adjustmentType: string | undefined): StepAdjustment[] {
  if (!Array.isArray(raw)) throw new BotoClientError(`${field} must be a list, got ${show(raw)}`);
  if (raw.length === 0) throw new BotoClientError(`${field} must list at least one item`);
  const steps = raw.map((s, i) => checkStep(`${field}[${i}]`, s, adjustmentType));
  checkStepIntervals(field, steps);
  return steps;
}

/** Checks a predefined metric's type and resource label. */
export function checkPredefinedMetric(field: string, type: unknown, resourceLabel: unknown): void {
  checkOneOf(`${field}.type`, requireValue(`${field}.type`, type as string | undefined), PREDEFINED_METRIC_TYPES);
  if (type === LABELLED_METRIC_TYPE) {
    const label = requireValue(`${field}.resourceLabel`, resourceLabel as string | undefined);
    checkLength(`${field}.resourceLabel`, label, maxLength('XmlStringMaxLen1023'));
    if (!isResourceLabel(label)) {
      throw new BotoClientError(`${field}.resourceLabel must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>, got ${show(label)}`);
    }
  } else if (resourceLabel !== undefined) {
    throw new BotoClientError(`${field}.resourceLabel is allowed only with type ${LABELLED_METRIC_TYPE}, got type ${show(type)}`);
  }
}

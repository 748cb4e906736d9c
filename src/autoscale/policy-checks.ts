/**
 * The client's checks of a scaling policy's parts, each throwing a {@link BotoClientError}
 * that names the field. The rules themselves are in src/core/rules: what the Auto Scaling
 * model states (predefined metric types, statistics, lengths) in `generated`, the rest
 * (policy types, fields per type, step intervals, resource labels) in `aws-rules`, with
 * the AWS documentation each comes from.
 *
 * @module
 */
import { BotoClientError } from '../core/errors';
import { checkInt, checkLength, checkOneOf, requireValue } from '../core/validate';
import { isResourceLabel, LABELLED_METRIC_TYPE, RESOURCE_LABEL_FORM, stepIntervalProblem, type StepInterval } from '../core/rules/aws-rules';
import { AUTOSCALING } from '../core/rules/generated';

export { POLICY_TYPES, type PolicyType } from '../core/rules/aws-rules';

/** One step of a step scaling policy, as botoscale names AWS's `StepAdjustment`. */
export interface StepAdjustment extends StepInterval {
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

/** Checks a step scaling policy's steps: each step, then AWS's rules between them. */
export function checkStepAdjustments(field: string, raw: unknown, adjustmentType: string | undefined): StepAdjustment[] {
  if (!Array.isArray(raw)) throw new BotoClientError(`${field} must be a list, got ${show(raw)}`);
  if (raw.length === 0) throw new BotoClientError(`${field} must list at least one item`);
  const steps = raw.map((s, i) => checkStep(`${field}[${i}]`, s, adjustmentType));
  const problem = stepIntervalProblem(field, steps, { lower: 'lowerBound', upper: 'upperBound' });
  if (problem !== undefined) throw new BotoClientError(problem);
  return steps;
}

/** Checks a predefined metric's type (one of the model's `MetricType`) and resource label. */
export function checkPredefinedMetric(field: string, type: unknown, resourceLabel: unknown): void {
  checkOneOf(`${field}.type`, requireValue(`${field}.type`, type as string | undefined), AUTOSCALING.MetricType.enum);
  if (type === LABELLED_METRIC_TYPE) {
    const label = requireValue(`${field}.resourceLabel`, resourceLabel as string | undefined);
    checkLength(`${field}.resourceLabel`, label, AUTOSCALING.XmlStringMaxLen1023.max);
    if (!isResourceLabel(label)) throw new BotoClientError(`${field}.resourceLabel must be ${RESOURCE_LABEL_FORM}, got ${show(label)}`);
  } else if (resourceLabel !== undefined) {
    throw new BotoClientError(`${field}.resourceLabel is allowed only with type ${LABELLED_METRIC_TYPE}, got type ${show(type)}`);
  }
}

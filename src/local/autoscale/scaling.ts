/**
 * Simple and step scaling arithmetic, as the Auto Scaling documentation describes it:
 * the new desired capacity a policy asks for, before and after the group's limits.
 *
 * @module
 */
import type { PolicyRecord, StepAdjustmentRecord } from './model';

/**
 * The capacity change of a `PercentChangeInCapacity` adjustment: values between 0 and 1
 * become 1, values above 1 are rounded down, values between -1 and 0 become -1, values
 * below -1 are rounded up (toward zero); then a `MinAdjustmentMagnitude` raises a smaller
 * change to that magnitude.
 */
export function percentChange(current: number, percent: number, minMagnitude: number | undefined): number {
  const raw = (current * percent) / 100;
  let change: number;
  if (raw > 0 && raw < 1) change = 1;
  else if (raw >= 1) change = Math.floor(raw);
  else if (raw < 0 && raw > -1) change = -1;
  else if (raw <= -1) change = Math.ceil(raw);
  else change = 0;
  if (minMagnitude !== undefined && change !== 0 && Math.abs(change) < minMagnitude) {
    change = Math.sign(change) * minMagnitude;
  }
  return change;
}

/** The desired capacity an adjustment asks for, not yet clamped to the group's limits. */
export function adjustedCapacity(
  adjustmentType: string,
  adjustment: number,
  current: number,
  minMagnitude: number | undefined,
): number {
  switch (adjustmentType) {
    case 'ExactCapacity':
      return adjustment;
    case 'PercentChangeInCapacity':
      return current + percentChange(current, adjustment, minMagnitude);
    default:
      return current + adjustment;
  }
}

/** `value` clamped to [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The step of a step scaling policy that applies to a metric value, given the alarm's
 * breach threshold; undefined when no step covers it.
 */
export function stepFor(steps: readonly StepAdjustmentRecord[], metricValue: number, breachThreshold: number): StepAdjustmentRecord | undefined {
  const diff = metricValue - breachThreshold;
  return steps.find((s) => {
    const lower = s.lower ?? -Infinity;
    const upper = s.upper ?? Infinity;
    // Lower bounds are inclusive for positive steps, upper bounds for negative ones.
    if (diff >= 0) return diff >= lower && diff < upper;
    return diff > lower && diff <= upper;
  });
}

/** The new desired capacity a policy execution asks for, clamped to [min, max]. */
export function policyCapacity(
  policy: PolicyRecord,
  current: number,
  min: number,
  max: number,
  metric?: { value: number; threshold: number },
): number | undefined {
  let adjustment = policy.scalingAdjustment;
  if (policy.policyType === 'StepScaling') {
    if (metric === undefined) return undefined;
    adjustment = stepFor(policy.stepAdjustments, metric.value, metric.threshold)?.scalingAdjustment;
  }
  if (adjustment === undefined) return undefined;
  return clamp(adjustedCapacity(policy.adjustmentType, adjustment, current, policy.minAdjustmentMagnitude), min, max);
}

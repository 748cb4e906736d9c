/**
 * Scaling policies: PutScalingPolicy, DeletePolicy, ExecutePolicy, and execution as an
 * alarm action, with AWS's cooldown rules for simple scaling.
 *
 * @module
 */
import type { Alarm, StepAdjustment } from '@aws-sdk/client-auto-scaling';
import { uuid } from '../ids';
import { reconcileGroup } from './control';
import { activityInProgress, policyGroupNotFound, validation } from './errors';
import { policyArn } from './format';
import { ADJUSTMENT_TYPES, type GroupRecord, type PolicyRecord, type StepAdjustmentRecord } from './model';
import { policyCapacity } from './scaling';
import type { AutoScalingState } from './state';
import { createPolicyAlarms, deletePolicyAlarms, readTargetTracking, trackedCapacity } from './targettracking';
import type { Checked } from '../typed';
import type { In } from './sdk';
import { METRIC_AGGREGATION_TYPES, stepRuleBroken, type StepRuleBreak } from '../../core/rules/aws-rules';

function requireGroup(state: AutoScalingState, name: string): GroupRecord {
  const g = state.groups.get(name);
  if (g === undefined) throw policyGroupNotFound(name);
  return g;
}

/** AWS's refusal of each step rule (the rules themselves are src/core/rules's). */
const STEP_RULE_MESSAGES: Readonly<Record<StepRuleBreak['rule'], string>> = {
  'both-null': 'The upper and lower bound of a step adjustment cannot both be null.',
  'upper-not-above-lower': 'Upper bound of a step adjustment must be greater than its lower bound.',
  'null-lower-twice': 'Only one step adjustment can have an unbounded lower or upper bound.',
  'null-upper-twice': 'Only one step adjustment can have an unbounded lower or upper bound.',
  'negative-lower-needs-null-lower': 'A step adjustment with a negative lower bound requires a step adjustment with an unbounded lower bound.',
  'positive-upper-needs-null-upper': 'A step adjustment with a positive upper bound requires a step adjustment with an unbounded upper bound.',
  overlap: 'Step adjustments must not overlap and must not have gaps between them.',
  gap: 'Step adjustments must not overlap and must not have gaps between them.',
};

function stepRecords(steps: ReadonlyArray<Checked<StepAdjustment>>): StepAdjustmentRecord[] {
  return steps.map((s) => {
    const step: StepAdjustmentRecord = { scalingAdjustment: s.ScalingAdjustment };
    if (s.MetricIntervalLowerBound !== undefined) step.lower = s.MetricIntervalLowerBound;
    if (s.MetricIntervalUpperBound !== undefined) step.upper = s.MetricIntervalUpperBound;
    return step;
  });
}

function checkSteps(steps: readonly StepAdjustmentRecord[]): void {
  if (steps.length === 0) throw validation('Step adjustments must be specified for a StepScaling policy.');
  const broken = stepRuleBroken(steps.map((s) => ({ lowerBound: s.lower, upperBound: s.upper })));
  if (broken !== undefined) throw validation(STEP_RULE_MESSAGES[broken.rule]);
}

/** A TargetTrackingScaling policy: AWS's checks, the policy, and its two alarms. */
function putTargetTracking(state: AutoScalingState, group: GroupRecord, p: In<'PutScalingPolicy'>): { policy: PolicyRecord; alarms: Alarm[] } {
  for (const [name, given] of [
    ['AdjustmentType', p.AdjustmentType],
    ['ScalingAdjustment', p.ScalingAdjustment],
    ['Cooldown', p.Cooldown],
    ['MinAdjustmentMagnitude', p.MinAdjustmentMagnitude ?? p.MinAdjustmentStep],
    ['MetricAggregationType', p.MetricAggregationType],
    ['StepAdjustments', p.StepAdjustments],
  ] as const) {
    if (given !== undefined) throw validation(`${name} is not supported by TargetTrackingScaling policies.`);
  }
  if (p.EstimatedInstanceWarmup !== undefined && p.EstimatedInstanceWarmup < 0) throw validation(`EstimatedInstanceWarmup must be greater than or equal to 0, got ${p.EstimatedInstanceWarmup}.`);
  const tracking = readTargetTracking(p.TargetTrackingConfiguration);
  const existing = state.getPolicy(group.name, p.PolicyName);
  if (existing !== undefined && existing.policyType !== 'TargetTrackingScaling') deletePolicyAlarms(state.cloud.cloudwatch, existing);
  const policy: PolicyRecord = {
    name: p.PolicyName,
    groupName: group.name,
    arn: existing?.arn ?? policyArn(state.cloud.region, state.cloud.accountId, uuid(), group.name, p.PolicyName),
    policyType: 'TargetTrackingScaling',
    adjustmentType: '',
    minAdjustmentStep: false,
    stepAdjustments: [],
    enabled: p.Enabled ?? true,
    targetTracking: tracking,
  };
  if (p.EstimatedInstanceWarmup !== undefined) policy.estimatedInstanceWarmup = p.EstimatedInstanceWarmup;
  const alarms = createPolicyAlarms(state.cloud.cloudwatch, policy, existing?.alarmNames ?? []);
  state.putPolicy(policy);
  return { policy, alarms };
}

/** PutScalingPolicy: the policy, and the alarms a TargetTrackingScaling policy created. */
export function putScalingPolicy(state: AutoScalingState, p: In<'PutScalingPolicy'>): { policy: PolicyRecord; alarms: Alarm[] } {
  if (p.PolicyType === 'TargetTrackingScaling') return putTargetTracking(state, requireGroup(state, p.AutoScalingGroupName), p);
  return { policy: putPolicy(state, p), alarms: [] };
}

/** Creates or replaces a simple or step scaling policy; returns it (its ARN survives replacement). */
export function putPolicy(state: AutoScalingState, p: In<'PutScalingPolicy'>): PolicyRecord {
  const group = requireGroup(state, p.AutoScalingGroupName);
  const type = p.PolicyType ?? 'SimpleScaling';
  if (type !== 'SimpleScaling' && type !== 'StepScaling') {
    if (type === 'PredictiveScaling') {
      throw validation('Policy type PredictiveScaling is not simulated by botoscale local (it forecasts from days of history); use TargetTrackingScaling, StepScaling or SimpleScaling.');
    }
    throw validation(`Invalid policy type: ${type}. Valid values are SimpleScaling, StepScaling, TargetTrackingScaling and PredictiveScaling.`);
  }
  if (p.TargetTrackingConfiguration !== undefined) throw validation(`TargetTrackingConfiguration is only supported by TargetTrackingScaling policies, not ${type}.`);
  const adjustmentType = p.AdjustmentType;
  if (adjustmentType === undefined) throw validation(`Adjustment type must be specified for a ${type} policy.`);
  if (!(ADJUSTMENT_TYPES as readonly string[]).includes(adjustmentType)) {
    throw validation(`Invalid adjustment type ${adjustmentType}. Valid values are ChangeInCapacity, ExactCapacity and PercentChangeInCapacity.`);
  }
  if (p.MinAdjustmentStep !== undefined && p.MinAdjustmentMagnitude !== undefined) {
    throw validation('MinAdjustmentStep and MinAdjustmentMagnitude cannot both be specified; use MinAdjustmentMagnitude.');
  }
  const magnitude = p.MinAdjustmentMagnitude ?? p.MinAdjustmentStep;
  if (magnitude !== undefined) {
    if (adjustmentType !== 'PercentChangeInCapacity') {
      throw validation('MinAdjustmentMagnitude (MinAdjustmentStep) is only supported with the PercentChangeInCapacity adjustment type.');
    }
    if (magnitude < 1) throw validation(`MinAdjustmentMagnitude must be at least 1, got ${magnitude}.`);
  }
  const steps = stepRecords(p.StepAdjustments ?? []);
  if (type === 'SimpleScaling') {
    if (p.ScalingAdjustment === undefined) throw validation('Scaling increment must be specified for a SimpleScaling policy');
    if (p.StepAdjustments !== undefined && p.StepAdjustments.length > 0) throw validation('Step adjustments are not supported by SimpleScaling policies.');
    if (adjustmentType === 'ExactCapacity' && p.ScalingAdjustment < 0) {
      throw validation('Scaling adjustment must be non-negative for the ExactCapacity adjustment type.');
    }
  } else {
    if (p.ScalingAdjustment !== undefined) throw validation('Scaling adjustment cannot be specified for a StepScaling policy; use step adjustments.');
    if (p.Cooldown !== undefined) throw validation('Cooldown is not supported by StepScaling policies.');
    checkSteps(steps);
  }
  if (p.MetricAggregationType !== undefined && !(METRIC_AGGREGATION_TYPES as readonly string[]).includes(p.MetricAggregationType)) {
    throw validation(`Invalid metric aggregation type: ${p.MetricAggregationType}. Valid values are Minimum, Maximum and Average.`);
  }
  const existing = state.getPolicy(group.name, p.PolicyName);
  const policy: PolicyRecord = {
    name: p.PolicyName,
    groupName: group.name,
    arn: existing?.arn ?? policyArn(state.cloud.region, state.cloud.accountId, uuid(), group.name, p.PolicyName),
    policyType: type,
    adjustmentType,
    minAdjustmentStep: p.MinAdjustmentStep !== undefined,
    stepAdjustments: steps,
    enabled: p.Enabled ?? true,
  };
  if (p.ScalingAdjustment !== undefined) policy.scalingAdjustment = p.ScalingAdjustment;
  if (p.Cooldown !== undefined) policy.cooldown = p.Cooldown;
  if (magnitude !== undefined) policy.minAdjustmentMagnitude = magnitude;
  if (type === 'StepScaling') policy.metricAggregationType = p.MetricAggregationType ?? 'Average';
  if (p.EstimatedInstanceWarmup !== undefined) policy.estimatedInstanceWarmup = p.EstimatedInstanceWarmup;
  if (existing !== undefined) deletePolicyAlarms(state.cloud.cloudwatch, existing);
  state.putPolicy(policy);
  return policy;
}

/** Finds a policy by name (within a group) or by ARN. */
export function findPolicy(state: AutoScalingState, group: string | undefined, nameOrArn: string): PolicyRecord | undefined {
  if (nameOrArn.startsWith('arn:')) return state.policyByArn(nameOrArn);
  if (group === undefined) return undefined;
  return state.getPolicy(group, nameOrArn);
}

/** DeletePolicy. */
export function deletePolicy(state: AutoScalingState, group: string | undefined, nameOrArn: string): void {
  if (group !== undefined && !nameOrArn.startsWith('arn:')) requireGroup(state, group);
  const policy = findPolicy(state, group, nameOrArn);
  if (policy === undefined) throw validation(`Policy ${nameOrArn} not found${group === undefined ? '' : ` for AutoScalingGroup ${group}`}`);
  state.deletePolicy(policy);
}

/** The metric values step scaling needs. */
export interface StepMetric {
  value: number;
  threshold: number;
}

/**
 * Applies a policy to its group now: the desired capacity changes (within [min, max]) and
 * the launches or terminations start. `who` words the trigger as AWS does in causes.
 */
function apply(state: AutoScalingState, group: GroupRecord, policy: PolicyRecord, who: string, now: number, metric?: StepMetric): void {
  const desired =
    policy.policyType === 'TargetTrackingScaling'
      ? metric === undefined ? undefined : trackedCapacity(group, policy, metric.value, now)
      : policyCapacity(policy, group.desiredCapacity, group.minSize, group.maxSize, metric);
  if (desired === undefined) return;
  const cooldown = policy.policyType === 'SimpleScaling' ? (policy.cooldown ?? group.defaultCooldown) : undefined;
  if (state.changeDesired(group, desired, who, now, cooldown)) {
    if (policy.policyType === 'TargetTrackingScaling') policy.lastScaledAt = now;
    reconcileGroup(state, group, now);
  }
}

/** ExecutePolicy. */
export function executePolicy(
  state: AutoScalingState,
  p: In<'ExecutePolicy'>,
  now: number,
): void {
  if (p.AutoScalingGroupName !== undefined && !p.PolicyName.startsWith('arn:')) requireGroup(state, p.AutoScalingGroupName);
  const policy = findPolicy(state, p.AutoScalingGroupName, p.PolicyName);
  if (policy === undefined) throw validation(`No such policy: ${p.PolicyName}`);
  const group = requireGroup(state, policy.groupName);
  if (policy.policyType === 'TargetTrackingScaling') {
    throw validation('ExecutePolicy is supported only by SimpleScaling and StepScaling policies: a TargetTrackingScaling policy acts on its own alarms.');
  }
  let metric: StepMetric | undefined;
  if (policy.policyType === 'StepScaling') {
    if (p.MetricValue === undefined || p.BreachThreshold === undefined) {
      throw validation('MetricValue and BreachThreshold are required to execute a StepScaling policy.');
    }
    if (p.HonorCooldown !== undefined) throw validation('HonorCooldown is not supported by StepScaling policies.');
    metric = { value: p.MetricValue, threshold: p.BreachThreshold };
  } else if (p.MetricValue !== undefined || p.BreachThreshold !== undefined) {
    throw validation('MetricValue and BreachThreshold are only supported by StepScaling policies.');
  }
  if (p.HonorCooldown === true && state.inCooldown(group, now)) {
    throw activityInProgress(`Scaling activity is in progress or the cooldown period of AutoScalingGroup ${group.name} has not ended.`);
  }
  apply(state, group, policy, `a user request executed policy ${policy.name}`, now, metric);
}

/** What became of an alarm's policy execution. */
export type AlarmExecution = 'unknown' | 'executed' | 'cooldown' | 'suspended' | 'disabled';

/**
 * Executes a policy as an alarm action: honours the cooldown (a refusal is returned, not
 * thrown) and the AlarmNotification process. `cause` names the trigger as AWS words it
 * ("a monitor alarm NAME in state ALARM").
 */
export function executeForAlarm(state: AutoScalingState, arn: string, cause: string, now: number, metric?: StepMetric): AlarmExecution {
  const policy = state.policyByArn(arn);
  if (policy === undefined) return 'unknown';
  const group = state.groups.get(policy.groupName);
  if (group === undefined || group.deleting) return 'unknown';
  if (!policy.enabled) return 'disabled';
  if (state.suspended(group, 'AlarmNotification')) return 'suspended';
  if (policy.policyType === 'SimpleScaling' && state.inCooldown(group, now)) return 'cooldown';
  apply(state, group, policy, `${cause} triggered policy ${policy.name}`, now, metric);
  return 'executed';
}

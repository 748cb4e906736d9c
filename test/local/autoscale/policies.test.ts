import type { WireObject } from '../../../src/local/types';
import { percentChange, stepFor } from '../../../src/local/autoscale/scaling';
import { autoscaleEnv, type AutoScalingEnv } from './env';
import { list } from './fakes';

const POLICY_ARN = /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/web:policyName\/scale_up$/;

function withGroup(min: number, max: number, desired: number, extra: WireObject = {}): AutoScalingEnv {
  const env = autoscaleEnv();
  env.launchConfig();
  env.group('web', min, max, desired, extra);
  env.advance('20s');
  return env;
}

function desired(env: AutoScalingEnv): number | undefined {
  return env.state.groups.get('web')?.desiredCapacity;
}

describe('PutScalingPolicy and DescribePolicies', () => {
  test('answers the PolicyARN; DescribePolicies writes the policy as AWS does; a second put keeps the ARN', () => {
    const env = withGroup(1, 4, 1);
    const out = env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'scale_up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 180 });
    expect(out).toEqual({ PolicyARN: expect.stringMatching(POLICY_ARN), Alarms: [] });
    const [p] = list(env.call('DescribePolicies', { AutoScalingGroupName: 'web', PolicyNames: ['scale_up'] }).ScalingPolicies);
    expect(p).toEqual({
      AutoScalingGroupName: 'web',
      PolicyName: 'scale_up',
      PolicyARN: out.PolicyARN,
      PolicyType: 'SimpleScaling',
      AdjustmentType: 'ChangeInCapacity',
      ScalingAdjustment: 1,
      Cooldown: 180,
      StepAdjustments: [],
      Alarms: [],
      Enabled: true,
    });
    const again = env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'scale_up', AdjustmentType: 'PercentChangeInCapacity', ScalingAdjustment: 50, MinAdjustmentStep: 2 });
    expect(again.PolicyARN).toBe(out.PolicyARN);
    const [q] = list(env.call('DescribePolicies').ScalingPolicies);
    expect([q?.AdjustmentType, q?.ScalingAdjustment, q?.MinAdjustmentStep, q?.MinAdjustmentMagnitude, q?.Cooldown]).toEqual(['PercentChangeInCapacity', 50, 2, 2, undefined]);
  });

  test.each([
    [{ AutoScalingGroupName: 'nope' }, 'Group nope not found'],
    [{ ScalingAdjustment: undefined }, 'Scaling increment must be specified for a SimpleScaling policy'],
    [{ AdjustmentType: undefined }, 'Adjustment type must be specified for a SimpleScaling policy.'],
    [{ AdjustmentType: 'Double' }, 'Invalid adjustment type Double. Valid values are ChangeInCapacity, ExactCapacity and PercentChangeInCapacity.'],
    [{ MinAdjustmentStep: 2 }, 'MinAdjustmentMagnitude (MinAdjustmentStep) is only supported with the PercentChangeInCapacity adjustment type.'],
    [{ AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentStep: 2, MinAdjustmentMagnitude: 2 }, 'MinAdjustmentStep and MinAdjustmentMagnitude cannot both be specified; use MinAdjustmentMagnitude.'],
    [{ PolicyType: 'TargetTrackingScaling' }, 'AdjustmentType is not supported by TargetTrackingScaling policies.'],
    [{ PolicyType: 'PredictiveScaling' }, 'Policy type PredictiveScaling is not simulated by botoscale local (it forecasts from days of history); use TargetTrackingScaling, StepScaling or SimpleScaling.'],
    [{ PolicyType: 'StepScaling', ScalingAdjustment: undefined }, 'Step adjustments must be specified for a StepScaling policy.'],
  ])('%j is a ValidationError', (extra, message) => {
    const env = withGroup(1, 4, 1);
    const err = env.fail('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'p', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, ...extra });
    expect([err.code, err.status, err.message]).toEqual(['ValidationError', 400, message]);
  });

  test('DescribePolicies of an unknown group, DeletePolicy, and paging', () => {
    const env = withGroup(1, 4, 1);
    for (let i = 0; i < 60; i++) env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: `p${String(i).padStart(2, '0')}`, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 });
    const err = env.fail('DescribePolicies', { AutoScalingGroupName: 'nope' });
    expect([err.code, err.message]).toEqual(['ValidationError', 'Group nope not found']);
    const first = env.call('DescribePolicies', { AutoScalingGroupName: 'web' });
    expect(list(first.ScalingPolicies)).toHaveLength(50);
    const rest = env.call('DescribePolicies', { AutoScalingGroupName: 'web', NextToken: first.NextToken ?? null });
    expect(list(rest.ScalingPolicies).map((p) => p.PolicyName)).toEqual(Array.from({ length: 10 }, (_, i) => `p${50 + i}`));
    env.call('DeletePolicy', { AutoScalingGroupName: 'web', PolicyName: 'p00' });
    const arn = String(list(env.call('DescribePolicies', { PolicyNames: ['p01'] }).ScalingPolicies)[0]?.PolicyARN);
    env.call('DeletePolicy', { PolicyName: arn });
    expect(list(env.call('DescribePolicies', { MaxRecords: 100 }).ScalingPolicies)).toHaveLength(58);
    const gone = env.fail('DeletePolicy', { AutoScalingGroupName: 'web', PolicyName: 'p00' });
    expect(gone.message).toBe('Policy p00 not found for AutoScalingGroup web');
  });
});

describe('ExecutePolicy', () => {
  test('ChangeInCapacity raises the desired capacity within [min, max], with AWS cause', () => {
    const env = withGroup(1, 2, 1);
    env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'scale_up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 5 });
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'scale_up' });
    expect(desired(env)).toBe(2);
    const [launch] = list(env.call('DescribeScalingActivities', { AutoScalingGroupName: 'web' }).Activities);
    expect(launch?.Cause).toBe(
      'At 2026-01-01T00:00:20Z a user request executed policy scale_up changing the desired capacity from 1 to 2.  At 2026-01-01T00:00:20Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 2.',
    );
    const unknown = env.fail('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'nope' });
    expect([unknown.code, unknown.message]).toEqual(['ValidationError', 'No such policy: nope']);
  });

  test('ExactCapacity sets it', () => {
    const env = withGroup(0, 10, 1);
    env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'five', AdjustmentType: 'ExactCapacity', ScalingAdjustment: 5 });
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'five' });
    expect(desired(env)).toBe(5);
  });

  test.each([
    [10, 5, undefined, 11],
    [10, 25, undefined, 12],
    [10, -5, undefined, 9],
    [10, -25, undefined, 8],
    [10, 5, 3, 13],
    [10, -5, 3, 7],
    [10, 100, undefined, 20],
    [10, -200, undefined, 0],
  ])('PercentChangeInCapacity from %i by %i%% (MinAdjustmentStep %s) gives %i', (from, percent, step, to) => {
    const env = withGroup(0, 20, from);
    const put: WireObject = { AutoScalingGroupName: 'web', PolicyName: 'pct', AdjustmentType: 'PercentChangeInCapacity', ScalingAdjustment: percent };
    if (step !== undefined) put.MinAdjustmentStep = step;
    env.call('PutScalingPolicy', put);
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'pct' });
    expect(desired(env)).toBe(to);
  });

  test('percentChange rounds as AWS documents', () => {
    expect([0.5, 1, 1.9, 2.5, -0.5, -1, -1.9, -2.5, 0].map((raw) => percentChange(100, raw, undefined))).toEqual([1, 1, 1, 2, -1, -1, -1, -2, 0]);
    expect(percentChange(10, 10, 4)).toBe(4);
    expect(percentChange(10, -10, 4)).toBe(-4);
    expect(percentChange(10, 50, 4)).toBe(5);
  });

  test('cooldown: an execution honouring it is refused while the last one runs and until its cooldown ends', () => {
    const env = withGroup(1, 6, 1);
    env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 180 });
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true });
    const busy = env.fail('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true });
    expect([busy.code, busy.status, busy.message]).toEqual(['ScalingActivityInProgress', 400, 'Scaling activity is in progress or the cooldown period of AutoScalingGroup web has not ended.']);
    // InService at 00:00:40, so the cooldown ends at 00:03:40.
    env.advance('20s');
    env.advance('170s');
    expect(env.fail('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true }).code).toBe('ScalingActivityInProgress');
    // Without HonorCooldown it runs anyway.
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up' });
    expect(desired(env)).toBe(3);
  });

  test('the group default cooldown applies when the policy has none', () => {
    const env = withGroup(1, 6, 1, { DefaultCooldown: 30 });
    env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 });
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true });
    env.advance('40s');
    expect(env.fail('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true }).code).toBe('ScalingActivityInProgress');
    env.advance('20s');
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', HonorCooldown: true });
    expect(desired(env)).toBe(3);
  });

  test('as an alarm action: cooldown refusals are not errors, AlarmNotification suspended ignores it, unknown ARNs answer false', () => {
    const env = withGroup(1, 6, 1);
    const arn = String(env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 60 }).PolicyARN);
    expect(env.service.api.executePolicyByArn(arn, 'a monitor alarm hi-cpu in state ALARM')).toBe(true);
    expect(desired(env)).toBe(2);
    const [launch] = list(env.call('DescribeScalingActivities', { AutoScalingGroupName: 'web' }).Activities);
    expect(String(launch?.Cause)).toMatch(/^At 2026-01-01T00:00:20Z a monitor alarm hi-cpu in state ALARM triggered policy up changing the desired capacity from 1 to 2\. {2}At /);
    expect(env.service.api.executePolicyByArn(arn, 'a monitor alarm hi-cpu in state ALARM')).toBe(true);
    expect(desired(env)).toBe(2);
    env.advance('2m');
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['AlarmNotification'] });
    expect(env.service.api.executePolicyByArn(arn, 'a monitor alarm hi-cpu in state ALARM')).toBe(true);
    expect(desired(env)).toBe(2);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web' });
    expect(env.service.api.executePolicyByArn(arn, 'a monitor alarm hi-cpu in state ALARM')).toBe(true);
    expect(desired(env)).toBe(3);
    expect(env.service.api.executePolicyByArn(`${arn}x`, 'a monitor alarm hi-cpu in state ALARM')).toBe(false);
  });

  test('StepScaling picks the step of the breach and needs the metric values', () => {
    const env = withGroup(1, 10, 2);
    env.call('PutScalingPolicy', {
      AutoScalingGroupName: 'web',
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 10, ScalingAdjustment: 3 },
      ],
    });
    const missing = env.fail('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'steps' });
    expect(missing.message).toBe('MetricValue and BreachThreshold are required to execute a StepScaling policy.');
    env.call('ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'steps', MetricValue: 85, BreachThreshold: 70 });
    expect(desired(env)).toBe(5);
    expect(stepFor([{ lower: 0, upper: 10, scalingAdjustment: 1 }], 75, 70)?.scalingAdjustment).toBe(1);
    expect(stepFor([{ upper: 0, scalingAdjustment: -1 }], 30, 40)?.scalingAdjustment).toBe(-1);
    const [p] = list(env.call('DescribePolicies').ScalingPolicies);
    expect(p?.StepAdjustments).toEqual([
      { ScalingAdjustment: 1, MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10 },
      { ScalingAdjustment: 3, MetricIntervalLowerBound: 10 },
    ]);
    expect(p?.MetricAggregationType).toBe('Average');
  });
});

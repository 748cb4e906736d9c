/**
 * ScalingPolicy's step scaling and target tracking (beyond boto2): what goes on the wire,
 * what describes read back, the repr, and every run-time check with its exact error.
 */
import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { ScalingPolicy, type ScalingPolicyOptions } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

const CPU50 = { predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50 };
const LABEL = 'app/my-alb/778d41231b141a0f/targetgroup/my-alb-target-group/943f017f100becff';

describe('createScalingPolicy: the other policy types', () => {
  test('a step policy sends its type, steps, aggregation, warm-up and minAdjustmentMagnitude', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:step</PolicyARN><Alarms/>');
    const p = new ScalingPolicy({
      name: 'steps', asName: 'web', policyType: 'StepScaling', adjustmentType: 'PercentChangeInCapacity', minAdjustmentMagnitude: 2,
      stepAdjustments: [{ lowerBound: 0, upperBound: 15, scalingAdjustment: 10 }, { lowerBound: 15, scalingAdjustment: 30 }],
      metricAggregationType: 'Maximum', estimatedInstanceWarmup: 120,
    });
    await conn.createScalingPolicy(p);
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AdjustmentType: 'PercentChangeInCapacity', AutoScalingGroupName: 'web', PolicyName: 'steps', PolicyType: 'StepScaling', MinAdjustmentMagnitude: '2',
      'StepAdjustments.member.1.MetricIntervalLowerBound': '0', 'StepAdjustments.member.1.MetricIntervalUpperBound': '15', 'StepAdjustments.member.1.ScalingAdjustment': '10',
      'StepAdjustments.member.2.MetricIntervalLowerBound': '15', 'StepAdjustments.member.2.ScalingAdjustment': '30',
      MetricAggregationType: 'Maximum', EstimatedInstanceWarmup: '120',
    }));
    expect(p.policyArn).toBe('arn:step');
    expect(String(p)).toBe('ScalingPolicy(steps group:web type:StepScaling adjustment:PercentChangeInCapacity)');
  });

  test('a target-tracking policy sends its configuration and keeps the two alarms AWS answers', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScalingPolicy', `<PolicyARN>arn:tt</PolicyARN><Alarms>
      <member><AlarmName>TargetTracking-web-AlarmHigh-1</AlarmName><AlarmARN>arn:aws:cloudwatch:us-east-1:123456789012:alarm:TargetTracking-web-AlarmHigh-1</AlarmARN></member>
      <member><AlarmName>TargetTracking-web-AlarmLow-2</AlarmName><AlarmARN>arn:aws:cloudwatch:us-east-1:123456789012:alarm:TargetTracking-web-AlarmLow-2</AlarmARN></member>
    </Alarms>`);
    const p = new ScalingPolicy({ name: 'cpu50', asName: 'web', policyType: 'TargetTrackingScaling', estimatedInstanceWarmup: 60,
      targetTrackingConfiguration: { ...CPU50, disableScaleIn: false } });
    await conn.createScalingPolicy(p);
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AutoScalingGroupName: 'web', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling', EstimatedInstanceWarmup: '60',
      'TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType': 'ASGAverageCPUUtilization',
      'TargetTrackingConfiguration.TargetValue': '50', 'TargetTrackingConfiguration.DisableScaleIn': 'false',
    }));
    expect(p.alarms.map(String)).toEqual(['Alarm:TargetTracking-web-AlarmHigh-1', 'Alarm:TargetTracking-web-AlarmLow-2']);
    expect(String(p)).toBe("ScalingPolicy(cpu50 group:web type:TargetTrackingScaling target:ASGAverageCPUUtilization=50)");
  });

  test('a customized metric and an ALB request-count metric with its resource label', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:c</PolicyARN>');
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'queue', asName: 'web', policyType: 'TargetTrackingScaling', targetTrackingConfiguration: {
      customizedMetric: { metricName: 'BacklogPerInstance', namespace: 'MyApp', dimensions: { QueueName: 'jobs' }, statistic: 'Average', unit: 'Count' }, targetValue: 10.5 } }));
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AutoScalingGroupName: 'web', PolicyName: 'queue', PolicyType: 'TargetTrackingScaling',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.MetricName': 'BacklogPerInstance',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.Namespace': 'MyApp',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.Dimensions.member.1.Name': 'QueueName',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.Dimensions.member.1.Value': 'jobs',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.Statistic': 'Average',
      'TargetTrackingConfiguration.CustomizedMetricSpecification.Unit': 'Count',
      'TargetTrackingConfiguration.TargetValue': '10.5',
    }));
    reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:r</PolicyARN>');
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'req', asName: 'web', policyType: 'TargetTrackingScaling', targetTrackingConfiguration: {
      predefinedMetric: { type: 'ALBRequestCountPerTarget', resourceLabel: LABEL }, targetValue: 1000, disableScaleIn: true } }));
    expect(wire.last.params).toMatchObject({
      'TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType': 'ALBRequestCountPerTarget',
      'TargetTrackingConfiguration.PredefinedMetricSpecification.ResourceLabel': LABEL,
      'TargetTrackingConfiguration.DisableScaleIn': 'true',
    });
  });

  test('minAdjustmentStep and minAdjustmentMagnitude of one value (as describes answer) send AWS\'s name only', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:p</PolicyARN>');
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'p', asName: 'g', adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 10, minAdjustmentStep: 2, minAdjustmentMagnitude: 2 }));
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AdjustmentType: 'PercentChangeInCapacity', AutoScalingGroupName: 'g', PolicyName: 'p', ScalingAdjustment: '10', MinAdjustmentMagnitude: '2',
    }));
  });
});

describe('getAllPolicies reads step and target-tracking policies', () => {
  test('every member, and a policy read back can be sent again unchanged', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribePolicies', `<ScalingPolicies>
      <member>
        <PolicyName>steps</PolicyName><AutoScalingGroupName>web</AutoScalingGroupName><PolicyType>StepScaling</PolicyType>
        <AdjustmentType>ChangeInCapacity</AdjustmentType><MetricAggregationType>Average</MetricAggregationType><EstimatedInstanceWarmup>90</EstimatedInstanceWarmup>
        <StepAdjustments>
          <member><MetricIntervalUpperBound>0</MetricIntervalUpperBound><ScalingAdjustment>-1</ScalingAdjustment></member>
          <member><MetricIntervalLowerBound>0</MetricIntervalLowerBound><ScalingAdjustment>2</ScalingAdjustment></member>
        </StepAdjustments>
        <Alarms/><Enabled>true</Enabled>
      </member>
      <member>
        <PolicyName>cpu50</PolicyName><AutoScalingGroupName>web</AutoScalingGroupName><PolicyType>TargetTrackingScaling</PolicyType>
        <StepAdjustments/>
        <TargetTrackingConfiguration>
          <PredefinedMetricSpecification><PredefinedMetricType>ASGAverageCPUUtilization</PredefinedMetricType></PredefinedMetricSpecification>
          <TargetValue>50.0</TargetValue><DisableScaleIn>false</DisableScaleIn>
        </TargetTrackingConfiguration>
        <Alarms>
          <member><AlarmName>TargetTracking-web-AlarmHigh-1</AlarmName><AlarmARN>arn:h</AlarmARN></member>
          <member><AlarmName>TargetTracking-web-AlarmLow-2</AlarmName><AlarmARN>arn:l</AlarmARN></member>
        </Alarms>
      </member>
      <member>
        <PolicyName>queue</PolicyName><AutoScalingGroupName>web</AutoScalingGroupName><PolicyType>TargetTrackingScaling</PolicyType>
        <TargetTrackingConfiguration>
          <CustomizedMetricSpecification><MetricName>Backlog</MetricName><Namespace>MyApp</Namespace>
            <Dimensions><member><Name>QueueName</Name><Value>jobs</Value></member></Dimensions><Statistic>Sum</Statistic></CustomizedMetricSpecification>
          <TargetValue>7</TargetValue>
        </TargetTrackingConfiguration>
      </member>
      <member>
        <PolicyName>grow</PolicyName><AutoScalingGroupName>web</AutoScalingGroupName><PolicyType>SimpleScaling</PolicyType>
        <AdjustmentType>PercentChangeInCapacity</AdjustmentType><ScalingAdjustment>10</ScalingAdjustment>
        <MinAdjustmentStep>2</MinAdjustmentStep><MinAdjustmentMagnitude>2</MinAdjustmentMagnitude><StepAdjustments/>
      </member>
    </ScalingPolicies>`);
    const page = await conn.getAllPolicies({ asGroup: 'web' });
    expect(inspect(page)).toBe([
      '[',
      '  ScalingPolicy(steps group:web type:StepScaling adjustment:ChangeInCapacity),',
      '  ScalingPolicy(cpu50 group:web type:TargetTrackingScaling target:ASGAverageCPUUtilization=50),',
      '  ScalingPolicy(queue group:web type:TargetTrackingScaling target:Backlog=7),',
      '  ScalingPolicy(grow group:web adjustment:PercentChangeInCapacity)',
      ']',
    ].join('\n'));
    const [steps, cpu, queue, grow] = page as unknown as ScalingPolicy[];
    expect(steps).toMatchObject({ policyType: 'StepScaling', metricAggregationType: 'Average', estimatedInstanceWarmup: 90,
      stepAdjustments: [{ upperBound: 0, scalingAdjustment: -1 }, { lowerBound: 0, scalingAdjustment: 2 }], targetTrackingConfiguration: undefined });
    expect(cpu?.stepAdjustments).toBeUndefined();
    expect(cpu?.targetTrackingConfiguration).toEqual({ predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50, disableScaleIn: false });
    expect(cpu?.alarms.map(String)).toEqual(['Alarm:TargetTracking-web-AlarmHigh-1', 'Alarm:TargetTracking-web-AlarmLow-2']);
    expect(queue?.targetTrackingConfiguration).toEqual({ customizedMetric: { metricName: 'Backlog', namespace: 'MyApp', dimensions: { QueueName: 'jobs' }, statistic: 'Sum' }, targetValue: 7 });
    expect(grow).toMatchObject({ minAdjustmentStep: 2, minAdjustmentMagnitude: 2, stepAdjustments: undefined });

    for (const p of [steps, cpu, queue, grow] as ScalingPolicy[]) {
      reply(wire, 'PutScalingPolicy', '<PolicyARN>arn:again</PolicyARN>');
      await expect(conn.createScalingPolicy(p)).resolves.toBeDefined();
    }
    expect(wire.requests).toHaveLength(5);
  });
});

describe('validation: the type decides the fields; AWS\'s enums, ranges and step rules', () => {
  const simple: ScalingPolicyOptions = { name: 'p', asName: 'g', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1 };
  const step: ScalingPolicyOptions = { name: 'p', asName: 'g', policyType: 'StepScaling', adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ lowerBound: 0, scalingAdjustment: 1 }] };
  const tt: ScalingPolicyOptions = { name: 'p', asName: 'g', policyType: 'TargetTrackingScaling', targetTrackingConfiguration: CPU50 };
  const tracking = (t: unknown): ScalingPolicyOptions => ({ ...tt, targetTrackingConfiguration: t as ScalingPolicyOptions['targetTrackingConfiguration'] });
  const steps = (s: unknown): ScalingPolicyOptions => ({ ...step, stepAdjustments: s as ScalingPolicyOptions['stepAdjustments'] });
  const cases: [string, ScalingPolicyOptions, string][] = [
    ['policy type', { ...simple, policyType: 'PredictiveScaling' }, 'policyType must be one of SimpleScaling, StepScaling, TargetTrackingScaling; got "PredictiveScaling"'],
    ['steps on a simple policy', { ...simple, stepAdjustments: [{ lowerBound: 0, scalingAdjustment: 1 }] }, 'stepAdjustments is allowed only with policyType StepScaling, got policyType unset (SimpleScaling)'],
    ['aggregation on a simple policy', { ...simple, policyType: 'SimpleScaling', metricAggregationType: 'Average' }, 'metricAggregationType is allowed only with policyType StepScaling, got policyType "SimpleScaling"'],
    ['warm-up on a simple policy', { ...simple, estimatedInstanceWarmup: 60 }, 'estimatedInstanceWarmup is allowed only with policyType StepScaling or TargetTrackingScaling, got policyType unset (SimpleScaling)'],
    ['tracking on a simple policy', { ...simple, targetTrackingConfiguration: CPU50 }, 'targetTrackingConfiguration is allowed only with policyType TargetTrackingScaling, got policyType unset (SimpleScaling)'],
    ['cooldown on a step policy', { ...step, cooldown: 60 }, 'cooldown is allowed only with policyType SimpleScaling, got policyType "StepScaling"'],
    ['scalingAdjustment on a step policy', { ...step, scalingAdjustment: 1 }, 'scalingAdjustment is allowed only with policyType SimpleScaling, got policyType "StepScaling"'],
    ['step needs steps', { ...step, stepAdjustments: undefined }, 'stepAdjustments is required with policyType StepScaling'],
    ['step needs an adjustment type', { ...step, adjustmentType: undefined }, 'adjustmentType is required with policyType StepScaling'],
    ['adjustment type on target tracking', { ...tt, adjustmentType: 'ChangeInCapacity' }, 'adjustmentType is allowed only with policyType SimpleScaling or StepScaling, got policyType "TargetTrackingScaling"'],
    ['min magnitude on target tracking', { ...tt, minAdjustmentMagnitude: 1 }, 'minAdjustmentMagnitude is allowed only with policyType SimpleScaling or StepScaling, got policyType "TargetTrackingScaling"'],
    ['tracking needs its configuration', { ...tt, targetTrackingConfiguration: undefined }, 'targetTrackingConfiguration is required with policyType TargetTrackingScaling'],
    ['aggregation values', { ...step, metricAggregationType: 'Median' }, 'metricAggregationType must be one of Minimum, Maximum, Average; got "Median"'],
    ['warm-up range', { ...step, estimatedInstanceWarmup: -1 }, 'estimatedInstanceWarmup must be a non-negative integer, got -1'],
    ['min magnitude needs percent', { ...step, minAdjustmentMagnitude: 2 }, 'minAdjustmentMagnitude is allowed only with adjustmentType PercentChangeInCapacity, got adjustmentType "ChangeInCapacity"'],
    ['min magnitude positive', { ...step, adjustmentType: 'PercentChangeInCapacity', minAdjustmentMagnitude: 0 }, 'minAdjustmentMagnitude must be a positive integer, got 0'],
    ['two min names that differ', { ...simple, adjustmentType: 'PercentChangeInCapacity', minAdjustmentStep: 2, minAdjustmentMagnitude: 3 }, "minAdjustmentStep (2) and minAdjustmentMagnitude (3) differ: give one (minAdjustmentStep is boto2's name for it)"],
    ['exact capacity is non-negative', { ...simple, adjustmentType: 'ExactCapacity', scalingAdjustment: -1 }, 'scalingAdjustment must be a non-negative integer with adjustmentType ExactCapacity, got -1'],
    // Steps, as the StepAdjustment reference states the rules.
    ['steps a list', steps({ lowerBound: 0, scalingAdjustment: 1 }), 'stepAdjustments must be a list, got an object'],
    ['steps not empty', steps([]), 'stepAdjustments must list at least one item'],
    ['step adjustment required', steps([{ lowerBound: 0 }]), 'stepAdjustments[0].scalingAdjustment is required'],
    ['step adjustment integer', steps([{ lowerBound: 0, scalingAdjustment: 0.5 }]), 'stepAdjustments[0].scalingAdjustment must be an integer, got 0.5'],
    ['step exact non-negative', { ...steps([{ lowerBound: 0, scalingAdjustment: -2 }]), adjustmentType: 'ExactCapacity' }, 'stepAdjustments[0].scalingAdjustment must be a non-negative integer with adjustmentType ExactCapacity, got -2'],
    ['step bound a number', steps([{ lowerBound: '10', scalingAdjustment: 1 }]), 'stepAdjustments[0].lowerBound must be a number, got "10"'],
    ['step unknown key', steps([{ lower: 0, scalingAdjustment: 1 }]), 'stepAdjustments[0] takes lowerBound, upperBound and scalingAdjustment, got "lower"'],
    ['step both bounds null', steps([{ scalingAdjustment: 1 }]), "stepAdjustments[0] needs a lowerBound or an upperBound (both can't be null)"],
    ['step upper above lower', steps([{ lowerBound: 10, upperBound: 10, scalingAdjustment: 1 }, { lowerBound: 20, scalingAdjustment: 1 }]), 'stepAdjustments[0].upperBound (10) must be greater than its lowerBound (10)'],
    ['two null lower bounds', steps([{ upperBound: 0, scalingAdjustment: -1 }, { upperBound: -5, scalingAdjustment: -2 }]), 'at most one of stepAdjustments may have a null lowerBound, got 2'],
    ['two null upper bounds', steps([{ lowerBound: 0, scalingAdjustment: 1 }, { lowerBound: 10, scalingAdjustment: 2 }]), 'at most one of stepAdjustments may have a null upperBound, got 2'],
    ['negative lower needs a null lower', steps([{ lowerBound: -10, upperBound: 0, scalingAdjustment: -1 }, { lowerBound: 0, scalingAdjustment: 1 }]), 'stepAdjustments has a negative lowerBound (-10), so one step must have a null lowerBound'],
    ['positive upper needs a null upper', steps([{ lowerBound: 0, upperBound: 10, scalingAdjustment: 1 }]), 'stepAdjustments has a positive upperBound (10), so one step must have a null upperBound'],
    ['overlap', steps([{ lowerBound: 0, upperBound: 10, scalingAdjustment: 1 }, { lowerBound: 5, scalingAdjustment: 2 }]), 'stepAdjustments [0, 10] and [5, null] overlap'],
    ['gap', steps([{ lowerBound: 0, upperBound: 10, scalingAdjustment: 1 }, { lowerBound: 20, scalingAdjustment: 2 }]), 'stepAdjustments leave a gap between 10 and 20'],
    // Target tracking.
    ['tracking an object', tracking('cpu'), 'targetTrackingConfiguration must be an object, got "cpu"'],
    ['tracking unknown key', tracking({ ...CPU50, target: 50 }), 'targetTrackingConfiguration takes predefinedMetric, customizedMetric, targetValue, disableScaleIn; got "target"'],
    ['target required', tracking({ predefinedMetric: { type: 'ASGAverageCPUUtilization' } }), 'targetTrackingConfiguration.targetValue is required'],
    ['target a number', tracking({ ...CPU50, targetValue: '50' }), 'targetTrackingConfiguration.targetValue must be a number, got "50"'],
    ['disableScaleIn boolean', tracking({ ...CPU50, disableScaleIn: 'yes' }), 'targetTrackingConfiguration.disableScaleIn must be true or false, got "yes"'],
    ['a metric needed', tracking({ targetValue: 50 }), 'targetTrackingConfiguration needs predefinedMetric or customizedMetric'],
    ['not both metrics', tracking({ ...CPU50, customizedMetric: { metricName: 'm', namespace: 'n', statistic: 'Sum' } }), 'targetTrackingConfiguration.predefinedMetric and targetTrackingConfiguration.customizedMetric cannot be given together'],
    ['predefined type (from the model)', tracking({ predefinedMetric: { type: 'CPU' }, targetValue: 50 }), 'targetTrackingConfiguration.predefinedMetric.type must be one of ASGAverageCPUUtilization, ASGAverageNetworkIn, ASGAverageNetworkOut, ALBRequestCountPerTarget; got "CPU"'],
    ['predefined type required', tracking({ predefinedMetric: {}, targetValue: 50 }), 'targetTrackingConfiguration.predefinedMetric.type is required'],
    ['label only with ALB', tracking({ predefinedMetric: { type: 'ASGAverageNetworkIn', resourceLabel: LABEL }, targetValue: 50 }), 'targetTrackingConfiguration.predefinedMetric.resourceLabel is allowed only with type ALBRequestCountPerTarget, got type "ASGAverageNetworkIn"'],
    ['ALB needs a label', tracking({ predefinedMetric: { type: 'ALBRequestCountPerTarget' }, targetValue: 50 }), 'targetTrackingConfiguration.predefinedMetric.resourceLabel is required'],
    ['label form', tracking({ predefinedMetric: { type: 'ALBRequestCountPerTarget', resourceLabel: 'my-alb' }, targetValue: 50 }),
      'targetTrackingConfiguration.predefinedMetric.resourceLabel must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>, got "my-alb"'],
    ['label length (from the model)', tracking({ predefinedMetric: { type: 'ALBRequestCountPerTarget', resourceLabel: `app/${'a'.repeat(1020)}` }, targetValue: 50 }),
      'targetTrackingConfiguration.predefinedMetric.resourceLabel must be 1 to 1023 characters long, got 1024'],
    ['predefined unknown key', tracking({ predefinedMetric: { type: 'ASGAverageCPUUtilization', label: 'x' }, targetValue: 50 }), 'targetTrackingConfiguration.predefinedMetric takes type, resourceLabel; got "label"'],
    ['custom needs a name', tracking({ customizedMetric: { namespace: 'n', statistic: 'Sum' }, targetValue: 5 }), 'targetTrackingConfiguration.customizedMetric.metricName is required'],
    ['custom needs a statistic', tracking({ customizedMetric: { metricName: 'm', namespace: 'n' }, targetValue: 5 }), 'targetTrackingConfiguration.customizedMetric.statistic is required'],
    ['custom statistic (from the model)', tracking({ customizedMetric: { metricName: 'm', namespace: 'n', statistic: 'p90' }, targetValue: 5 }),
      'targetTrackingConfiguration.customizedMetric.statistic must be one of Average, Minimum, Maximum, SampleCount, Sum; got "p90"'],
    ['custom dimensions', tracking({ customizedMetric: { metricName: 'm', namespace: 'n', statistic: 'Sum', dimensions: { QueueName: 3 } }, targetValue: 5 }),
      'targetTrackingConfiguration.customizedMetric.dimensions.QueueName must be a non-empty string, got 3'],
    ['custom unknown key', tracking({ customizedMetric: { metricName: 'm', namespace: 'n', statistic: 'Sum', metrics: [] }, targetValue: 5 }),
      'targetTrackingConfiguration.customizedMetric takes metricName, namespace, dimensions, statistic, unit; got "metrics"'],
  ];
  test.each(cases)('%s', async (_label, options, message) => {
    const { wire, conn } = asOnWire();
    const p = new ScalingPolicy(options);
    await expect(conn.createScalingPolicy(p)).rejects.toThrow(new BotoClientError(message));
    expect(wire.requests).toHaveLength(0);
    expect(p.connection).toBeUndefined();
  });
});

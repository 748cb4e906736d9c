import { inspect } from 'node:util';
import { ResultSet } from '../../src/core';
import {
  AccountLimits, Activity, AdjustmentType, Alarm, AutoScalingGroup, AutoScalingGroupMetric, BlockDeviceMapping, Ebs, EnabledMetric, Instance,
  InstanceMonitoring, LaunchConfiguration, MetricCollectionGranularity, MetricCollectionMetric, MetricCollectionTypes, ProcessType, Request,
  ScalingPolicy, ScheduledUpdateGroupAction, SuspendedProcess, Tag, TerminationPolicies,
} from '../../src/autoscale';
import { asOnWire } from '../helpers/autoscale';

const { conn } = asOnWire();

const cases: [string, object, string][] = [
  ['AutoScalingGroup', new AutoScalingGroup({ name: 'my_group', connection: conn }), 'AutoScaleGroup<my_group>'],
  ['LaunchConfiguration', new LaunchConfiguration({ name: 'my-launch_config', connection: conn }), 'LaunchConfiguration:my-launch_config'],
  ['ScalingPolicy', new ScalingPolicy({ name: 'scale_up', asName: 'my_group', adjustmentType: 'ChangeInCapacity', connection: conn }),
    'ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity)'],
  ['Alarm', new Alarm({ name: 'scale_up_on_cpu', alarmArn: 'arn:a', connection: conn }), 'Alarm:scale_up_on_cpu'],
  ['AdjustmentType', new AdjustmentType({ adjustmentType: 'ExactCapacity', connection: conn }), 'AdjustmentType:ExactCapacity'],
  ['Activity', new Activity({ activityId: 'a-1', groupName: 'my_group', statusMessage: 'ok', cause: 'because', progress: 50, connection: conn }),
    'Activity<a-1>: For group:my_group, progress:ok, cause:because'],
  ['Instance', new Instance({ instanceId: 'i-1', lifecycleState: 'InService', healthStatus: 'Healthy', groupName: 'g', connection: conn }),
    'Instance<id:i-1, state:InService, health:Healthy group:g>'],
  ['Tag', new Tag({ key: 'env', value: 'prod', connection: conn }), 'Tag(env=prod)'],
  ['ScheduledUpdateGroupAction', new ScheduledUpdateGroupAction({ name: 'nightly', connection: conn }), 'ScheduledUpdateGroupAction:nightly'],
  ['AccountLimits', new AccountLimits({ maxAutoscalingGroups: 20, maxLaunchConfigurations: 100, connection: conn }), 'AccountLimits: [20, 100]'],
  ['ProcessType', new ProcessType({ processName: 'Launch', connection: conn }), 'ProcessType(Launch)'],
  ['SuspendedProcess', new SuspendedProcess({ processName: 'Launch', reason: 'User suspended', connection: conn }), 'SuspendedProcess(Launch, User suspended)'],
  ['EnabledMetric', new EnabledMetric({ metric: 'GroupMinSize', granularity: '1Minute', connection: conn }), 'EnabledMetric(GroupMinSize, 1Minute)'],
  ['AutoScalingGroupMetric', new AutoScalingGroupMetric({ metric: 'GroupMinSize', connection: conn }), 'AutoScalingGroupMetric:GroupMinSize'],
  ['MetricCollectionTypes', new MetricCollectionTypes({ metrics: [new MetricCollectionMetric({ val: 'GroupMinSize' })],
    granularities: [new MetricCollectionGranularity({ val: '1Minute' })], connection: conn }), 'MetricCollectionTypes:<[Metric:GroupMinSize], [Granularity:1Minute]>'],
  ['MetricCollectionTypes.Metric', new MetricCollectionTypes.Metric({ val: 'GroupMaxSize' }), 'Metric:GroupMaxSize'],
  ['MetricCollectionTypes.Granularity', new MetricCollectionTypes.Granularity({ val: '1Minute' }), 'Granularity:1Minute'],
  ['TerminationPolicies', TerminationPolicies.fromNames(['OldestInstance', 'Default']), "['OldestInstance', 'Default']"],
  ['Request', new Request({ requestId: 'req-1', connection: conn }), 'Request:req-1'],
  ['BlockDeviceMapping', new BlockDeviceMapping({ deviceName: '/dev/sdb', virtualName: 'ephemeral0' }), 'BlockDeviceMapping(/dev/sdb, ephemeral0)'],
  ['Ebs', new Ebs({ snapshotId: 'snap-1', volumeSize: 20 }), 'Ebs(snap-1, 20)'],
  ['InstanceMonitoring', new InstanceMonitoring({ enabled: true }), 'InstanceMonitoring(true)'],
];

describe('every Auto Scaling class prints as boto2', () => {
  test.each(cases)('%s: String(), util.inspect and inside a ResultSet', (_name, obj, repr) => {
    expect(String(obj)).toBe(repr);
    expect(`${obj}`).toBe(repr);
    expect(inspect(obj)).toBe(repr);
    expect(inspect(ResultSet.fromPage([obj, obj]), { breakLength: Infinity })).toBe(`[ ${repr}, ${repr} ]`);
    expect(inspect({ item: obj }, { breakLength: Infinity })).toBe(`{ item: ${repr} }`);
  });

  test.each(cases)('%s: JSON.stringify leaves out the connection and the secret key', (_name, obj) => {
    const json = JSON.stringify(obj);
    expect(json).not.toContain('EXAMPLEKEY');
    expect(json).not.toContain('AKIDEXAMPLE');
    expect(json).not.toContain('"connection"');
  });
});

/**
 * Metrics Auto Scaling publishes to CloudWatch once a minute: the group metrics of groups
 * with metrics collection enabled (AWS/AutoScaling), and `AWS/EC2 CPUUtilization` of the
 * InService instances of groups that have load, per instance and for the group. Idle
 * groups publish nothing, so thousands of them cost nothing.
 *
 * @module
 */
import type { Ec2InstanceView } from '../types';
import { isPending, isTerminating, type GroupRecord } from './model';
import type { AutoScalingState } from './state';

const MINUTE = 60_000;

function groupMetricValues(group: GroupRecord): Record<string, number> {
  let inService = 0;
  let pending = 0;
  let terminating = 0;
  let standby = 0;
  for (const i of group.instances) {
    if (i.lifecycleState === 'InService') inService++;
    else if (isPending(i.lifecycleState)) pending++;
    else if (isTerminating(i.lifecycleState)) terminating++;
    else if (i.lifecycleState === 'Standby') standby++;
  }
  const total = inService + pending + terminating + standby;
  return {
    GroupMinSize: group.minSize,
    GroupMaxSize: group.maxSize,
    GroupDesiredCapacity: group.desiredCapacity,
    GroupInServiceInstances: inService,
    GroupPendingInstances: pending,
    GroupStandbyInstances: standby,
    GroupTerminatingInstances: terminating,
    GroupTotalInstances: total,
    GroupInServiceCapacity: inService,
    GroupPendingCapacity: pending,
    GroupStandbyCapacity: standby,
    GroupTerminatingCapacity: terminating,
    GroupTotalCapacity: total,
  };
}

function publishCpu(state: AutoScalingState, group: GroupRecord, minute: number): void {
  const views: Ec2InstanceView[] = [];
  for (const i of group.instances) {
    if (i.lifecycleState !== 'InService') continue;
    const view = state.cloud.ec2.getInstance(i.instanceId);
    if (view !== undefined && view.state === 'running') views.push(view);
  }
  if (!group.cpuTracked) {
    if (!views.some((v) => v.cpu > 0)) return;
    group.cpuTracked = true;
  }
  if (views.length === 0) return;
  const cw = state.cloud.cloudwatch;
  let sum = 0;
  for (const v of views) {
    sum += v.cpu;
    cw.putDatapoint({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: v.id }],
      timestamp: minute,
      value: v.cpu,
      unit: 'Percent',
    });
  }
  cw.putDatapoint({
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: [{ name: 'AutoScalingGroupName', value: group.name }],
    timestamp: minute,
    value: sum / views.length,
    unit: 'Percent',
  });
}

/**
 * Publishes this minute's metrics, once per minute. Datapoints carry the minute's start,
 * so an alarm evaluated at the next minute sees them whichever service steps first.
 */
export function publishMetrics(state: AutoScalingState, now: number): void {
  const minute = Math.floor(now / MINUTE) * MINUTE;
  if (minute <= state.lastMetricsMinute) return;
  state.lastMetricsMinute = minute;
  const cw = state.cloud.cloudwatch;
  for (const group of state.groups.values()) {
    if (group.enabledMetrics.length > 0) {
      const values = groupMetricValues(group);
      for (const metric of group.enabledMetrics) {
        cw.putDatapoint({
          namespace: 'AWS/AutoScaling',
          metricName: metric,
          dimensions: [{ name: 'AutoScalingGroupName', value: group.name }],
          timestamp: minute,
          value: values[metric] ?? 0,
          unit: 'None',
        });
      }
    }
    publishCpu(state, group, minute);
  }
}

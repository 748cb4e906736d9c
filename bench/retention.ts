/**
 * Memory over a long run: botoscale local with 50 groups that scale out and in four times
 * a simulated day (CPU alarms on scaling policies, the load flipped every 6 hours), its
 * RSS and heap measured after each simulated day of a week. Activities (six weeks), alarm
 * history (two weeks) and metric data (15 days) expire on the simulated clock, so what the
 * server holds stops growing with time.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { BENCH_ZONES, clientConfig, pool } from './fixtures';
import { mb, round } from './lib';
import { LocalServer } from './server';

/** The server's memory after one simulated day. */
export interface RetentionRow {
  day: number;
  rssMb: number;
  heapMb: number;
  /** Real seconds the day's advance took. */
  seconds: number;
}

/** The long-run benchmark's figures. */
export interface RetentionResult {
  groups: number;
  alarms: number;
  rows: RetentionRow[];
}

const name = (i: number): string => `week-group-${String(i).padStart(2, '0')}`;

async function createScenario(endpoint: string, groups: number): Promise<void> {
  const as = new AutoScalingClient(clientConfig(endpoint));
  const cw = new CloudWatchClient(clientConfig(endpoint));
  try {
    await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'week-config', ImageId: 'ami-12345678', InstanceType: 't3.micro' }));
    await pool(0, groups, 8, async (i) => {
      const group = name(i);
      await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: group, LaunchConfigurationName: 'week-config', MinSize: 2, MaxSize: 6, DesiredCapacity: 4, AvailabilityZones: BENCH_ZONES }));
      for (const [policy, adjustment, comparison, threshold] of [['out', 1, 'GreaterThanThreshold', 70], ['in', -1, 'LessThanThreshold', 30]] as const) {
        const put = await as.send(new PutScalingPolicyCommand({ AutoScalingGroupName: group, PolicyName: `scale-${policy}`, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: adjustment, Cooldown: 300 }));
        await cw.send(new PutMetricAlarmCommand({
          AlarmName: `${group}-${policy}`, Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 2,
          ComparisonOperator: comparison, Threshold: threshold, Dimensions: [{ Name: 'AutoScalingGroupName', Value: group }], AlarmActions: [put.PolicyARN as string],
        }));
      }
    });
  } finally {
    as.destroy();
    cw.destroy();
  }
}

async function setLoad(endpoint: string, groups: number, cpu: number): Promise<void> {
  await pool(0, groups, 8, async (i) => {
    const res = await fetch(`${endpoint}/_botoscale/load`, { method: 'POST', body: JSON.stringify({ group: name(i), cpu }) });
    if (res.status !== 200) throw new Error(`setting the load failed: ${res.status} ${await res.text()}`);
  });
}

/** Runs the scenario (50 groups for a simulated week by default), measuring memory after each day. */
export async function simulatedWeek(groups = 50, days = 7): Promise<RetentionResult> {
  const server = await LocalServer.start();
  try {
    await createScenario(server.endpoint, groups);
    await server.advance('2m');
    const rows: RetentionRow[] = [];
    const start = await server.memory();
    rows.push({ day: 0, rssMb: mb(start.rss), heapMb: mb(start.heapUsed), seconds: 0 });
    for (let day = 1; day <= days; day++) {
      const began = Date.now();
      for (const cpu of [85, 15, 85, 15]) {
        await setLoad(server.endpoint, groups, cpu);
        await server.advance('6h');
      }
      const m = await server.memory();
      rows.push({ day, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), seconds: round((Date.now() - began) / 1000, 1) });
    }
    return { groups: groups, alarms: groups * 2, rows };
  } finally {
    await server.close();
  }
}

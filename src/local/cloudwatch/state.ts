/**
 * The CloudWatch state model: metrics, alarms and alarm history, with state transitions
 * and the actions they fire (Auto Scaling policies executed through the cloud, other
 * ARNs recorded as Action history items).
 *
 * @module
 */
import type { Cloud } from '../types';
import { dataTime, javaJson, jd, type JsonValue } from './format';
import { AlarmHistory, stateData, stateSummary } from './history';
import { MetricStore } from './metrics';
import type { AlarmRecord, AlarmState, CloudWatchSnapshot } from './model';

const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
};

/** Whether an action ARN names an Auto Scaling policy. */
export function isScalingPolicyArn(arn: string): boolean {
  return /^arn:aws[\w-]*:autoscaling:[^:]*:[^:]*:scalingPolicy:/.test(arn);
}

/** The actions an alarm runs on entering `state`. */
export function actionsFor(alarm: AlarmRecord, state: AlarmState): string[] {
  if (state === 'ALARM') return alarm.alarmActions;
  if (state === 'OK') return alarm.okActions;
  return alarm.insufficientDataActions;
}

/** The Trigger of a metric math alarm's notification: its queries instead of one metric. */
function mathTrigger(alarm: AlarmRecord): JsonValue {
  return {
    Period: alarm.period,
    EvaluationPeriods: alarm.evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    ComparisonOperator: alarm.comparisonOperator,
    Threshold: jd(alarm.threshold),
    TreatMissingData: alarm.treatMissingData ?? 'missing',
    EvaluateLowSampleCountPercentile: '',
    Metrics: (alarm.metrics ?? []).map((q) => ({
      Id: q.id,
      Expression: q.expression,
      Label: q.label,
      MetricStat:
        q.metricStat === undefined
          ? undefined
          : {
              Metric: { Dimensions: q.metricStat.dimensions.map((d) => ({ value: d.value, name: d.name })), MetricName: q.metricStat.metricName, Namespace: q.metricStat.namespace },
              Period: q.metricStat.period,
              Stat: q.metricStat.stat,
              Unit: q.metricStat.unit,
            },
      ReturnData: q.returnData ?? true,
    })),
  };
}

/** The state of the simulated CloudWatch. */
export class CloudWatchState {
  /** The cloud (for Auto Scaling actions, account and region). */
  readonly cloud: Cloud;
  /** Every metric's datapoints. */
  readonly metrics = new MetricStore();
  /** Alarms by name. */
  readonly alarms = new Map<string, AlarmRecord>();
  /** The alarm history log. */
  readonly history = new AlarmHistory();
  /** The last minute (ms) alarms were evaluated at. */
  lastEvaluation = 0;
  #sortedAlarms: string[] | undefined;

  /** An empty account in `cloud`. */
  constructor(cloud: Cloud) {
    this.cloud = cloud;
  }

  /** Alarm names in AWS's order (sorted). */
  sortedAlarmNames(): string[] {
    this.#sortedAlarms ??= [...this.alarms.keys()].sort();
    return this.#sortedAlarms;
  }

  /** Adds or replaces an alarm. */
  setAlarm(alarm: AlarmRecord): void {
    if (!this.alarms.has(alarm.name)) this.#sortedAlarms = undefined;
    this.alarms.set(alarm.name, alarm);
  }

  /** Removes an alarm (its history stays). */
  removeAlarm(name: string): void {
    this.alarms.delete(name);
    this.#sortedAlarms = undefined;
  }

  /**
   * Moves an alarm to a new state: records the StateUpdate history item and, when the
   * state changed and actions are enabled, runs the new state's actions.
   */
  transition(alarm: AlarmRecord, state: AlarmState, reason: string, reasonData: string | undefined, now: number, value?: number): void {
    const old = { stateValue: alarm.stateValue, stateReason: alarm.stateReason, stateReasonData: alarm.stateReasonData };
    const changed = state !== alarm.stateValue;
    alarm.stateValue = state;
    alarm.stateReason = reason;
    if (reasonData === undefined) delete alarm.stateReasonData;
    else alarm.stateReasonData = reasonData;
    alarm.stateUpdated = now;
    if (!changed) return;
    alarm.stateTransitioned = now;
    const side = reasonData === undefined ? { stateValue: state, stateReason: reason } : { stateValue: state, stateReason: reason, stateReasonData: reasonData };
    this.history.add(alarm.name, now, 'StateUpdate', stateSummary(old.stateValue, state), stateData(old, side));
    this.runActions(alarm, old.stateValue, now, false, value);
  }

  /**
   * Runs the actions of the alarm's current state. With `scalingOnly`, only Auto Scaling
   * policies run (they repeat while the alarm stays in the state) and no history is written.
   */
  runActions(alarm: AlarmRecord, oldState: AlarmState, now: number, scalingOnly: boolean, value?: number): void {
    alarm.lastActionRun = now;
    if (!alarm.actionsEnabled) return;
    for (const arn of actionsFor(alarm, alarm.stateValue)) {
      if (isScalingPolicyArn(arn)) {
        // The newest datapoint evaluated goes with it: step and target tracking policies scale by it.
        const breach = value === undefined ? undefined : { value, threshold: alarm.threshold };
        const ok = this.cloud.autoscaling.executePolicyByArn(arn, `a monitor alarm ${alarm.name} in state ${alarm.stateValue}`, breach);
        if (scalingOnly) continue;
        const data: Record<string, string | number> = { actionState: ok ? 'Succeeded' : 'Failed', stateUpdateTimestamp: now, notificationResource: arn };
        if (!ok) data.error = `The scaling policy ${arn} does not exist`;
        this.history.add(alarm.name, now, 'Action', `${ok ? 'Successfully executed' : 'Failed to execute'} action ${arn}`, javaJson(data));
      } else if (!scalingOnly) {
        const message = this.notification(alarm, oldState, now);
        this.history.add(
          alarm.name,
          now,
          'Action',
          `Successfully executed action ${arn}`,
          javaJson({ actionState: 'Succeeded', stateUpdateTimestamp: now, notificationResource: arn, publishedMessage: message }),
        );
      }
    }
  }

  /** The message an SNS action would publish, as AWS writes it. */
  notification(alarm: AlarmRecord, oldState: AlarmState, now: number): string {
    return javaJson({
      AlarmName: alarm.name,
      AlarmDescription: alarm.description ?? null,
      AWSAccountId: this.cloud.accountId,
      AlarmConfigurationUpdatedTimestamp: dataTime(alarm.configUpdated),
      NewStateValue: alarm.stateValue,
      NewStateReason: alarm.stateReason,
      StateChangeTime: dataTime(now),
      Region: REGION_NAMES[this.cloud.region] ?? this.cloud.region,
      AlarmArn: alarm.arn,
      OldStateValue: oldState,
      OKActions: alarm.okActions,
      AlarmActions: alarm.alarmActions,
      InsufficientDataActions: alarm.insufficientDataActions,
      Trigger: alarm.metrics !== undefined ? mathTrigger(alarm) : {
        MetricName: alarm.metricName,
        Namespace: alarm.namespace,
        StatisticType: alarm.extendedStatistic === undefined ? 'Statistic' : 'ExtendedStatistic',
        Statistic: alarm.statistic === undefined ? undefined : alarm.statistic.toUpperCase(),
        ExtendedStatistic: alarm.extendedStatistic,
        Unit: alarm.unit ?? null,
        Dimensions: alarm.dimensions.map((d) => ({ value: d.value, name: d.name })),
        Period: alarm.period,
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm,
        ComparisonOperator: alarm.comparisonOperator,
        Threshold: jd(alarm.threshold),
        TreatMissingData: alarm.treatMissingData ?? 'missing',
        EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile ?? '',
      },
    });
  }

  /** The alarms whose actions name an ARN (for Auto Scaling's DescribePolicies). */
  alarmsForAction(arn: string): Array<{ alarmName: string; alarmArn: string }> {
    const out: Array<{ alarmName: string; alarmArn: string }> = [];
    for (const name of this.sortedAlarmNames()) {
      const a = this.alarms.get(name);
      if (a !== undefined && (a.alarmActions.includes(arn) || a.okActions.includes(arn) || a.insufficientDataActions.includes(arn))) {
        out.push({ alarmName: a.name, alarmArn: a.arn });
      }
    }
    return out;
  }

  /** The whole state as JSON-safe data, sharing the live records: serialise it before the next change. */
  snapshot(): CloudWatchSnapshot {
    return {
      version: 1,
      series: [...this.metrics.series.values()],
      alarms: [...this.alarms.values()],
      history: this.history.items,
      lastEvaluation: this.lastEvaluation,
      seq: this.history.seq,
    };
  }

  /** Replaces the whole state with a snapshot's. */
  restore(snapshot: CloudWatchSnapshot): void {
    const s = structuredClone(snapshot);
    this.metrics.load(s.series);
    this.alarms.clear();
    this.#sortedAlarms = undefined;
    for (const a of s.alarms) this.alarms.set(a.name, a);
    this.history.items = s.history;
    this.history.seq = s.seq;
    this.lastEvaluation = s.lastEvaluation;
  }
}

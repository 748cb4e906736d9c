/**
 * Alarm actions of the API: PutMetricAlarm with AWS's validation, DeleteAlarms,
 * Enable/DisableAlarmActions, SetAlarmState, and the filters of DescribeAlarms and
 * DescribeAlarmsForMetric.
 *
 * @module
 */
import type * as CW from '@aws-sdk/client-cloudwatch';
import { ALARM_PERIODS_TEXT, PERCENTILE_STATISTIC, evaluationSpanLimit, evaluationSpanLimitText, isAlarmPeriod, isEvaluationSpanAllowed, partitionOf } from '../../core/rules/aws-rules';
import type { ActionInput } from '../typed';
import { configurationData } from './history';
import { invalidCombination, invalidFormat, invalidValue, missingParameter, resourceNotFound, validation } from './errors';
import { checkAlarmMetrics, type MathAlarmConfig } from './mathalarms';
import { checkNewTags } from './tags';
import { COMPARISONS, MISSING_DATA, type AlarmQueryRecord, type AlarmRecord, type AlarmState } from './model';
import { canonicalDimensions } from './metrics';
import { dimensionRecords, queryRecord } from './readqueries';
import type { CloudWatchState } from './state';

/**
 * PutMetricAlarm's input as the protocol layer checked it (static-threshold metric
 * alarms and metric math alarms); target tracking policies make their alarms with it too.
 */
export type PutAlarmParams = ActionInput<typeof CW, 'PutMetricAlarm'>;

const PERCENTILE = PERCENTILE_STATISTIC;

/** Whether `text` is a percentile statistic CloudWatch accepts (p0.0 to p100). */
export function isPercentile(text: string): boolean {
  return PERCENTILE.test(text);
}

function checkActions(actions: readonly string[], member: string): void {
  actions.forEach((arn, i) => {
    if (!/^arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:.+/.test(arn)) {
      throw invalidValue(`Invalid arn syntax: ${arn} (${member}.member.${i + 1})`);
    }
  });
}

function managedRefusal(alarm: AlarmRecord): Error {
  return validation(`Alarm ${alarm.name} is managed by the TargetTrackingScaling policy ${alarm.managedBy ?? ''} (DO NOT EDIT OR DELETE): change or delete the policy instead.`);
}

/** What PutMetricAlarm's checks settle: the alarm's period, its metric math, and the members the model leaves optional but an alarm needs. */
interface CheckedAlarm {
  period: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator: CW.ComparisonOperator;
  math: MathAlarmConfig | undefined;
}

/**
 * PutMetricAlarm's members for alarms botoscale local cannot evaluate, refused by name
 * rather than ignored (AWS would act on them; an alarm that silently did something else
 * would mislead). CloudWatch API Reference, PutMetricAlarm: ThresholdMetricId (anomaly
 * detection models); EvaluationCriteria (PromQL alarms: "you must specify either
 * MetricName, a Metrics array, or an EvaluationCriteria") and EvaluationInterval
 * ("required for alarms that use EvaluationCriteria, and cannot be specified for alarms
 * configured with MetricName or Metrics"); WarmUpConfiguration ("A warm-up period delays
 * alarm evaluation after you create or update the alarm"); EvaluationWindow's
 * WallClockWindow ("aligns the evaluated range to fixed clock boundaries"). A
 * SlidingWindow is what every alarm here uses ("If you omit this parameter, the alarm
 * uses a sliding window"), so it is accepted.
 */
function refuseUnsimulated(p: PutAlarmParams): void {
  if (p.ThresholdMetricId !== undefined) {
    throw validation('Anomaly detection alarms (ThresholdMetricId) are not simulated by botoscale local.');
  }
  if (p.EvaluationCriteria !== undefined) throw validation('PromQL alarms (EvaluationCriteria) are not simulated by botoscale local.');
  if (p.EvaluationInterval !== undefined) {
    throw validation('Alarm evaluation intervals (EvaluationInterval, used with EvaluationCriteria) are not simulated by botoscale local.');
  }
  if (p.WarmUpConfiguration !== undefined) throw validation('Alarm warm-up periods (WarmUpConfiguration) are not simulated by botoscale local.');
  if (p.EvaluationWindow?.WallClockWindow !== undefined) {
    throw validation('Wall clock evaluation windows (EvaluationWindow WallClockWindow) are not simulated by botoscale local: only SlidingWindow is.');
  }
}

/**
 * PutMetricAlarm's rules beyond the model's (which the protocol layer has checked:
 * statistics, units, comparison operators, EvaluationPeriods and DatapointsToAlarm of at
 * least 1), in the order AWS answers them.
 */
function checkAlarm(state: CloudWatchState, p: PutAlarmParams, queries: AlarmQueryRecord[] | undefined, now: number): CheckedAlarm {
  refuseUnsimulated(p);
  // Newer models leave these optional (other kinds of alarms do without them); a metric alarm needs them.
  const { EvaluationPeriods: evaluationPeriods, ComparisonOperator: comparisonOperator } = p;
  if (evaluationPeriods === undefined) throw missingParameter('The parameter EvaluationPeriods is required.');
  if (comparisonOperator === undefined) throw missingParameter('The parameter ComparisonOperator is required.');
  if (queries !== undefined && p.MetricName !== undefined) {
    throw invalidCombination('Exactly one element of the MetricName and Metrics parameters must be specified.');
  }
  const math = queries === undefined ? undefined : checkAlarmMetrics(queries, p, evaluationPeriods, state, now);
  if (math === undefined && (p.MetricName === undefined || p.Namespace === undefined)) {
    throw validation('MetricName and Namespace must be specified for an alarm on a metric.');
  }
  if (math === undefined && (p.Statistic === undefined) === (p.ExtendedStatistic === undefined)) {
    throw invalidCombination('Exactly one element of the Statistic and ExtendedStatistic parameters must be specified.');
  }
  if (p.ExtendedStatistic !== undefined && !isPercentile(p.ExtendedStatistic)) {
    throw invalidValue(`The value ${p.ExtendedStatistic} for parameter ExtendedStatistic is not supported.`);
  }
  if (p.EvaluateLowSampleCountPercentile !== undefined) {
    if (p.ExtendedStatistic === undefined) {
      throw invalidCombination('EvaluateLowSampleCountPercentile can only be used with an ExtendedStatistic.');
    }
    if (p.EvaluateLowSampleCountPercentile !== 'evaluate' && p.EvaluateLowSampleCountPercentile !== 'ignore') {
      throw validation(`Option ${p.EvaluateLowSampleCountPercentile} is not supported. Supported options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.`);
    }
  }
  const period = math?.period ?? p.Period;
  if (period === undefined) throw validation('Period must be specified for an alarm on a metric.');
  if (!isAlarmPeriod(period)) throw validation(`Period must be ${ALARM_PERIODS_TEXT}.`);
  if (!isEvaluationSpanAllowed(period, evaluationPeriods)) {
    const limit = evaluationSpanLimit(period);
    throw invalidCombination(`Metrics cannot be checked across more than ${evaluationSpanLimitText(period)} (EvaluationPeriods * Period must be <= ${limit}).`);
  }
  if (p.DatapointsToAlarm !== undefined && p.DatapointsToAlarm > evaluationPeriods) {
    throw validation('DatapointsToAlarm must be between 1 and EvaluationPeriods.');
  }
  if (!(COMPARISONS as readonly string[]).includes(comparisonOperator)) {
    throw validation(`Comparison operator ${comparisonOperator} is only supported for anomaly detection alarms, which botoscale local does not simulate.`);
  }
  if (p.Threshold === undefined) throw validation('Threshold must be specified for an alarm on a static threshold.');
  if (p.TreatMissingData !== undefined && !(MISSING_DATA as readonly string[]).includes(p.TreatMissingData)) {
    throw validation(`Option ${p.TreatMissingData} is not supported. Supported options for parameter TreatMissingData are missing, ignore, breaching and notBreaching.`);
  }
  checkActions(p.OKActions ?? [], 'OKActions');
  checkActions(p.AlarmActions ?? [], 'AlarmActions');
  checkActions(p.InsufficientDataActions ?? [], 'InsufficientDataActions');
  return { period, evaluationPeriods, threshold: p.Threshold, comparisonOperator, math };
}

/** The alarm PutMetricAlarm makes; an update keeps the state (and tags) of the alarm it replaces. */
function alarmRecord(state: CloudWatchState, p: PutAlarmParams, c: CheckedAlarm, existing: AlarmRecord | undefined, now: number): AlarmRecord {
  const alarm: AlarmRecord = {
    name: p.AlarmName,
    arn: `arn:${partitionOf(state.cloud.region)}:cloudwatch:${state.cloud.region}:${state.cloud.accountId}:alarm:${p.AlarmName}`,
    actionsEnabled: p.ActionsEnabled ?? true,
    okActions: [...(p.OKActions ?? [])],
    alarmActions: [...(p.AlarmActions ?? [])],
    insufficientDataActions: [...(p.InsufficientDataActions ?? [])],
    dimensions: dimensionRecords(p.Dimensions),
    period: c.period,
    evaluationPeriods: c.evaluationPeriods,
    threshold: c.threshold,
    comparisonOperator: c.comparisonOperator,
    tags: existing?.tags ?? (p.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value })),
    configUpdated: now,
    stateValue: existing?.stateValue ?? 'INSUFFICIENT_DATA',
    stateReason: existing?.stateReason ?? 'Unchecked: Initial alarm creation',
    stateUpdated: existing?.stateUpdated ?? now,
    stateTransitioned: existing?.stateTransitioned ?? now,
  };
  if (p.MetricName !== undefined) alarm.metricName = p.MetricName;
  if (p.Namespace !== undefined) alarm.namespace = p.Namespace;
  if (c.math !== undefined) alarm.metrics = c.math.metrics;
  if (p.AlarmDescription !== undefined) alarm.description = p.AlarmDescription;
  if (p.Statistic !== undefined) alarm.statistic = p.Statistic;
  if (p.ExtendedStatistic !== undefined) alarm.extendedStatistic = p.ExtendedStatistic;
  if (p.Unit !== undefined) alarm.unit = p.Unit;
  if (p.DatapointsToAlarm !== undefined) alarm.datapointsToAlarm = p.DatapointsToAlarm;
  if (p.TreatMissingData !== undefined) alarm.treatMissingData = p.TreatMissingData;
  if (p.EvaluationWindow?.SlidingWindow !== undefined) alarm.slidingWindow = true;
  if (p.EvaluateLowSampleCountPercentile !== undefined) alarm.evaluateLowSampleCountPercentile = p.EvaluateLowSampleCountPercentile;
  if (existing?.stateReasonData !== undefined) alarm.stateReasonData = existing.stateReasonData;
  if (existing?.lastActionRun !== undefined) alarm.lastActionRun = existing.lastActionRun;
  return alarm;
}

/**
 * Creates or overwrites an alarm; an update keeps its state, as AWS documents. `owner`:
 * the target tracking policy creating its own alarm; users can't change such alarms.
 */
export function putMetricAlarm(state: CloudWatchState, p: PutAlarmParams, now: number, owner?: string): AlarmRecord {
  const queries = p.Metrics?.map(queryRecord);
  const prior = state.alarms.get(p.AlarmName);
  if (prior?.managedBy !== undefined && prior.managedBy !== owner) throw managedRefusal(prior);
  const checked = checkAlarm(state, p, queries, now);
  const existing = state.alarms.get(p.AlarmName);
  // Tags count only when the alarm is created; an update ignores them, as AWS documents.
  if (existing === undefined) checkNewTags(p.Tags ?? []);
  const alarm = alarmRecord(state, p, checked, existing, now);
  if (owner !== undefined) alarm.managedBy = owner;
  state.setAlarm(alarm);
  state.history.add(
    alarm.name,
    now,
    'ConfigurationUpdate',
    `Alarm "${alarm.name}" ${existing === undefined ? 'created' : 'updated'}`,
    configurationData(existing === undefined ? 'Create' : 'Update', alarm, existing),
  );
  return alarm;
}

/** DeleteAlarms: all or nothing; any unknown name is ResourceNotFound; a policy's own alarms only by their `owner`. */
export function deleteAlarms(state: CloudWatchState, names: readonly string[], now: number, owner?: string): void {
  const unknown = names.filter((n) => !state.alarms.has(n));
  if (unknown.length > 0) throw resourceNotFound(`${unknown.length === 1 ? 'Alarm' : 'Alarms'} not found: [${unknown.join(', ')}]`);
  const managed = names.map((n) => state.alarms.get(n)).find((a) => a?.managedBy !== undefined && a.managedBy !== owner);
  if (managed !== undefined) throw managedRefusal(managed);
  for (const n of new Set(names)) {
    const alarm = state.alarms.get(n);
    if (alarm === undefined) continue;
    state.removeAlarm(n);
    state.history.add(n, now, 'ConfigurationUpdate', `Alarm "${n}" deleted`, configurationData('Delete', alarm));
  }
}

/** EnableAlarmActions / DisableAlarmActions (unknown names are ignored, as AWS does). */
export function setActionsEnabled(state: CloudWatchState, names: readonly string[], enabled: boolean): void {
  for (const n of names) {
    const alarm = state.alarms.get(n);
    if (alarm !== undefined) alarm.actionsEnabled = enabled;
  }
}

/** SetAlarmState: the alarm takes the state until its next evaluation says otherwise. */
export function setAlarmState(state: CloudWatchState, name: string, value: AlarmState, reason: string, reasonData: string | undefined, now: number): void {
  const alarm = state.alarms.get(name);
  if (alarm === undefined) throw resourceNotFound(`Alarm ${name} not found`);
  if (reasonData !== undefined) {
    try {
      JSON.parse(reasonData);
    } catch {
      throw invalidFormat('Unable to parse the StateReasonData: it must be valid JSON.');
    }
  }
  state.transition(alarm, value, reason, reasonData, now);
}

/** Whether an alarm watches a metric as DescribeAlarmsForMetric asks. */
export function watches(alarm: AlarmRecord, q: ActionInput<typeof CW, 'DescribeAlarmsForMetric'>): boolean {
  if (alarm.metricName !== q.MetricName || alarm.namespace !== q.Namespace) return false;
  if (q.Statistic !== undefined && alarm.statistic !== q.Statistic) return false;
  if (q.ExtendedStatistic !== undefined && alarm.extendedStatistic !== q.ExtendedStatistic) return false;
  if (q.Period !== undefined && alarm.period !== q.Period) return false;
  if (q.Unit !== undefined && alarm.unit !== q.Unit) return false;
  const want = canonicalDimensions(dimensionRecords(q.Dimensions));
  const have = canonicalDimensions(alarm.dimensions);
  return want.length === have.length && want.every((d, i) => d.name === have[i]?.name && d.value === have[i]?.value);
}

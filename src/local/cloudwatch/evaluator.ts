/**
 * The alarm evaluator: once a minute every alarm looks at its last EvaluationPeriods
 * periods of its metric (matched by namespace, name, exact dimensions and unit), decides
 * OK / ALARM / INSUFFICIENT_DATA as CloudWatch does (DatapointsToAlarm of
 * EvaluationPeriods, TreatMissingData), and words the reason as AWS does.
 *
 * An alarm that cannot decide yet (too few datapoints either way) keeps its state, as
 * CloudWatch avoids premature transitions.
 *
 * @module
 */
import { mathAlarmSeries } from './mathalarms';
import { aggregate, metricKey, statisticOf } from './metrics';
import { dataTime, javaDouble, javaJson, jd, reasonTime, type JsonValue } from './format';
import type { AlarmRecord, AlarmState } from './model';
import { actionsFor, isScalingPolicyArn, type CloudWatchState } from './state';

const MINUTE = 60_000;

/** One evaluated period: its start and, when it had data, its statistic and sample count. */
export interface PeriodValue {
  start: number;
  value?: number;
  sampleCount?: number;
}

/** The alarm's statistic over each of its last EvaluationPeriods periods before `end`, oldest first. */
export function periodValues(state: CloudWatchState, alarm: AlarmRecord, end: number): PeriodValue[] {
  const periodMs = alarm.period * 1000;
  const n = alarm.evaluationPeriods;
  const start = end - n * periodMs;
  const out: PeriodValue[] = [];
  for (let k = 0; k < n; k++) out.push({ start: start + k * periodMs });
  if (alarm.metrics !== undefined) {
    for (const [t, v] of mathAlarmSeries(state, alarm, start, end)) {
      const slot = out[Math.round((t - start) / periodMs)];
      if (slot !== undefined && slot.value === undefined) slot.value = v;
    }
    return out;
  }
  if (alarm.namespace === undefined || alarm.metricName === undefined) return out;
  const series = state.metrics.get(metricKey(alarm.namespace, alarm.metricName, alarm.dimensions));
  if (series === undefined) return out;
  const statistic = alarm.statistic ?? alarm.extendedStatistic ?? 'Average';
  for (const a of aggregate(series, start, end, periodMs, alarm.unit, alarm.extendedStatistic !== undefined)) {
    const slot = out[Math.round((a.timestamp - start) / periodMs)];
    if (slot === undefined || slot.value !== undefined) continue;
    const v = statisticOf(a, statistic);
    if (v === undefined) continue;
    slot.value = v;
    slot.sampleCount = a.sampleCount;
  }
  return out;
}

/** Whether a value breaches the alarm's threshold. */
export function breaches(operator: string, value: number, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    default:
      return value <= threshold;
  }
}

function phrase(operator: string): string {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return 'greater than or equal to';
    case 'GreaterThanThreshold':
      return 'greater than';
    case 'LessThanThreshold':
      return 'less than';
    default:
      return 'less than or equal to';
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What an evaluation decided. */
export interface Decision {
  state: AlarmState;
  reason: string;
  reasonData: string;
}

function reasonData(alarm: AlarmRecord, values: readonly PeriodValue[], listed: readonly PeriodValue[], now: number): string {
  const data: Record<string, JsonValue | undefined> = {
    version: '1.0',
    queryDate: dataTime(now),
    startDate: dataTime(values[0]?.start ?? now),
    unit: alarm.unit,
    statistic: alarm.statistic,
    extendedStatistic: alarm.extendedStatistic,
    period: alarm.period,
    recentDatapoints: values.filter((v) => v.value !== undefined).map((v) => jd(v.value as number)),
    threshold: jd(alarm.threshold),
    evaluatedDatapoints: listed.map((v) =>
      v.value === undefined
        ? { timestamp: dataTime(v.start) }
        : v.sampleCount === undefined
          ? { timestamp: dataTime(v.start), value: jd(v.value) }
          : { timestamp: dataTime(v.start), sampleCount: jd(v.sampleCount), value: jd(v.value) },
    ),
  };
  return javaJson(data);
}

/**
 * Decides an alarm's state from its period values; undefined when it keeps its state
 * (undecided, or TreatMissingData `ignore` with no data).
 */
export function decide(alarm: AlarmRecord, values: readonly PeriodValue[], now: number): Decision | undefined {
  const n = values.length;
  const m = alarm.datapointsToAlarm ?? n;
  const treat = alarm.treatMissingData ?? 'missing';
  const present = values.filter((v) => v.value !== undefined);
  const missing = n - present.length;
  const breaching = present.filter((v) => breaches(alarm.comparisonOperator, v.value as number, alarm.threshold));
  const calm = present.filter((v) => !breaching.includes(v));
  const filledBreaching = treat === 'breaching' ? missing : 0;
  const filledCalm = treat === 'notBreaching' ? missing : 0;
  let state: AlarmState;
  let listed: PeriodValue[];
  if (breaching.length + filledBreaching >= m) {
    state = 'ALARM';
    listed = breaching;
  } else if (calm.length + filledCalm > n - m) {
    state = 'OK';
    listed = calm;
  } else if (present.length === 0 && treat !== 'ignore') {
    const newest = [...values].reverse();
    return {
      state: 'INSUFFICIENT_DATA',
      reason: `Insufficient Data: ${plural(n, 'datapoint')} ${n === 1 ? 'was' : 'were'} unknown.`,
      reasonData: javaJson({
        version: '1.0',
        queryDate: dataTime(now),
        unit: alarm.unit,
        statistic: alarm.statistic,
        extendedStatistic: alarm.extendedStatistic,
        period: alarm.period,
        recentDatapoints: [],
        threshold: jd(alarm.threshold),
        evaluatedDatapoints: newest.map((v) => ({ timestamp: dataTime(v.start) })),
      }),
    };
  } else {
    return undefined;
  }
  const newestFirst = [...listed].reverse();
  const not = state === 'OK' ? 'not ' : '';
  const filled = state === 'ALARM' ? filledBreaching : filledCalm;
  const treatedAs = state === 'ALARM' ? 'Breaching' : 'NonBreaching';
  let reason: string;
  if (listed.length === 0) {
    reason = `Threshold Crossed: no datapoints were received for ${plural(missing, 'period')} and ${plural(filled, 'missing datapoint')} ${filled === 1 ? 'was' : 'were'} treated as [${treatedAs}].`;
  } else {
    const list = newestFirst.map((v) => `${javaDouble(v.value as number)} (${reasonTime(v.start)})`).join(', ');
    const verb = listed.length === 1 ? 'was' : 'were';
    const filledText = filled > 0 ? `, and ${plural(filled, 'missing datapoint')} ${filled === 1 ? 'was' : 'were'} treated as [${treatedAs}]` : '';
    const head =
      alarm.datapointsToAlarm === undefined
        ? `Threshold Crossed: ${plural(listed.length, 'datapoint')} [${list}] ${verb} ${not}${phrase(alarm.comparisonOperator)} the threshold (${javaDouble(alarm.threshold)})${filledText}`
        : `Threshold Crossed: ${listed.length} out of the last ${n} datapoints [${list}] ${verb} ${not}${phrase(alarm.comparisonOperator)} the threshold (${javaDouble(alarm.threshold)})${filledText}`;
    if (alarm.datapointsToAlarm === undefined) {
      reason = `${head}.`;
    } else {
      const minimum = state === 'ALARM' ? m : n - m + 1;
      reason = `${head} (minimum ${plural(minimum, 'datapoint')} for ${state === 'ALARM' ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`;
    }
  }
  return { state, reason, reasonData: reasonData(alarm, values, newestFirst, now) };
}

/** Evaluates one alarm at `at` (a whole minute): transitions, and repeated Auto Scaling actions. */
export function evaluateAlarm(state: CloudWatchState, alarm: AlarmRecord, at: number): void {
  const values = periodValues(state, alarm, at);
  const decision = decide(alarm, values, at);
  const newest = [...values].reverse().find((v) => v.value !== undefined)?.value;
  if (decision !== undefined && decision.state !== alarm.stateValue) {
    state.transition(alarm, decision.state, decision.reason, decision.reasonData, at, newest);
    return;
  }
  // Auto Scaling actions run again every period while the alarm stays in the state they ran for.
  const last = alarm.lastActionRun;
  if (last !== undefined && alarm.actionsEnabled && at - last >= alarm.period * 1000 && actionsFor(alarm, alarm.stateValue).some(isScalingPolicyArn)) {
    state.runActions(alarm, alarm.stateValue, at, true, newest);
  }
}

/** Evaluates every alarm once per minute. */
export function evaluateAlarms(state: CloudWatchState, now: number): void {
  const at = Math.floor(now / MINUTE) * MINUTE;
  if (at <= state.lastEvaluation) return;
  state.lastEvaluation = at;
  for (const name of state.sortedAlarmNames()) {
    const alarm = state.alarms.get(name);
    if (alarm !== undefined) evaluateAlarm(state, alarm, at);
  }
}

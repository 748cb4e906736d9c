/**
 * Alarms on metric math: PutMetricAlarm's `Metrics` as the API Reference describes it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 * and API_MetricDataQuery.html): either MetricName or Metrics; with Metrics, none of
 * MetricName, Dimensions, Period, Namespace, Statistic or ExtendedStatistic; at most 20
 * queries, of which at most 10 MetricStat and 10 Expression; exactly one with ReturnData
 * true, whose result (a single time series) the alarm watches.
 *
 * @module
 */
import type { PutAlarmParams } from './alarms';
import { invalidCombination, validation } from './errors';
import type { AlarmQueryRecord, AlarmRecord } from './model';
import { checkQueries, computeQueries, computeValues, type CheckedQuery } from './queries';
import type { CloudWatchState } from './state';

/** Most queries in an alarm's Metrics. */
export const MAX_ALARM_QUERIES = 20;
/** Most MetricStat (and, separately, Expression) queries in an alarm's Metrics. */
export const MAX_ALARM_KIND = 10;

/** The parts of PutMetricAlarm a metric math alarm must leave out. */
export type SingleMetricParts = Pick<PutAlarmParams, 'MetricName' | 'Namespace' | 'Statistic' | 'ExtendedStatistic' | 'Dimensions' | 'Period'>;

/** The checked queries of a metric math alarm and the period it evaluates. */
export interface MathAlarmConfig {
  metrics: AlarmQueryRecord[];
  period: number;
}

/** Checks a metric math alarm's Metrics against the rest of PutMetricAlarm's parameters. */
export function checkAlarmMetrics(queries: readonly AlarmQueryRecord[], other: SingleMetricParts, evaluationPeriods: number, state: CloudWatchState, now: number): MathAlarmConfig {
  for (const k of ['MetricName', 'Namespace', 'Statistic', 'ExtendedStatistic', 'Dimensions', 'Period'] as const) {
    if (other[k] !== undefined) throw invalidCombination(`The parameters Metrics and ${k} are mutually exclusive and you have specified both.`);
  }
  if (queries.length === 0) throw validation('The parameter Metrics must contain at least one MetricDataQuery.');
  if (queries.length > MAX_ALARM_QUERIES) throw validation(`The collection Metrics must not have a size greater than ${MAX_ALARM_QUERIES}.`);
  const stats = queries.filter((q) => q.metricStat !== undefined).length;
  if (stats > MAX_ALARM_KIND) throw validation(`The collection Metrics must not have more than ${MAX_ALARM_KIND} members with a MetricStat.`);
  if (queries.length - stats > MAX_ALARM_KIND) throw validation(`The collection Metrics must not have more than ${MAX_ALARM_KIND} members with an Expression.`);
  const checked = checkQueries(queries, 'Metrics');
  const returned = checked.filter((q) => q.returnData ?? true);
  if (returned.length !== 1) {
    throw validation(`Exactly one element of the Metrics list must have ReturnData set to true (${returned.length} have it); set ReturnData to false on the others.`);
  }
  const watched = returned[0] as CheckedQuery;
  const periods = checked.flatMap((q) => (q.metricStat === undefined ? [] : [q.metricStat.period]));
  const period = watched.metricStat?.period ?? watched.period ?? (periods.length > 0 ? Math.max(...periods) : 60);
  // The watched result must be one time series (METRICS() alone is an array): try it on the data at hand.
  const trial = computeValues(state, checked, now - evaluationPeriods * period * 1000, now);
  if (trial.get(watched.id)?.kind === 'array') {
    throw validation(`The expression ${watched.id} must return a single time series for an alarm; it returns an array of time series.`);
  }
  return { metrics: queries.map((q) => structuredClone(q)), period };
}

/**
 * The watched series of a metric math alarm over [start, end), by period start; empty
 * when the queries cannot be computed on the data at hand.
 */
export function mathAlarmSeries(state: CloudWatchState, alarm: AlarmRecord, start: number, end: number): Map<number, number> {
  const metrics = alarm.metrics ?? [];
  const watched = metrics.find((q) => q.returnData ?? true);
  if (watched === undefined) return new Map();
  try {
    const series = computeQueries(state, checkQueries(metrics, 'Metrics'), start, end).get(watched.id);
    return series?.length === 1 ? (series[0]?.points ?? new Map()) : new Map();
  } catch {
    return new Map();
  }
}

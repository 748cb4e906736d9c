/**
 * Metric data actions: PutMetricData with AWS's limits, GetMetricStatistics with AWS's
 * period and statistic rules, and ListMetrics' filters.
 *
 * @module
 */
import type * as CW from '@aws-sdk/client-cloudwatch';
import type { ActionInput, Checked } from '../typed';
import { isPercentile } from './alarms';
import { invalidCombination, invalidValue, missingParameter } from './errors';
import { javaDouble } from './format';
import { aggregate, metricKey, statisticOf, type Aggregate } from './metrics';
import type { MetricSeries, StoredPoint } from './model';
import { dimensionRecords } from './readqueries';
import type { CloudWatchState } from './state';

/** Most MetricData items in one PutMetricData call. */
export const MAX_METRIC_DATA = 1000;
/** Most Values (and Counts) in one MetricDatum. */
export const MAX_VALUES = 150;
/** Most datapoints GetMetricStatistics answers. */
export const MAX_DATAPOINTS = 1440;
const TWO_WEEKS = 14 * 86_400_000;
const TWO_HOURS = 2 * 3_600_000;
/** The magnitudes CloudWatch accepts (2^-360 to 2^360; zero is fine). */
const MIN_MAGNITUDE = 8.515920e-109;
const MAX_MAGNITUDE = 1.174271e108;

/** One MetricDatum of PutMetricData, as the protocol layer checked it. */
export type MetricDatumParams = Checked<CW.MetricDatum>;

function checkNumber(v: number, member: string): void {
  if (!Number.isFinite(v) || (v !== 0 && (Math.abs(v) < MIN_MAGNITUDE || Math.abs(v) > MAX_MAGNITUDE))) {
    throw invalidValue(`The value ${javaDouble(v)} for parameter ${member} is invalid.`);
  }
}

/**
 * Value, StatisticValues and Values, as AWS combines them: Value with either of the
 * others is InvalidParameterCombination, while Values with StatisticValues is accepted
 * (the Values are stored). Wording as AWS answers, recorded against AWS by LocalStack's
 * validated test `test_put_metric_data_validation`.
 */
function checkValueCombination(d: MetricDatumParams, member: string): void {
  if (d.Value === undefined && d.StatisticValues === undefined && d.Values === undefined) {
    throw missingParameter(`At least one of the parameters ${member}.Value, ${member}.StatisticValues or ${member}.Values must be specified.`);
  }
  if (d.Value === undefined) return;
  const other = d.Values !== undefined ? 'Values' : d.StatisticValues !== undefined ? 'StatisticValues' : undefined;
  if (other !== undefined) throw invalidCombination(`The parameters ${member}.Value and ${member}.${other} are mutually exclusive and you have specified both.`);
}

function toPoint(d: MetricDatumParams, member: string, now: number): StoredPoint {
  const t = d.Timestamp?.getTime() ?? now;
  if (t < now - TWO_WEEKS || t > now + TWO_HOURS) {
    throw invalidValue(`The parameter ${member}.Timestamp must specify a time within the past two weeks.`);
  }
  if (d.StorageResolution !== undefined && d.StorageResolution !== 1 && d.StorageResolution !== 60) {
    throw invalidValue(`The parameter ${member}.StorageResolution must be 1 or 60.`);
  }
  checkValueCombination(d, member);
  // Datapoints are bucketed to the second (high resolution) or the minute.
  const grain = d.StorageResolution === 1 ? 1000 : 60_000;
  const base: Pick<StoredPoint, 't' | 'unit'> = { t: Math.floor(t / grain) * grain };
  if (d.Unit !== undefined) base.unit = d.Unit;
  if (d.Value !== undefined) {
    checkNumber(d.Value, `${member}.Value`);
    return { ...base, n: 1, sum: d.Value, min: d.Value, max: d.Value };
  }
  if (d.StatisticValues !== undefined && d.Values === undefined) {
    const s = d.StatisticValues;
    for (const [k, v] of Object.entries(s)) checkNumber(v, `${member}.StatisticValues.${k}`);
    if (s.SampleCount <= 0) throw invalidValue(`The parameter ${member}.StatisticValues.SampleCount must be greater than 0.`);
    if (s.Maximum < s.Minimum) {
      throw invalidValue(`The parameter ${member}.StatisticValues.Maximum must be greater than ${member}.StatisticValues.Minimum.`);
    }
    return { ...base, n: s.SampleCount, sum: s.Sum, min: s.Minimum, max: s.Maximum, set: true };
  }
  const values = d.Values ?? [];
  if (values.length === 0) throw missingParameter(`The parameter ${member}.Values must not be empty.`);
  if (values.length > MAX_VALUES) throw invalidValue(`The collection ${member}.Values must not have a size greater than ${MAX_VALUES}.`);
  const counts = d.Counts ?? values.map(() => 1);
  if (counts.length !== values.length) {
    throw invalidValue(`The parameters ${member}.Values and ${member}.Counts must be of the same size.`);
  }
  values.forEach((v, i) => checkNumber(v, `${member}.Values.member.${i + 1}`));
  counts.forEach((c, i) => {
    if (!Number.isFinite(c) || c < 0) throw invalidValue(`The value ${javaDouble(c)} for parameter ${member}.Counts.member.${i + 1} is invalid.`);
  });
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  values.forEach((v, i) => {
    const c = counts[i] as number;
    if (c === 0) return;
    n += c;
    sum += v * c;
    min = Math.min(min, v);
    max = Math.max(max, v);
  });
  if (n === 0) throw invalidValue(`The parameter ${member}.Counts must count at least one value.`);
  return { ...base, n, sum, min, max, values: [...values], counts: [...counts] };
}

/** PutMetricData: every datum is checked before any is stored. */
export function putMetricData(state: CloudWatchState, namespace: string, data: readonly MetricDatumParams[], now: number): void {
  if (namespace.startsWith('AWS/')) throw invalidValue(`The value ${namespace} for parameter Namespace is invalid.`);
  if (data.length > MAX_METRIC_DATA) throw invalidValue(`The collection MetricData must not have a size greater than ${MAX_METRIC_DATA}.`);
  const points = data.map((d, i) => toPoint(d, `MetricData.member.${i + 1}`, now));
  data.forEach((d, i) => state.metrics.put(namespace, d.MetricName, dimensionRecords(d.Dimensions), points[i] as StoredPoint, now));
}

/** GetMetricStatistics' input, as the protocol layer checked it. */
export type StatisticsQuery = ActionInput<typeof CW, 'GetMetricStatistics'>;

/** One answered datapoint. */
export interface StatisticsPoint {
  timestamp: number;
  unit: CW.StandardUnit;
  values: Record<string, number>;
  extended: Record<string, number>;
}

/** GetMetricStatistics. */
export function getMetricStatistics(state: CloudWatchState, q: StatisticsQuery): StatisticsPoint[] {
  const stats = q.Statistics ?? [];
  const extended = q.ExtendedStatistics ?? [];
  if (stats.length === 0 && extended.length === 0) {
    throw missingParameter('The parameter Statistics or ExtendedStatistics must be specified.');
  }
  if (stats.length > 0 && extended.length > 0) {
    throw invalidCombination('Statistics and ExtendedStatistics are mutually exclusive: specify either, but not both.');
  }
  extended.forEach((e, i) => {
    if (!isPercentile(e)) throw invalidValue(`The parameter ExtendedStatistics.member.${i + 1} must be a percentile between p0.0 and p100, got ${e}.`);
  });
  const period = q.Period;
  if (!(period >= 60 ? period % 60 === 0 : [1, 5, 10, 30].includes(period))) {
    throw invalidValue('The parameter Period must be a multiple of 60, or 1, 5, 10 or 30 for high-resolution metrics.');
  }
  const end = q.EndTime.getTime();
  if (q.StartTime.getTime() >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const periodMs = period * 1000;
  const grain = period >= 60 ? 60_000 : periodMs;
  const start = Math.floor(q.StartTime.getTime() / grain) * grain;
  const requested = Math.ceil((end - start) / periodMs);
  if (requested > MAX_DATAPOINTS) {
    const fmt = (n: number): string => n.toLocaleString('en-US');
    throw invalidCombination(
      `You have requested up to ${fmt(requested)} datapoints, which exceeds the limit of ${fmt(MAX_DATAPOINTS)}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
  const series = state.metrics.get(metricKey(q.Namespace, q.MetricName, dimensionRecords(q.Dimensions)));
  if (series === undefined) return [];
  const out: StatisticsPoint[] = [];
  for (const a of aggregate(series, start, end, periodMs, q.Unit, extended.length > 0)) {
    out.push(pointOf(a, stats, extended));
  }
  return out;
}

function pointOf(a: Aggregate, stats: readonly string[], extended: readonly string[]): StatisticsPoint {
  const values: Record<string, number> = {};
  for (const s of stats) {
    const v = statisticOf(a, s);
    if (v !== undefined) values[s] = v;
  }
  const ext: Record<string, number> = {};
  for (const e of extended) {
    const v = statisticOf(a, e);
    if (v !== undefined) ext[e] = v;
  }
  return { timestamp: a.timestamp, unit: a.unit, values, extended: ext };
}

/** ListMetrics' filters, as the protocol layer checked them. */
export type ListQuery = ActionInput<typeof CW, 'ListMetrics'>;

/** The metrics ListMetrics answers (with data in the last two weeks, or three hours when RecentlyActive), in a stable order. */
export function listMetrics(state: CloudWatchState, q: ListQuery, now: number): MetricSeries[] {
  const since = q.RecentlyActive === 'PT3H' ? now - 3 * 3_600_000 : now - TWO_WEEKS;
  const out: MetricSeries[] = [];
  for (const key of state.metrics.sortedKeys()) {
    const s = state.metrics.get(key);
    if (s === undefined || s.lastPut < since) continue;
    if (q.Namespace !== undefined && s.namespace !== q.Namespace) continue;
    if (q.MetricName !== undefined && s.metricName !== q.MetricName) continue;
    const dims = q.Dimensions ?? [];
    if (!dims.every((f) => s.dimensions.some((d) => d.name === f.Name && (f.Value === undefined || d.value === f.Value)))) continue;
    out.push(s);
  }
  return out;
}

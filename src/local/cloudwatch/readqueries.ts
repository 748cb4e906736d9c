/**
 * MetricDataQuery lists as the SDK types them (GetMetricData's MetricDataQueries,
 * PutMetricAlarm's Metrics) turned into the records the state keeps, and written back in
 * answers (DescribeAlarms' Metrics).
 *
 * @module
 */
import type { Dimension, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Checked } from '../typed';
import { missingParameter } from './errors';
import type { AlarmQueryRecord, DimensionRecord } from './model';

/** Dimensions as the state keeps them. */
export function dimensionRecords(dimensions: ReadonlyArray<Checked<Dimension>> | undefined): DimensionRecord[] {
  return (dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value }));
}

/** Dimensions as the wire writes them. */
export function dimensionShapes(dimensions: readonly DimensionRecord[]): Array<Checked<Dimension>> {
  return dimensions.map((d) => ({ Name: d.name, Value: d.value }));
}

/** One query, as given. */
export function queryRecord(q: Checked<MetricDataQuery>): AlarmQueryRecord {
  const out: AlarmQueryRecord = { id: q.Id };
  const stat = q.MetricStat;
  if (stat !== undefined) {
    // The model leaves a Metric's names optional (it is also a filter elsewhere); a query needs both.
    const { Namespace: namespace, MetricName: metricName } = stat.Metric;
    if (namespace === undefined) throw missingParameter('The parameter Namespace is required.');
    if (metricName === undefined) throw missingParameter('The parameter MetricName is required.');
    out.metricStat = { namespace, metricName, dimensions: dimensionRecords(stat.Metric.Dimensions), period: stat.Period, stat: stat.Stat };
    if (stat.Unit !== undefined) out.metricStat.unit = stat.Unit;
  }
  if (q.Expression !== undefined) out.expression = q.Expression;
  if (q.Label !== undefined) out.label = q.Label;
  if (q.ReturnData !== undefined) out.returnData = q.ReturnData;
  if (q.Period !== undefined) out.period = q.Period;
  return out;
}

/** A query as the wire writes it (DescribeAlarms' Metrics). */
export function queryShape(q: AlarmQueryRecord): MetricDataQuery {
  const out: MetricDataQuery = { Id: q.id };
  if (q.metricStat !== undefined) {
    const s = q.metricStat;
    out.MetricStat = { Metric: { Namespace: s.namespace, MetricName: s.metricName, Dimensions: dimensionShapes(s.dimensions) }, Period: s.period, Stat: s.stat };
    if (s.unit !== undefined) out.MetricStat.Unit = s.unit;
  }
  if (q.expression !== undefined) out.Expression = q.expression;
  if (q.label !== undefined) out.Label = q.label;
  out.ReturnData = q.returnData ?? true;
  if (q.period !== undefined) out.Period = q.period;
  return out;
}

/**
 * Reading MetricDataQuery lists from a parsed request (GetMetricData's
 * MetricDataQueries, PutMetricAlarm's Metrics) and writing them back in answers.
 *
 * @module
 */
import type { WireObject } from '../types';
import { dimensions, optBool, optInt, optObject, optObjects, optString, reqInt, reqString } from './input';
import type { AlarmQueryRecord } from './model';

/** The queries of list member `name`, as given. */
export function readQueries(input: WireObject, name: string): AlarmQueryRecord[] | undefined {
  return optObjects(input, name)?.map((o) => {
    const q: AlarmQueryRecord = { id: reqString(o, 'Id') };
    const stat = optObject(o, 'MetricStat');
    if (stat !== undefined) {
      const metric = optObject(stat, 'Metric') ?? {};
      const s: NonNullable<AlarmQueryRecord['metricStat']> = {
        namespace: reqString(metric, 'Namespace'),
        metricName: reqString(metric, 'MetricName'),
        dimensions: dimensions(metric) ?? [],
        period: reqInt(stat, 'Period'),
        stat: reqString(stat, 'Stat'),
      };
      const unit = optString(stat, 'Unit');
      if (unit !== undefined) s.unit = unit;
      q.metricStat = s;
    }
    const expression = optString(o, 'Expression');
    const label = optString(o, 'Label');
    const returnData = optBool(o, 'ReturnData');
    const period = optInt(o, 'Period');
    if (expression !== undefined) q.expression = expression;
    if (label !== undefined) q.label = label;
    if (returnData !== undefined) q.returnData = returnData;
    if (period !== undefined) q.period = period;
    return q;
  });
}

/** A query as the wire writes it (DescribeAlarms' Metrics). */
export function queryShape(q: AlarmQueryRecord): WireObject {
  const out: WireObject = { Id: q.id };
  if (q.metricStat !== undefined) {
    const s = q.metricStat;
    const stat: WireObject = {
      Metric: { Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
      Period: s.period,
      Stat: s.stat,
    };
    if (s.unit !== undefined) stat.Unit = s.unit;
    out.MetricStat = stat;
  }
  if (q.expression !== undefined) out.Expression = q.expression;
  if (q.label !== undefined) out.Label = q.label;
  out.ReturnData = q.returnData ?? true;
  if (q.period !== undefined) out.Period = q.period;
  return out;
}

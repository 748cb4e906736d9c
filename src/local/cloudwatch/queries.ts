/**
 * MetricDataQuery structures, as GetMetricData and metric math alarms take them: AWS's
 * validation (ids, MetricStat or Expression, references, ReturnData), and their
 * computation over the stored metrics into time series, expressions included.
 *
 * Rules cited from the CloudWatch API Reference, MetricDataQuery
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html):
 * an Id is letters, digits and underscores and starts with a lowercase letter; it is
 * unique within the call; each query has either MetricStat or Expression, not both;
 * Period sits in MetricStat for a metric (AWS answers "The parameters
 * MetricDataQueries.member.1.Period and MetricDataQueries.member.1.MetricStat are
 * mutually exclusive and you have specified both.").
 *
 * @module
 */
import { isPercentile } from './alarms';
import { validation } from './errors';
import { evaluate, MathEvaluationError, type MathContext, type MathValue, type TimeSeries } from './math/evaluate';
import { MathSyntaxError, parseExpression, referencedIds, type MathNode } from './math/parser';
import { aggregate, metricKey, statisticOf } from './metrics';
import { STATISTICS, type AlarmQueryRecord } from './model';
import type { CloudWatchState } from './state';

/** A MetricStat, as the state keeps it. */
export type MetricStatParams = NonNullable<AlarmQueryRecord['metricStat']>;

/** One MetricDataQuery, as the state keeps it. */
export type DataQuery = AlarmQueryRecord;

/** A validated query: its expression parsed. */
export interface CheckedQuery extends DataQuery {
  node?: MathNode;
}

const ID = /^[a-z][a-zA-Z0-9_]*$/;
/**
 * Most datapoints the metric math of one request may work on, counted before the work is
 * done (FILL counts every period of the range), so no request can stall the server.
 */
export const MATH_BUDGET = 2_000_000;

/** Whether a period is one CloudWatch takes (1, 5, 10, 30 or a multiple of 60). */
export function validPeriod(period: number): boolean {
  return period >= 60 ? period % 60 === 0 : [1, 5, 10, 30].includes(period);
}

function checkStat(stat: string, member: string): void {
  if ((STATISTICS as readonly string[]).includes(stat) || isPercentile(stat)) return;
  throw validation(`The value ${stat} for parameter ${member}.MetricStat.Stat is not supported: use ${STATISTICS.join(', ')} or a percentile (p0.0 to p100).`);
}

function expressionError(id: string, e: unknown): never {
  if (e instanceof MathSyntaxError) throw validation(`Error in expression ${id}: syntax error at position ${e.position}: ${e.message}.`);
  if (e instanceof MathEvaluationError) throw validation(`Error in expression ${id}: ${e.message}.`);
  throw e;
}

/**
 * Checks queries as AWS does and parses their expressions; `member` names the list in
 * messages (`MetricDataQueries` or `Metrics`).
 */
export function checkQueries(queries: readonly DataQuery[], member: string): CheckedQuery[] {
  const seen = new Set<string>();
  const checked = queries.map((q, i): CheckedQuery => {
    const m = `${member}.member.${i + 1}`;
    if (!ID.test(q.id)) throw validation(`The value ${q.id} for parameter ${m}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`);
    if (seen.has(q.id)) throw validation(`The values for parameter Id in ${member} are not unique: ${q.id} is used more than once.`);
    seen.add(q.id);
    if (q.metricStat !== undefined && q.expression !== undefined) {
      throw validation(`The parameters ${m}.Expression and ${m}.MetricStat are mutually exclusive and you have specified both.`);
    }
    if (q.metricStat === undefined && q.expression === undefined) throw validation(`Exactly one of the parameters ${m}.Expression and ${m}.MetricStat must be specified.`);
    if (q.metricStat !== undefined) {
      if (q.period !== undefined) throw validation(`The parameters ${m}.Period and ${m}.MetricStat are mutually exclusive and you have specified both.`);
      if (!validPeriod(q.metricStat.period)) throw validation(`The parameter ${m}.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60.`);
      checkStat(q.metricStat.stat, m);
      return { ...q };
    }
    if (q.period !== undefined && !validPeriod(q.period)) throw validation(`The parameter ${m}.Period must be 1, 5, 10, 30 or a multiple of 60.`);
    try {
      return { ...q, node: parseExpression(q.expression as string) };
    } catch (e) {
      return expressionError(q.id, e);
    }
  });
  const byId = new Map(checked.map((q) => [q.id, q]));
  for (const q of checked) {
    if (q.node === undefined) continue;
    for (const ref of referencedIds(q.node)) {
      if (!byId.has(ref)) throw validation(`Error in expression ${q.id}: unrecognized identifier ${ref} (no query in ${member} has that Id).`);
    }
  }
  evaluationOrder(checked);
  return checked;
}

/** Queries in an order where every expression comes after what it references; throws on a cycle. */
export function evaluationOrder(queries: readonly CheckedQuery[]): CheckedQuery[] {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const done = new Set<string>();
  const order: CheckedQuery[] = [];
  for (const root of queries) {
    // Iterative depth-first walk, so a long chain of references cannot overflow the stack.
    const stack: Array<{ q: CheckedQuery; refs: string[] }> = [];
    const onPath = new Set<string>();
    const push = (q: CheckedQuery): void => {
      onPath.add(q.id);
      stack.push({ q, refs: q.node === undefined ? [] : [...new Set(referencedIds(q.node))] });
    };
    if (done.has(root.id)) continue;
    push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { q: CheckedQuery; refs: string[] };
      const ref = top.refs.pop();
      if (ref === undefined) {
        stack.pop();
        onPath.delete(top.q.id);
        done.add(top.q.id);
        order.push(top.q);
        continue;
      }
      if (done.has(ref)) continue;
      if (onPath.has(ref)) throw validation(`Error in expression ${top.q.id}: circular reference to ${ref}.`);
      push(byId.get(ref) as CheckedQuery);
    }
  }
  return order;
}

/** The series of one MetricStat over [start, end), in periods counted from `start`. */
export function metricSeries(state: CloudWatchState, s: MetricStatParams, start: number, end: number, label: string): TimeSeries {
  const periodMs = s.period * 1000;
  const points = new Map<number, number>();
  const series = state.metrics.get(metricKey(s.namespace, s.metricName, s.dimensions));
  if (series !== undefined) {
    for (const a of aggregate(series, start, end, periodMs, s.unit, s.stat.startsWith('p'))) {
      if (points.has(a.timestamp)) continue;
      const v = statisticOf(a, s.stat);
      if (v !== undefined) points.set(a.timestamp, v);
    }
  }
  return { label, period: s.period, points };
}

/** The default label of a query: the metric name, or the Id of an expression. */
export function defaultLabel(q: DataQuery): string {
  return q.label ?? q.metricStat?.metricName ?? q.id;
}

/** A scalar as a series over the range: the value at every period. */
function scalarSeries(value: number, period: number, start: number, end: number, label: string): TimeSeries {
  if ((end - start) / (period * 1000) > MATH_BUDGET / 10) {
    throw validation(`The metric math of this request works on more than ${MATH_BUDGET.toLocaleString('en-US')} datapoints; narrow the time range or use a longer Period.`);
  }
  const points = new Map<number, number>();
  for (let t = start; t < end; t += period * 1000) points.set(t, value);
  return { label, period, points };
}

/** Computes every query over [start, end): each id's value (scalar, series or array). */
export function computeValues(state: CloudWatchState, queries: readonly CheckedQuery[], start: number, end: number): Map<string, MathValue> {
  const values = new Map<string, MathValue>();
  let used = 0;
  const metrics: Array<{ id: string; series: TimeSeries }> = [];
  const ctx: MathContext = {
    start,
    end,
    resolve: (id) => values.get(id) as MathValue,
    metrics: () => metrics,
    charge(points) {
      used += points;
      if (used > MATH_BUDGET) {
        throw validation(`The metric math of this request works on more than ${MATH_BUDGET.toLocaleString('en-US')} datapoints; narrow the time range or use a longer Period.`);
      }
    },
  };
  const hasMath = queries.some((q) => q.node !== undefined);
  for (const q of queries) {
    if (q.metricStat === undefined) continue;
    const s = metricSeries(state, q.metricStat, start, end, defaultLabel(q));
    // Fetching is bounded by the stored data; only what math will work on counts.
    if (hasMath) ctx.charge(s.points.size);
    metrics.push({ id: q.id, series: s });
    values.set(q.id, { kind: 'series', series: s });
  }
  for (const q of evaluationOrder(queries)) {
    if (q.node === undefined) continue;
    try {
      values.set(q.id, evaluate(q.node, ctx, defaultLabel(q)));
    } catch (e) {
      expressionError(q.id, e);
    }
  }
  return values;
}

/** Computes every query over [start, end): each id's value as series (a scalar at every period, an array as several). */
export function computeQueries(state: CloudWatchState, queries: readonly CheckedQuery[], start: number, end: number): Map<string, TimeSeries[]> {
  const values = computeValues(state, queries, start, end);
  const defaultPeriod = queries.find((q) => q.metricStat !== undefined)?.metricStat?.period ?? 60;
  const out = new Map<string, TimeSeries[]>();
  for (const q of queries) {
    const v = values.get(q.id) as MathValue;
    const label = defaultLabel(q);
    if (v.kind === 'scalar') out.set(q.id, [scalarSeries(v.value, q.period ?? defaultPeriod, start, end, label)]);
    else if (v.kind === 'series') out.set(q.id, [{ ...v.series, label }]);
    else out.set(q.id, v.items);
  }
  return out;
}

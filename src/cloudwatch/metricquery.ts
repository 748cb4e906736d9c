/**
 * Metric data queries and their results: the input of `getMetricData` and of metric math
 * alarms (`MetricAlarm.metrics`), and `MetricDataResult`, one answered series. Beyond
 * boto2, which predates GetMetricData and metric math.
 *
 * @module
 */
import type { MetricDataQuery as SdkMetricDataQuery, MetricDataResult as SdkMetricDataResult } from '@aws-sdk/client-cloudwatch';
import { BotoClientError } from '../core/errors';
import { pyStr } from '../core/repr';
import { BotoObject } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';
import { checkLength, checkMaxItems, checkNonEmpty, checkPattern, requireValue } from '../core/validate';
import { checkMetricName, checkNamespace, checkPeriod, checkUnit, STATISTICS, STATISTICS_SHORT_PERIODS } from './checks';
import type { CloudWatchConnection } from './connection';
import { Dimension, toSdkDimensions, type Dimensions } from './dimension';
import { PERCENTILE_STATISTIC } from '../core/rules/aws-rules';

/** A metric to fetch in a query: which metric, its statistic and period. */
export interface MetricStatInput {
  /** The metric's namespace, e.g. `AWS/EC2`. */
  namespace: string;
  /** The metric's name, e.g. `CPUUtilization`. */
  metricName: string;
  /** The metric's dimensions, e.g. `{ AutoScalingGroupName: 'web' }`. */
  dimensions?: Dimensions;
  /** Seconds per datapoint: 1, 5, 10, 30 or a multiple of 60. */
  period: number;
  /** `Average`, `Sum`, `SampleCount`, `Maximum`, `Minimum` or a percentile (`p90`). */
  stat: string;
  /** Only data of this unit. */
  unit?: string;
}

/**
 * One query of `getMetricData` or of a metric math alarm: either a metric
 * (`metricStat`) or a metric math `expression` over the other queries' ids, e.g.
 * `{ id: 'rate', expression: '100 * errors / requests' }`.
 */
export interface MetricDataQuery {
  /** Names the query in results and expressions: a lowercase letter, then letters, digits or `_`. */
  id: string;
  /** The metric to fetch (not with `expression`). */
  metricStat?: MetricStatInput;
  /** A metric math expression (not with `metricStat`), at most 2048 characters. */
  expression?: string;
  /** The result's label (default: the metric name, or the id). */
  label?: string;
  /** Whether the result is returned (default true); for an alarm, true on the one it watches. */
  returnData?: boolean;
  /** An expression's period in seconds. */
  period?: number;
}

const ID = /^[a-z][a-zA-Z0-9_]*$/;
const PERCENTILE = PERCENTILE_STATISTIC;

function checkStat(field: string, stat: string | undefined): string {
  const s = requireValue(field, stat);
  if (!(STATISTICS as readonly string[]).includes(s) && !PERCENTILE.test(s)) {
    throw new BotoClientError(`${field} must be one of ${STATISTICS.join(', ')} or a percentile such as p90, got ${JSON.stringify(s)}`);
  }
  return s;
}

/** Checks queries and builds the SDK's; `max` is the call's limit (500, or 20 for an alarm). @internal */
export function toSdkQueries(field: string, queries: readonly MetricDataQuery[] | undefined, max: number): SdkMetricDataQuery[] {
  const list = checkNonEmpty(field, requireValue(field, queries)) as readonly MetricDataQuery[];
  checkMaxItems(field, list, max);
  const seen = new Set<string>();
  return list.map((q, i) => {
    const f = `${field}[${i}]`;
    if (q === null || typeof q !== 'object') throw new BotoClientError(`${f} must be an object with an id and a metricStat or an expression`);
    const id = checkPattern(`${f}.id`, requireValue(`${f}.id`, q.id), ID, 'a lowercase letter, then letters, digits or _') as string;
    if (seen.has(id)) throw new BotoClientError(`${f}.id ${JSON.stringify(id)} is used twice; ids must be unique`);
    seen.add(id);
    if ((q.metricStat === undefined) === (q.expression === undefined)) throw new BotoClientError(`${f} needs exactly one of metricStat and expression`);
    const out: SdkMetricDataQuery = { Id: id, Label: checkLength(`${f}.label`, q.label, 2048, 0), ReturnData: q.returnData };
    if (q.expression !== undefined) {
      out.Expression = checkLength(`${f}.expression`, q.expression, 2048);
      out.Period = checkPeriod(`${f}.period`, q.period, STATISTICS_SHORT_PERIODS);
      return out;
    }
    if (q.period !== undefined) throw new BotoClientError(`${f}.period is for expressions; a metric's period goes in metricStat.period`);
    const s = q.metricStat as MetricStatInput;
    out.MetricStat = {
      Metric: {
        Namespace: checkNamespace(`${f}.metricStat.namespace`, s.namespace),
        MetricName: checkMetricName(`${f}.metricStat.metricName`, s.metricName),
        Dimensions: toSdkDimensions(`${f}.metricStat.dimensions`, s.dimensions, 30),
      },
      Period: checkPeriod(`${f}.metricStat.period`, requireValue(`${f}.metricStat.period`, s.period), STATISTICS_SHORT_PERIODS),
      Stat: checkStat(`${f}.metricStat.stat`, s.stat),
      Unit: checkUnit(`${f}.metricStat.unit`, s.unit),
    };
    return out;
  });
}

/** A query as AWS describes it back (an alarm's `Metrics`). @internal */
export function fromSdkQuery(q: SdkMetricDataQuery): MetricDataQuery {
  const out: MetricDataQuery = { id: q.Id ?? '' };
  const s = q.MetricStat;
  if (s !== undefined) {
    const stat: MetricStatInput = { namespace: s.Metric?.Namespace ?? '', metricName: s.Metric?.MetricName ?? '', period: s.Period ?? 0, stat: s.Stat ?? '' };
    const dims = Dimension.fromSdk(s.Metric?.Dimensions);
    if (Object.keys(dims).length > 0) stat.dimensions = dims;
    if (s.Unit !== undefined) stat.unit = s.Unit;
    out.metricStat = stat;
  }
  if (q.Expression !== undefined) out.expression = q.Expression;
  if (q.Label !== undefined) out.label = q.Label;
  if (q.ReturnData !== undefined) out.returnData = q.ReturnData;
  if (q.Period !== undefined) out.period = q.Period;
  return out;
}

/** Constructor options of {@link MetricDataResult}. */
export interface MetricDataResultOptions {
  /** The connection the object talks through. */
  connection?: CloudWatchConnection;
  /** The query's id. */
  id?: string;
  /** The series' label. */
  label?: string;
  /** Datapoint times, in the order asked for (newest first by default). */
  timestamps?: Date[];
  /** Datapoint values, one per timestamp. */
  values?: number[];
  /** `Complete`, or `PartialData` when more datapoints follow on the next page. */
  statusCode?: string;
}

/**
 * One series `getMetricData` answers: a query's datapoints on one page. Prints as
 * `MetricDataResult:rate[Error rate]`, like boto2's other CloudWatch objects.
 */
export class MetricDataResult extends BotoObject<CloudWatchConnection> {
  /** The query's id. */
  id: string | undefined;
  /** The series' label. */
  label: string | undefined;
  /** Datapoint times. */
  timestamps: Date[];
  /** Datapoint values, one per timestamp. */
  values: number[];
  /** `Complete`, or `PartialData` when more datapoints follow on the next page. */
  statusCode: string | undefined;

  constructor(options: MetricDataResultOptions = {}) {
    checkNew(MetricDataResult, arguments);
    super(options.connection);
    this.id = options.id;
    this.label = options.label;
    this.timestamps = options.timestamps ?? [];
    this.values = options.values ?? [];
    this.statusCode = options.statusCode;
  }

  /** Builds one from a `GetMetricData` answer. @internal */
  static fromSdk(connection: CloudWatchConnection, r: SdkMetricDataResult): MetricDataResult {
    return new MetricDataResult({ connection, id: r.Id, label: r.Label, timestamps: [...(r.Timestamps ?? [])], values: [...(r.Values ?? [])], statusCode: r.StatusCode });
  }

  /** The datapoints as `[timestamp, value]` pairs. */
  get datapoints(): Array<[Date, number]> {
    return this.timestamps.map((t, i) => [t, this.values[i] as number]);
  }

  toString(): string {
    return `MetricDataResult:${pyStr(this.id)}[${pyStr(this.label)}]`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(MetricDataResult, {
  new: '{connection, id, label, timestamps, values, statusCode}',
});

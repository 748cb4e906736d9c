/**
 * CloudWatch metrics (boto2's `boto.ec2.cloudwatch.metric`).
 *
 * @module
 */
import type { Metric as SdkMetric } from '@aws-sdk/client-cloudwatch';
import { pyStr } from '../core/repr';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import { PagedRequest, ResultSet } from '../core/resultset';
import { MetricAlarm } from './alarm';
import { UNITS } from './checks';
import type { CloudWatchConnection, DescribeAlarmsForMetricOptions } from './connection';
import type { Datapoint } from './datapoint';
import { Dimension, type Dimensions } from './dimension';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Metric}. */
export interface MetricOptions {
  /** The connection the object talks through. */
  connection?: CloudWatchConnection;
  /** The metric's name, e.g. `CPUUtilization`. */
  name?: string;
  /** The metric's namespace, e.g. `AWS/EC2`. */
  namespace?: string;
  /** The metric's dimensions. */
  dimensions?: Dimensions;
}

/** Options of {@link Metric.query}. */
export interface QueryOptions extends CallOptions {
  /** Only datapoints in this unit. */
  unit?: string;
  /** Seconds per datapoint; default 60, as boto2. */
  period?: number | string;
}

/** Options of {@link Metric.createAlarm}: boto2's keyword arguments. */
export interface MetricCreateAlarmOptions extends CallOptions {
  /** Whether the alarm's actions run (sent only when given; AWS's default is true). */
  enabled?: boolean;
  /** A description. */
  description?: string;
  /** Dimensions; default the metric's own. */
  dimensions?: Dimensions;
  /** ARNs to run on entering `ALARM`. */
  alarmActions?: readonly (string | undefined)[];
  /** ARNs to run on entering `OK`. */
  okActions?: readonly (string | undefined)[];
  /** ARNs to run on entering `INSUFFICIENT_DATA`. */
  insufficientDataActions?: readonly (string | undefined)[];
  /** The metric's unit. */
  unit?: string;
}

/** A metric, as `listMetrics` finds it. Prints as boto2's: `Metric:CPUUtilization`. */
export class Metric extends BotoObject<CloudWatchConnection> {
  /** The statistics CloudWatch computes (boto2's `Metric.Statistics`). */
  static readonly Statistics: readonly string[] = ['Minimum', 'Maximum', 'Sum', 'Average', 'SampleCount'];
  /** AWS's unit names (boto2's `Metric.Units`; `None` is AWS's unit name for no unit). */
  static readonly Units: readonly string[] = UNITS;

  /** The metric's name. */
  name: string | undefined;
  /** The metric's namespace. */
  namespace: string | undefined;
  /** The metric's dimensions: as given, or a {@link Dimension} when read from AWS. */
  dimensions: Dimensions | undefined;

  constructor(options: MetricOptions = {}) {
    checkNew(Metric, arguments);
    super(options.connection);
    this.name = options.name;
    this.namespace = options.namespace;
    this.dimensions = options.dimensions;
  }

  /** Builds one from a `ListMetrics` answer. @internal */
  static fromSdk(connection: CloudWatchConnection, m: SdkMetric): Metric {
    return new Metric({ connection, name: m.MetricName, namespace: m.Namespace, dimensions: Dimension.fromSdk(m.Dimensions) });
  }

  toString(): string {
    return `Metric:${pyStr(this.name)}`;
  }

  /** A list call made without a connection: rejects when awaited, like every other call, rather than throwing here. */
  #unbound<T>(): PagedRequest<T> {
    return new PagedRequest<T>(async () => {
      this.requireConnection();
      return ResultSet.fromPage<T>([]);
    });
  }

  /**
   * The metric's statistics from `startTime` (inclusive) to `endTime` (exclusive), one
   * datapoint per `period` (default 60 s), for its own dimensions (`getMetricStatistics`).
   */
  query(startTime: Date, endTime: Date, statistics: string | readonly string[], options: QueryOptions = {}): PagedRequest<Datapoint> {
    const conn = this.connection;
    if (conn === undefined) return this.#unbound<Datapoint>();
    const { unit, period, ...call } = options;
    return conn.getMetricStatistics(period ?? 60, startTime, endTime, this.name as string, this.namespace as string, statistics, this.dimensions, unit, call);
  }

  /**
   * Creates (or replaces) an alarm on this metric and resolves with it, bound to the
   * connection. The alarm has the metric's dimensions unless others are given.
   */
  async createAlarm(
    name: string,
    comparison: string,
    threshold: number | string,
    period: number | string,
    evaluationPeriods: number | string,
    statistic: string,
    options: MetricCreateAlarmOptions = {},
  ): Promise<MetricAlarm> {
    const conn = this.requireConnection();
    const { enabled, description, dimensions, alarmActions, okActions, insufficientDataActions, unit, ...call } = options;
    const alarm = new MetricAlarm({
      connection: conn,
      name,
      metric: this.name,
      namespace: this.namespace,
      statistic,
      comparison,
      threshold,
      period,
      evaluationPeriods,
      unit,
      description,
      dimensions: dimensions ?? this.dimensions,
      alarmActions,
      insufficientDataActions,
      okActions,
      actionsEnabled: enabled,
    });
    await conn.putMetricAlarm(alarm, call);
    return alarm;
  }

  /**
   * The alarms on this metric, narrowed by period, statistic, dimensions or unit
   * (`describeAlarmsForMetric`). The metric's own dimensions are used unless others are given.
   */
  describeAlarms(options: DescribeAlarmsForMetricOptions = {}): PagedRequest<MetricAlarm> {
    const conn = this.connection;
    if (conn === undefined) return this.#unbound<MetricAlarm>();
    return conn.describeAlarmsForMetric(this.name as string, this.namespace as string, { ...options, dimensions: options.dimensions ?? this.dimensions });
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Metric, {
  new: '{connection, name, namespace, dimensions}',
  query: 'paged: startTime, endTime, statistics, [unit, period], {signal}',
  createAlarm: 'name, comparison, threshold, period, evaluationPeriods, statistic, [enabled, description, dimensions:object, alarmActions, okActions, insufficientDataActions, unit], {signal}',
  describeAlarms: 'paged: [period, statistic, dimensions:object, unit], {signal}',
});

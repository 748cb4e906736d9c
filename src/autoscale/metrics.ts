/**
 * Group metrics (boto2's `EnabledMetric` and `AutoScalingGroupMetric` of
 * `boto.ec2.autoscale.group`, and `MetricCollectionTypes` of `boto.ec2.autoscale.policy`).
 *
 * @module
 */
import type { DescribeMetricCollectionTypesAnswer, EnabledMetric as SdkEnabledMetric } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyList, pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** A group metric whose collection is enabled. Prints as `EnabledMetric(METRIC, GRANULARITY)`. */
export class EnabledMetric extends BotoObject<AutoScaleConnection> {
  /** The metric name (`GroupMinSize`, ...). */
  metric: string | undefined;
  /** The collection granularity (`1Minute`). */
  granularity: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; metric?: string; granularity?: string } = {}) {
    checkNew(EnabledMetric, arguments);
    super(options.connection);
    this.metric = options.metric;
    this.granularity = options.granularity;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, m: SdkEnabledMetric): EnabledMetric {
    return new EnabledMetric({ connection, metric: m.Metric, granularity: m.Granularity });
  }

  toString(): string {
    return `EnabledMetric(${pyStr(this.metric)}, ${pyStr(this.granularity)})`;
  }
}

/** boto2's `AutoScalingGroupMetric`: a metric name and granularity. Prints as `AutoScalingGroupMetric:METRIC`. */
export class AutoScalingGroupMetric extends BotoObject<AutoScaleConnection> {
  /** The metric name. */
  metric: string | undefined;
  /** The collection granularity. */
  granularity: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; metric?: string; granularity?: string } = {}) {
    checkNew(AutoScalingGroupMetric, arguments);
    super(options.connection);
    this.metric = options.metric;
    this.granularity = options.granularity;
  }

  toString(): string {
    return `AutoScalingGroupMetric:${pyStr(this.metric)}`;
  }
}

/** One entry of {@link MetricCollectionTypes} (boto2's `MetricCollectionTypes.BaseType`). Prints as `ARG:VALUE`. */
export class MetricCollectionBaseType extends BotoObject<AutoScaleConnection> {
  /** The value (a metric name or a granularity). */
  val: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; val?: string } = {}) {
    checkNew(MetricCollectionBaseType, arguments);
    super(options.connection);
    this.val = options.val;
  }

  /** What the entry is: `Metric` or `Granularity` in the subclasses. */
  get arg(): string {
    return '';
  }

  toString(): string {
    return `${this.arg}:${pyStr(this.val)}`;
  }
}

/** A metric that can be collected (boto2's `MetricCollectionTypes.Metric`). Prints as `Metric:NAME`. */
export class MetricCollectionMetric extends MetricCollectionBaseType {
  override get arg(): string {
    return 'Metric';
  }
}

/** A collection granularity (boto2's `MetricCollectionTypes.Granularity`). Prints as `Granularity:VALUE`. */
export class MetricCollectionGranularity extends MetricCollectionBaseType {
  override get arg(): string {
    return 'Granularity';
  }
}

/**
 * The metrics and granularities `enableMetricsCollection` accepts, from
 * `getAllMetricCollectionTypes()`. Prints as `MetricCollectionTypes:<[Metric:...], [Granularity:...]>`.
 */
export class MetricCollectionTypes extends BotoObject<AutoScaleConnection> {
  /** boto2's `MetricCollectionTypes.BaseType`. */
  static readonly BaseType = MetricCollectionBaseType;
  /** boto2's `MetricCollectionTypes.Metric`. */
  static readonly Metric = MetricCollectionMetric;
  /** boto2's `MetricCollectionTypes.Granularity`. */
  static readonly Granularity = MetricCollectionGranularity;

  /** The metrics that can be collected. */
  metrics: MetricCollectionMetric[];
  /** The granularities they can be collected at. */
  granularities: MetricCollectionGranularity[];

  constructor(options: { connection?: AutoScaleConnection; metrics?: MetricCollectionMetric[]; granularities?: MetricCollectionGranularity[] } = {}) {
    checkNew(MetricCollectionTypes, arguments);
    super(options.connection);
    this.metrics = options.metrics ?? [];
    this.granularities = options.granularities ?? [];
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, out: DescribeMetricCollectionTypesAnswer): MetricCollectionTypes {
    return new MetricCollectionTypes({
      connection,
      metrics: (out.Metrics ?? []).map((m) => new MetricCollectionMetric({ connection, val: m.Metric })),
      granularities: (out.Granularities ?? []).map((g) => new MetricCollectionGranularity({ connection, val: g.Granularity })),
    });
  }

  toString(): string {
    return `MetricCollectionTypes:<${pyList(this.metrics)}, ${pyList(this.granularities)}>`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(EnabledMetric, {
  new: '{connection, metric, granularity}',
});
declareSignatures(AutoScalingGroupMetric, {
  new: '{connection, metric, granularity}',
});
declareSignatures(MetricCollectionTypes, {
  new: '{connection, metrics, granularities}',
});
declareSignatures(MetricCollectionBaseType, {
  new: '{connection, val}',
});

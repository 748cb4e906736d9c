/**
 * One datapoint of a metric's statistics (boto2's `boto.ec2.cloudwatch.datapoint`).
 *
 * @module
 */
import type { Datapoint as SdkDatapoint } from '@aws-sdk/client-cloudwatch';
import { pyStrRepr } from '../core/repr';
import { BotoObject, pyFloat } from '../core/repr';
import type { CloudWatchConnection } from './connection';
import { pyDatetimeRepr } from './pytime';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Datapoint}. */
export interface DatapointOptions {
  /** The connection the object talks through. */
  connection?: CloudWatchConnection;
  /** Start of the period the statistics cover. */
  timestamp?: Date;
  /** How many values the period holds. */
  sampleCount?: number;
  /** The average of the values. */
  average?: number;
  /** The sum of the values. */
  sum?: number;
  /** The smallest value. */
  minimum?: number;
  /** The largest value. */
  maximum?: number;
  /** The unit of the values. */
  unit?: string;
}

/**
 * The statistics of one period, as `getMetricStatistics` and `Metric.query` answer them.
 * boto2's `Datapoint` is a dict keyed by AWS's names (`dp['Average']`); here each
 * statistic is a typed field (`dp.average`), and only the statistics asked for are set.
 * Prints as boto2's dict does: `{'Timestamp': datetime.datetime(2013, 5, 24, 21, 15), 'Average': 45.5, 'Unit': 'Percent'}`.
 */
export class Datapoint extends BotoObject<CloudWatchConnection> {
  /** Start of the period the statistics cover. */
  timestamp: Date | undefined;
  /** How many values the period holds. */
  sampleCount: number | undefined;
  /** The average of the values. */
  average: number | undefined;
  /** The sum of the values. */
  sum: number | undefined;
  /** The smallest value. */
  minimum: number | undefined;
  /** The largest value. */
  maximum: number | undefined;
  /** The unit of the values. */
  unit: string | undefined;

  constructor(options: DatapointOptions = {}) {
    checkNew(Datapoint, arguments);
    super(options.connection);
    this.timestamp = options.timestamp;
    this.sampleCount = options.sampleCount;
    this.average = options.average;
    this.sum = options.sum;
    this.minimum = options.minimum;
    this.maximum = options.maximum;
    this.unit = options.unit;
  }

  /** Builds one from a `GetMetricStatistics` answer. @internal */
  static fromSdk(connection: CloudWatchConnection, d: SdkDatapoint): Datapoint {
    return new Datapoint({
      connection,
      timestamp: d.Timestamp,
      sampleCount: d.SampleCount,
      average: d.Average,
      sum: d.Sum,
      minimum: d.Minimum,
      maximum: d.Maximum,
      unit: d.Unit,
    });
  }

  toString(): string {
    const items: string[] = [];
    if (this.timestamp !== undefined) items.push(`'Timestamp': ${pyDatetimeRepr(this.timestamp)}`);
    const stats: [string, number | undefined][] = [
      ['SampleCount', this.sampleCount], ['Average', this.average], ['Sum', this.sum], ['Minimum', this.minimum], ['Maximum', this.maximum],
    ];
    for (const [name, value] of stats) if (value !== undefined) items.push(`'${name}': ${pyFloat(value)}`);
    if (this.unit !== undefined) items.push(`'Unit': ${pyStrRepr(this.unit)}`);
    return `{${items.join(', ')}}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Datapoint, {
  new: '{connection, timestamp, sampleCount, average, sum, minimum, maximum, unit}',
});

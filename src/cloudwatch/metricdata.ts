/**
 * `putMetricData`'s arguments as boto2 takes them (any of them a list, the others repeated
 * to match, as boto2's `build_put_params`), turned into AWS `MetricDatum`s and split into
 * requests within AWS's limits.
 *
 * @module
 */
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import type { CallOptions } from '../core/connection';
import { BotoClientError } from '../core/errors';
import { checkExclusive, requireValue, toNumber } from '../core/validate';
import { checkDate, checkMetricName, checkUnit, checkValue, MAX_DIMENSIONS } from './checks';
import { toSdkDimensions, type Dimensions } from './dimension';

/** A statistic set: what to send instead of a value (boto2's dict with `maximum`, `minimum`, `samplecount`, `sum`). */
export interface StatisticSetInput {
  /** The largest value. */
  maximum: number | string;
  /** The smallest value. */
  minimum: number | string;
  /** How many values (boto2's key; `sampleCount` is taken too). */
  samplecount?: number | string;
  /** How many values. */
  sampleCount?: number | string;
  /** The sum of the values. */
  sum: number | string;
}

/**
 * Options of `putMetricData`: boto2's keyword arguments. Each is one value for every
 * datapoint, or a list with one per datapoint.
 */
export interface PutMetricDataOptions extends CallOptions {
  /** When each value was measured; default the time AWS receives it. */
  timestamp?: Date | readonly Date[];
  /** The unit (one of AWS's StandardUnit names). */
  unit?: string | readonly string[];
  /** Dimensions, e.g. `{ InstanceId: 'i-0123456' }`; at most 30 name/value pairs per datapoint. */
  dimensions?: Dimensions | readonly Dimensions[];
  /** A statistic set to send instead of a value. */
  statistics?: StatisticSetInput | readonly StatisticSetInput[];
  /** `1` for a high-resolution metric (stored per second), `60` (AWS's default) for per minute. */
  storageResolution?: number | readonly number[];
}

/** The most datapoints one `PutMetricData` request may carry. */
export const MAX_DATA_PER_REQUEST = 1000;
/** The largest body botoscale sends in one `PutMetricData` request, in bytes (AWS allows 1 MB). */
export const MAX_BODY_BYTES = 1_000_000;

type Arg<T> = T | readonly T[] | undefined;

function isList<T>(value: Arg<T>): value is readonly T[] {
  return Array.isArray(value);
}

/** The `i`th value of an argument given once or as a list, with the field name a message should use. */
function pick<T>(field: string, value: Arg<T>, i: number): [string, T | undefined] {
  return isList(value) ? [`${field}[${i}]`, value[i]] : [field, value as T | undefined];
}

function statisticSet(field: string, s: StatisticSetInput | undefined): MetricDatum['StatisticValues'] {
  const set = requireValue(field, s);
  return {
    SampleCount: toNumber(`${field}.samplecount`, requireValue(`${field}.samplecount`, set.samplecount ?? set.sampleCount)),
    Sum: toNumber(`${field}.sum`, requireValue(`${field}.sum`, set.sum)),
    Minimum: toNumber(`${field}.minimum`, requireValue(`${field}.minimum`, set.minimum)),
    Maximum: toNumber(`${field}.maximum`, requireValue(`${field}.maximum`, set.maximum)),
  };
}

function storageResolution(field: string, value: number | undefined): number | undefined {
  if (value !== undefined && value !== 1 && value !== 60) {
    throw new BotoClientError(`${field} must be 1 or 60, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks `putMetricData`'s arguments and builds one `MetricDatum` per datapoint. As boto2:
 * the datapoints are as many as the longest list given, every list must be that long, and
 * an argument given once applies to every datapoint.
 * @internal
 */
export function toMetricData(name: Arg<string>, value: Arg<number | string>, options: PutMetricDataOptions): MetricDatum[] {
  const { timestamp, unit, dimensions, statistics, storageResolution: resolution } = options;
  requireValue('name', name);
  if (isList(name) && name.length === 0) throw new BotoClientError('name must list at least one item');
  checkExclusive('value', value, 'statistics', statistics);
  if (value === undefined && statistics === undefined) requireValue('value or statistics', undefined);
  const args: [string, Arg<unknown>][] = [
    ['name', name], ['value', value], ['timestamp', timestamp], ['unit', unit],
    ['dimensions', dimensions], ['statistics', statistics], ['storageResolution', resolution],
  ];
  const count = Math.max(...args.map(([, a]) => (isList(a) ? a.length : 1)));
  for (const [field, a] of args) {
    if (isList(a) && a.length !== count) {
      throw new BotoClientError(`${field} must list ${count} items, as many as the longest list argument, got ${a.length}`);
    }
  }
  const data: MetricDatum[] = [];
  for (let i = 0; i < count; i++) {
    const [nameField, n] = pick('name', name, i);
    const [timeField, t] = pick('timestamp', timestamp, i);
    const [unitField, u] = pick('unit', unit, i);
    const [dimField, d] = pick('dimensions', dimensions, i);
    const [resField, r] = pick('storageResolution', resolution, i);
    const datum: MetricDatum = {
      MetricName: checkMetricName(nameField, n),
      Dimensions: toSdkDimensions(dimField, d, MAX_DIMENSIONS),
      Timestamp: checkDate(timeField, t),
      Unit: checkUnit(unitField, u),
      StorageResolution: storageResolution(resField, r),
    };
    if (statistics !== undefined) {
      const [statField, s] = pick('statistics', statistics, i);
      datum.StatisticValues = statisticSet(statField, s);
    } else {
      const [valueField, v] = pick('value', value, i);
      datum.Value = checkValue(valueField, requireValue(valueField, v));
    }
    data.push(datum);
  }
  return data;
}

/** The bytes a datum adds to the JSON body, as the SDK writes it (timestamps as epoch seconds). */
function datumBytes(datum: MetricDatum): number {
  const text = JSON.stringify(datum, (key, v: unknown) => (key === 'Timestamp' && typeof v === 'string' ? Date.parse(v) / 1000 : v));
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Splits datapoints into requests of at most {@link MAX_DATA_PER_REQUEST} datapoints and
 * {@link MAX_BODY_BYTES} bytes of JSON body each, keeping their order.
 * @internal
 */
export function batchMetricData(namespace: string, data: readonly MetricDatum[]): MetricDatum[][] {
  const base = Buffer.byteLength(JSON.stringify({ Namespace: namespace, MetricData: [] }), 'utf8');
  const batches: MetricDatum[][] = [];
  let batch: MetricDatum[] = [];
  let bytes = base;
  for (const datum of data) {
    const size = datumBytes(datum);
    if (batch.length > 0 && (batch.length >= MAX_DATA_PER_REQUEST || bytes + 1 + size > MAX_BODY_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = base;
    }
    bytes += (batch.length === 0 ? 0 : 1) + size;
    batch.push(datum);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

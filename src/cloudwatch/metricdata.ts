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

/**
 * Converts an argument given once or as a list: each item of a list (its field named with
 * its index), or the single value once, shared by every datapoint.
 */
function each<T, R>(field: string, arg: Arg<T>, convert: (field: string, item: T | undefined) => R): (i: number) => R {
  if (isList(arg)) {
    const out = arg.map((item, i) => convert(`${field}[${i}]`, item));
    return (i) => out[i] as R;
  }
  const one = convert(field, arg as T | undefined);
  return () => one;
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
  const names = each('name', name, checkMetricName);
  const dims = each('dimensions', dimensions, (field, d: Dimensions | undefined) => toSdkDimensions(field, d, MAX_DIMENSIONS));
  const times = each('timestamp', timestamp, checkDate);
  const units = each('unit', unit, checkUnit);
  const resolutions = each('storageResolution', resolution, storageResolution);
  const stats = statistics === undefined ? undefined : each('statistics', statistics, statisticSet);
  const values = statistics !== undefined ? undefined : each('value', value, (field, v: number | string | undefined) => checkValue(field, requireValue(field, v)));
  const data: MetricDatum[] = [];
  for (let i = 0; i < count; i++) {
    const datum: MetricDatum = { MetricName: names(i) };
    const d = dims(i);
    if (d !== undefined) datum.Dimensions = d;
    const t = times(i);
    if (t !== undefined) datum.Timestamp = t;
    const u = units(i);
    if (u !== undefined) datum.Unit = u;
    const r = resolutions(i);
    if (r !== undefined) datum.StorageResolution = r;
    if (stats !== undefined) datum.StatisticValues = stats(i);
    else datum.Value = (values as (i: number) => number)(i);
    data.push(datum);
  }
  return data;
}

/**
 * Measures datapoints as the SDK writes them in JSON (timestamps as epoch seconds),
 * remembering the size of what datapoints share (a name, a dimensions list given once), so
 * that measuring many datapoints costs little more than adding up numbers.
 */
class DatumSizer {
  readonly #texts = new Map<string, number>();
  readonly #objects = new WeakMap<object, number>();

  #value(v: unknown): number {
    if (typeof v === 'number') return String(v).length;
    if (typeof v === 'string') {
      let n = this.#texts.get(v);
      if (n === undefined) {
        n = Buffer.byteLength(JSON.stringify(v), 'utf8');
        this.#texts.set(v, n);
      }
      return n;
    }
    const o = v as object;
    let n = this.#objects.get(o);
    if (n === undefined) {
      n = o instanceof Date ? String(o.getTime() / 1000).length : Buffer.byteLength(JSON.stringify(o), 'utf8');
      this.#objects.set(o, n);
    }
    return n;
  }

  /** The bytes of one datapoint's JSON object: `{"Key":value,...}`. */
  bytes(datum: MetricDatum): number {
    let n = 1;
    for (const key in datum) {
      const v: unknown = datum[key as keyof MetricDatum];
      if (v === undefined) continue;
      n += (n === 1 ? 0 : 1) + key.length + 3 + this.#value(v);
    }
    return n + 1;
  }
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
  const sizer = new DatumSizer();
  for (const datum of data) {
    const size = sizer.bytes(datum);
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

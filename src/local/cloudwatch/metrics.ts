/**
 * Metric storage: datapoints by metric (namespace, name, exact dimension set), kept in
 * time order with bounded retention, and aggregated per period for GetMetricStatistics
 * and the alarm evaluator.
 *
 * @module
 */
import type { StandardUnit } from '@aws-sdk/client-cloudwatch';
import type { DimensionRecord, MetricSeries, StoredPoint } from './model';

/** Datapoints older than this are dropped (AWS keeps 1-minute data 15 days). */
export const RETENTION_MS = 15 * 86_400_000;
/** Most datapoints kept per metric (two weeks of one a minute, and then some). */
export const MAX_POINTS_PER_METRIC = 21_600;

/** Dimensions sorted by name (then value), as the metric's identity. */
export function canonicalDimensions(dimensions: readonly DimensionRecord[]): DimensionRecord[] {
  return [...dimensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The identity of a metric. */
export function metricKey(namespace: string, metricName: string, dimensions: readonly DimensionRecord[]): string {
  let k = `${namespace}\u0000${metricName}`;
  for (const d of canonicalDimensions(dimensions)) k += `\u0000${d.name}\u0001${d.value}`;
  return k;
}

/** Aggregated statistics of the points of one period (and one unit). */
export interface Aggregate {
  timestamp: number;
  unit: StandardUnit;
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
  /** Raw values with their counts, when every point had them (for percentiles). */
  distribution?: Array<[number, number]>;
}

function rawOf(p: StoredPoint): Array<[number, number]> | undefined {
  if (p.values !== undefined) return p.values.map((v, i) => [v, p.counts?.[i] ?? 1]);
  if (!p.set || p.n === 1) return [[p.sum / p.n, p.n]];
  if (p.min === p.max) return [[p.min, p.n]];
  return undefined;
}

/** The `p`th percentile (0–100) of a weighted distribution, by nearest rank. */
export function percentile(distribution: ReadonlyArray<[number, number]>, p: number): number | undefined {
  if (distribution.length === 0 || distribution.some(([v]) => v < 0)) return undefined;
  const sorted = [...distribution].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, c]) => s + c, 0);
  if (total <= 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [v, c] of sorted) {
    seen += c;
    if (seen >= rank) return v;
  }
  return sorted[sorted.length - 1]?.[0];
}

/** All metric series of the account. */
export class MetricStore {
  /** Series by {@link metricKey}. */
  readonly series = new Map<string, MetricSeries>();
  #sorted: string[] | undefined;

  /** Adds a datapoint to its metric (creating the metric) in time order, within retention. */
  put(namespace: string, metricName: string, dimensions: readonly DimensionRecord[], point: StoredPoint, now: number): void {
    const key = metricKey(namespace, metricName, dimensions);
    let s = this.series.get(key);
    if (s === undefined) {
      s = { namespace, metricName, dimensions: canonicalDimensions(dimensions), points: [], lastPut: 0 };
      this.series.set(key, s);
      this.#sorted = undefined;
    }
    const pts = s.points;
    if (pts.length === 0 || (pts[pts.length - 1] as StoredPoint).t <= point.t) pts.push(point);
    else pts.splice(lowerBound(pts, point.t + 1), 0, point);
    s.lastPut = Math.max(s.lastPut, now);
    trim(s, now);
  }

  /** A series by {@link metricKey}. */
  get(key: string): MetricSeries | undefined {
    return this.series.get(key);
  }

  /** Metric keys in a stable order (namespace, name, dimensions). */
  sortedKeys(): string[] {
    this.#sorted ??= [...this.series.keys()].sort();
    return this.#sorted;
  }

  /** Drops expired datapoints and metrics left without any. */
  expire(now: number): void {
    for (const [key, s] of this.series) {
      trim(s, now);
      if (s.points.length === 0) {
        this.series.delete(key);
        this.#sorted = undefined;
      }
    }
  }

  /** Replaces every series (restore). */
  load(series: readonly MetricSeries[]): void {
    this.series.clear();
    this.#sorted = undefined;
    for (const s of series) this.series.set(metricKey(s.namespace, s.metricName, s.dimensions), s);
  }
}

function lowerBound(points: readonly StoredPoint[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as StoredPoint).t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function trim(s: MetricSeries, now: number): void {
  const cutoff = now - RETENTION_MS;
  let drop = 0;
  while (drop < s.points.length && (s.points[drop] as StoredPoint).t < cutoff) drop++;
  drop = Math.max(drop, s.points.length - MAX_POINTS_PER_METRIC);
  if (drop > 0) s.points.splice(0, drop);
}

/**
 * Aggregates the points of [start, end) into periods of `periodMs` counted from `start`,
 * one aggregate per period and unit (only `unit`'s points when given), in time order.
 */
export function aggregate(series: MetricSeries, start: number, end: number, periodMs: number, unit: StandardUnit | undefined, withDistribution: boolean): Aggregate[] {
  const out = new Map<string, Aggregate>();
  const pts = series.points;
  for (let i = lowerBound(pts, start); i < pts.length; i++) {
    const p = pts[i] as StoredPoint;
    if (p.t >= end) break;
    const u = p.unit ?? 'None';
    if (unit !== undefined && u !== unit) continue;
    const bucket = start + Math.floor((p.t - start) / periodMs) * periodMs;
    const k = `${bucket}\u0000${u}`;
    let a = out.get(k);
    if (a === undefined) {
      a = { timestamp: bucket, unit: u, sampleCount: 0, sum: 0, minimum: Infinity, maximum: -Infinity };
      if (withDistribution) a.distribution = [];
      out.set(k, a);
    }
    a.sampleCount += p.n;
    a.sum += p.sum;
    a.minimum = Math.min(a.minimum, p.min);
    a.maximum = Math.max(a.maximum, p.max);
    if (a.distribution !== undefined) {
      const raw = rawOf(p);
      if (raw === undefined) delete a.distribution;
      else a.distribution.push(...raw);
    }
  }
  return [...out.values()].sort((x, y) => x.timestamp - y.timestamp || (x.unit < y.unit ? -1 : 1));
}

/** One statistic of an aggregate (`Average`, `p90`, ...); undefined when it cannot be computed. */
export function statisticOf(a: Aggregate, statistic: string): number | undefined {
  switch (statistic) {
    case 'SampleCount':
      return a.sampleCount;
    case 'Sum':
      return a.sum;
    case 'Average':
      return a.sampleCount === 0 ? undefined : a.sum / a.sampleCount;
    case 'Minimum':
      return a.minimum;
    case 'Maximum':
      return a.maximum;
    default: {
      const m = /^p(\d+(?:\.\d+)?)$/.exec(statistic);
      if (m === null || a.distribution === undefined) return undefined;
      return percentile(a.distribution, Number(m[1]));
    }
  }
}

/**
 * GetMetricData (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html):
 * up to 500 queries, metrics and metric math over the stored data, StartTime rounded as
 * the API Reference documents, datapoints newest first unless ScanBy says
 * TimestampAscending, and paging by MaxDatapoints (default 100,800) with NextToken.
 *
 * @module
 */
import type * as CW from '@aws-sdk/client-cloudwatch';
import { awsError } from '../errors';
import { paginate } from '../paging';
import type { ActionInput } from '../typed';
import { invalidValue, validation } from './errors';
import { checkQueries, computeQueries } from './queries';
import { queryRecord } from './readqueries';
import type { CloudWatchState } from './state';

/** Most queries in one call. */
export const MAX_QUERIES = 500;
/** MaxDatapoints when the request has none. */
export const DEFAULT_MAX_DATAPOINTS = 100_800;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** GetMetricData's input, as the protocol layer checked it. */
export type GetMetricDataParams = ActionInput<typeof CW, 'GetMetricData'>;

/** One MetricDataResult. */
export interface MetricDataResultRecord {
  id: string;
  label: string;
  timestamps: number[];
  values: number[];
  statusCode: 'Complete' | 'PartialData';
}

/** GetMetricData's answer. */
export interface MetricDataAnswer {
  results: MetricDataResultRecord[];
  nextToken?: string;
}

/**
 * StartTime as CloudWatch rounds it: down to the minute when less than 15 days ago, to 5
 * minutes between 15 and 63 days, to the hour beyond; with a Period of 1, 5, 10 or 30
 * seconds, down to that many seconds.
 */
export function roundStart(start: number, now: number, smallestPeriod: number): number {
  if (smallestPeriod < 60) return Math.floor(start / (smallestPeriod * 1000)) * smallestPeriod * 1000;
  const age = now - start;
  const grain = age < 15 * DAY ? MINUTE : age <= 63 * DAY ? 5 * MINUTE : 60 * MINUTE;
  return Math.floor(start / grain) * grain;
}

/** GetMetricData over the state at `now`. */
export function getMetricData(state: CloudWatchState, p: GetMetricDataParams, now: number): MetricDataAnswer {
  const given = p.MetricDataQueries.map(queryRecord);
  if (given.length > MAX_QUERIES) throw validation(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const end = p.EndTime.getTime();
  if (p.StartTime.getTime() >= end) throw validation('The parameter StartTime must be less than the parameter EndTime.');
  if (p.MaxDatapoints !== undefined && p.MaxDatapoints < 1) throw invalidValue('The parameter MaxDatapoints must be greater than 0.');
  const queries = checkQueries(given, 'MetricDataQueries');
  if (!queries.some((q) => q.returnData ?? true)) {
    throw validation('No query in MetricDataQueries has ReturnData set to true: at least one metric or expression must return data.');
  }
  const periods = queries.map((q) => q.metricStat?.period ?? q.period ?? 60);
  const start = roundStart(p.StartTime.getTime(), now, Math.min(...periods));
  const computed = computeQueries(state, queries, start, end);
  const ascending = p.ScanBy === 'TimestampAscending';
  const results: Array<{ id: string; label: string; points: Array<[number, number]> }> = [];
  for (const q of queries) {
    if (!(q.returnData ?? true)) continue;
    for (const s of computed.get(q.id) ?? []) {
      const points = [...s.points.entries()].filter(([t]) => t >= start && t < end).sort((a, b) => (ascending ? a[0] - b[0] : b[0] - a[0]));
      results.push({ id: q.id, label: s.label, points });
    }
  }
  const flat: Array<{ r: number; k: number }> = [];
  results.forEach((r, i) => r.points.forEach((_p, k) => flat.push({ r: i, k })));
  const page = paginate(flat, (e) => `${String(e.r).padStart(6, '0')}:${String(e.k).padStart(9, '0')}`, p.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS, p.NextToken, {
    defaultSize: DEFAULT_MAX_DATAPOINTS,
    maxSize: Number.MAX_SAFE_INTEGER,
    refuse: (m) => awsError('monitoring', 'InvalidNextToken', m),
    sizeParam: 'MaxDatapoints',
  });
  const taken = results.map(() => ({ timestamps: [] as number[], values: [] as number[], last: -1 }));
  for (const e of page.items) {
    const point = results[e.r]?.points[e.k] as [number, number];
    const t = taken[e.r] as { timestamps: number[]; values: number[]; last: number };
    t.timestamps.push(point[0]);
    t.values.push(point[1]);
    t.last = e.k;
  }
  const out: MetricDataAnswer = {
    results: results.map((r, i) => {
      const t = taken[i] as { timestamps: number[]; values: number[]; last: number };
      const rest = page.nextToken !== undefined && (t.last < 0 ? r.points.length > 0 && !pageWasBefore(page.items, i) : t.last < r.points.length - 1);
      return { id: r.id, label: r.label, timestamps: t.timestamps, values: t.values, statusCode: rest ? 'PartialData' : 'Complete' };
    }),
  };
  if (page.nextToken !== undefined) out.nextToken = page.nextToken;
  return out;
}

/** Whether all of result `r`'s datapoints came on earlier pages (its entries precede this page's). */
function pageWasBefore(items: ReadonlyArray<{ r: number }>, r: number): boolean {
  const first = items[0];
  return first !== undefined && first.r > r;
}

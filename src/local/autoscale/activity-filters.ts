/**
 * DescribeScalingActivities' Filters: the names AWS accepts there and what each matches.
 *
 * API Reference, DescribeScalingActivities, Filters: "StartTimeLowerBound - The earliest
 * scaling activities to return based on the activity start time", "StartTimeUpperBound -
 * The latest scaling activities to return based on the activity start time", "Status - The
 * StatusCode value of the scaling activity. This filter can only be used in combination
 * with the AutoScalingGroupName parameter"; the bounds "accept ISO 8601 formatted
 * timestamps. Timestamps without a timezone offset are assumed to be UTC." API Reference,
 * Filter, Values: "Filter values are case-sensitive", several values of one filter are
 * joined with OR, several filters with AND. AWS does not document its answer to an unknown
 * name, a Status filter without a group or a timestamp it cannot read: botoscale local
 * answers ValidationError in its own words, naming the filter.
 *
 * @module
 */
import type { Filter } from '@aws-sdk/client-auto-scaling';
import type { Checked } from '../typed';
import { validation } from './errors';
import type { ActivityRecord } from './model';

/** The filter names DescribeScalingActivities accepts. */
const ACTIVITY_FILTER_NAMES = ['StartTimeLowerBound', 'StartTimeUpperBound', 'Status'] as const;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 timestamp in ms; one without an offset is UTC. */
function readTimestamp(filter: string, value: string): number {
  const m = ISO_8601.exec(value);
  const ms = m === null ? NaN : Date.parse(m[1] === undefined && value.includes('T') ? `${value}Z` : value);
  if (Number.isNaN(ms)) {
    throw validation(`Invalid value '${value}' for filter ${filter}: expected an ISO 8601 timestamp such as 2000-01-18T08:15:00Z or 2000-01-18T16:15:00+08:00.`);
  }
  return ms;
}

/** The test one filter makes of an activity. */
function filterTest(f: Checked<Filter>, groupName: string | undefined): (a: ActivityRecord) => boolean {
  const name = f.Name ?? '';
  const values = f.Values ?? [];
  if (name === 'StartTimeLowerBound') {
    const bounds = values.map((v) => readTimestamp(name, v));
    return (a) => bounds.some((b) => a.startTime >= b);
  }
  if (name === 'StartTimeUpperBound') {
    const bounds = values.map((v) => readTimestamp(name, v));
    return (a) => bounds.some((b) => a.startTime <= b);
  }
  if (name === 'Status') {
    if (groupName === undefined) throw validation('The Status filter can only be used in combination with the AutoScalingGroupName parameter.');
    return (a) => values.includes(a.statusCode);
  }
  throw validation(`Invalid filter name: ${name}. Valid filters are ${ACTIVITY_FILTER_NAMES.join(', ')}.`);
}

/** The test DescribeScalingActivities' filters make of an activity (all filters must match); throws on a filter AWS would refuse. */
export function activityFilter(filters: ReadonlyArray<Checked<Filter>>, groupName: string | undefined): (a: ActivityRecord) => boolean {
  const tests = filters.map((f) => filterTest(f, groupName));
  return (a) => tests.every((t) => t(a));
}

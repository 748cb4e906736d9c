/**
 * Timestamps on the wire: ISO 8601 in query requests (with or without a zone, seconds
 * optional) or epoch seconds; ISO 8601 with milliseconds in XML answers (whole seconds
 * for the members listed in {@link WHOLE_SECOND_MEMBERS}) and epoch seconds in JSON
 * answers.
 *
 * @module
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses an ISO 8601 date-time (UTC when no zone is given) or epoch seconds; undefined if neither. */
export function parseTimestamp(text: string): Date | undefined {
  const s = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    const d = new Date(Number(s) * 1000);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 24 || Number(mi) > 59 || Number(sec) > 60) return undefined;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(sec), Math.floor(Number(`0.${frac || '0'}`) * 1000));
  if (Number(h) < 24 && new Date(ms).getUTCDate() !== day) return undefined;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    ms -= sign * offset * 60_000;
  }
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A timestamp value from a handler: a Date, ms since the epoch, or an ISO string. */
export function toDate(value: Date | number | string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  return parseTimestamp(value) ?? new Date(Number.NaN);
}

/** `2026-01-01T00:00:00.000Z`, as AWS writes timestamps in XML. */
export function isoMillis(value: Date | number | string): string {
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

/**
 * `2026-01-01T00:00:00Z`, as AWS writes the XML timestamps listed in
 * {@link WHOLE_SECOND_MEMBERS}: whole seconds, no fraction.
 */
export function isoSeconds(value: Date | number | string): string {
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * The XML answer members AWS writes in whole seconds (`2013-08-19T20:54:02Z`), by
 * service (the model's `endpointPrefix`), structure shape and member; every other
 * timestamp carries milliseconds (`2013-08-19T20:53:29.930Z`).
 *
 * - CloudWatch's datapoints: the GetMetricStatistics examples of the CloudWatch API
 *   Reference (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html)
 *   show `<Timestamp>…T00:00:00Z</Timestamp>`, and boto 2.49's `Datapoint` parses them
 *   with `'%Y-%m-%dT%H:%M:%SZ'` only, so a fraction crashes `get_metric_statistics` and
 *   `Metric.query`. Alarms' timestamps and alarm history keep their milliseconds, as in
 *   the DescribeAlarms and DescribeAlarmHistory examples.
 * - Auto Scaling: an activity's EndTime (its StartTime has milliseconds) and a scheduled
 *   action's times, as in the service's own examples (botocore's
 *   `autoscaling/2011-01-01/examples-1.json`: DescribeScalingActivities `"StartTime":
 *   "2013-08-19T20:53:29.930Z"`, `"EndTime": "2013-08-19T20:54:02Z"`; DescribeScheduledActions
 *   `"StartTime": "2016-12-01T00:30:00Z"`); groups' and launch configurations' CreatedTime
 *   keep their milliseconds there too. boto 2.49 parses both forms of these.
 */
export const WHOLE_SECOND_MEMBERS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  monitoring: { Datapoint: ['Timestamp'] },
  autoscaling: { Activity: ['EndTime'], ScheduledUpdateGroupAction: ['Time', 'StartTime', 'EndTime'] },
};

/** Epoch seconds (with a fraction for milliseconds), as AWS JSON protocols write timestamps. */
export function epochSeconds(value: Date | number | string): number {
  return toDate(value).getTime() / 1000;
}

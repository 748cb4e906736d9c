/**
 * Durations in the configuration: a number of seconds (`300`) or a string of whole units
 * (`90s`, `5m`, `1h`, `1h30m`, `1d`).
 *
 * @module
 */
import { isAlarmPeriod } from '../../core/rules/aws-rules';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^(?:\d+[smhd])+$/;
const PART = /(\d+)([smhd])/g;

/** Seconds of a duration, or `undefined` when `value` is not one (negative, fractional, unknown unit). */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number);
  return total;
}

/** What a CloudWatch alarm period may be: 10, 20, 30 or a multiple of 60 seconds (PutMetricAlarm's rule). */
export const isValidPeriod: (seconds: number) => boolean = isAlarmPeriod;

/**
 * Input checks of the CloudWatch calls and the values CloudWatch accepts, built on the
 * shared helpers of `core/validate` so that every message has the same wording.
 *
 * @module
 */
import { BotoClientError } from '../core/errors';
import { checkInt, checkLength, checkMaxItems, checkNonEmpty, checkOneOf, checkPattern, requireValue, toNumber } from '../core/validate';
import { CLOUDWATCH } from '../core/rules/generated';
import { ALARM_SHORT_PERIODS } from '../core/rules/aws-rules';

/** The statistics CloudWatch computes (the model's `Statistic`). */
export const STATISTICS = CLOUDWATCH.Statistic.enum;
/** A statistic name. */
export type Statistic = (typeof STATISTICS)[number];

/** AWS's StandardUnit names (boto2's `Metric.Units`, with AWS's `None` for boto2's Python `None`). */
export const UNITS = CLOUDWATCH.StandardUnit.enum;
/** A unit name. */
export type Unit = (typeof UNITS)[number];

/** boto2's comparison shorthand and the AWS operator each stands for (boto2's `MetricAlarm._cmp_map`). */
export const COMPARISON_OPERATORS = {
  /** Alarm when the statistic is at least the threshold. */
  '>=': 'GreaterThanOrEqualToThreshold',
  /** Alarm when the statistic is above the threshold. */
  '>': 'GreaterThanThreshold',
  /** Alarm when the statistic is below the threshold. */
  '<': 'LessThanThreshold',
  /** Alarm when the statistic is at most the threshold. */
  '<=': 'LessThanOrEqualToThreshold',
} as const;
/** boto2's comparison shorthand: `>=`, `>`, `<` or `<=`. */
export type ComparisonShorthand = keyof typeof COMPARISON_OPERATORS;

/** Every AWS comparison operator: the four with a shorthand, then the anomaly-detection band operators. */
export const AWS_COMPARISON_OPERATORS = CLOUDWATCH.ComparisonOperator.enum;
/** An AWS comparison operator name. */
export type AwsComparisonOperator = (typeof AWS_COMPARISON_OPERATORS)[number];

/** What `comparison` accepts: boto2's shorthand or an AWS operator name. */
export const COMPARISONS = [...(Object.keys(COMPARISON_OPERATORS) as ComparisonShorthand[]), ...AWS_COMPARISON_OPERATORS] as const;
/** A comparison, as shorthand or AWS name. */
export type Comparison = ComparisonShorthand | AwsComparisonOperator;

/** The states of an alarm (boto2's `MetricAlarm.OK`, `ALARM`, `INSUFFICIENT_DATA`). */
export const STATE_VALUES = CLOUDWATCH.StateValue.enum;
/** An alarm state. */
export type StateValue = (typeof STATE_VALUES)[number];

/** The kinds of alarm history items. */
export const HISTORY_ITEM_TYPES = CLOUDWATCH.HistoryItemType.enum;
/** A kind of alarm history item. */
export type HistoryItemType = (typeof HISTORY_ITEM_TYPES)[number];

/** How an alarm treats periods without data. */
export const TREAT_MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;

/** The most dimensions a metric (and so an alarm or a statistics query on it) may have. */
export const MAX_DIMENSIONS = CLOUDWATCH.Dimensions.max;
/** The most dimension filters `ListMetrics` takes. */
export const MAX_DIMENSION_FILTERS = CLOUDWATCH.DimensionFilters.max;
/** The most actions of one kind (alarm, OK, insufficient data) an alarm may have. */
export const MAX_ACTIONS = CLOUDWATCH.ResourceList.max;
/** The most alarm names one call may list. */
export const MAX_ALARM_NAMES = CLOUDWATCH.AlarmNames.max;

/** Periods shorter than a minute an alarm may have (high-resolution alarms). */
export { ALARM_SHORT_PERIODS };
/** Periods shorter than a minute `GetMetricStatistics` accepts (high-resolution metrics). */
export const STATISTICS_SHORT_PERIODS = [1, 5, 10, 20, 30] as const;

/** What a check message says a value was, as core/validate words it. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Checks a period: a positive multiple of 60 seconds, or one of `short` (the periods of
 * high-resolution alarms or metrics). Accepts a numeric string, as boto2 does.
 * @internal
 */
export function checkPeriod(field: string, value: number | string | undefined, short: readonly number[]): number | undefined {
  const n = toNumber(field, value);
  if (n === undefined) return undefined;
  if (!(Number.isInteger(n) && ((n > 0 && n % 60 === 0) || short.includes(n)))) {
    throw new BotoClientError(`${field} must be ${short.join(', ')} or a positive multiple of 60, got ${shown(value)}`);
  }
  return n;
}

/** Reads an integer given as a number or a numeric string (`period: '60'`). @internal */
export function toInteger(field: string, value: number | string | undefined): number | undefined {
  return checkInt(field, toNumber(field, value));
}

/** Checks an alarm name: 1 to 255 characters. @internal */
export function checkAlarmName(field: string, name: string | undefined): string {
  return checkLength(field, requireValue(field, name), CLOUDWATCH.AlarmName.max) as string;
}

/** One alarm name or a list of 1 to 100 (boto2 takes a single string too). @internal */
export function checkAlarmNames(field: string, names: string | readonly string[] | undefined): string[] {
  requireValue(field, names);
  const list = typeof names === 'string' ? [names] : (checkNonEmpty(field, names) as readonly string[]);
  checkMaxItems(field, list, MAX_ALARM_NAMES);
  return list.map((n, i) => checkAlarmName(`${field}[${i}]`, n));
}

/** Checks a namespace: 1 to 255 characters, not starting with a colon. @internal */
export function checkNamespace(field: string, namespace: string | undefined): string {
  checkLength(field, requireValue(field, namespace), CLOUDWATCH.Namespace.max);
  return checkPattern(field, namespace, /^[^:]/, 'a namespace not starting with ":"') as string;
}

/** Checks a metric name: 1 to 255 characters. @internal */
export function checkMetricName(field: string, name: string | undefined): string {
  return checkLength(field, requireValue(field, name), CLOUDWATCH.MetricName.max) as string;
}

/** Checks a unit against AWS's StandardUnit names. @internal */
export function checkUnit(field: string, unit: string | undefined): Unit | undefined {
  return checkOneOf(field, unit, UNITS);
}

/** Checks a statistic name. @internal */
export function checkStatistic(field: string, statistic: string | undefined): Statistic | undefined {
  return checkOneOf(field, statistic, STATISTICS);
}

/** Checks a comparison and returns the AWS operator it stands for. @internal */
export function toComparisonOperator(field: string, comparison: string | undefined): AwsComparisonOperator | undefined {
  const c = checkOneOf(field, comparison, COMPARISONS);
  if (c === undefined) return undefined;
  return c in COMPARISON_OPERATORS ? COMPARISON_OPERATORS[c as ComparisonShorthand] : (c as AwsComparisonOperator);
}

/** The shorthand of an AWS operator that has one, else the operator itself (as boto2 reads alarms). @internal */
export function toComparisonShorthand(operator: string | undefined): string | undefined {
  // A loop rather than Object.entries().find(): it ran twice for each alarm read, and the
  // arrays it made were a third of the bytes botoscale added to a DescribeAlarms call of
  // 10 alarms (8.5 of 27 KB, measured as bench/overhead does).
  if (operator === undefined) return undefined;
  for (const shorthand in COMPARISON_OPERATORS) {
    if (Object.prototype.hasOwnProperty.call(COMPARISON_OPERATORS, shorthand) && COMPARISON_OPERATORS[shorthand as ComparisonShorthand] === operator) return shorthand;
  }
  return operator;
}

const ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:/;

/** Checks a list of action ARNs (at most 5). @internal */
export function checkActions(field: string, actions: readonly string[] | undefined): string[] | undefined {
  if (actions === undefined) return undefined;
  checkMaxItems(field, actions, MAX_ACTIONS);
  actions.forEach((arn, i) => checkPattern(`${field}[${i}]`, arn, ARN, 'an ARN (arn:partition:service:...)'));
  return actions.length === 0 ? undefined : [...actions];
}

/** Checks a Date (a timestamp argument). @internal */
export function checkDate(field: string, value: Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BotoClientError(`${field} must be a valid Date, got ${shown(value)}`);
  }
  return value;
}

/** Checks `maxRecords`: 1 to 100. @internal */
export function checkMaxRecords(value: number | undefined): number | undefined {
  return checkInt('maxRecords', value, CLOUDWATCH.MaxRecords);
}

/** Checks a state value: `OK`, `ALARM` or `INSUFFICIENT_DATA`. @internal */
export function checkStateValue(field: string, value: string | undefined): StateValue | undefined {
  return checkOneOf(field, value, STATE_VALUES);
}

/** The largest magnitude CloudWatch stores (2^360). */
const VALUE_LIMIT = 2 ** 360;

/** Checks a metric value: a finite number (or numeric string) from -2^360 to 2^360. @internal */
export function checkValue(field: string, value: number | string | undefined): number | undefined {
  const n = toNumber(field, value);
  if (n !== undefined && Math.abs(n) > VALUE_LIMIT) {
    throw new BotoClientError(`${field} must be from -2^360 to 2^360, got ${shown(value)}`);
  }
  return n;
}

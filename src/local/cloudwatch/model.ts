/**
 * The records the simulated CloudWatch keeps (metric series, alarms, alarm history) and
 * the fixed vocabularies of the API. Every record is JSON-safe (times in milliseconds
 * since the epoch) so the state round-trips through `JSON.stringify`.
 *
 * @module
 */
import type { ComparisonOperator, StandardUnit, StateValue, Statistic } from '@aws-sdk/client-cloudwatch';
import { CLOUDWATCH } from '../../core/rules/generated';

/** A metric dimension. */
export interface DimensionRecord {
  name: string;
  value: string;
}

/**
 * One stored datapoint: a single value (`n` 1), a statistic set, or a values/counts
 * distribution. `values`/`counts` keep the raw distribution percentiles need.
 */
export interface StoredPoint {
  t: number;
  n: number;
  sum: number;
  min: number;
  max: number;
  unit?: StandardUnit;
  values?: number[];
  counts?: number[];
  /** Whether the point came from a statistic set (no raw values unless n is 1 or min equals max). */
  set?: boolean;
}

/** The datapoints of one metric (namespace, name and exact dimension set), oldest first. */
export interface MetricSeries {
  namespace: string;
  metricName: string;
  /** Sorted by name. */
  dimensions: DimensionRecord[];
  points: StoredPoint[];
  /** Time of the newest datapoint received (ms). */
  lastPut: number;
}

/** Alarm states (the SDK's StateValue: OK, ALARM, INSUFFICIENT_DATA). */
export type AlarmState = StateValue;

/** One MetricDataQuery of a metric math alarm, as given. */
export interface AlarmQueryRecord {
  id: string;
  metricStat?: { namespace: string; metricName: string; dimensions: DimensionRecord[]; period: number; stat: string; unit?: StandardUnit };
  expression?: string;
  label?: string;
  returnData?: boolean;
  period?: number;
}

/** A metric alarm. */
export interface AlarmRecord {
  name: string;
  arn: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  /** Absent on metric math alarms. */
  metricName?: string;
  /** Absent on metric math alarms. */
  namespace?: string;
  /** The queries of a metric math alarm (the one with ReturnData true is watched). */
  metrics?: AlarmQueryRecord[];
  statistic?: Statistic;
  extendedStatistic?: string;
  /** As given (AWS answers them in the caller's order); empty on metric math alarms. */
  dimensions: DimensionRecord[];
  /** Seconds; for a metric math alarm, the period of the watched query. */
  period: number;
  unit?: StandardUnit;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  /** As given; the evaluator treats absent as `missing`. */
  treatMissingData?: string;
  evaluateLowSampleCountPercentile?: string;
  /** Set when PutMetricAlarm named EvaluationWindow SlidingWindow (the window every alarm here uses): shown back as given. */
  slidingWindow?: true;
  tags: Array<{ key: string; value: string }>;
  configUpdated: number;
  stateValue: AlarmState;
  stateReason: string;
  stateReasonData?: string;
  stateUpdated: number;
  stateTransitioned: number;
  /** When the actions of the current state last ran (Auto Scaling actions repeat every period). */
  lastActionRun?: number;
  /** The target tracking policy (its ARN) that created the alarm and owns it. */
  managedBy?: string;
}

/** Kinds of alarm history items. */
export type HistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

/** One alarm history item. */
export interface HistoryRecord {
  alarmName: string;
  timestamp: number;
  type: HistoryItemType;
  summary: string;
  data: string;
  /** Order among items of the same timestamp. */
  seq: number;
}

/** The whole persisted state. */
export interface CloudWatchSnapshot {
  version: 1;
  series: MetricSeries[];
  alarms: AlarmRecord[];
  history: HistoryRecord[];
  lastEvaluation: number;
  seq: number;
}

/** The statistics GetMetricStatistics and alarms know. */
export const STATISTICS = CLOUDWATCH.Statistic.enum;

/** Comparison operators of static-threshold alarms. */
export const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;

/** TreatMissingData values. */
export const MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;

/** Units CloudWatch accepts. */
export const UNITS = CLOUDWATCH.StandardUnit.enum;

/** Whether `unit` is one of CloudWatch's units. */
export function isStandardUnit(unit: string): unit is StandardUnit {
  return (UNITS as readonly string[]).includes(unit);
}

/**
 * CloudWatch metric alarms (boto2's `MetricAlarm` of `boto.ec2.cloudwatch.alarm`).
 *
 * @module
 */
import type { MetricAlarm as SdkMetricAlarm, MetricDataQuery as SdkMetricDataQuery, PutMetricAlarmInput } from '@aws-sdk/client-cloudwatch';
import { pyStr } from '../core/repr';
import type { CallOptions } from '../core/connection';
import { BotoClientError } from '../core/errors';
import { BotoObject, pyFloat } from '../core/repr';
import { PagedRequest, ResultSet } from '../core/resultset';
import { checkInt, checkLength, checkOneOf, checkPattern, requireValue, toNumber } from '../core/validate';
import { evaluationSpanLimit, evaluationSpanLimitText, isEvaluationSpanAllowed, PERCENTILE_STATISTIC } from '../core/rules/aws-rules';
import {
  ALARM_SHORT_PERIODS, checkActions, checkAlarmName, checkMetricName, checkNamespace, checkPeriod, checkStatistic, checkUnit,
  COMPARISON_OPERATORS, MAX_DIMENSIONS, toComparisonOperator, toComparisonShorthand, toInteger, TREAT_MISSING_DATA,
  type ComparisonShorthand,
} from './checks';
import type { CloudWatchConnection } from './connection';
import { Dimension, toSdkDimensions, type Dimensions } from './dimension';
import type { AlarmHistoryItem } from './history';
import { checkNew, declareSignatures } from '../core/signature';
import { fromSdkQuery, toSdkQueries, type MetricDataQuery } from './metricquery';

/** Constructor options of {@link MetricAlarm}: boto2's keyword arguments, camelCased, and a few AWS added since. */
export interface MetricAlarmOptions {
  /** The connection the object talks through. */
  connection?: CloudWatchConnection;
  /** The alarm's name, 1 to 255 characters. */
  name?: string;
  /** The name of the metric the alarm watches, e.g. `CPUUtilization`. */
  metric?: string;
  /** The metric's namespace, e.g. `AWS/EC2`. */
  namespace?: string;
  /** `Average`, `Sum`, `SampleCount`, `Maximum` or `Minimum`. */
  statistic?: string;
  /**
   * How the statistic is compared with the threshold: boto2's `>=`, `>`, `<`, `<=`, or
   * AWS's `GreaterThanOrEqualToThreshold`, `GreaterThanThreshold`, `LessThanThreshold`,
   * `LessThanOrEqualToThreshold`.
   */
  comparison?: string;
  /** The value compared with; a number or a numeric string (`'70'`), as boto2 takes it. */
  threshold?: number | string;
  /** Seconds per period: 10, 20, 30 or a multiple of 60; a number or a numeric string (`'60'`). */
  period?: number | string;
  /** How many periods are compared with the threshold; a number or a numeric string. */
  evaluationPeriods?: number | string;
  /** The metric's unit (one of AWS's StandardUnit names). */
  unit?: string;
  /** A description; default `''`, as boto2. */
  description?: string;
  /** The metric's dimensions, e.g. `{ AutoScalingGroupName: 'my_group' }`. */
  dimensions?: Dimensions;
  /**
   * ARNs of what to do on entering `ALARM` (a scaling policy's `policyArn`, an SNS topic).
   * A missing ARN (a policy not yet read back from AWS) is an error here rather than an
   * alarm that silently does nothing.
   */
  alarmActions?: readonly (string | undefined)[];
  /** ARNs of what to do on entering `INSUFFICIENT_DATA`. */
  insufficientDataActions?: readonly (string | undefined)[];
  /** ARNs of what to do on entering `OK`. */
  okActions?: readonly (string | undefined)[];
  /** Whether the actions run (AWS's default: true). Not a boto2 constructor argument. */
  actionsEnabled?: boolean;
  /** How many of the evaluated periods must breach to alarm (AWS's default: all of them). */
  datapointsToAlarm?: number | string;
  /** How periods without data count: `breaching`, `notBreaching`, `ignore` or `missing` (AWS's default). */
  treatMissingData?: string;
  /**
   * A metric math alarm's queries (beyond boto2), instead of `metric`, `namespace`,
   * `statistic`, `period` and `dimensions`: metrics and expressions, exactly one with
   * `returnData: true` (the series the alarm watches), at most 20.
   */
  metrics?: readonly MetricDataQuery[];
  /** Tags the alarm is created with (beyond boto2; ignored when it already exists, as AWS does). */
  tags?: Readonly<Record<string, string>>;
}

/** Options of {@link MetricAlarm.setState}. */
export interface SetStateOptions extends CallOptions {
  /** Details of the reason; sent as JSON, as boto2 sends it. */
  data?: unknown;
}

/** Options of {@link MetricAlarm.describeHistory}: those of `describeAlarmHistory` but the alarm name. */
export interface DescribeHistoryOptions extends CallOptions {
  /** Only items from this time on. */
  startDate?: Date;
  /** Only items up to this time. */
  endDate?: Date;
  /** Items per page, 1 to 100. */
  maxRecords?: number;
  /** Only items of this kind: `ConfigurationUpdate`, `StateUpdate` or `Action`. */
  historyItemType?: string;
  /** Start from this page. */
  nextToken?: string;
}

function actionList(field: string, actions: readonly (string | undefined)[] | undefined): string[] {
  return (actions ?? []).map((a, i) => requireValue(`${field}[${i}]`, a));
}

/**
 * A CloudWatch alarm on one metric: when `statistic` of `metric` over `period` seconds
 * compares with `threshold` as `comparison` says for `evaluationPeriods` periods, it goes
 * to `ALARM` and runs its `alarmActions`. Create it with `CloudWatchConnection.createAlarm`
 * (which binds it to the connection, so `alarm.describeHistory()` and the other methods
 * work).
 *
 * `comparison` holds boto2's shorthand (`>`) for the four operators that have one, whether
 * given as shorthand or as AWS's name; {@link comparisonOperator} is AWS's name. Prints
 * as boto2 prints an alarm: `MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]`.
 */
export class MetricAlarm extends BotoObject<CloudWatchConnection> {
  /** The `OK` state. */
  static readonly OK = 'OK';
  /** The `ALARM` state. */
  static readonly ALARM = 'ALARM';
  /** The `INSUFFICIENT_DATA` state. */
  static readonly INSUFFICIENT_DATA = 'INSUFFICIENT_DATA';

  /** The alarm's name. */
  name: string | undefined;
  /** The name of the metric the alarm watches. */
  metric: string | undefined;
  /** The metric's namespace. */
  namespace: string | undefined;
  /** The statistic compared: `Average`, `Sum`, `SampleCount`, `Maximum` or `Minimum`. */
  statistic: string | undefined;
  /** A percentile statistic (`p99`) AWS reports instead of `statistic` for alarms made that way. */
  extendedStatistic: string | undefined;
  /** boto2's shorthand (`>=`, `>`, `<`, `<=`), or AWS's name for operators without one. */
  comparison: string | undefined;
  /** The value compared with. */
  threshold: number | undefined;
  /** Seconds per period. */
  period: number | undefined;
  /** How many periods are compared with the threshold. */
  evaluationPeriods: number | undefined;
  /** How many of the evaluated periods must breach to alarm. */
  datapointsToAlarm: number | undefined;
  /** How periods without data count. */
  treatMissingData: string | undefined;
  /** The metric's unit. */
  unit: string | undefined;
  /** The description. */
  description: string | undefined;
  /** The metric's dimensions: as given, or a {@link Dimension} when read from AWS. */
  dimensions: Dimensions | undefined;
  /** ARNs run on entering `ALARM`. */
  alarmActions: string[];
  /** ARNs run on entering `INSUFFICIENT_DATA`. */
  insufficientDataActions: string[];
  /** ARNs run on entering `OK`. */
  okActions: string[];
  /** Whether the actions run; `undefined` leaves it to AWS (true). */
  actionsEnabled: boolean | undefined;
  /** The alarm's ARN, set by AWS. */
  alarmArn: string | undefined;
  /** When the configuration last changed, set by AWS. */
  lastUpdated: Date | undefined;
  /** The state: `OK`, `ALARM` or `INSUFFICIENT_DATA`, set by AWS. */
  stateValue: string | undefined;
  /** Why the alarm is in its state, in words, set by AWS. */
  stateReason: string | undefined;
  /** Why the alarm is in its state, as JSON text, set by AWS. */
  stateReasonData: string | undefined;
  /** When the state last changed, set by AWS. */
  stateUpdatedTimestamp: Date | undefined;
  /** A metric math alarm's queries (beyond boto2); `undefined` on an alarm on one metric. */
  metrics: MetricDataQuery[] | undefined;
  /** Tags to create the alarm with (beyond boto2; read them back with `listTagsForAlarm`). */
  tags: Record<string, string> | undefined;

  /** Numbers may be given as numeric strings, as the tutorial does; anything else throws a `BotoClientError`. */
  constructor(options: MetricAlarmOptions = {}) {
    checkNew(MetricAlarm, arguments);
    super(options.connection);
    this.name = options.name;
    this.metric = options.metric;
    this.namespace = options.namespace;
    this.statistic = options.statistic;
    this.extendedStatistic = undefined;
    this.comparison = toComparisonShorthand(toComparisonOperator('comparison', options.comparison));
    this.threshold = toNumber('threshold', options.threshold);
    this.period = toInteger('period', options.period);
    this.evaluationPeriods = toInteger('evaluationPeriods', options.evaluationPeriods);
    this.datapointsToAlarm = toInteger('datapointsToAlarm', options.datapointsToAlarm);
    this.treatMissingData = options.treatMissingData;
    this.unit = options.unit;
    this.description = options.description ?? '';
    this.dimensions = options.dimensions;
    this.alarmActions = actionList('alarmActions', options.alarmActions);
    this.insufficientDataActions = actionList('insufficientDataActions', options.insufficientDataActions);
    this.okActions = actionList('okActions', options.okActions);
    this.actionsEnabled = options.actionsEnabled;
    this.alarmArn = undefined;
    this.lastUpdated = undefined;
    this.stateValue = undefined;
    this.stateReason = undefined;
    this.stateReasonData = undefined;
    this.stateUpdatedTimestamp = undefined;
    this.metrics = options.metrics === undefined ? undefined : [...options.metrics];
    this.tags = options.tags === undefined ? undefined : { ...options.tags };
  }

  /** AWS's name of the comparison (`GreaterThanThreshold` for `>`). */
  get comparisonOperator(): string | undefined {
    const c = this.comparison;
    return c !== undefined && Object.prototype.hasOwnProperty.call(COMPARISON_OPERATORS, c) ? COMPARISON_OPERATORS[c as ComparisonShorthand] : c;
  }

  /** Builds one from a `DescribeAlarms` or `DescribeAlarmsForMetric` answer. @internal */
  static fromSdk(connection: CloudWatchConnection, a: SdkMetricAlarm): MetricAlarm {
    const out = new MetricAlarm({ connection });
    out.name = a.AlarmName;
    out.metric = a.MetricName;
    out.namespace = a.Namespace;
    out.statistic = a.Statistic;
    out.extendedStatistic = a.ExtendedStatistic;
    out.comparison = toComparisonShorthand(a.ComparisonOperator);
    out.threshold = a.Threshold;
    out.period = a.Period;
    out.evaluationPeriods = a.EvaluationPeriods;
    out.datapointsToAlarm = a.DatapointsToAlarm;
    out.treatMissingData = a.TreatMissingData;
    out.unit = a.Unit;
    out.description = a.AlarmDescription ?? '';
    out.dimensions = Dimension.fromSdk(a.Dimensions);
    out.alarmActions = [...(a.AlarmActions ?? [])];
    out.insufficientDataActions = [...(a.InsufficientDataActions ?? [])];
    out.okActions = [...(a.OKActions ?? [])];
    out.actionsEnabled = a.ActionsEnabled;
    out.alarmArn = a.AlarmArn;
    out.lastUpdated = a.AlarmConfigurationUpdatedTimestamp;
    out.stateValue = a.StateValue;
    out.stateReason = a.StateReason;
    out.stateReasonData = a.StateReasonData;
    out.stateUpdatedTimestamp = a.StateUpdatedTimestamp;
    out.metrics = a.Metrics === undefined || a.Metrics.length === 0 ? undefined : a.Metrics.map(fromSdkQuery);
    if (out.metrics !== undefined) out.dimensions = undefined;
    return out;
  }

  toString(): string {
    const threshold = this.threshold === undefined ? 'None' : pyFloat(this.threshold);
    if (this.metrics !== undefined) {
      const watched = this.metrics.find((q) => q.returnData ?? true);
      return `MetricAlarm:${pyStr(this.name)}[${pyStr(watched?.expression ?? watched?.id)} ${pyStr(this.comparison)} ${threshold}]`;
    }
    return `MetricAlarm:${pyStr(this.name)}[${pyStr(this.metric)}(${pyStr(this.statistic ?? this.extendedStatistic)}) ${pyStr(this.comparison)} ${threshold}]`;
  }

  /** Sets the alarm's state until its next evaluation (its actions run if the state changes). */
  async setState(value: string, reason: string, options: SetStateOptions = {}): Promise<boolean> {
    const { data, ...call } = options;
    return this.requireConnection().setAlarmState(this.name as string, reason, value, { ...call, stateReasonData: data });
  }

  /** Sends this alarm's settings to AWS (`updateAlarm`). */
  async update(options?: CallOptions): Promise<boolean> {
    return this.requireConnection().updateAlarm(this, options);
  }

  /** Turns the alarm's actions on. */
  async enableActions(options?: CallOptions): Promise<boolean> {
    return this.requireConnection().enableAlarmActions([this.name as string], options);
  }

  /** Turns the alarm's actions off (the alarm still changes state). */
  async disableActions(options?: CallOptions): Promise<boolean> {
    return this.requireConnection().disableAlarmActions([this.name as string], options);
  }

  /** The alarm's history, newest first (`await` for one page, `for await` for all). */
  describeHistory(options: DescribeHistoryOptions = {}): PagedRequest<AlarmHistoryItem> {
    const conn = this.connection;
    if (conn === undefined) {
      // Reject when awaited, like every other call, rather than throwing here.
      return new PagedRequest(async () => {
        this.requireConnection();
        return ResultSet.fromPage<AlarmHistoryItem>([]);
      });
    }
    return conn.describeAlarmHistory({ ...options, alarmName: this.name });
  }

  /** Adds an ARN to run on entering `ALARM` and turns actions on (nothing happens without an ARN, as boto2). */
  addAlarmAction(actionArn?: string): void {
    if (!actionArn) return;
    this.actionsEnabled = true;
    this.alarmActions.push(actionArn);
  }

  /** Adds an ARN to run on entering `INSUFFICIENT_DATA` and turns actions on. */
  addInsufficientDataAction(actionArn?: string): void {
    if (!actionArn) return;
    this.actionsEnabled = true;
    this.insufficientDataActions.push(actionArn);
  }

  /** Adds an ARN to run on entering `OK` and turns actions on. */
  addOkAction(actionArn?: string): void {
    if (!actionArn) return;
    this.actionsEnabled = true;
    this.okActions.push(actionArn);
  }

  /** Deletes the alarm. */
  async delete(options?: CallOptions): Promise<boolean> {
    return this.requireConnection().deleteAlarms([this.name as string], options);
  }
}

/** The longest evaluation an alarm may have: a day for periods under an hour, else seven days. */
function checkEvaluationSpan(period: number, evaluationPeriods: number): void {
  if (!isEvaluationSpanAllowed(period, evaluationPeriods)) {
    throw new BotoClientError(`period × evaluationPeriods must be at most ${evaluationSpanLimit(period)} seconds (${evaluationSpanLimitText(period)}), got ${period * evaluationPeriods}`);
  }
}

/** The metric math part of a `PutMetricAlarm` input (Metrics and the watched period). */
function mathAlarmInput(alarm: MetricAlarm, metrics: readonly MetricDataQuery[]): { Metrics: SdkMetricDataQuery[]; period: number } {
  for (const [field, value] of [['metric', alarm.metric], ['namespace', alarm.namespace], ['statistic', alarm.statistic], ['period', alarm.period], ['dimensions', alarm.dimensions]] as const) {
    if (value !== undefined) throw new BotoClientError(`an alarm with metrics takes no ${field}: its queries say which metrics, statistics and periods`);
  }
  const list = toSdkQueries('metrics', metrics, 20);
  const watched = list.filter((q) => q.ReturnData ?? true);
  if (watched.length !== 1) throw new BotoClientError(`exactly one of an alarm's metrics must have returnData true (the series it watches); ${watched.length} have it`);
  const w = watched[0] as SdkMetricDataQuery;
  const periods = list.flatMap((q) => (q.MetricStat?.Period === undefined ? [] : [q.MetricStat.Period]));
  return { Metrics: list, period: w.MetricStat?.Period ?? w.Period ?? Math.max(60, ...periods) };
}

/** Checks an alarm and builds the `PutMetricAlarm` input from it. @internal */
export function toPutMetricAlarmInput(alarm: MetricAlarm): PutMetricAlarmInput {
  if (alarm.metrics !== undefined) return toMathAlarmInput(alarm, alarm.metrics);
  const name = checkAlarmName('name', alarm.name);
  const metric = checkMetricName('metric', alarm.metric);
  const namespace = checkNamespace('namespace', alarm.namespace);
  const extended = alarm.statistic === undefined ? checkPattern('extendedStatistic', alarm.extendedStatistic, PERCENTILE_STATISTIC, 'a percentile from p0 to p100, such as p90 or p99.9') : undefined;
  const statistic = extended === undefined ? checkStatistic('statistic', requireValue('statistic', alarm.statistic)) : undefined;
  const operator = toComparisonOperator('comparison', requireValue('comparison', alarm.comparison));
  const threshold = toNumber('threshold', requireValue('threshold', alarm.threshold)) as number;
  const period = checkPeriod('period', requireValue('period', alarm.period), ALARM_SHORT_PERIODS) as number;
  const evaluationPeriods = checkInt('evaluationPeriods', requireValue('evaluationPeriods', alarm.evaluationPeriods), { min: 1 }) as number;
  checkEvaluationSpan(period, evaluationPeriods);
  checkInt('datapointsToAlarm', alarm.datapointsToAlarm, { min: 1, max: evaluationPeriods });
  checkOneOf('treatMissingData', alarm.treatMissingData, TREAT_MISSING_DATA);
  const unit = checkUnit('unit', alarm.unit);
  checkLength('description', alarm.description, 1024, 0);
  return {
    AlarmName: name,
    MetricName: metric,
    Namespace: namespace,
    Statistic: statistic,
    ExtendedStatistic: extended,
    ComparisonOperator: operator,
    Threshold: threshold,
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    Period: period,
    TreatMissingData: alarm.treatMissingData,
    ActionsEnabled: alarm.actionsEnabled,
    AlarmActions: checkActions('alarmActions', alarm.alarmActions),
    AlarmDescription: alarm.description || undefined,
    Dimensions: toSdkDimensions('dimensions', alarm.dimensions, MAX_DIMENSIONS),
    InsufficientDataActions: checkActions('insufficientDataActions', alarm.insufficientDataActions),
    OKActions: checkActions('okActions', alarm.okActions),
    Unit: unit,
    Tags: alarmTags(alarm.tags),
  };
}

function alarmTags(tags: Readonly<Record<string, string>> | undefined): Array<{ Key: string; Value: string }> | undefined {
  if (tags === undefined) return undefined;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) throw new BotoClientError("tags must be an object of tag keys to values, e.g. { team: 'web' }");
  return Object.entries(tags).map(([k, v]) => ({ Key: checkLength('tags key', k, 128) as string, Value: checkLength(`tags[${JSON.stringify(k)}]`, requireValue(`tags[${JSON.stringify(k)}]`, v), 256, 0) as string }));
}

/** The `PutMetricAlarm` input of a metric math alarm. */
function toMathAlarmInput(alarm: MetricAlarm, metrics: readonly MetricDataQuery[]): PutMetricAlarmInput {
  const name = checkAlarmName('name', alarm.name);
  const { Metrics, period } = mathAlarmInput(alarm, metrics);
  const operator = toComparisonOperator('comparison', requireValue('comparison', alarm.comparison));
  const threshold = toNumber('threshold', requireValue('threshold', alarm.threshold)) as number;
  const evaluationPeriods = checkInt('evaluationPeriods', requireValue('evaluationPeriods', alarm.evaluationPeriods), { min: 1 }) as number;
  checkEvaluationSpan(period, evaluationPeriods);
  checkInt('datapointsToAlarm', alarm.datapointsToAlarm, { min: 1, max: evaluationPeriods });
  checkOneOf('treatMissingData', alarm.treatMissingData, TREAT_MISSING_DATA);
  checkLength('description', alarm.description, 1024, 0);
  return {
    AlarmName: name,
    Metrics,
    ComparisonOperator: operator,
    Threshold: threshold,
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    TreatMissingData: alarm.treatMissingData,
    ActionsEnabled: alarm.actionsEnabled,
    AlarmActions: checkActions('alarmActions', alarm.alarmActions),
    AlarmDescription: alarm.description || undefined,
    InsufficientDataActions: checkActions('insufficientDataActions', alarm.insufficientDataActions),
    OKActions: checkActions('okActions', alarm.okActions),
    Tags: alarmTags(alarm.tags),
  };
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(MetricAlarm, {
  new: '{connection, name, metric, namespace, statistic, comparison, threshold, period, evaluationPeriods, unit, description, dimensions, alarmActions, insufficientDataActions, okActions, actionsEnabled, datapointsToAlarm, treatMissingData, metrics, tags}',
  setState: 'value, reason, [data:object], {signal}',
  update: '{signal}',
  enableActions: '{signal}',
  disableActions: '{signal}',
  describeHistory: 'paged: [startDate, endDate, maxRecords, historyItemType, nextToken], {signal}',
  addAlarmAction: 'actionArn?',
  addInsufficientDataAction: 'actionArn?',
  addOkAction: 'actionArn?',
  delete: '{signal}',
});

/**
 * The CloudWatch connection (boto2's `boto.ec2.cloudwatch.CloudWatchConnection`): metric
 * alarms, their history, and metric data and statistics.
 *
 * Calls boto2 answers with `True` resolve with `true`; failures reject with
 * `BotoServerError` (from AWS) or `BotoClientError` (bad input, found before anything is
 * sent).
 *
 * @module
 */
import type { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { rulesetOf } from '../core/endpoints';
import { DEFAULT_REGION } from '../core/regions';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import { BotoClientError } from '../core/errors';
import { checkExclusive, checkInt, checkLength, checkMaxItems, checkNonEmpty, checkOneOf, requireValue } from '../core/validate';
import { MetricAlarm, toPutMetricAlarmInput } from './alarm';
import {
  ALARM_SHORT_PERIODS, checkAlarmName, checkAlarmNames, checkDate, checkMaxRecords, checkMetricName, checkNamespace, checkPeriod,
  checkStateValue, checkStatistic, checkUnit, HISTORY_ITEM_TYPES, MAX_DIMENSION_FILTERS, MAX_DIMENSIONS, STATISTICS_SHORT_PERIODS,
  type Statistic,
} from './checks';
import { Datapoint } from './datapoint';
import { toSdkDimensionFilters, toSdkDimensions, type DimensionFilters, type Dimensions } from './dimension';
import { AlarmHistoryItem } from './history';
import { Metric } from './metric';
import { batchMetricData, toMetricData, type PutMetricDataOptions } from './metricdata';
import { checkNew, CONNECTION_SIGNATURE, declareSignatures } from '../core/signature';
import { MetricDataResult, toSdkQueries, type MetricDataQuery } from './metricquery';

/** How botoscale reaches CloudWatch. */
export const CLOUDWATCH_SPEC: ServiceSpec<CloudWatch> = {
  name: 'cloudwatch',
  endpointPrefix: 'monitoring',
  envEndpointName: 'CLOUDWATCH',
  botoRegionKey: 'cloudwatch_region_name',
  botoEndpointKey: 'cloudwatch_region_endpoint',
  async createClient(config) {
    const { CloudWatch } = await import('@aws-sdk/client-cloudwatch');
    return new CloudWatch(config);
  },
  endpointRuleset() {
    const { CloudWatchClient } = require('@aws-sdk/client-cloudwatch') as typeof import('@aws-sdk/client-cloudwatch');
    return rulesetOf(new CloudWatchClient({ region: DEFAULT_REGION }));
  },
};

/** One alarm name, or a list of them (boto2 takes a single string too). */
export type AlarmNames = string | readonly string[];

/** Options of {@link CloudWatchConnection.describeAlarms}. */
export interface DescribeAlarmsOptions extends CallOptions {
  /** Only alarms with an action whose ARN starts with this. */
  actionPrefix?: string;
  /** Only alarms whose name starts with this (not with `alarmNames`). */
  alarmNamePrefix?: string;
  /** Only these alarms (at most 100; an empty list means all, as boto2). */
  alarmNames?: AlarmNames;
  /** Alarms per page, 1 to 100 (AWS's default 50). */
  maxRecords?: number;
  /** Only alarms in this state: `OK`, `ALARM` or `INSUFFICIENT_DATA`. */
  stateValue?: string;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link CloudWatchConnection.describeAlarmHistory}. */
export interface DescribeAlarmHistoryOptions extends CallOptions {
  /** Only this alarm's history (AWS keeps a deleted alarm's history for six weeks). */
  alarmName?: string;
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

/** Options of {@link CloudWatchConnection.describeAlarmsForMetric} and `Metric.describeAlarms`. */
export interface DescribeAlarmsForMetricOptions extends CallOptions {
  /** Only alarms with this period, in seconds. */
  period?: number | string;
  /** Only alarms on this statistic. */
  statistic?: string;
  /** The metric's dimensions (the alarms match them exactly). */
  dimensions?: Dimensions;
  /** Only alarms with this unit. */
  unit?: string;
}

/** Options of {@link CloudWatchConnection.listMetrics}. */
export interface ListMetricsOptions extends CallOptions {
  /** Start from this page (AWS gives 500 metrics a page). */
  nextToken?: string;
  /**
   * Only metrics with these dimensions (at most 10 filters); a name given `null` matches
   * every value, e.g. `{ AutoScalingGroupName: null }`.
   */
  dimensions?: DimensionFilters;
  /** Only metrics of this name. */
  metricName?: string;
  /** Only metrics in this namespace (e.g. `AWS/EC2`). */
  namespace?: string;
}

/** Options of {@link CloudWatchConnection.setAlarmState}. */
export interface SetAlarmStateOptions extends CallOptions {
  /** Details of the reason; sent as JSON, as boto2 sends it (at most 4000 characters). */
  stateReasonData?: unknown;
}

/** Options of {@link CloudWatchConnection.getMetricData}. */
export interface GetMetricDataOptions extends CallOptions {
  /** Datapoints per page, over all results (AWS's default 100,800). */
  maxDatapoints?: number;
  /** `TimestampDescending` (newest first, AWS's default) or `TimestampAscending`. */
  scanBy?: 'TimestampDescending' | 'TimestampAscending';
  /** Start from this page. */
  nextToken?: string;
}

/** An alarm named by its ARN, or the alarm itself (read back from AWS, so it has one). */
export type AlarmRef = string | MetricAlarm;

function alarmArn(field: string, alarm: AlarmRef): string {
  const arn = typeof alarm === 'string' ? alarm : requireValue(`${field}.alarmArn`, requireValue(field, alarm).alarmArn);
  return checkLength(field, requireValue(field, arn), 1024) as string;
}

function tagList(field: string, tags: Readonly<Record<string, string>>): Array<{ Key: string; Value: string }> {
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) throw new BotoClientError(`${field} must be an object of tag keys to values, e.g. { team: 'web' }`);
  return Object.entries(tags).map(([k, v]) => ({
    Key: checkLength(`${field} key`, k, 128) as string,
    Value: checkLength(`${field}[${JSON.stringify(k)}]`, requireValue(`${field}[${JSON.stringify(k)}]`, v), 256, 0) as string,
  }));
}

/** A connection to CloudWatch in one region. */
export class CloudWatchConnection extends AWSConnection<CloudWatch> {
  /** CloudWatch API version botoscale speaks. */
  static readonly APIVersion = '2010-08-01';

  /**
   * @param awsAccessKeyId access key, or the options object alone
   * @param awsSecretAccessKey secret key (never printed or logged)
   * @param options region, endpoint, credentials and SDK pass-through options
   */
  constructor(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    checkNew(CloudWatchConnection, arguments);
    super(CLOUDWATCH_SPEC, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  // ----- metrics -----

  /**
   * Statistics of a metric from `startTime` (inclusive) to `endTime` (exclusive), one
   * datapoint per `period` seconds (a multiple of 60, or 1, 5, 10, 20 or 30 for
   * high-resolution metrics), in the order AWS gives them. Arguments in boto2's order;
   * `statistics` is one or a list of `Average`, `Sum`, `SampleCount`, `Maximum`, `Minimum`.
   */
  getMetricStatistics(
    period: number | string,
    startTime: Date,
    endTime: Date,
    metricName: string,
    namespace: string,
    statistics: string | readonly string[],
    dimensions?: Dimensions,
    unit?: string,
    options: CallOptions = {},
  ): PagedRequest<Datapoint> {
    return new PagedRequest(async () => {
      const p = checkPeriod('period', requireValue('period', period), STATISTICS_SHORT_PERIODS);
      const start = checkDate('startTime', requireValue('startTime', startTime));
      const end = checkDate('endTime', requireValue('endTime', endTime));
      // CloudWatch answers InvalidParameterValue for this (API Reference, GetMetricStatistics).
      if ((start as Date).getTime() >= (end as Date).getTime()) throw new BotoClientError('startTime must be before endTime');
      const metric = checkMetricName('metricName', metricName);
      const ns = checkNamespace('namespace', namespace);
      requireValue('statistics', statistics);
      const stats = typeof statistics === 'string' ? [statistics] : [...(checkNonEmpty('statistics', statistics) as readonly string[])];
      checkMaxItems('statistics', stats, 5);
      const checked = stats.map((s, i) => checkStatistic(typeof statistics === 'string' ? 'statistics' : `statistics[${i}]`, s) as Statistic);
      const dims = toSdkDimensions('dimensions', dimensions, MAX_DIMENSIONS);
      const u = checkUnit('unit', unit);
      const out = await this.call((c, o) => c.getMetricStatistics({
        Period: p,
        StartTime: start,
        EndTime: end,
        MetricName: metric,
        Namespace: ns,
        Statistics: checked,
        Dimensions: dims,
        Unit: u,
      }, o), options);
      return ResultSet.fromPage((out.Datapoints ?? []).map((d) => Datapoint.fromSdk(this, d)));
    });
  }

  /** Metrics that have data, narrowed by name, namespace or dimensions (`await` for 500, `for await` for all). */
  listMetrics(options: ListMetricsOptions = {}): PagedRequest<Metric> {
    return new PagedRequest(async (nextToken) => {
      const filters = toSdkDimensionFilters('dimensions', options.dimensions, MAX_DIMENSION_FILTERS);
      const metricName = options.metricName ? checkMetricName('metricName', options.metricName) : undefined;
      const namespace = options.namespace ? checkNamespace('namespace', options.namespace) : undefined;
      const out = await this.call((c, o) => c.listMetrics({
        NextToken: nextToken,
        Dimensions: filters,
        MetricName: metricName,
        Namespace: namespace,
      }, o), options);
      return ResultSet.fromPage((out.Metrics ?? []).map((m) => Metric.fromSdk(this, m)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * Publishes datapoints of a metric. As boto2: `name`, `value` and every option may be
   * given once or as a list (one item per datapoint; every list the same length, and a
   * value given once repeated), and a statistic set may be sent instead of a value.
   * Datapoints are sent in order, split into as many requests as AWS's limits require (1000
   * datapoints and 1 MB a request); if one fails, the ones before it have been stored.
   */
  async putMetricData(
    namespace: string,
    name: string | readonly string[],
    value?: number | string | readonly (number | string)[],
    options: PutMetricDataOptions = {},
  ): Promise<boolean> {
    const ns = checkNamespace('namespace', namespace);
    const data = toMetricData(name, value, options);
    for (const batch of batchMetricData(ns, data)) {
      await this.call((c, o) => c.putMetricData({ Namespace: ns, MetricData: batch }, o), options);
    }
    return true;
  }

  /**
   * Metric data and metric math over `[startTime, endTime)`: one {@link MetricDataResult}
   * per query that returns data (beyond boto2). `queries` are metrics (`metricStat`) and
   * expressions over their ids (`'100 * errors / requests'`, `'SUM(METRICS())'`), at most
   * 500. A page holds at most `maxDatapoints` datapoints over all results; `for await`
   * walks every page, where a result cut short (`statusCode` `PartialData`) goes on.
   */
  getMetricData(queries: readonly MetricDataQuery[], startTime: Date, endTime: Date, options: GetMetricDataOptions = {}): PagedRequest<MetricDataResult> {
    return new PagedRequest(async (nextToken) => {
      const list = toSdkQueries('queries', queries, 500);
      const start = checkDate('startTime', requireValue('startTime', startTime)) as Date;
      const end = checkDate('endTime', requireValue('endTime', endTime)) as Date;
      if (start.getTime() >= end.getTime()) throw new BotoClientError('startTime must be before endTime');
      const max = checkInt('maxDatapoints', options.maxDatapoints, { min: 1 });
      const scanBy = checkOneOf('scanBy', options.scanBy, ['TimestampDescending', 'TimestampAscending'] as const);
      const out = await this.call((c, o) => c.getMetricData({
        MetricDataQueries: list,
        StartTime: start,
        EndTime: end,
        MaxDatapoints: max,
        ScanBy: scanBy,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.MetricDataResults ?? []).map((r) => MetricDataResult.fromSdk(this, r)), out.NextToken);
    }, options.nextToken);
  }

  // ----- alarms -----

  /** Alarms, all or those the options name (`await` for one page, `for await` for all). */
  describeAlarms(options: DescribeAlarmsOptions = {}): PagedRequest<MetricAlarm> {
    return new PagedRequest(async (nextToken) => {
      const actionPrefix = checkLength('actionPrefix', options.actionPrefix || undefined, 1024);
      const prefix = checkLength('alarmNamePrefix', options.alarmNamePrefix || undefined, 255);
      const given = options.alarmNames === undefined || options.alarmNames.length === 0 ? undefined : options.alarmNames;
      checkExclusive('alarmNamePrefix', prefix, 'alarmNames', given);
      const alarmNames = given === undefined ? undefined : checkAlarmNames('alarmNames', given);
      const maxRecords = checkMaxRecords(options.maxRecords);
      const stateValue = checkStateValue('stateValue', options.stateValue || undefined);
      const out = await this.call((c, o) => c.describeAlarms({
        ActionPrefix: actionPrefix,
        AlarmNamePrefix: prefix,
        AlarmNames: alarmNames,
        MaxRecords: maxRecords,
        StateValue: stateValue,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.MetricAlarms ?? []).map((a) => MetricAlarm.fromSdk(this, a)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * History of one alarm or of all of them, newest first: configuration changes, state
   * changes and actions (`await` for one page, `for await` for all).
   */
  describeAlarmHistory(options: DescribeAlarmHistoryOptions = {}): PagedRequest<AlarmHistoryItem> {
    return new PagedRequest(async (nextToken) => {
      const alarmName = options.alarmName ? checkAlarmName('alarmName', options.alarmName) : undefined;
      const startDate = checkDate('startDate', options.startDate);
      const endDate = checkDate('endDate', options.endDate);
      const itemType = checkOneOf('historyItemType', options.historyItemType || undefined, HISTORY_ITEM_TYPES);
      const maxRecords = checkMaxRecords(options.maxRecords);
      const out = await this.call((c, o) => c.describeAlarmHistory({
        AlarmName: alarmName,
        StartDate: startDate,
        EndDate: endDate,
        HistoryItemType: itemType,
        MaxRecords: maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.AlarmHistoryItems ?? []).map((h) => AlarmHistoryItem.fromSdk(this, h)), out.NextToken);
    }, options.nextToken);
  }

  /** The alarms on one metric, narrowed by period, statistic, dimensions or unit (one page: AWS does not page them). */
  describeAlarmsForMetric(metricName: string, namespace: string, options: DescribeAlarmsForMetricOptions = {}): PagedRequest<MetricAlarm> {
    return new PagedRequest(async () => {
      const metric = checkMetricName('metricName', metricName);
      const ns = checkNamespace('namespace', namespace);
      const period = options.period ? checkPeriod('period', options.period, ALARM_SHORT_PERIODS) : undefined;
      const statistic = checkStatistic('statistic', options.statistic || undefined);
      const dims = toSdkDimensions('dimensions', options.dimensions, MAX_DIMENSIONS);
      const unit = checkUnit('unit', options.unit || undefined);
      const out = await this.call((c, o) => c.describeAlarmsForMetric({
        MetricName: metric,
        Namespace: ns,
        Period: period,
        Statistic: statistic,
        Dimensions: dims,
        Unit: unit,
      }, o), options);
      return ResultSet.fromPage((out.MetricAlarms ?? []).map((a) => MetricAlarm.fromSdk(this, a)));
    });
  }

  /**
   * Creates an alarm, or replaces the one of the same name (its state is kept), from a
   * {@link MetricAlarm}, which is then bound to this connection.
   */
  async putMetricAlarm(alarm: MetricAlarm, options?: CallOptions): Promise<boolean> {
    const input = toPutMetricAlarmInput(requireValue('alarm', alarm));
    await this.call((c, o) => c.putMetricAlarm(input, o), options);
    alarm.connection = this;
    return true;
  }

  /** Creates an alarm: `putMetricAlarm` under boto2's other name. */
  async createAlarm(alarm: MetricAlarm, options?: CallOptions): Promise<boolean> {
    return this.putMetricAlarm(alarm, options);
  }

  /** Sends an alarm's changed settings: `putMetricAlarm` under boto2's other name. */
  async updateAlarm(alarm: MetricAlarm, options?: CallOptions): Promise<boolean> {
    return this.putMetricAlarm(alarm, options);
  }

  /** Deletes alarms by name (1 to 100); if one does not exist, none is deleted. */
  async deleteAlarms(alarms: AlarmNames, options?: CallOptions): Promise<boolean> {
    const alarmNames = checkAlarmNames('alarms', alarms);
    await this.call((c, o) => c.deleteAlarms({ AlarmNames: alarmNames }, o), options);
    return true;
  }

  /**
   * Sets an alarm's state until its next evaluation (about a minute); its actions run if
   * the state changes. `stateValue` is `OK`, `ALARM` or `INSUFFICIENT_DATA`.
   */
  async setAlarmState(alarmName: string, stateReason: string, stateValue: string, options: SetAlarmStateOptions = {}): Promise<boolean> {
    const name = checkAlarmName('alarmName', alarmName);
    // AWS takes an empty reason; only a missing one is an error.
    if (stateReason === undefined || stateReason === null) requireValue('stateReason', stateReason);
    const reason = checkLength('stateReason', stateReason, 1023, 0) as string;
    const state = checkStateValue('stateValue', requireValue('stateValue', stateValue));
    const data = options.stateReasonData ? JSON.stringify(options.stateReasonData) : undefined;
    checkLength('stateReasonData (as JSON)', data, 4000, 0);
    await this.call((c, o) => c.setAlarmState({ AlarmName: name, StateReason: reason, StateValue: state, StateReasonData: data }, o), options);
    return true;
  }

  /** Adds tags to an alarm, or replaces the values of keys it has (beyond boto2; at most 50 tags an alarm). */
  async tagAlarm(alarm: AlarmRef, tags: Readonly<Record<string, string>>, options?: CallOptions): Promise<boolean> {
    const arn = alarmArn('alarm', alarm);
    const list = tagList('tags', requireValue('tags', tags));
    await this.call((c, o) => c.tagResource({ ResourceARN: arn, Tags: list }, o), options);
    return true;
  }

  /** Removes tags from an alarm by key (keys it does not have are ignored; beyond boto2). */
  async untagAlarm(alarm: AlarmRef, keys: string | readonly string[], options?: CallOptions): Promise<boolean> {
    const arn = alarmArn('alarm', alarm);
    requireValue('keys', keys);
    const list = (typeof keys === 'string' ? [keys] : [...keys]).map((k, i) => checkLength(`keys[${i}]`, requireValue(`keys[${i}]`, k), 128) as string);
    await this.call((c, o) => c.untagResource({ ResourceARN: arn, TagKeys: list }, o), options);
    return true;
  }

  /** An alarm's tags, as an object of keys to values (beyond boto2). */
  async listTagsForAlarm(alarm: AlarmRef, options?: CallOptions): Promise<Record<string, string>> {
    const arn = alarmArn('alarm', alarm);
    const out = await this.call((c, o) => c.listTagsForResource({ ResourceARN: arn }, o), options);
    const tags: Record<string, string> = {};
    for (const t of out.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
    return tags;
  }

  /** Turns on the actions of alarms (1 to 100, by name). */
  async enableAlarmActions(alarmNames: AlarmNames, options?: CallOptions): Promise<boolean> {
    const list = checkAlarmNames('alarmNames', alarmNames);
    await this.call((c, o) => c.enableAlarmActions({ AlarmNames: list }, o), options);
    return true;
  }

  /** Turns off the actions of alarms (1 to 100, by name); they still change state. */
  async disableAlarmActions(alarmNames: AlarmNames, options?: CallOptions): Promise<boolean> {
    const list = checkAlarmNames('alarmNames', alarmNames);
    await this.call((c, o) => c.disableAlarmActions({ AlarmNames: list }, o), options);
    return true;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(CloudWatchConnection, {
  new: CONNECTION_SIGNATURE,
  getMetricStatistics: 'paged: period, startTime, endTime, metricName, namespace, statistics, dimensions?:object, unit?, {signal}',
  listMetrics: 'paged: [nextToken, dimensions:object, metricName, namespace], {signal}',
  putMetricData: 'namespace, name, value?, [timestamp, unit, dimensions:object, statistics:object], {storageResolution, signal}',
  describeAlarms: 'paged: [actionPrefix, alarmNamePrefix, alarmNames, maxRecords, stateValue, nextToken], {signal}',
  describeAlarmHistory: 'paged: [alarmName, startDate, endDate, maxRecords, historyItemType, nextToken], {signal}',
  describeAlarmsForMetric: 'paged: metricName, namespace, [period, statistic, dimensions:object, unit], {signal}',
  putMetricAlarm: 'alarm, {signal}',
  createAlarm: 'alarm, {signal}',
  updateAlarm: 'alarm, {signal}',
  deleteAlarms: 'alarms, {signal}',
  setAlarmState: 'alarmName, stateReason, stateValue, [stateReasonData:object], {signal}',
  enableAlarmActions: 'alarmNames, {signal}',
  disableAlarmActions: 'alarmNames, {signal}',
  getMetricData: 'paged: queries, startTime, endTime, {maxDatapoints, scanBy, nextToken, signal}',
  tagAlarm: 'alarm, tags:object, {signal}',
  untagAlarm: 'alarm, keys, {signal}',
  listTagsForAlarm: 'alarm, {signal}',
});

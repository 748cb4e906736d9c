/**
 * The CloudWatch wire handlers: one per action, taking the input the protocol layer has
 * checked against the model (typed as the SDK's input), calling the state model, and
 * returning the SDK's output structure, which the protocol layer serialises (XML for the
 * query protocol, JSON for AWS JSON 1.0).
 *
 * @module
 */
import type * as CW from '@aws-sdk/client-cloudwatch';
import { awsError, commonError } from '../errors';
import { paginate, type Page } from '../paging';
import { wireHandlers, type ActionInput, type ActionOutput, type TypedHandlers } from '../typed';
import type { ServiceHandlers } from '../types';
import { deleteAlarms, putMetricAlarm, setActionsEnabled, setAlarmState, watches } from './alarms';
import { getMetricStatistics, listMetrics, putMetricData, type StatisticsPoint } from './data';
import { invalidCombination, invalidValue, missingParameter, validation } from './errors';
import { getMetricData } from './getdata';
import type { AlarmRecord, HistoryRecord } from './model';
import { dimensionShapes, queryShape } from './readqueries';
import type { CloudWatchState } from './state';
import { alarmByArn, tagAlarm, untagAlarm } from './tags';

/** CloudWatch's handlers, typed by the SDK. */
type Handlers = TypedHandlers<typeof CW>;
/** The output of one action (written on handlers that return a literal, so a misspelt member fails to compile). */
type Out<A extends keyof Handlers> = ActionOutput<typeof CW, A>;

/** A page of `items`; MaxRecords' range is the model's, checked by the protocol layer. */
function page<T>(input: { MaxRecords?: number; NextToken?: string }, items: readonly T[], key: (item: T) => string, defaultSize: number, maxSize: number): Page<T> {
  return paginate(items, key, input.MaxRecords, input.NextToken, { defaultSize, maxSize, refuse: (m) => awsError('monitoring', 'InvalidNextToken', m) });
}

/** A MetricAlarm structure. */
export function alarmShape(a: AlarmRecord): CW.MetricAlarm {
  const out: CW.MetricAlarm = {
    AlarmName: a.name,
    AlarmArn: a.arn,
    AlarmConfigurationUpdatedTimestamp: new Date(a.configUpdated),
    ActionsEnabled: a.actionsEnabled,
    OKActions: [...a.okActions],
    AlarmActions: [...a.alarmActions],
    InsufficientDataActions: [...a.insufficientDataActions],
    StateValue: a.stateValue,
    StateReason: a.stateReason,
    StateUpdatedTimestamp: new Date(a.stateUpdated),
    EvaluationPeriods: a.evaluationPeriods,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator,
    StateTransitionedTimestamp: new Date(a.stateTransitioned),
  };
  if (a.metrics === undefined) {
    if (a.metricName !== undefined) out.MetricName = a.metricName;
    if (a.namespace !== undefined) out.Namespace = a.namespace;
    out.Dimensions = dimensionShapes(a.dimensions);
    out.Period = a.period;
  } else {
    out.Metrics = a.metrics.map(queryShape);
  }
  if (a.description !== undefined) out.AlarmDescription = a.description;
  if (a.stateReasonData !== undefined) out.StateReasonData = a.stateReasonData;
  if (a.statistic !== undefined) out.Statistic = a.statistic;
  if (a.extendedStatistic !== undefined) out.ExtendedStatistic = a.extendedStatistic;
  if (a.unit !== undefined) out.Unit = a.unit;
  if (a.datapointsToAlarm !== undefined) out.DatapointsToAlarm = a.datapointsToAlarm;
  if (a.treatMissingData !== undefined) out.TreatMissingData = a.treatMissingData;
  if (a.evaluateLowSampleCountPercentile !== undefined) out.EvaluateLowSampleCountPercentile = a.evaluateLowSampleCountPercentile;
  if (a.slidingWindow === true) out.EvaluationWindow = { SlidingWindow: {} };
  return out;
}

function historyShape(h: HistoryRecord): CW.AlarmHistoryItem {
  return {
    AlarmName: h.alarmName,
    AlarmType: 'MetricAlarm',
    Timestamp: new Date(h.timestamp),
    HistoryItemType: h.type,
    HistorySummary: h.summary,
    HistoryData: h.data,
  };
}

function datapointShape(p: StatisticsPoint): CW.Datapoint {
  // Members in the order AWS writes them: the timestamp, the statistics asked for, the unit.
  const out: CW.Datapoint = { Timestamp: new Date(p.timestamp), ...p.values, Unit: p.unit };
  if (Object.keys(p.extended).length > 0) out.ExtendedStatistics = { ...p.extended };
  return out;
}

/** The CloudWatch handlers over a state model. */
export function cloudWatchHandlers(state: CloudWatchState): ServiceHandlers {
  return wireHandlers<typeof CW>({
    ...alarmHandlers(state),
    ...alarmReadHandlers(state),
    ...alarmTagHandlers(state),
    ...metricHandlers(state),
  });
}

/** Alarms: create or update, delete, turn actions on and off, set a state. */
function alarmHandlers(state: CloudWatchState): Handlers {
  return {
    PutMetricAlarm(input, ctx) {
      putMetricAlarm(state, input, ctx.now);
    },

    DeleteAlarms(input, ctx) {
      deleteAlarms(state, input.AlarmNames, ctx.now);
    },

    EnableAlarmActions(input) {
      setActionsEnabled(state, input.AlarmNames, true);
    },

    DisableAlarmActions(input) {
      setActionsEnabled(state, input.AlarmNames, false);
    },

    SetAlarmState(input, ctx) {
      setAlarmState(state, input.AlarmName, input.StateValue, input.StateReason, input.StateReasonData, ctx.now);
    },
  };
}

/** DescribeAlarms' metric alarms, by name, prefix, state and action prefix. */
function describedAlarms(state: CloudWatchState, input: ActionInput<typeof CW, 'DescribeAlarms'>): string[] {
  const names = input.AlarmNames ?? [];
  const prefix = input.AlarmNamePrefix;
  if (names.length > 0 && prefix !== undefined) {
    throw invalidCombination('AlarmNamePrefix and AlarmNames.member are mutually exclusive');
  }
  const types = input.AlarmTypes ?? [];
  if (types.length > 0 && !types.includes('MetricAlarm')) return [];
  const wanted = input.StateValue;
  const actionPrefix = input.ActionPrefix;
  return state.sortedAlarmNames().filter((n) => {
    const a = state.alarms.get(n);
    if (a === undefined) return false;
    if (names.length > 0 && !names.includes(n)) return false;
    if (prefix !== undefined && !n.startsWith(prefix)) return false;
    if (wanted !== undefined && a.stateValue !== wanted) return false;
    if (actionPrefix !== undefined && ![...a.okActions, ...a.alarmActions, ...a.insufficientDataActions].some((x) => x.startsWith(actionPrefix))) return false;
    return true;
  });
}

/** Reading alarms: by name, prefix or state, by metric, and their history. */
function alarmReadHandlers(state: CloudWatchState): Handlers {
  return {
    DescribeAlarms(input): Out<'DescribeAlarms'> {
      const p = page(input, describedAlarms(state, input), (n) => n, 50, 100);
      const alarms = p.items.flatMap((n) => {
        const a = state.alarms.get(n);
        return a === undefined ? [] : [alarmShape(a)];
      });
      return { MetricAlarms: alarms, CompositeAlarms: [], ...(p.nextToken === undefined ? {} : { NextToken: p.nextToken }) };
    },

    DescribeAlarmsForMetric(input): Out<'DescribeAlarmsForMetric'> {
      const alarms = state.sortedAlarmNames().flatMap((n) => {
        const a = state.alarms.get(n);
        return a !== undefined && watches(a, input) ? [alarmShape(a)] : [];
      });
      return { MetricAlarms: alarms };
    },

    DescribeAlarmHistory(input): Out<'DescribeAlarmHistory'> {
      // The protocol layer holds HistoryItemType to the model's enum; the contributor kinds
      // (botocore 1.43) belong to alarms botoscale local does not keep, so they find nothing.
      const { AlarmName: name, HistoryItemType: type } = input;
      const start = input.StartDate?.getTime();
      const end = input.EndDate?.getTime();
      if (start !== undefined && end !== undefined && start > end) throw invalidValue('The parameter EndDate must be greater than StartDate.');
      const types = input.AlarmTypes ?? [];
      // AlarmContributorId (botocore 1.43) narrows to one contributor of an alarm that has
      // contributors (PromQL alarms, refused here): no item of this history has one.
      const none = (types.length > 0 && !types.includes('MetricAlarm')) || input.AlarmContributorId !== undefined;
      let items = none ? [] : state.history.items.filter((h) => {
        if (name !== undefined && h.alarmName !== name) return false;
        if (type !== undefined && h.type !== type) return false;
        if (start !== undefined && h.timestamp < start) return false;
        if (end !== undefined && h.timestamp > end) return false;
        return true;
      });
      if (input.ScanBy !== 'TimestampAscending') items = [...items].reverse();
      const p = page(input, items, (h) => String(h.seq).padStart(12, '0'), 100, 100);
      return { AlarmHistoryItems: p.items.map(historyShape), ...(p.nextToken === undefined ? {} : { NextToken: p.nextToken }) };
    },
  };
}

/** An alarm's tags, by its ARN. */
function alarmTagHandlers(state: CloudWatchState): Handlers {
  return {
    TagResource(input) {
      tagAlarm(state, input.ResourceARN, input.Tags);
    },

    UntagResource(input) {
      untagAlarm(state, input.ResourceARN, input.TagKeys);
    },

    ListTagsForResource(input): Out<'ListTagsForResource'> {
      const alarm = alarmByArn(state, input.ResourceARN);
      return { Tags: alarm.tags.map((t): CW.Tag => ({ Key: t.key, Value: t.value })) };
    },
  };
}

/** Metric data: put, list the metrics, and read statistics or queries back. */
function metricHandlers(state: CloudWatchState): Handlers {
  return {
    PutMetricData(input, ctx) {
      // Entities (EntityMetricData, API Reference, PutMetricData: "Data for metrics that contain
      // associated entity information", checked by rules of the User Guide's "How to add related
      // information to telemetry") are not simulated: refused by name rather than acknowledged
      // and dropped.
      if (input.EntityMetricData !== undefined) {
        throw validation('Metrics with entities (EntityMetricData) are not simulated by botoscale local: send the metrics in MetricData.');
      }
      // The newer model leaves MetricData optional (for EntityMetricData): without it nothing would be stored.
      if (input.MetricData === undefined) throw missingParameter('The parameter MetricData is required.');
      putMetricData(state, input.Namespace, input.MetricData, ctx.now);
    },

    ListMetrics(input, ctx): Out<'ListMetrics'> {
      const all = listMetrics(state, input, ctx.now);
      const p = paginate(all, (s) => `${s.namespace}\u0000${s.metricName}\u0000${s.dimensions.map((d) => `${d.name}=${d.value}`).join('\u0000')}`, undefined, input.NextToken, {
        defaultSize: 500,
        maxSize: 500,
        refuse: (m) => commonError('InvalidParameterValue', m),
      });
      const metrics = p.items.map((s): CW.Metric => ({ Namespace: s.namespace, MetricName: s.metricName, Dimensions: dimensionShapes(s.dimensions) }));
      return { Metrics: metrics, ...(p.nextToken === undefined ? {} : { NextToken: p.nextToken }) };
    },

    GetMetricStatistics(input): Out<'GetMetricStatistics'> {
      return { Label: input.MetricName, Datapoints: getMetricStatistics(state, input).map(datapointShape) };
    },

    GetMetricData(input, ctx): Out<'GetMetricData'> {
      const answer = getMetricData(state, input, ctx.now);
      const results = answer.results.map((r): CW.MetricDataResult => ({ Id: r.id, Label: r.label, Timestamps: r.timestamps.map((t) => new Date(t)), Values: r.values, StatusCode: r.statusCode }));
      return { MetricDataResults: results, Messages: [], ...(answer.nextToken === undefined ? {} : { NextToken: answer.nextToken }) };
    },
  };
}

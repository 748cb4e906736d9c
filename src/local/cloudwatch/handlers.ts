/**
 * The CloudWatch wire handlers: one per action, reading the parsed request, calling the
 * state model, and returning the output structure the protocol layer serialises (XML for
 * the query protocol, JSON for AWS JSON 1.0).
 *
 * @module
 */
import { paginate, type Page } from '../paging';
import type { ServiceHandlers, WireObject } from '../types';
import { deleteAlarms, putMetricAlarm, setActionsEnabled, setAlarmState, watches } from './alarms';
import { getMetricStatistics, listMetrics, putMetricData, type MetricDatumParams } from './data';
import { invalidCombination, invalidValue, missingParameter } from './errors';
import { getMetricData } from './getdata';
import { dimensions, optBool, optDate, optInt, optNumber, optNumbers, optObject, optObjects, optString, optStrings, reqDate, reqInt, reqString } from './input';
import type { AlarmRecord, AlarmState, HistoryRecord } from './model';
import { queryShape, readQueries } from './readqueries';
import type { CloudWatchState } from './state';
import { alarmByArn, tagAlarm, untagAlarm } from './tags';
import { awsError, commonError } from '../errors';

function page<T>(input: WireObject, items: readonly T[], key: (item: T) => string, defaultSize: number, maxSize: number): Page<T> {
  const max = optInt(input, 'MaxRecords');
  if (max !== undefined && (max < 1 || max > maxSize)) {
    throw invalidValue(`The parameter MaxRecords must be between 1 and ${maxSize}.`);
  }
  return paginate(items, key, max, optString(input, 'NextToken'), { defaultSize, maxSize, refuse: (m) => awsError('monitoring', 'InvalidNextToken', m) });
}

function withToken(out: WireObject, next: string | undefined): WireObject {
  if (next !== undefined) out.NextToken = next;
  return out;
}

/** A MetricAlarm structure. */
export function alarmShape(a: AlarmRecord): WireObject {
  const out: WireObject = {
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
    out.Dimensions = a.dimensions.map((d) => ({ Name: d.name, Value: d.value }));
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
  return out;
}

function historyShape(h: HistoryRecord): WireObject {
  return {
    AlarmName: h.alarmName,
    AlarmType: 'MetricAlarm',
    Timestamp: new Date(h.timestamp),
    HistoryItemType: h.type,
    HistorySummary: h.summary,
    HistoryData: h.data,
  };
}

const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

function stateValue(input: WireObject, name: string): AlarmState | undefined {
  const v = optString(input, name);
  if (v === undefined) return undefined;
  if (!STATES.includes(v)) throw invalidValue(`The parameter ${name} must be a value in the set [ OK, ALARM, INSUFFICIENT_DATA ].`);
  return v as AlarmState;
}

function metricData(input: WireObject): MetricDatumParams[] {
  return (optObjects(input, 'MetricData') ?? []).map((d) => {
    const datum: MetricDatumParams = { MetricName: reqString(d, 'MetricName') };
    const dims = dimensions(d);
    const timestamp = optDate(d, 'Timestamp');
    const value = optNumber(d, 'Value');
    const values = optNumbers(d, 'Values');
    const counts = optNumbers(d, 'Counts');
    const unit = optString(d, 'Unit');
    const resolution = optInt(d, 'StorageResolution');
    const set = optObject(d, 'StatisticValues');
    if (dims !== undefined) datum.Dimensions = dims;
    if (timestamp !== undefined) datum.Timestamp = timestamp;
    if (value !== undefined) datum.Value = value;
    if (values !== undefined) datum.Values = values;
    if (counts !== undefined) datum.Counts = counts;
    if (unit !== undefined) datum.Unit = unit;
    if (resolution !== undefined) datum.StorageResolution = resolution;
    if (set !== undefined) {
      const read = (k: string): number => {
        const v = optNumber(set, k);
        if (v === undefined) throw invalidValue(`The parameter StatisticValues.${k} is required.`);
        return v;
      };
      datum.StatisticValues = { SampleCount: read('SampleCount'), Sum: read('Sum'), Minimum: read('Minimum'), Maximum: read('Maximum') };
    }
    return datum;
  });
}

/** The CloudWatch handlers over a state model. */
export function cloudWatchHandlers(state: CloudWatchState): ServiceHandlers {
  return {
    ...alarmHandlers(state),
    ...alarmReadHandlers(state),
    ...alarmTagHandlers(state),
    ...metricHandlers(state),
  };
}

/** Alarms: create or update, delete, turn actions on and off, set a state. */
function alarmHandlers(state: CloudWatchState): ServiceHandlers {
  return {
    PutMetricAlarm(input, ctx) {
      const tags = (optObjects(input, 'Tags') ?? []).map((t) => ({ key: reqString(t, 'Key'), value: reqString(t, 'Value') }));
      const params: Parameters<typeof putMetricAlarm>[1] = {
        AlarmName: reqString(input, 'AlarmName'),
        EvaluationPeriods: reqInt(input, 'EvaluationPeriods'),
        ComparisonOperator: reqString(input, 'ComparisonOperator'),
        Tags: tags,
      };
      const strings = ['AlarmDescription', 'MetricName', 'Namespace', 'Statistic', 'ExtendedStatistic', 'Unit', 'TreatMissingData', 'EvaluateLowSampleCountPercentile', 'ThresholdMetricId'] as const;
      for (const k of strings) {
        const v = optString(input, k);
        if (v !== undefined) params[k] = v;
      }
      const lists = ['OKActions', 'AlarmActions', 'InsufficientDataActions'] as const;
      for (const k of lists) {
        const v = optStrings(input, k);
        if (v !== undefined) params[k] = v;
      }
      const actionsEnabled = optBool(input, 'ActionsEnabled');
      const dims = dimensions(input);
      const period = optInt(input, 'Period');
      const datapoints = optInt(input, 'DatapointsToAlarm');
      const threshold = optNumber(input, 'Threshold');
      if (actionsEnabled !== undefined) params.ActionsEnabled = actionsEnabled;
      if (dims !== undefined) params.Dimensions = dims;
      if (period !== undefined) params.Period = period;
      if (datapoints !== undefined) params.DatapointsToAlarm = datapoints;
      if (threshold !== undefined) params.Threshold = threshold;
      const metrics = readQueries(input, 'Metrics');
      if (metrics !== undefined) params.Metrics = metrics;
      putMetricAlarm(state, params, ctx.now);
    },

    DeleteAlarms(input, ctx) {
      deleteAlarms(state, optStrings(input, 'AlarmNames') ?? [], ctx.now);
    },

    EnableAlarmActions(input) {
      setActionsEnabled(state, optStrings(input, 'AlarmNames') ?? [], true);
    },

    DisableAlarmActions(input) {
      setActionsEnabled(state, optStrings(input, 'AlarmNames') ?? [], false);
    },

    SetAlarmState(input, ctx) {
      const value = stateValue(input, 'StateValue');
      if (value === undefined) throw invalidValue('The parameter StateValue is required.');
      setAlarmState(state, reqString(input, 'AlarmName'), value, reqString(input, 'StateReason'), optString(input, 'StateReasonData'), ctx.now);
    },
  };
}

/** Reading alarms: by name, prefix or state, by metric, and their history. */
function alarmReadHandlers(state: CloudWatchState): ServiceHandlers {
  return {
    DescribeAlarms(input) {
      const names = optStrings(input, 'AlarmNames') ?? [];
      const prefix = optString(input, 'AlarmNamePrefix');
      if (names.length > 0 && prefix !== undefined) {
        throw invalidCombination('AlarmNamePrefix and AlarmNames.member are mutually exclusive');
      }
      const types = optStrings(input, 'AlarmTypes') ?? [];
      const wanted = stateValue(input, 'StateValue');
      const actionPrefix = optString(input, 'ActionPrefix');
      const metricAlarms = types.length === 0 || types.includes('MetricAlarm');
      const all = !metricAlarms
        ? []
        : state.sortedAlarmNames().filter((n) => {
            const a = state.alarms.get(n);
            if (a === undefined) return false;
            if (names.length > 0 && !names.includes(n)) return false;
            if (prefix !== undefined && !n.startsWith(prefix)) return false;
            if (wanted !== undefined && a.stateValue !== wanted) return false;
            if (actionPrefix !== undefined && ![...a.okActions, ...a.alarmActions, ...a.insufficientDataActions].some((x) => x.startsWith(actionPrefix))) return false;
            return true;
          });
      const p = page(input, all, (n) => n, 50, 100);
      return withToken(
        {
          MetricAlarms: p.items.flatMap((n) => {
            const a = state.alarms.get(n);
            return a === undefined ? [] : [alarmShape(a)];
          }),
          CompositeAlarms: [],
        },
        p.nextToken,
      );
    },

    DescribeAlarmsForMetric(input) {
      const q: Parameters<typeof watches>[1] = { MetricName: reqString(input, 'MetricName'), Namespace: reqString(input, 'Namespace') };
      const statistic = optString(input, 'Statistic');
      const extended = optString(input, 'ExtendedStatistic');
      const dims = dimensions(input);
      const period = optInt(input, 'Period');
      const unit = optString(input, 'Unit');
      if (statistic !== undefined) q.Statistic = statistic;
      if (extended !== undefined) q.ExtendedStatistic = extended;
      if (dims !== undefined) q.Dimensions = dims;
      if (period !== undefined) q.Period = period;
      if (unit !== undefined) q.Unit = unit;
      const alarms = state.sortedAlarmNames().flatMap((n) => {
        const a = state.alarms.get(n);
        return a !== undefined && watches(a, q) ? [alarmShape(a)] : [];
      });
      return { MetricAlarms: alarms };
    },

    DescribeAlarmHistory(input) {
      const name = optString(input, 'AlarmName');
      // The protocol layer holds HistoryItemType to the model's enum; the contributor kinds
      // (botocore 1.43) belong to alarms botoscale local does not keep, so they find nothing.
      const type = optString(input, 'HistoryItemType');
      const start = optDate(input, 'StartDate');
      const end = optDate(input, 'EndDate');
      if (start !== undefined && end !== undefined && start > end) throw invalidValue('The parameter EndDate must be greater than StartDate.');
      const types = optStrings(input, 'AlarmTypes') ?? [];
      const ascending = optString(input, 'ScanBy') === 'TimestampAscending';
      let items = types.length > 0 && !types.includes('MetricAlarm') ? [] : state.history.items.filter((h) => {
        if (name !== undefined && h.alarmName !== name) return false;
        if (type !== undefined && h.type !== type) return false;
        if (start !== undefined && h.timestamp < start) return false;
        if (end !== undefined && h.timestamp > end) return false;
        return true;
      });
      if (!ascending) items = [...items].reverse();
      const p = page(input, items, (h) => String(h.seq).padStart(12, '0'), 100, 100);
      return withToken({ AlarmHistoryItems: p.items.map(historyShape) }, p.nextToken);
    },
  };
}

/** An alarm's tags, by its ARN. */
function alarmTagHandlers(state: CloudWatchState): ServiceHandlers {
  return {
    TagResource(input) {
      const tags = (optObjects(input, 'Tags') ?? []).map((t) => ({ key: reqString(t, 'Key'), value: reqString(t, 'Value') }));
      tagAlarm(state, reqString(input, 'ResourceARN'), tags);
    },

    UntagResource(input) {
      untagAlarm(state, reqString(input, 'ResourceARN'), optStrings(input, 'TagKeys') ?? []);
    },

    ListTagsForResource(input) {
      const alarm = alarmByArn(state, reqString(input, 'ResourceARN'));
      return { Tags: alarm.tags.map((t) => ({ Key: t.key, Value: t.value })) };
    },
  };
}

/** Metric data: put, list the metrics, and read statistics or queries back. */
function metricHandlers(state: CloudWatchState): ServiceHandlers {
  return {
    PutMetricData(input, ctx) {
      // The model stopped requiring MetricData when EntityMetricData came (botocore 1.43),
      // which botoscale local does not keep: without MetricData nothing would be stored.
      if (input.MetricData === undefined) throw missingParameter('The parameter MetricData is required.');
      putMetricData(state, reqString(input, 'Namespace'), metricData(input), ctx.now);
    },

    ListMetrics(input, ctx) {
      const q: Parameters<typeof listMetrics>[1] = {};
      const namespace = optString(input, 'Namespace');
      const metricName = optString(input, 'MetricName');
      const recently = optString(input, 'RecentlyActive');
      const dims = optObjects(input, 'Dimensions')?.map((d) => {
        const f: { name: string; value?: string } = { name: reqString(d, 'Name') };
        const v = optString(d, 'Value');
        if (v !== undefined) f.value = v;
        return f;
      });
      if (namespace !== undefined) q.Namespace = namespace;
      if (metricName !== undefined) q.MetricName = metricName;
      if (recently !== undefined) q.RecentlyActive = recently;
      if (dims !== undefined) q.Dimensions = dims;
      const all = listMetrics(state, q, ctx.now);
      const p = paginate(all, (s) => `${s.namespace}\u0000${s.metricName}\u0000${s.dimensions.map((d) => `${d.name}=${d.value}`).join('\u0000')}`, undefined, optString(input, 'NextToken'), {
        defaultSize: 500,
        maxSize: 500,
        refuse: (m) => commonError('InvalidParameterValue', m),
      });
      return withToken(
        { Metrics: p.items.map((s) => ({ Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })) })) },
        p.nextToken,
      );
    },

    GetMetricStatistics(input) {
      const q: Parameters<typeof getMetricStatistics>[1] = {
        Namespace: reqString(input, 'Namespace'),
        MetricName: reqString(input, 'MetricName'),
        StartTime: reqDate(input, 'StartTime'),
        EndTime: reqDate(input, 'EndTime'),
        Period: reqInt(input, 'Period'),
      };
      const dims = dimensions(input);
      const stats = optStrings(input, 'Statistics');
      const extended = optStrings(input, 'ExtendedStatistics');
      const unit = optString(input, 'Unit');
      if (dims !== undefined) q.Dimensions = dims;
      if (stats !== undefined) q.Statistics = stats;
      if (extended !== undefined) q.ExtendedStatistics = extended;
      if (unit !== undefined) q.Unit = unit;
      const points = getMetricStatistics(state, q);
      return {
        Label: q.MetricName,
        Datapoints: points.map((p) => {
          const out: WireObject = { Timestamp: new Date(p.timestamp) };
          for (const [k, v] of Object.entries(p.values)) out[k] = v;
          out.Unit = p.unit;
          if (Object.keys(p.extended).length > 0) out.ExtendedStatistics = { ...p.extended };
          return out;
        }),
      };
    },

    GetMetricData(input, ctx) {
      const params: Parameters<typeof getMetricData>[1] = {
        queries: readQueries(input, 'MetricDataQueries') ?? [],
        start: reqDate(input, 'StartTime'),
        end: reqDate(input, 'EndTime'),
      };
      const scanBy = optString(input, 'ScanBy');
      const max = optInt(input, 'MaxDatapoints');
      const token = optString(input, 'NextToken');
      if (scanBy !== undefined) params.scanBy = scanBy;
      if (max !== undefined) params.maxDatapoints = max;
      if (token !== undefined) params.nextToken = token;
      const answer = getMetricData(state, params, ctx.now);
      return withToken(
        {
          MetricDataResults: answer.results.map((r) => ({
            Id: r.id,
            Label: r.label,
            Timestamps: r.timestamps.map((t) => new Date(t)),
            Values: r.values,
            StatusCode: r.statusCode,
          })),
          Messages: [],
        },
        answer.nextToken,
      );
    },
  };
}

/**
 * The constraints CloudWatch's model states (enums, ranges) are answered by the protocol
 * layer, over both protocols botoscale local speaks for CloudWatch (query, as boto 2.49
 * sends it, and AWS JSON 1.0, as `@aws-sdk/client-cloudwatch` sends it), before any
 * handler runs: the handlers need not check them again. Each case names the handler
 * check it makes unreachable.
 */
import {
  CloudWatchClient, DescribeAlarmHistoryCommand, DescribeAlarmsCommand, GetMetricDataCommand, GetMetricStatisticsCommand,
  PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand, type ServiceInputTypes,
} from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../../src/local';
import model from '../../../src/local/models/cloudwatch.json';
import { clientConfig, failure, query, startTest, T0, xmlText } from '../helpers';

let local: LocalEndpoint;
let cw: CloudWatchClient;

beforeAll(async () => {
  local = await startTest();
  cw = new CloudWatchClient(clientConfig(local.endpoint));
});

afterAll(async () => {
  cw.destroy();
  await local.close();
});

const ALARM = { AlarmName: 'x', Namespace: 'App', MetricName: 'Latency', Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' };
const ALARM_FORM = { AlarmName: 'x', Namespace: 'App', MetricName: 'Latency', Statistic: 'Average', Period: '60', EvaluationPeriods: '2', Threshold: '1', ComparisonOperator: 'GreaterThanThreshold' };
const HOUR = { StartTime: new Date(T0), EndTime: new Date(T0 + 3_600_000) };
const HOUR_FORM = { StartTime: '2026-01-01T00:00:00Z', EndTime: '2026-01-01T01:00:00Z' };
/** The enum constraint of one of the model's shapes, as the answer words it (the list follows the model botoscale local ships). */
const enumOf = (shape: 'Statistic' | 'StateValue' | 'HistoryItemType' | 'ScanBy' | 'StandardUnit'): string => `Member must satisfy enum value set: [${model.shapes[shape].enum.join(', ')}]`;

/** One case: the action, its SDK input, the same as query parameters, and the answer. */
type Case = [string, string, ServiceInputTypes, Record<string, string>, string, string];

const cases: Case[] = [
  ['PutMetricAlarm', 'a statistic outside the model (was checked again in alarms.ts)', { ...ALARM, Statistic: 'Median' } as ServiceInputTypes, { ...ALARM_FORM, Statistic: 'Median' },
    'ValidationError', `1 validation error detected: Value 'Median' at 'statistic' failed to satisfy constraint: ${enumOf('Statistic')}`],
  ['PutMetricAlarm', 'EvaluationPeriods under 1 (alarms.ts)', { ...ALARM, EvaluationPeriods: 0 }, { ...ALARM_FORM, EvaluationPeriods: '0' },
    'ValidationError', "1 validation error detected: Value '0' at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ['PutMetricAlarm', 'DatapointsToAlarm under 1 (alarms.ts)', { ...ALARM, DatapointsToAlarm: 0 }, { ...ALARM_FORM, DatapointsToAlarm: '0' },
    'ValidationError', "1 validation error detected: Value '0' at 'datapointsToAlarm' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ['SetAlarmState', 'a state outside the model (handlers.ts)', { AlarmName: 'x', StateValue: 'BROKEN', StateReason: 'r' } as ServiceInputTypes, { AlarmName: 'x', StateValue: 'BROKEN', StateReason: 'r' },
    'ValidationError', `1 validation error detected: Value 'BROKEN' at 'stateValue' failed to satisfy constraint: ${enumOf('StateValue')}`],
  ['SetAlarmState', 'no state (handlers.ts)', { AlarmName: 'x', StateReason: 'r' } as ServiceInputTypes, { AlarmName: 'x', StateReason: 'r' },
    'MissingParameter', 'The parameter StateValue is required.'],
  ['DescribeAlarms', 'a state outside the model (handlers.ts)', { StateValue: 'BROKEN' } as ServiceInputTypes, { StateValue: 'BROKEN' },
    'ValidationError', `1 validation error detected: Value 'BROKEN' at 'stateValue' failed to satisfy constraint: ${enumOf('StateValue')}`],
  ['DescribeAlarms', 'MaxRecords over 100 (handlers.ts)', { MaxRecords: 101 }, { MaxRecords: '101' },
    'ValidationError', "1 validation error detected: Value '101' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100"],
  ['DescribeAlarmHistory', 'MaxRecords under 1 (handlers.ts)', { MaxRecords: 0 }, { MaxRecords: '0' },
    'ValidationError', "1 validation error detected: Value '0' at 'maxRecords' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ['DescribeAlarmHistory', 'an item type outside the model (handlers.ts)', { HistoryItemType: 'Everything' } as ServiceInputTypes, { HistoryItemType: 'Everything' },
    'ValidationError', `1 validation error detected: Value 'Everything' at 'historyItemType' failed to satisfy constraint: ${enumOf('HistoryItemType')}`],
  ['GetMetricStatistics', 'a statistic outside the model (data.ts)', { Namespace: 'App', MetricName: 'Latency', ...HOUR, Period: 60, Statistics: ['Median'] } as ServiceInputTypes,
    { Namespace: 'App', MetricName: 'Latency', ...HOUR_FORM, Period: '60', 'Statistics.member.1': 'Median' },
    'ValidationError', `1 validation error detected: Value 'Median' at 'statistics.1.member' failed to satisfy constraint: ${enumOf('Statistic')}`],
  ['PutMetricData', 'a unit outside the model (data.ts)', { Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1, Unit: 'Furlongs' }] } as ServiceInputTypes,
    { Namespace: 'App', 'MetricData.member.1.MetricName': 'm', 'MetricData.member.1.Value': '1', 'MetricData.member.1.Unit': 'Furlongs' },
    'ValidationError', `1 validation error detected: Value 'Furlongs' at 'metricData.1.member.unit' failed to satisfy constraint: ${enumOf('StandardUnit')}`],
  ['PutMetricData', 'StatisticValues without its Sum (the reader in handlers.ts)', { Namespace: 'App', MetricData: [{ MetricName: 'm', StatisticValues: { SampleCount: 1, Minimum: 1, Maximum: 1 } }] } as ServiceInputTypes,
    { Namespace: 'App', 'MetricData.member.1.MetricName': 'm', 'MetricData.member.1.StatisticValues.SampleCount': '1', 'MetricData.member.1.StatisticValues.Minimum': '1', 'MetricData.member.1.StatisticValues.Maximum': '1' },
    'MissingParameter', 'The parameter MetricData.member.1.StatisticValues.Sum is required.'],
  ['GetMetricData', 'a scan order outside the model (getdata.ts)', { MetricDataQueries: [{ Id: 'm1', Expression: '1' }], ...HOUR, ScanBy: 'Sideways' } as ServiceInputTypes,
    { 'MetricDataQueries.member.1.Id': 'm1', 'MetricDataQueries.member.1.Expression': '1', ...HOUR_FORM, ScanBy: 'Sideways' },
    'ValidationError', `1 validation error detected: Value 'Sideways' at 'scanBy' failed to satisfy constraint: ${enumOf('ScanBy')}`],
];

const COMMANDS = {
  PutMetricAlarm: PutMetricAlarmCommand,
  SetAlarmState: SetAlarmStateCommand,
  DescribeAlarms: DescribeAlarmsCommand,
  DescribeAlarmHistory: DescribeAlarmHistoryCommand,
  GetMetricStatistics: GetMetricStatisticsCommand,
  PutMetricData: PutMetricDataCommand,
  GetMetricData: GetMetricDataCommand,
} as const;

describe.each(cases)('%s: %s', (action, _what, input, form, code, message) => {
  test('query protocol', async () => {
    const res = await query(local.endpoint, { Action: action, Version: '2010-08-01', ...form });
    expect([res.status, xmlText(res.text, 'Code'), xmlText(res.text, 'Message')]).toEqual([400, code, message]);
  });

  test('AWS JSON 1.0', async () => {
    const Command = COMMANDS[action as keyof typeof COMMANDS] as new (input: ServiceInputTypes) => PutMetricAlarmCommand;
    const err = await failure(cw.send(new Command(input)));
    expect([err.status, err.code ?? err.name, err.message]).toEqual([400, code, message]);
  });
});

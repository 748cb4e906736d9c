/**
 * PutMetricAlarm members of the botocore 1.43 CloudWatch model for alarms botoscale local
 * cannot evaluate (CloudWatch API Reference, PutMetricAlarm: EvaluationCriteria,
 * EvaluationInterval, EvaluationWindow, WarmUpConfiguration), through
 * @aws-sdk/client-cloudwatch against botoscale local: each is refused naming the member,
 * not answered with a misleading MissingParameter nor turned into an ordinary alarm; an
 * explicit SlidingWindow, the window every alarm uses, is kept and shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatch, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../../src/local';
import { clientConfig, failure, startTest } from '../helpers';

let local: LocalEndpoint;
let cw: CloudWatch;

beforeEach(async () => {
  local = await startTest();
  cw = new CloudWatch(clientConfig(local.endpoint));
});

afterEach(async () => {
  cw.destroy();
  await local.close();
});

const STATIC: PutMetricAlarmCommandInput = {
  AlarmName: 'cpu-high',
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 2,
  Threshold: 70,
  ComparisonOperator: 'GreaterThanThreshold',
};

async function alarmNames(): Promise<string[]> {
  return ((await cw.describeAlarms({})).MetricAlarms ?? []).map((a) => a.AlarmName as string);
}

describe('PutMetricAlarm refuses what botoscale local cannot evaluate, naming the member (API Reference: PutMetricAlarm)', () => {
  test('a PromQL alarm (EvaluationCriteria with EvaluationInterval, no metric) is refused as such, not as a missing EvaluationPeriods', async () => {
    const e = await failure(cw.putMetricAlarm({ AlarmName: 'promql', EvaluationCriteria: { PromQLCriteria: { Query: 'up == 0', PendingPeriod: 60 } }, EvaluationInterval: 60 }));
    expect(e).toEqual({ name: 'ValidationException', status: 400, code: 'ValidationError', message: 'PromQL alarms (EvaluationCriteria) are not simulated by botoscale local.' });
    expect(await alarmNames()).toEqual([]);
  });

  test.each<[string, Partial<PutMetricAlarmCommandInput>, string]>([
    ['EvaluationInterval', { EvaluationInterval: 60 }, 'Alarm evaluation intervals (EvaluationInterval, used with EvaluationCriteria) are not simulated by botoscale local.'],
    ['WarmUpConfiguration', { WarmUpConfiguration: { WarmUpPeriodDurationInMinutes: 15, OnlyStartEvaluatingAfterWarmUpPeriodEnds: true } }, 'Alarm warm-up periods (WarmUpConfiguration) are not simulated by botoscale local.'],
    ['EvaluationWindow WallClockWindow', { EvaluationWindow: { WallClockWindow: { Timezone: 'Europe/Paris' } } }, 'Wall clock evaluation windows (EvaluationWindow WallClockWindow) are not simulated by botoscale local: only SlidingWindow is.'],
  ])('a static-threshold alarm with %s is refused and not made', async (_member, extra, message) => {
    const e = await failure(cw.putMetricAlarm({ ...STATIC, ...extra }));
    expect(e).toEqual({ name: 'ValidationException', status: 400, code: 'ValidationError', message });
    expect(await alarmNames()).toEqual([]);
  });

  test('an existing alarm is left as it was when an update names an unsimulated member', async () => {
    await cw.putMetricAlarm(STATIC);
    await failure(cw.putMetricAlarm({ ...STATIC, Threshold: 10, WarmUpConfiguration: { WarmUpPeriodDurationInMinutes: 5 } }));
    expect((await cw.describeAlarms({})).MetricAlarms?.map((a) => a.Threshold)).toEqual([70]);
  });

  test('EvaluationWindow SlidingWindow (the default, what every alarm here does) is accepted and shown by DescribeAlarms; without it, none is shown', async () => {
    await cw.putMetricAlarm({ ...STATIC, EvaluationWindow: { SlidingWindow: {} } });
    await cw.putMetricAlarm({ ...STATIC, AlarmName: 'plain' });
    const alarms = (await cw.describeAlarms({})).MetricAlarms ?? [];
    expect(alarms.map((a) => [a.AlarmName, a.EvaluationWindow])).toEqual([
      ['cpu-high', { SlidingWindow: {} }],
      ['plain', undefined],
    ]);
  });

  test('an explicit SlidingWindow survives a restart from the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-window-'));
    const reopen = async (state = true): Promise<void> => {
      cw.destroy();
      await local.close();
      local = await startTest(state ? { state: join(dir, 'state.json') } : {});
      cw = new CloudWatch(clientConfig(local.endpoint));
    };
    try {
      await reopen();
      await cw.putMetricAlarm({ ...STATIC, EvaluationWindow: { SlidingWindow: {} } });
      await reopen();
      expect((await cw.describeAlarms({})).MetricAlarms?.map((a) => a.EvaluationWindow)).toEqual([{ SlidingWindow: {} }]);
    } finally {
      await reopen(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });

});

describe('PutMetricData refuses EntityMetricData rather than acknowledging and dropping it (API Reference: PutMetricData)', () => {
  test.each<[string, Partial<Parameters<CloudWatch['putMetricData']>[0]>]>([
    ['alone', {}],
    ['beside MetricData', { MetricData: [{ MetricName: 'plain', Value: 1 }] }],
  ])('EntityMetricData %s is a ValidationError and nothing is stored', async (_how, extra) => {
    const e = await failure(cw.putMetricData({
      Namespace: 'App',
      EntityMetricData: [{ Entity: { KeyAttributes: { Type: 'Service', Name: 'checkout', Environment: 'prod' } }, MetricData: [{ MetricName: 'Latency', Value: 12 }] }],
      StrictEntityValidation: true,
      ...extra,
    }));
    expect(e).toEqual({ name: 'ValidationException', status: 400, code: 'ValidationError', message: 'Metrics with entities (EntityMetricData) are not simulated by botoscale local: send the metrics in MetricData.' });
    expect((await cw.listMetrics({ Namespace: 'App' })).Metrics).toEqual([]);
  });
});

describe('DescribeAlarmHistory AlarmContributorId (API Reference: DescribeAlarmHistory)', () => {
  test('no history item belongs to a contributor (only PromQL alarms have them), so filtering by one finds nothing', async () => {
    await cw.putMetricAlarm(STATIC);
    expect((await cw.describeAlarmHistory({ AlarmName: 'cpu-high' })).AlarmHistoryItems).toHaveLength(1);
    expect((await cw.describeAlarmHistory({ AlarmName: 'cpu-high', AlarmContributorId: 'contributor-1' })).AlarmHistoryItems).toEqual([]);
  });
});

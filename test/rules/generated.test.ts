/**
 * src/core/rules/generated.ts is what scripts/gen-rules.mjs makes of the committed models,
 * and the hand-written rules say what PutMetricAlarm's reference says.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CLOUDWATCH, MODELS_VERSION } from '../../src/core/rules/generated';
import { capacityBreach, evaluationSpanLimit, isAlarmPeriod, isEvaluationSpanAllowed, parseHealthCheckTarget } from '../../src/core/rules/aws-rules';
import cloudwatchModel from '../../src/local/models/cloudwatch.json';

const ROOT = join(__dirname, '../..');

describe('rules generated from the service models', () => {
  test('the committed module is what the script makes of the models (else: node scripts/gen-rules.mjs)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-rules.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  test('the models version is named once, from the models themselves', () => {
    expect(cloudwatchModel.source.startsWith(`${MODELS_VERSION} `)).toBe(true);
    expect(CLOUDWATCH.Statistic.enum).toEqual(cloudwatchModel.shapes.Statistic.enum);
  });
});

describe('rules no model states', () => {
  test('alarm periods: 10, 20, 30 or a multiple of 60', () => {
    expect([10, 20, 30, 60, 120, 3600, 86_400].filter(isAlarmPeriod)).toEqual([10, 20, 30, 60, 120, 3600, 86_400]);
    expect([0, 1, 5, 15, 45, 61, 90, -60, 60.5].filter(isAlarmPeriod)).toEqual([]);
  });

  test('evaluation span: one day under a one-hour period, seven days otherwise', () => {
    expect([evaluationSpanLimit(10), evaluationSpanLimit(3540), evaluationSpanLimit(3600)]).toEqual([86_400, 86_400, 604_800]);
    expect(isEvaluationSpanAllowed(60, 1440)).toBe(true);
    expect(isEvaluationSpanAllowed(60, 1441)).toBe(false);
    expect(isEvaluationSpanAllowed(3600, 48)).toBe(true);
    expect(isEvaluationSpanAllowed(3600, 168)).toBe(true);
    expect(isEvaluationSpanAllowed(3600, 169)).toBe(false);
  });

  test('capacity bounds: min ≤ desired ≤ max, for whichever are known', () => {
    expect([capacityBreach(1, 3, 2), capacityBreach(3, 1, 2), capacityBreach(2, 5, 1), capacityBreach(2, 5, 6), capacityBreach(undefined, 5, 1)])
      .toEqual([undefined, 'min-above-max', 'desired-below-min', 'desired-above-max', undefined]);
  });

  test('health check targets', () => {
    expect(parseHealthCheckTarget('http:8080/health')).toEqual({ protocol: 'HTTP', port: 8080, path: '/health' });
    expect(parseHealthCheckTarget('TCP:22')).toEqual({ protocol: 'TCP', port: 22, path: '' });
    expect(['HTTP:80', 'TCP:80/x', 'UDP:53', 'HTTP:80/a b', 'HTTP:/x'].map(parseHealthCheckTarget)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

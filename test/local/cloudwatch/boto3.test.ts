/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) calls
 * GetMetricData with a metric math expression, creates a metric math alarm and tags it,
 * against botoscale local. Fails, never skips, when boto3 is missing.
 */
import { join } from 'node:path';
import type { LocalEndpoint } from '../../../src/local';
import { requirePythonModule, runPython } from '../../helpers/python';
import { CREDS, startTest, T0 } from '../helpers';

let local: LocalEndpoint;

beforeEach(async () => {
  local = await startTest();
  local.clock.advance('10m');
});

afterEach(async () => {
  await local.close();
});

test('boto3: GetMetricData with an expression, a metric math alarm, alarm tags and a refused id', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(join(__dirname, 'boto3_metricdata.py'), {
    BOTOSCALE_ENDPOINT: local.endpoint,
    BOTOSCALE_T0: String(T0),
    AWS_ACCESS_KEY_ID: CREDS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDS.secretAccessKey,
  });
  expect(JSON.parse(stdout)).toEqual({
    id: 'rate',
    label: 'Error rate',
    minutes: [0, 1, 2],
    values: [10, 20, 10],
    status: 'Complete',
    alarmMetrics: ['req', 'err', 'rate'],
    tags: [
      ['team', 'web'],
      ['tier', '1'],
    ],
    error: ['ValidationError', 'The value Bad for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.'],
  });
}, 60_000);

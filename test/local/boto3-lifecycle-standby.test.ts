/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) against
 * botoscale local — a launch lifecycle hook holding new instances in Pending:Wait until
 * CompleteLifecycleAction, standby and back (held again by the hook on the way back, as
 * the User Guide's lifecycle diagram has it), a classic load balancer attached and
 * detached, and a group created with its hooks (LifecycleHookSpecificationList) holding its
 * first instance. Fails, never skips, when boto3 is missing.
 */
import { join } from 'node:path';
import type { LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';
import { startTest } from './helpers';

let local: LocalEndpoint;

beforeEach(async () => {
  // The clock is driven by the script through the control API.
  local = await startTest();
});

afterEach(async () => {
  await local.close();
});

test('boto3: lifecycle hook, standby and back, load balancer attached and detached', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(join(__dirname, 'fixtures', 'boto3_lifecycle_standby.py'), {
    BOTOSCALE_ENDPOINT: local.endpoint,
  }, 120_000);
  expect(JSON.parse(stdout)).toEqual({
    hooks: [['bootstrap', 600, 60000, 'ABANDON']],
    waiting: ['Pending:Wait', 'Pending:Wait'],
    proceeding: ['Pending:Proceed', 'Pending:Proceed'],
    in_service: ['InService', 'InService'],
    again: ['ValidationError', true],
    attached: ['boto3-lb'],
    registered: true,
    standby_activity: true,
    standby: ['InService', 'Standby'],
    standby_desired: 1,
    standby_registered: true,
    exit_activity: true,
    back_waiting: ['InService', 'Pending:Wait'],
    back: ['InService', 'InService'],
    back_registered: true,
    detached: [],
    deregistered: [],
    kept: true,
    created_hooks: [['warm', 300, 'ABANDON']],
    created_waiting: ['Pending:Wait'],
  });
}, 150_000);

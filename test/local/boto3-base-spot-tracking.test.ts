/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) runs the
 * mixed-instances and target-tracking flow against botoscale local with an on-demand base
 * of 2 and only spot above it, over three instance types: demand rises and the group scales
 * out on spot while the base stays on-demand; demand falls and it scales back in to the
 * base; deleting the policy deletes the two alarms AWS created for it. Without boto3 the
 * test fails, saying what to install.
 */
import { join } from 'node:path';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';

const SCRIPT = join(__dirname, 'fixtures', 'boto3_base_spot_tracking.py');

let local: LocalEndpoint;

beforeEach(async () => {
  // The clock is driven by the script through the control API.
  local = await startLocal({ port: 0, realTime: false, clock: { start: Date.UTC(2026, 0, 1) } });
});

afterEach(async () => {
  await local.close();
});

test('boto3: on-demand base 2 + spot over 3 types, CPU target 50: out to 4 on spot, back in to the base, alarms gone with the policy', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(SCRIPT, { BOTOSCALE_ENDPOINT: local.endpoint }, 120_000);
  expect(JSON.parse(stdout)).toEqual({
    policy_alarms: 2,
    start: { desired: 2, on_demand: 2, spot: 0, types_ok: true },
    // ceil(2 × 85 / 50) = 4: the base stays 2 on-demand, the 2 above it are spot (0% on-demand above base).
    peak: { desired: 4, on_demand: 2, spot: 2, types_ok: true },
    low: { desired: 2, on_demand: 2, spot: 0, types_ok: true },
    alarms_before_delete: 2,
    alarms_after_delete: 0,
  });
}, 150_000);

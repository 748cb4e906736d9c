/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) runs the
 * mixed-instances and target-tracking flow against botoscale local — a group with an
 * on-demand base and spot above it, a CPU target of 50, demand 170 — and sees the group
 * settle at 4 with the split the policy asks for. Without boto3 the test fails, saying
 * what to install.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocal, type LocalEndpoint } from '../../src/local';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'fixtures', 'boto3_spot_target_tracking.py');

let local: LocalEndpoint;

beforeEach(async () => {
  // The clock is driven by the script through the control API.
  local = await startLocal({ port: 0, realTime: false, clock: { start: Date.UTC(2026, 0, 1) } });
});

afterEach(async () => {
  await local.close();
});

test('boto3 builds a spot group with a target tracking policy; demand 170 at a 50% target settles at 4 with the on-demand share rounded up', async () => {
  const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
  const probe = await run(PYTHON, ['-c', 'import boto3'], { env }).then(
    () => undefined,
    (err: Error) => err.message,
  );
  if (probe !== undefined) throw new Error(`boto3 is not importable by ${PYTHON}: install Debian's python3-boto3 (apt-get install python3-boto3). ${probe}`);
  const { stdout } = await run(PYTHON, [SCRIPT, local.endpoint], { env, timeout: 120_000 });
  expect(JSON.parse(stdout)).toEqual({
    distribution: { OnDemandAllocationStrategy: 'prioritized', OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50, SpotAllocationStrategy: 'capacity-optimized' },
    capacity_rebalance: true,
    desired: 4,
    in_service: 4,
    // base 1, then ceil(50% of 3) = 2 more on-demand: 3 on-demand, 1 spot
    lifecycles: ['on-demand', 'on-demand', 'on-demand', 'spot'],
    alarms: ['AlarmHigh', 'AlarmLow'],
    described_alarms: 2,
    target: 50,
  });
}, 150_000);

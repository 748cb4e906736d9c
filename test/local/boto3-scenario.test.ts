/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) runs one
 * scenario against botoscale local, as issue 14 asks: a VPC, two subnets, a security
 * group, a launch template, a group with VPCZoneIdentifier over the two subnets, a launch
 * lifecycle hook holding new instances in Pending:Wait until CompleteLifecycleAction, a
 * classic load balancer in those subnets attached (instances registered), an instance to
 * Standby and back, GetMetricData with metric math over the group's CPU, and the load
 * balancer detached (instances deregistered). The script drives the clock through the
 * control API. Fails, never skips, when boto3 is missing.
 */
import { join } from 'node:path';
import type { LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';
import { startTest, T0 } from './helpers';

let local: LocalEndpoint;

beforeEach(async () => {
  local = await startTest();
});

afterEach(async () => {
  await local.close();
});

test('boto3: VPC, hooked launches, load balancer, standby and back, GetMetricData over the group CPU', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(join(__dirname, 'fixtures', 'boto3_scenario.py'), {
    BOTOSCALE_ENDPOINT: local.endpoint,
    BOTOSCALE_T0: String(T0),
  }, 120_000);
  const { ids, ...seen } = JSON.parse(stdout) as { ids: string[] } & Record<string, unknown>;
  expect(ids).toHaveLength(2);
  for (const id of ids) expect(id).toMatch(/^i-[0-9a-f]{17}$/);
  const [first, second] = ids as [string, string];
  expect(first).not.toBe(second);
  expect(seen).toEqual({
    subnets: [
      [true, '10.30.1.0/24', 'us-east-1a'],
      [true, '10.30.2.0/24', 'us-east-1b'],
    ],
    security_group: [true, [['tcp', 80, 80]]],
    group_subnets: true,
    hooks: [['bootstrap', 'autoscaling:EC2_INSTANCE_LAUNCHING', 300, 'ABANDON']],
    // Held in Pending:Wait at launch and still after two minutes (HeartbeatTimeout 300 s),
    // already placed in the group's subnets (one per zone) with addresses from their ranges.
    waiting: ['Pending:Wait', 'Pending:Wait'],
    still_waiting: ['Pending:Wait', 'Pending:Wait'],
    zones: ['us-east-1a', 'us-east-1b'],
    placed: [
      [true, true, true, true],
      [true, true, true, true],
    ],
    proceeding: ['Pending:Proceed', 'Pending:Proceed'],
    in_service: ['InService', 'InService'],
    // CompleteLifecycleAction, AWS's answer when no action is pending for the instance.
    again: ['ValidationError', `No active Lifecycle Action found with instance ID ${first}`],
    lb_network: [true, true, ['us-east-1a', 'us-east-1b'], true],
    attached: [['boto3-scenario-lb', 'Added']],
    registered: true,
    // EnterStandby with ShouldDecrementDesiredCapacity: out of the load balancer, desired 1;
    // ExitStandby raises desired again and the instance goes back through Pending, where
    // the launch hook holds it (User Guide, "Amazon EC2 Auto Scaling lifecycle hooks").
    standby_activity: true,
    standby: ['InService', 'Standby'],
    standby_desired: 1,
    standby_registered: true,
    exit_activity: true,
    exit_desired: 2,
    back_waiting: ['InService', 'Pending:Wait'],
    back: ['InService', 'InService'],
    back_registered: true,
    // Demand 90 set at 4m30s shared by two InService instances: 45 % each from minute 5
    // on; ReturnData false hides i0 and i1; SUM(METRICS("i")) adds them back up to 90.
    metric_data: [
      ['m1', 'CPUUtilization', 'Complete', [5, 6, 7], [45, 45, 45]],
      ['doubled', 'Twice the group CPU', 'Complete', [5, 6, 7], [90, 90, 90]],
      ['total', 'Group CPU demand', 'Complete', [5, 6, 7], [90, 90, 90]],
    ],
    detached: [],
    deregistered: [],
    kept: true,
    final: ['InService', 'InService'],
  });
}, 150_000);

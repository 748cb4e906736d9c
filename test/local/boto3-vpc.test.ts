/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) builds a
 * VPC scenario against botoscale local — a VPC, two subnets, a security group with an
 * ingress rule, a launch template, a group with VPCZoneIdentifier — sees the instances
 * land in those subnets with addresses from their ranges, stops one and sees it replaced
 * (EC2 Auto Scaling User Guide, "Health checks for instances": a stopped instance is
 * unhealthy). Without boto3 the test fails, saying what to install.
 */
import { join } from 'node:path';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';

const SCRIPT = join(__dirname, 'fixtures', 'boto3_vpc.py');

let local: LocalEndpoint;

beforeEach(async () => {
  // The clock is driven by the script through the control API.
  local = await startLocal({ port: 0, realTime: false, clock: { start: Date.UTC(2026, 0, 1) } });
});

afterEach(async () => {
  await local.close();
});

test('boto3: a group in two VPC subnets gets addresses from their ranges; a stopped instance is replaced', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(SCRIPT, { BOTOSCALE_ENDPOINT: local.endpoint }, 120_000);
  expect(JSON.parse(stdout)).toEqual({
    ingress: [['tcp', 80, 80, ['0.0.0.0/0']]],
    zones: ['us-east-1a', 'us-east-1b'],
    placed: [[true, true, true, true], [true, true, true, true]],
    stopped_replaced: true,
    stopped_now: 'terminated',
    replacements_in_subnets: true,
  });
}, 150_000);

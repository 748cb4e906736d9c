/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) calls the
 * actions botoscale local gained that no other boto3 scenario calls, so each is tried by a
 * client no one here wrote: deleting a VPC in use (DependencyViolation, EC2 API Reference,
 * DeleteVpc) and then in order, egress rules (a new VPC group allows all outbound, User
 * Guide "Security group rules"), an instance type changed only while stopped
 * (ModifyInstanceAttribute: IncorrectInstanceState), the root volume, template versions
 * with the default version refused by DeleteLaunchTemplateVersions, hook types and
 * deletion, notification configurations, scheduled actions in batches with a per-action
 * failure, and an alarm tag removed. Without boto3 the test fails, saying what to install.
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

test('boto3: the EC2, Auto Scaling and CloudWatch actions the other scenarios leave out', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(join(__dirname, 'fixtures', 'boto3_more_actions.py'), { BOTOSCALE_ENDPOINT: local.endpoint }, 120_000);
  expect(JSON.parse(stdout)).toEqual({
    vpcCidr: '10.40.0.0/16',
    defaultVpcs: 1,
    egress: [['-1', null, null, ['0.0.0.0/0']], ['tcp', 443, 443, ['10.0.0.0/8']]],
    deleteVpcInUse: 'DependencyViolation',
    modifyRunning: 'IncorrectInstanceState',
    stopped: 'stopped',
    instanceType: 't3.small',
    started: 'running',
    volumes: [[true, 'attached']],
    vpcGone: 'InvalidVpcID.NotFound',
    versions: [[1, false, 't3.micro'], [2, true, 't3.small']],
    versionsDeleted: [1],
    versionsRefused: [[2, 'unexpectedError']],
    hookTypes: ['autoscaling:EC2_INSTANCE_LAUNCHING', 'autoscaling:EC2_INSTANCE_TERMINATING'],
    hooksLeft: 0,
    notifications: [[true, 'autoscaling:EC2_INSTANCE_LAUNCH']],
    batchPutFailed: [],
    scheduled: ['evening', 'morning'],
    batchDeleteFailed: [['nosuch', 'ValidationError']],
    scheduledLeft: ['evening'],
    alarmTags: [{ Key: 'team', Value: 'web' }],
  });
}, 120_000);

/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) revokes
 * security group rules by their properties and by rule id, and creates, describes and
 * deletes tags on a VPC, a subnet and a security group (EC2 API Reference:
 * RevokeSecurityGroupIngress, CreateTags, DescribeTags, DeleteTags). Without boto3 the test
 * fails, saying what to install.
 */
import { join } from 'node:path';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';

const SCRIPT = join(__dirname, 'fixtures', 'boto3_ec2_rules_tags.py');

let local: LocalEndpoint;

beforeEach(async () => {
  local = await startLocal({ port: 0, realTime: false, clock: { start: Date.UTC(2026, 0, 1) } });
});

afterEach(async () => {
  await local.close();
});

test('boto3: rules revoked by properties and by id, InvalidPermission.NotFound outside a default VPC; tags on network resources', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(SCRIPT, { BOTOSCALE_ENDPOINT: local.endpoint }, 60_000);
  expect(JSON.parse(stdout)).toEqual({
    revoke_return: true,
    not_found: 'InvalidPermission.NotFound',
    ingress_left: [],
    tags: [
      ['security-group', 'env', 'prod'],
      ['security-group', 'team', 'web'],
      ['subnet', 'env', 'prod'],
      ['vpc', 'env', 'prod'],
      ['vpc', 'team', 'web'],
    ],
    tagged_subnets: [true],
  });
}, 90_000);

/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) signs for
 * three regions against one botoscale local server and sees one cloud per region, with
 * China's ARNs and DNS names, and AWS's refusal of a region botoscale local does not serve.
 * Without boto3 the test fails, saying what to install.
 */
import { join } from 'node:path';
import type { LocalEndpoint } from '../../src/local';
import { requirePythonModule, runPython } from '../helpers/python';
import { startTest } from './helpers';

let local: LocalEndpoint;

beforeEach(async () => {
  local = await startTest();
});

afterEach(async () => {
  await local.close();
});

test('boto3: three region clients against one server, one cloud each', async () => {
  await requirePythonModule('boto3');
  const { stdout } = await runPython(join(__dirname, 'fixtures', 'boto3_regions.py'), { BOTOSCALE_ENDPOINT: local.endpoint }, 120_000);
  const arn = (partition: string, region: string): string => `arn:${partition}:autoscaling:${region}:123456789012:autoScalingGroup:UUID:autoScalingGroupName/web`;
  expect(JSON.parse(stdout)).toEqual({
    seen: {
      'us-east-1': { groups: [['web', arn('aws', 'us-east-1'), ['us-east-1b'], ['InService']]], loadBalancers: [['web', 'web-N.us-east-1.elb.amazonaws.com']] },
      'eu-west-1': { groups: [['web', arn('aws', 'eu-west-1'), ['eu-west-1b'], ['InService']]], loadBalancers: [['web', 'web-N.eu-west-1.elb.amazonaws.com']] },
      'cn-north-1': { groups: [['web', arn('aws-cn', 'cn-north-1'), ['cn-north-1b'], ['InService']]], loadBalancers: [['web', 'web-N.cn-north-1.elb.amazonaws.com.cn']] },
    },
    refused: ['SignatureDoesNotMatch', "Credential should be scoped to a valid region, not 'mars-north-1'. ", 403],
  });
  expect(local.regions()).toEqual(['cn-north-1', 'eu-west-1', 'us-east-1']);
});

/**
 * Small differences from AWS, mended, each at the wire through the real SDK clients
 * against botoscale local, each against the AWS API Reference named in its test.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;

beforeEach(async () => {
  local = await startTest();
  as = new AutoScaling(clientConfig(local.endpoint));
});

afterEach(async () => {
  as.destroy();
  await local.close();
});

describe('UpdateAutoScalingGroup (Auto Scaling API Reference, UpdateAutoScalingGroup: Errors)', () => {
  test('an unknown group is ValidationError "AutoScalingGroup name not found - null", as AWS words it', async () => {
    const err = await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'nope', MinSize: 1 }));
    expect([err.name, err.status, err.message]).toEqual(['ValidationError', 400, 'AutoScalingGroup name not found - null']);
  });
});

/**
 * Issue 13, failure 2: a 100,000-instance group blocked the server for 38 s. EC2 now has
 * AWS's On-Demand vCPU quota: RunInstances past it is VcpuLimitExceeded, and a group's
 * launches past it fail as AWS's activities do (a bounded number of them, backed off),
 * the group staying under capacity while the server answers everything else.
 */
import { AutoScaling, type Activity } from '@aws-sdk/client-auto-scaling';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { DEFAULT_VCPU_LIMIT, vcpusOf, quotaBucketOf } from '../../src/local/ec2/vcpus';
import { clientConfig, failure, raw, startTest } from './helpers';

const limitMessage = (limit: number): string =>
  `You have requested more vCPU capacity than your current vCPU limit of ${limit} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`;

async function allActivities(as: AutoScaling, group: string): Promise<Activity[]> {
  const out: Activity[] = [];
  let token: string | undefined;
  do {
    const page = await as.describeScalingActivities({ AutoScalingGroupName: group, MaxRecords: 100, ...(token === undefined ? {} : { NextToken: token }) });
    out.push(...(page.Activities ?? []));
    token = page.NextToken;
  } while (token !== undefined);
  return out;
}

describe('vCPUs per instance type', () => {
  test('come from the table, or from the size for types not in it', () => {
    expect([vcpusOf('m1.small'), vcpusOf('t2.micro'), vcpusOf('t3.micro'), vcpusOf('c1.medium'), vcpusOf('m5.large'), vcpusOf('c5.xlarge'), vcpusOf('m6i.8xlarge')]).toEqual([1, 1, 2, 2, 2, 4, 32]);
    expect(vcpusOf('huge')).toBe(1);
  });

  test('standard families share one quota bucket; others have their own', () => {
    expect(['t3.micro', 'm5.large', 'c5.xlarge', 'r5.large', 'z1d.large', 'i3.large'].map(quotaBucketOf)).toEqual(Array(6).fill('Standard'));
    expect(['p3.2xlarge', 'g4dn.xlarge', 'inf1.xlarge', 'x1.16xlarge'].map(quotaBucketOf)).toEqual(['P', 'G and VT', 'Inf', 'X']);
  });
});

describe('RunInstances', () => {
  let local: LocalEndpoint;
  beforeAll(async () => {
    local = await startTest({ limits: { vcpus: 8 } });
  });
  afterAll(() => local.close());

  test('past the quota fails with VcpuLimitExceeded and launches nothing; within it, MaxCount is trimmed to what fits', async () => {
    const ec2 = new EC2(clientConfig(local.endpoint));
    const err = await failure(ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 'm5.xlarge', MinCount: 3, MaxCount: 3 }));
    expect(err).toMatchObject({ name: 'VcpuLimitExceeded', message: limitMessage(8), status: 400 });
    const some = await ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 'm5.xlarge', MinCount: 1, MaxCount: 5 });
    expect(some.Instances).toHaveLength(2);
    const more = await failure(ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
    expect(more.name).toBe('VcpuLimitExceeded');
    // Another bucket has its own quota.
    const gpu = await ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 'p3.2xlarge', MinCount: 1, MaxCount: 1 });
    expect(gpu.Instances).toHaveLength(1);
    // Terminated instances give their vCPUs back.
    await ec2.terminateInstances({ InstanceIds: (some.Instances ?? []).map((i) => i.InstanceId as string) });
    local.clock.advance('1m');
    const again = await ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 4, MaxCount: 4 });
    expect(again.Instances).toHaveLength(4);
  });
});

describe('a 100,000-instance group', () => {
  let local: LocalEndpoint;
  beforeAll(async () => {
    local = await startTest();
  });
  afterAll(() => local.close());

  test('launches up to the default quota, then fails its launches as AWS does, a bounded number of times, the server answering throughout', async () => {
    const as = new AutoScaling(clientConfig(local.endpoint));
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'big', ImageId: 'ami-12345678', InstanceType: 'm1.small' });
    const creating = as.createAutoScalingGroup({ AutoScalingGroupName: 'big', LaunchConfigurationName: 'big', MinSize: 0, MaxSize: 100_000, DesiredCapacity: 100_000, AvailabilityZones: ['us-east-1a', 'us-east-1b'] });
    const health = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
    expect(health.status).toBe(200);
    await creating;
    for (let i = 0; i < 6; i++) {
      await raw(local.endpoint, { path: '/_botoscale/clock/advance', body: '{"by":"10m"}' });
      expect((await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' })).status).toBe(200);
    }
    const [group] = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['big'] })).AutoScalingGroups ?? [];
    expect(group?.DesiredCapacity).toBe(100_000);
    expect(group?.Instances).toHaveLength(DEFAULT_VCPU_LIMIT);
    const failed = (await allActivities(as, 'big')).filter((a) => a.StatusCode === 'Failed');
    // The first failure, then retries backed off from 10 s to 5 minutes: an hour holds at most a few dozen.
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(30);
    const statusMessage = `${limitMessage(DEFAULT_VCPU_LIMIT)} Launching EC2 instance failed.`;
    for (const a of failed) {
      expect(a.StatusMessage).toBe(statusMessage);
      expect(a.Description).toBe(`Launching a new EC2 instance.  Status Reason: ${statusMessage}`);
    }
  });
});

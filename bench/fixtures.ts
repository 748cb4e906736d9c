/**
 * The state the benchmarks measure against, created through botoscale local's API
 * with the raw SDK v3 clients (the same requests any client would send), a bounded
 * number of requests in flight at a time.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';

/** Keys botoscale local accepts (it checks none unless started with `--auth`). */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'bench-secret' };
/** The region botoscale local simulates by default. */
export const BENCH_REGION = 'us-east-1';
/** Zones the benchmark groups span. */
export const BENCH_ZONES = ['us-east-1a', 'us-east-1b'];

/** SDK client settings for botoscale local. */
export function clientConfig(endpoint: string): { endpoint: string; region: string; credentials: typeof BENCH_CREDENTIALS; maxAttempts: number } {
  return { endpoint, region: BENCH_REGION, credentials: BENCH_CREDENTIALS, maxAttempts: 1 };
}

/** Runs `task(i)` for i in [from, to) with at most `concurrency` running at once. */
export async function pool(from: number, to: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(0, to - from)) }, worker));
}

/** The name of the i-th benchmark group. */
export function groupName(i: number): string {
  return `bench-group-${String(i).padStart(5, '0')}`;
}

/** The benchmark VPC's subnets, one /17 per zone of {@link BENCH_ZONES}. */
const BENCH_SUBNETS = ['10.0.0.0/17', '10.0.128.0/17'];

/**
 * The benchmark groups' subnets, made on first use: a default VPC subnet is a /20 (4,091
 * addresses, as in AWS), too few for 10,000 groups of 4 instances in two zones, so the
 * groups live in a 10.0.0.0/16 VPC split into two /17s (32,763 addresses each).
 */
async function benchSubnets(endpoint: string): Promise<string[]> {
  const ec2 = new EC2Client(clientConfig(endpoint));
  try {
    const found = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'cidr-block', Values: BENCH_SUBNETS }] }))).Subnets ?? [];
    if (found.length === BENCH_SUBNETS.length) return found.map((s) => s.SubnetId as string);
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId as string;
    const ids: string[] = [];
    for (const [i, cidr] of BENCH_SUBNETS.entries()) {
      ids.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: BENCH_ZONES[i] }))).Subnet?.SubnetId as string);
    }
    return ids;
  } finally {
    ec2.destroy();
  }
}

/**
 * Creates groups `from`..`to-1` (and their launch configuration on the first call),
 * each with `instances` instances (min = max = desired), in the benchmark subnets.
 */
export async function createGroups(endpoint: string, from: number, to: number, instances: number): Promise<void> {
  const client = new AutoScalingClient(clientConfig(endpoint));
  try {
    if (from === 0) {
      await client.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'bench-config', ImageId: 'ami-12345678', InstanceType: 't3.micro' }));
    }
    const subnets = (await benchSubnets(endpoint)).join(',');
    await pool(from, to, 16, (i) => client.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: groupName(i),
      LaunchConfigurationName: 'bench-config',
      MinSize: instances,
      MaxSize: instances,
      DesiredCapacity: instances,
      VPCZoneIdentifier: subnets,
    })));
  } finally {
    client.destroy();
  }
}

/** Creates `count` load balancers with one HTTP listener each. */
export async function createLoadBalancers(endpoint: string, count: number): Promise<void> {
  const client = new ElasticLoadBalancingClient(clientConfig(endpoint));
  try {
    await pool(0, count, 8, (i) => client.send(new CreateLoadBalancerCommand({
      LoadBalancerName: `bench-lb-${i}`,
      AvailabilityZones: BENCH_ZONES,
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8080 }],
    })));
  } finally {
    client.destroy();
  }
}

/** Creates `count` CPU alarms on the benchmark groups. */
export async function createAlarms(endpoint: string, count: number): Promise<void> {
  const client = new CloudWatchClient(clientConfig(endpoint));
  try {
    await pool(0, count, 8, (i) => client.send(new PutMetricAlarmCommand({
      AlarmName: `bench-alarm-${i}`,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Statistic: 'Average',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 70,
      Period: 60,
      EvaluationPeriods: 2,
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: groupName(i) }],
    })));
  } finally {
    client.destroy();
  }
}

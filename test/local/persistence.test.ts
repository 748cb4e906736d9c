/**
 * --state: every acknowledged change is on disk before the answer, written atomically,
 * reloaded at start; a file that does not parse stops the start naming the file; and a
 * server killed with SIGKILL in the middle of a stream of writes loses none it
 * acknowledged.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { readStateFile, writeFileAtomic } from '../../src/local';
import { clientConfig, query, startTest, T0 } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-state-'));
  file = join(dir, 'state.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function stateText(): string {
  return readFileSync(file, 'utf8');
}

describe('the state file', () => {
  test('every service, the clock and the loads survive a restart', async () => {
    const first = await startTest({ state: file });
    const cfg = clientConfig(first.endpoint);
    const ec2 = new EC2(cfg);
    const elb = new ElasticLoadBalancing(cfg);
    const as = new AutoScaling(cfg);
    const cw = new CloudWatch(cfg);
    const run = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 });
    const id = run.Instances?.[0]?.InstanceId as string;
    await elb.createLoadBalancer({ LoadBalancerName: 'my-lb', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: ['us-east-1a'] });
    await elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: id }] });
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 2, AvailabilityZones: ['us-east-1a'] });
    await cw.putMetricAlarm({ AlarmName: 'hot', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' });
    first.setLoad('g', 55);
    first.clock.advance('90s');
    const groupBefore = (await as.describeAutoScalingGroups({})).AutoScalingGroups?.[0];
    const healthBefore = (await elb.describeInstanceHealth({ LoadBalancerName: 'my-lb' })).InstanceStates;
    const dns = (await elb.describeLoadBalancers({})).LoadBalancerDescriptions?.[0]?.DNSName;
    await first.close();
    expect(readdirSync(dir)).toEqual(['state.json']);

    const second = await startTest({ state: file, clock: { start: T0 + 999_999_999 } });
    try {
      expect(second.clock.now()).toBe(T0 + 90_000);
      expect(second.cloud.loadOf('g')).toBe(55);
      const cfg2 = clientConfig(second.endpoint);
      const inst = await new EC2(cfg2).describeInstances({ InstanceIds: [id] });
      expect(inst.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('running');
      const elb2 = new ElasticLoadBalancing(cfg2);
      expect((await elb2.describeLoadBalancers({})).LoadBalancerDescriptions?.[0]?.DNSName).toBe(dns);
      expect((await elb2.describeInstanceHealth({ LoadBalancerName: 'my-lb' })).InstanceStates).toEqual(healthBefore);
      expect((await new AutoScaling(cfg2).describeAutoScalingGroups({})).AutoScalingGroups?.[0]).toEqual(groupBefore);
      expect((await new CloudWatch(cfg2).describeAlarms({})).MetricAlarms?.map((a) => a.AlarmName)).toEqual(['hot']);
    } finally {
      await second.close();
    }
  });

  test('a change is on disk before its answer; reads do not write', async () => {
    const local = await startTest({ state: file });
    try {
      const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
      await elb.createLoadBalancer({ LoadBalancerName: 'written-first', Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 25, InstancePort: 25 }], AvailabilityZones: ['us-east-1b'] });
      const doc = readStateFile(file);
      expect(doc?.format).toBe('botoscale-local-state');
      expect(doc?.version).toBe(1);
      expect(doc?.region).toBe('us-east-1');
      expect(JSON.stringify(doc?.cloud.elb)).toContain('"name":"written-first"');
      const before = stateText();
      await elb.describeLoadBalancers({});
      expect(stateText()).toBe(before);
      await query(local.endpoint, { Action: 'DeleteLoadBalancer', Version: '2012-06-01', LoadBalancerName: 'written-first' });
      expect(stateText()).not.toContain('written-first');
    } finally {
      await local.close();
    }
  });

  test('clock steps that change the state are written in batches', async () => {
    const local = await startTest({ state: file });
    try {
      const run = await new EC2(clientConfig(local.endpoint)).runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 });
      expect(stateText()).toContain('"state":"pending"');
      local.clock.advance('30s');
      const deadline = Date.now() + 3000;
      while (!stateText().includes('"state":"running"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stateText()).toContain('"state":"running"');
      expect(readStateFile(file)?.cloud.clock.now).toBe(T0 + 30_000);
      expect(stateText()).toContain(run.Instances?.[0]?.InstanceId as string);
    } finally {
      await local.close();
    }
  });

  test('a file that cannot be used stops the start, naming the file', async () => {
    writeFileSync(file, '{"format":"botoscale-local-state","version":1,');
    await expect(startTest({ state: file })).rejects.toThrow(new RegExp(`^botoscale local: state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(`));
    writeFileSync(file, '{"hello":"world"}');
    await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: ${file} is not a botoscale local state file of version 1`);
    const local = await startTest({ state: file.replace('state.json', 'fresh.json') });
    await local.close();
    const fresh = readFileSync(file.replace('state.json', 'fresh.json'), 'utf8');
    writeFileSync(file, fresh);
    await expect(startTest({ state: file, region: 'eu-west-1' })).rejects.toThrow(`botoscale local: state file ${file} holds region us-east-1, not eu-west-1; start with --region us-east-1 or use another file`);
    const doc = JSON.parse(fresh) as { cloud: { ec2: unknown } };
    doc.cloud.ec2 = { version: 99 };
    writeFileSync(file, JSON.stringify(doc));
    await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: cannot restore state file ${file}: not an EC2 snapshot of this version`);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(doc));
  });

  test('writeFileAtomic replaces the file in one step and leaves no temporary file', () => {
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });
});

describe('killed mid-stream', () => {
  function serve(): Promise<{ child: ChildProcessWithoutNullStreams; endpoint: string }> {
    const child = spawn(process.execPath, ['-r', join(__dirname, 'fixtures/ts-register.js'), join(__dirname, 'fixtures/serve.ts'), file], { stdio: 'pipe' });
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line !== undefined) resolve({ child, endpoint: (JSON.parse(line) as { endpoint: string }).endpoint });
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
    });
  }

  test('SIGKILL during concurrent writes loses no acknowledged change', async () => {
    const { child, endpoint } = await serve();
    const exited = new Promise((r) => child.once('exit', r));
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (stream: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await query(endpoint, { Action: 'RunInstances', Version: '2016-11-15', ImageId: 'ami-12345678', MinCount: '1', MaxCount: '1', 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'n', 'TagSpecification.1.Tag.1.Value': `${stream}-${i}` });
          if (res.status !== 200) throw new Error(`write failed: ${res.status} ${res.text}`);
          const id = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(res.text)?.[1];
          if (id === undefined) throw new Error(`no instance id in ${res.text}`);
          acknowledged.push(id);
        } catch (err) {
          if (killed) return;
          throw err;
        }
        if (acknowledged.length >= 30 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(1), writer(2), writer(3)]);
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(dir).filter((f) => f !== 'state.json').every((f) => f.endsWith('.tmp'))).toBe(true);

    const reloaded = await startTest({ state: file });
    expect(readdirSync(dir)).toEqual(['state.json']);
    try {
      const ids = new Set<string>();
      let token: string | undefined;
      const ec2 = new EC2(clientConfig(reloaded.endpoint));
      do {
        const page = await ec2.describeInstances({ MaxResults: 1000, NextToken: token });
        for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) ids.add(i.InstanceId as string);
        token = page.NextToken;
      } while (token !== undefined);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      expect(ids.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(ids.size).toBeLessThanOrEqual(acknowledged.length + 3);
    } finally {
      await reloaded.close();
    }
  }, 30_000);
});

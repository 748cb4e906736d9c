/**
 * --state: every acknowledged change is on disk (in the journal) before the answer, the
 * snapshot is written atomically, both are reloaded at start; a file that does not parse
 * or fit the schema stops the start naming the file; and a server killed with SIGKILL in
 * the middle of a stream of writes, round after round, loses none it acknowledged.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { readStateFile, writeFileAtomic } from '../../src/local';
import { clientConfig, query, raw, serveInChild, startTest, T0 } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-state-'));
  file = join(dir, 'state.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function journalText(): string {
  return readFileSync(`${file}.journal`, 'utf8');
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

  test('launch templates, and groups and instances on them, survive a restart; a template of the wrong shape is refused', async () => {
    const first = await startTest({ state: file });
    const ec2 = new EC2(clientConfig(first.endpoint));
    const as = new AutoScaling(clientConfig(first.endpoint));
    await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro', MetadataOptions: { HttpTokens: 'required' } } });
    await ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'web', SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.small' } });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Latest' }, MinSize: 1, MaxSize: 2, AvailabilityZones: ['us-east-1a'] });
    first.clock.advance('60s');
    const versionsBefore = (await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web' })).LaunchTemplateVersions;
    const groupBefore = (await as.describeAutoScalingGroups({})).AutoScalingGroups?.[0];
    const instanceId = groupBefore?.Instances?.[0]?.InstanceId as string;
    const metadataBefore = (await ec2.describeInstances({ InstanceIds: [instanceId] })).Reservations?.[0]?.Instances?.[0]?.MetadataOptions;
    await first.close();

    const second = await startTest({ state: file });
    try {
      const ec2b = new EC2(clientConfig(second.endpoint));
      expect((await ec2b.describeLaunchTemplateVersions({ LaunchTemplateName: 'web' })).LaunchTemplateVersions).toEqual(versionsBefore);
      expect((await new AutoScaling(clientConfig(second.endpoint)).describeAutoScalingGroups({})).AutoScalingGroups?.[0]).toEqual(groupBefore);
      expect(groupBefore?.Instances?.[0]?.LaunchTemplate?.Version).toBe('2');
      expect((await ec2b.describeInstances({ InstanceIds: [instanceId] })).Reservations?.[0]?.Instances?.[0]?.MetadataOptions).toEqual(metadataBefore);
    } finally {
      await second.close();
    }
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { cloud: { ec2: { launchTemplates: { templates: Array<Record<string, unknown>> } } } };
    (doc.cloud.ec2.launchTemplates.templates[0] as Record<string, unknown>).defaultVersion = '1';
    writeFileSync(file, JSON.stringify(doc));
    await expect(startTest({ state: file })).rejects.toThrow(
      `botoscale local: state file ${file} is not valid at cloud.ec2.launchTemplates.templates[0].defaultVersion: Invalid input: expected number, received string; move it away or fix it`,
    );
  });

  test('spot groups replay from the journal: mixed instances, demand, a pool out of capacity, an interruption, and a refused input', async () => {
    const local = await startTest({ state: file });
    const copy = join(dir, 'copy.json');
    try {
      const cfg = clientConfig(local.endpoint);
      await new EC2(cfg).createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 'm5.large' } });
      await new AutoScaling(cfg).createAutoScalingGroup({
        AutoScalingGroupName: 'spot', MinSize: 2, MaxSize: 8, DesiredCapacity: 4, AvailabilityZones: ['us-east-1a', 'us-east-1b'], CapacityRebalance: true,
        MixedInstancesPolicy: {
          LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'web' }, Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }] },
          InstancesDistribution: { OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 0 },
        },
      });
      local.clock.advance('2m');
      expect((await raw(local.endpoint, { path: '/_botoscale/load', body: JSON.stringify({ group: 'spot', demand: 150 }) })).status).toBe(200);
      expect((await raw(local.endpoint, { path: '/_botoscale/spot/capacity', body: JSON.stringify({ zone: 'us-east-1a', instanceType: 'm5.large', available: 0 }) })).status).toBe(200);
      expect((await raw(local.endpoint, { path: '/_botoscale/spot/interrupt', body: JSON.stringify({ group: 'spot', count: 1 }) })).status).toBe(200);
      expect((await raw(local.endpoint, { path: '/_botoscale/spot/interrupt', body: JSON.stringify({ group: 'spot', count: 99 }) })).status).toBe(400);
      local.clock.advance('5m');
      await new AutoScaling(cfg).describeAutoScalingGroups({});
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
      expect(journalText()).toContain('"kind":"spot-interrupt"');
      const live = JSON.stringify(local.cloud.snapshot());
      const again = await startTest({ state: copy });
      try {
        expect(JSON.parse(JSON.stringify(again.cloud.snapshot()))).toEqual(JSON.parse(live));
        expect(again.cloud.demandOf('spot')).toBe(150);
      } finally {
        await again.close();
      }
    } finally {
      await local.close();
    }
  });

  test('a change is in the journal before its answer; reads write nothing', async () => {
    const local = await startTest({ state: file });
    try {
      const doc = readStateFile(file);
      expect([doc?.format, doc?.version, doc?.region, doc?.seq]).toEqual(['botoscale-local-state', 3, 'us-east-1', 0]);
      const elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
      await elb.createLoadBalancer({ LoadBalancerName: 'written-first', Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 25, InstancePort: 25 }], AvailabilityZones: ['us-east-1b'] });
      const first = JSON.parse(journalText().split('\n')[0] as string) as { seq: number; change: { kind: string; action: string; params: string[][] } };
      expect([first.seq, first.change.kind, first.change.action]).toEqual([1, 'call', 'CreateLoadBalancer']);
      expect(first.change.params).toContainEqual(['LoadBalancerName', 'written-first']);
      const before = journalText();
      await elb.describeLoadBalancers({});
      expect(journalText()).toBe(before);
      await query(local.endpoint, { Action: 'DeleteLoadBalancer', Version: '2012-06-01', LoadBalancerName: 'written-first' });
      expect(journalText().split('\n').filter((l) => l !== '')).toHaveLength(2);
    } finally {
      await local.close();
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(readStateFile(file)?.seq).toBe(2);
  });

  test('a copy of the files taken while it runs (what SIGKILL leaves) replays to the same cloud: requests, clock steps and their ids, loads, health', async () => {
    const local = await startTest({ state: file });
    const copy = join(dir, 'copy.json');
    try {
      const cfg = clientConfig(local.endpoint);
      const as = new AutoScaling(cfg);
      const elb = new ElasticLoadBalancing(cfg);
      await elb.createLoadBalancer({ LoadBalancerName: 'web', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: ['us-east-1a', 'us-east-1b'] });
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 2, MaxSize: 6, AvailabilityZones: ['us-east-1a', 'us-east-1b'], LoadBalancerNames: ['web'] });
      const policy = await as.putScalingPolicy({ AutoScalingGroupName: 'g', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 2 });
      await new CloudWatch(cfg).putMetricAlarm({ AlarmName: 'hot', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'g' }], AlarmActions: [policy.PolicyARN as string] });
      local.setLoad('g', 90);
      await raw(local.endpoint, { path: '/_botoscale/clock/advance', body: JSON.stringify({ by: '6m' }) });
      const victim = (await as.describeAutoScalingGroups({})).AutoScalingGroups?.[0]?.Instances?.[0]?.InstanceId as string;
      expect((await raw(local.endpoint, { path: '/_botoscale/instance/health', body: JSON.stringify({ instance: victim, healthy: false }) })).status).toBe(200);
      local.clock.advance('3m');
      await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 3 });
      local.clock.advance('95s');
      // Any answer waits for everything before it to be on disk.
      await elb.describeLoadBalancers({});
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
      const live = JSON.stringify(local.cloud.snapshot());
      expect(live).toContain(victim);
      const again = await startTest({ state: copy });
      try {
        expect(JSON.parse(JSON.stringify(again.cloud.snapshot()))).toEqual(JSON.parse(live));
      } finally {
        await again.close();
      }
    } finally {
      await local.close();
    }
  });

  test('compaction: a change made outside a request is written as a full snapshot, the journal starts again after it, and both reload', async () => {
    const local = await startTest({ state: file });
    const copy = join(dir, 'copy.json');
    try {
      const as = new AutoScaling(clientConfig(local.endpoint));
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'before', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      expect(readStateFile(file)?.seq).toBe(0);
      local.cloud.setLoad('outside', 40);
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'compacted', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      const snapshot = readStateFile(file);
      expect(snapshot?.seq).toBe(2);
      expect(snapshot?.cloud.loads).toEqual({ outside: 40 });
      expect(journalText()).toBe('');
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'after', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      expect((JSON.parse(journalText()) as { seq: number }).seq).toBe(3);
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
    } finally {
      await local.close();
    }
    const again = await startTest({ state: copy });
    try {
      expect(again.cloud.loadOf('outside')).toBe(40);
      const names = ((await new AutoScaling(clientConfig(again.endpoint)).describeLaunchConfigurations({})).LaunchConfigurations ?? []).map((c) => c.LaunchConfigurationName);
      expect(names.sort()).toEqual(['after', 'before', 'compacted']);
    } finally {
      await again.close();
    }
  });

  test('a file that cannot be used stops the start, naming the file', async () => {
    writeFileSync(file, '{"format":"botoscale-local-state","version":1,');
    await expect(startTest({ state: file })).rejects.toThrow(new RegExp(`^botoscale local: state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(`));
    writeFileSync(file, '{"hello":"world"}');
    await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: ${file} is not a botoscale local state file of version 1, 2 or 3`);
    const local = await startTest({ state: file.replace('state.json', 'fresh.json') });
    await local.close();
    const fresh = readFileSync(file.replace('state.json', 'fresh.json'), 'utf8');
    writeFileSync(file, fresh);
    await expect(startTest({ state: file, region: 'eu-west-1' })).rejects.toThrow(`botoscale local: state file ${file} holds default region us-east-1, not eu-west-1; start with --region us-east-1 or use another file`);
    const doc = JSON.parse(fresh) as { cloud: { ec2: unknown } };
    doc.cloud.ec2 = { version: 99 };
    writeFileSync(file, JSON.stringify(doc));
    await expect(startTest({ state: file })).rejects.toThrow(`botoscale local: state file ${file} is not valid at cloud.ec2.version: Invalid input: expected 1; move it away or fix it`);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(doc));
    expect(readdirSync(dir).sort()).toEqual(['fresh.json', 'state.json']);
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

/** A small seeded generator (mulberry32), so every round of the kill test is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('killed mid-stream', () => {
  interface Acknowledged {
    instances: string[];
    configs: string[];
    alarms: string[];
    clock: number;
  }

  /** Everything the cloud at `endpoint` shows, as the kill test checks it. */
  async function shown(endpoint: string): Promise<{ instances: Set<string>; configs: Set<string>; alarms: Set<string>; clock: number }> {
    const cfg = clientConfig(endpoint);
    const instances = new Set<string>();
    const ec2 = new EC2(cfg);
    let token: string | undefined;
    do {
      const page = await ec2.describeInstances({ MaxResults: 1000, NextToken: token });
      for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) instances.add(i.InstanceId as string);
      token = page.NextToken;
    } while (token !== undefined);
    const configs = new Set<string>();
    const as = new AutoScaling(cfg);
    token = undefined;
    do {
      const page: { LaunchConfigurations?: Array<{ LaunchConfigurationName?: string }>; NextToken?: string } = await as.describeLaunchConfigurations({ MaxRecords: 100, NextToken: token });
      for (const c of page.LaunchConfigurations ?? []) configs.add(c.LaunchConfigurationName as string);
      token = page.NextToken;
    } while (token !== undefined);
    const alarms = new Set<string>();
    const cw = new CloudWatch(cfg);
    token = undefined;
    do {
      const page: { MetricAlarms?: Array<{ AlarmName?: string }>; NextToken?: string } = await cw.describeAlarms({ MaxRecords: 100, NextToken: token });
      for (const a of page.MetricAlarms ?? []) alarms.add(a.AlarmName as string);
      token = page.NextToken;
    } while (token !== undefined);
    const clock = (JSON.parse((await raw(endpoint, { method: 'GET', path: '/_botoscale/clock' })).text) as { epochMillis: number }).epochMillis;
    return { instances, configs, alarms, clock };
  }

  /** One write of the mix; resolves with what it acknowledged, throws if it was refused. */
  async function write(endpoint: string, random: () => number, round: number, n: number, ack: Acknowledged): Promise<void> {
    const pick = random();
    if (pick < 0.4) {
      const res = await query(endpoint, { Action: 'RunInstances', Version: '2016-11-15', ImageId: 'ami-12345678', MinCount: '1', MaxCount: '1' });
      const id = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(res.text)?.[1];
      if (res.status !== 200 || id === undefined) throw new Error(`RunInstances: ${res.status} ${res.text}`);
      ack.instances.push(id);
    } else if (pick < 0.7) {
      const name = `lc-${round}-${n}`;
      const res = await query(endpoint, { Action: 'CreateLaunchConfiguration', Version: '2011-01-01', LaunchConfigurationName: name, ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      if (res.status !== 200) throw new Error(`CreateLaunchConfiguration: ${res.status} ${res.text}`);
      ack.configs.push(name);
    } else if (pick < 0.9) {
      const name = `alarm-${round}-${n}`;
      const res = await query(endpoint, { Action: 'PutMetricAlarm', Version: '2010-08-01', AlarmName: name, MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: '60', EvaluationPeriods: '1', Threshold: '50', ComparisonOperator: 'GreaterThanThreshold' });
      if (res.status !== 200) throw new Error(`PutMetricAlarm: ${res.status} ${res.text}`);
      ack.alarms.push(name);
    } else {
      const res = await raw(endpoint, { path: '/_botoscale/clock/advance', body: JSON.stringify({ by: `${1 + Math.floor(random() * 60)}s` }) });
      if (res.status !== 200) throw new Error(`clock/advance: ${res.status} ${res.text}`);
      ack.clock = Math.max(ack.clock, (JSON.parse(res.text) as { epochMillis: number }).epochMillis);
    }
  }

  test('SIGKILL during concurrent writes, 10 seeded rounds: every acknowledged change survives every restart', async () => {
    const ack: Acknowledged = { instances: [], configs: [], alarms: [], clock: 0 };
    const missing = (seen: Awaited<ReturnType<typeof shown>>): unknown => ({
      instances: ack.instances.filter((id) => !seen.instances.has(id)),
      configs: ack.configs.filter((n) => !seen.configs.has(n)),
      alarms: ack.alarms.filter((n) => !seen.alarms.has(n)),
      clockBehind: seen.clock < ack.clock,
    });
    const none = { instances: [], configs: [], alarms: [], clockBehind: false };
    for (let round = 0; round < 10; round += 1) {
      const random = seeded(1300 + round);
      const killAfter = 5 + Math.floor(random() * 30);
      const { child, endpoint } = await serveInChild(file);
      expect({ round, missing: missing(await shown(endpoint)) }).toEqual({ round, missing: none });
      const exited = new Promise((r) => child.once('exit', r));
      let killed = false;
      let done = 0;
      let n = 0;
      const writer = async (): Promise<void> => {
        while (!killed) {
          try {
            await write(endpoint, random, round, n++, ack);
          } catch (err) {
            if (killed) return;
            throw err;
          }
          done += 1;
          if (done >= killAfter && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([writer(), writer(), writer(), writer()]);
      await exited;
    }
    const reloaded = await startTest({ state: file });
    try {
      expect(missing(await shown(reloaded.endpoint))).toEqual(none);
      expect(ack.instances.length + ack.configs.length + ack.alarms.length).toBeGreaterThanOrEqual(100);
    } finally {
      await reloaded.close();
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
  }, 120_000);
});

describe('alarms in the state file', () => {
  test('metric math and target tracking alarms survive a clean restart', async () => {
    const first = await startTest({ state: file });
    const cfg = clientConfig(first.endpoint);
    const cw = new CloudWatch(cfg);
    const as = new AutoScaling(cfg);
    await cw.putMetricAlarm({
      AlarmName: 'errors-rate',
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        { Id: 'e', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'r', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'rate', Expression: '100 * e / r', Label: 'error rate', ReturnData: true },
      ],
    });
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 4, AvailabilityZones: ['us-east-1a'] });
    await as.putScalingPolicy({
      AutoScalingGroupName: 'g', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
    });
    const before = await cw.describeAlarms({});
    await first.close();

    const second = await startTest({ state: file });
    try {
      const after = await new CloudWatch(clientConfig(second.endpoint)).describeAlarms({});
      expect(after.MetricAlarms).toEqual(before.MetricAlarms);
      expect(after.MetricAlarms?.map((a) => a.AlarmName).sort()).toEqual(expect.arrayContaining(['errors-rate']));
      expect(after.MetricAlarms?.length).toBe(3);
    } finally {
      await second.close();
    }
  });
});

/**
 * One botoscale local server answering several signing regions: each region has its own
 * cloud (groups, alarms and load balancers made in one are not in another), its ARNs,
 * zones and DNS names carry its region and partition (`arn:aws-cn:` and
 * `.amazonaws.com.cn` in China, as AWS names them there), a region botoscale local does
 * not serve is refused with AWS's own answer, every region steps with the one clock, the
 * journal and state file bring every region back (and files written before regions still
 * load, into the default region), the control API acts per region, and a kept answer is
 * never replayed to another region.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { CREDS, clientConfig, failure, raw, startTest, xmlText } from './helpers';

/** The four SDK clients of one region, signing for it against `endpoint`. */
function clients(endpoint: string, region: string): { as: AutoScaling; cw: CloudWatch; elb: ElasticLoadBalancing; ec2: EC2; destroy(): void } {
  const cfg = { ...clientConfig(endpoint), region };
  const out = { as: new AutoScaling(cfg), cw: new CloudWatch(cfg), elb: new ElasticLoadBalancing(cfg), ec2: new EC2(cfg) };
  return { ...out, destroy: () => Object.values(out).forEach((c) => c.destroy()) };
}

/** A launch configuration, a group of two in the region's first two zones, a CPU alarm on a policy, and a load balancer. */
async function buildIn(c: ReturnType<typeof clients>, region: string, name: string): Promise<void> {
  await c.as.createLaunchConfiguration({ LaunchConfigurationName: `${name}-lc`, ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  await c.elb.createLoadBalancer({ LoadBalancerName: `${name}-lb`, Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: [`${region}a`] });
  await c.as.createAutoScalingGroup({ AutoScalingGroupName: name, LaunchConfigurationName: `${name}-lc`, MinSize: 2, MaxSize: 4, AvailabilityZones: [`${region}a`, `${region}b`], LoadBalancerNames: [`${name}-lb`] });
  const policy = await c.as.putScalingPolicy({ AutoScalingGroupName: name, PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 });
  await c.cw.putMetricAlarm({
    AlarmName: `${name}-cpu`, Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 1,
    Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [{ Name: 'AutoScalingGroupName', Value: name }], AlarmActions: [policy.PolicyARN as string],
  });
}

/** What a region shows of everything: group names, ARNs and zones, instances' zones and DNS names, alarms, load balancers. */
async function viewOf(c: ReturnType<typeof clients>): Promise<Record<string, unknown>> {
  const groups = (await c.as.describeAutoScalingGroups({})).AutoScalingGroups ?? [];
  const reservations = (await c.ec2.describeInstances({})).Reservations ?? [];
  const instances = reservations.flatMap((r) => r.Instances ?? []);
  return {
    groups: groups.map((g) => [g.AutoScalingGroupName, g.AutoScalingGroupARN?.replace(/[0-9a-f-]{36}/, 'UUID'), g.AvailabilityZones, g.Instances?.filter((i) => i.LifecycleState === 'InService').length]),
    instanceZones: [...new Set(instances.map((i) => i.Placement?.AvailabilityZone))].sort(),
    publicDns: [...new Set(instances.map((i) => i.PublicDnsName?.replace(/^ec2-[\d-]+\./, '')))],
    alarms: ((await c.cw.describeAlarms({})).MetricAlarms ?? []).map((a) => [a.AlarmName, a.AlarmArn, a.AlarmActions?.[0]?.replace(/[0-9a-f-]{36}/, 'UUID').replace(/autoScalingGroupName\/.*/, 'autoScalingGroupName/...')]),
    loadBalancers: ((await c.elb.describeLoadBalancers({})).LoadBalancerDescriptions ?? []).map((lb) => [lb.LoadBalancerName, lb.DNSName?.replace(/-\d+\./, '-N.'), lb.CanonicalHostedZoneNameID]),
  };
}

describe('one server, several signing regions', () => {
  let local: LocalEndpoint;
  let east: ReturnType<typeof clients>;
  let west: ReturnType<typeof clients>;
  let china: ReturnType<typeof clients>;

  beforeEach(async () => {
    local = await startTest();
    east = clients(local.endpoint, 'us-east-1');
    west = clients(local.endpoint, 'eu-west-1');
    china = clients(local.endpoint, 'cn-north-1');
  });

  afterEach(async () => {
    for (const c of [east, west, china]) c.destroy();
    await local.close();
  });

  test('what one region makes the others do not see; ARNs, zones and DNS names carry each region and partition; one clock steps them all', async () => {
    expect(local.regions()).toEqual(['us-east-1']);
    await buildIn(west, 'eu-west-1', 'web');
    await buildIn(china, 'cn-north-1', 'web');
    expect(local.regions()).toEqual(['cn-north-1', 'eu-west-1', 'us-east-1']);
    // One advance of the one clock launches the instances of both regions.
    await local.clock.advance('3m');
    expect(await viewOf(east)).toEqual({ groups: [], instanceZones: [], publicDns: [], alarms: [], loadBalancers: [] });
    expect(await viewOf(west)).toEqual({
      groups: [['web', 'arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:UUID:autoScalingGroupName/web', ['eu-west-1a', 'eu-west-1b'], 2]],
      instanceZones: ['eu-west-1a', 'eu-west-1b'],
      publicDns: ['eu-west-1.compute.amazonaws.com'],
      alarms: [['web-cpu', 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-cpu', 'arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:UUID:autoScalingGroupName/...']],
      loadBalancers: [['web-lb', 'web-lb-N.eu-west-1.elb.amazonaws.com', 'Z32O12XQLNTSW2']],
    });
    // China (ELB's hosted zone ids per region: AWS General Reference, "Elastic Load Balancing endpoints and quotas").
    expect(await viewOf(china)).toEqual({
      groups: [['web', 'arn:aws-cn:autoscaling:cn-north-1:123456789012:autoScalingGroup:UUID:autoScalingGroupName/web', ['cn-north-1a', 'cn-north-1b'], 2]],
      instanceZones: ['cn-north-1a', 'cn-north-1b'],
      publicDns: ['cn-north-1.compute.amazonaws.com.cn'],
      alarms: [['web-cpu', 'arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:web-cpu', 'arn:aws-cn:autoscaling:cn-north-1:123456789012:scalingPolicy:UUID:autoScalingGroupName/...']],
      loadBalancers: [['web-lb', 'web-lb-N.cn-north-1.elb.amazonaws.com.cn', 'Z1GDH35T77C1KE']],
    });
    // Each region's EC2 names its own zones; a China account sees the China regions, with their endpoints.
    expect((await west.ec2.describeAvailabilityZones({})).AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect((await china.ec2.describeRegions({})).Regions?.map((r) => [r.RegionName, r.Endpoint])).toEqual([
      ['cn-north-1', 'ec2.cn-north-1.amazonaws.com.cn'], ['cn-northwest-1', 'ec2.cn-northwest-1.amazonaws.com.cn'],
    ]);
    // The same names in two regions are two resources: deleting one leaves the other.
    await west.cw.deleteAlarms({ AlarmNames: ['web-cpu'] });
    expect([(await west.cw.describeAlarms({})).MetricAlarms?.length, (await china.cw.describeAlarms({})).MetricAlarms?.length]).toEqual([0, 1]);
  });

  test('a region botoscale local does not serve gets AWS’s answer to a credential scoped to an invalid region, in each protocol', async () => {
    const mars = clients(local.endpoint, 'mars-north-1');
    try {
      // AWS's words, trailing space included (see invalidRegionError in src/local/clouds.ts).
      const message = "Credential should be scoped to a valid region, not 'mars-north-1'. ";
      expect(await failure(mars.as.describeAutoScalingGroups({}))).toMatchObject({ name: 'SignatureDoesNotMatch', message, status: 403 });
      expect(await failure(mars.cw.describeAlarms({}))).toMatchObject({ name: 'SignatureDoesNotMatch', message, status: 403 });
      expect(await failure(mars.ec2.describeInstances({}))).toMatchObject({ name: 'SignatureDoesNotMatch', message, status: 403 });
      const res = await raw(local.endpoint, {
        path: '/', body: 'Action=DescribeAutoScalingGroups&Version=2011-01-01',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-9/autoscaling/aws4_request, SignedHeaders=host, Signature=00' },
      });
      expect([res.status, xmlText(res.text, 'Type'), xmlText(res.text, 'Code'), xmlText(res.text, 'Message')]).toEqual([403, 'Sender', 'SignatureDoesNotMatch', "Credential should be scoped to a valid region, not 'eu-west-9'. "]);
      // Nothing was made for it.
      expect(local.regions()).toEqual(['us-east-1']);
    } finally {
      mars.destroy();
    }
    // With --auth too: the scope is checked before the signature, so even the right key pair gets it.
    const checked = await startTest({ auth: CREDS });
    const signed = clients(checked.endpoint, 'mars-north-1');
    const known = clients(checked.endpoint, 'eu-west-1');
    try {
      expect(await failure(signed.as.describeAutoScalingGroups({}))).toMatchObject({ name: 'SignatureDoesNotMatch', message: "Credential should be scoped to a valid region, not 'mars-north-1'. ", status: 403 });
      expect((await known.as.describeAutoScalingGroups({})).AutoScalingGroups).toEqual([]);
    } finally {
      signed.destroy();
      known.destroy();
      await checked.close();
    }
  });

  test('the control API acts on the region a body names (the default one when it names none); the clock is one', async () => {
    await buildIn(west, 'eu-west-1', 'web');
    await local.clock.advance('2m');
    const post = async (path: string, body: unknown): Promise<{ status: number; json: { error?: { message: string } } }> => {
      const res = await raw(local.endpoint, { path, body: JSON.stringify(body) });
      return { status: res.status, json: JSON.parse(res.text) as { error?: { message: string } } };
    };
    expect((await post('/_botoscale/load', { group: 'web', cpu: 90, region: 'eu-west-1' })).status).toBe(200);
    expect([local.cloudIn('eu-west-1').loadOf('web'), local.cloud.loadOf('web')]).toEqual([90, undefined]);
    const ids = local.cloudIn('eu-west-1').autoscaling.groupInstances('web') ?? [];
    expect(ids.map((id) => local.cloudIn('eu-west-1').ec2.getInstance(id)?.cpu)).toEqual([90, 90]);
    // The alarm of that region fires on that load and scales that region's group.
    await local.clock.advance('3m');
    expect((await west.as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0]?.DesiredCapacity).toBe(3);
    // Without a region, the default region's: no group named web there.
    expect(await post('/_botoscale/spot/interrupt', { group: 'web', count: 1 })).toEqual({ status: 400, json: { error: { code: 'InvalidRequest', message: 'spot.interrupt: no Auto Scaling group named web' } } });
    expect((await post('/_botoscale/spot/capacity', { zone: 'eu-west-1a', instanceType: 'm5.large', available: 3, region: 'eu-west-1' })).status).toBe(200);
    expect(local.cloudIn('eu-west-1').ec2.spotCapacity('eu-west-1a', 'm5.large')).toBe(3);
    expect((await post('/_botoscale/spot/capacity', { zone: 'eu-west-1a', instanceType: 'm5.large', available: 3 })).status).toBe(400);
    expect((await post('/_botoscale/load', { group: 'web', demand: 50, region: 'eu-west-1' })).status).toBe(200);
    expect(local.cloudIn('eu-west-1').demandOf('web')).toBe(50);
    const unhealthy = await post('/_botoscale/instance/health', { instance: ids[0], healthy: false, region: 'eu-west-1' });
    expect(unhealthy.status).toBe(200);
    expect(local.cloudIn('eu-west-1').ec2.getInstance(ids[0] as string)?.healthy).toBe(false);
    expect((await post('/_botoscale/instance/health', { instance: ids[0], healthy: false })).status).toBe(404);
    const unknown = await post('/_botoscale/load', { group: 'web', cpu: 10, region: 'eu-west-9' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.message).toMatch(/^give "region": one of the regions botoscale local serves \(.*eu-west-1, .*\), got "eu-west-9"$/);
    const health = JSON.parse((await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' })).text) as { region: string; regions: string[] };
    expect([health.region, health.regions]).toEqual(['us-east-1', ['eu-west-1', 'us-east-1']]);
    // The JS handle takes the same optional region.
    local.setLoad('web', 10, 'eu-west-1');
    expect(local.cloudIn('eu-west-1').loadOf('web')).toBe(10);
    expect(() => local.setDemand('web', 10, 'eu-west-9')).toThrow('give "region": one of the regions botoscale local serves');
  });

  test('every region of the partitions the SDK (and so the client) lists for aws and aws-cn is served, the newest too', async () => {
    const newest = clients(local.endpoint, 'ca-west-1');
    try {
      expect((await newest.as.describeAutoScalingGroups({})).AutoScalingGroups).toEqual([]);
      expect(local.regions()).toEqual(['ca-west-1', 'us-east-1']);
    } finally {
      newest.destroy();
    }
  });

  test('the JavaScript handle refuses an unknown region, a region of the wrong kind, and arguments past the last', () => {
    expect(() => local.cloudIn('xx-nowhere-9')).toThrow(/give "region": one of the regions botoscale local serves \(.*\), got "xx-nowhere-9"/);
    expect(() => local.cloudIn(42 as unknown as string)).toThrow(/got 42$/);
    expect(() => (local.setLoad as (...a: unknown[]) => void)('web', 50, 'us-east-1', 'extra')).toThrow(new TypeError('setLoad(groupName, cpuPercent, region?) takes no more arguments, got 1 more'));
    expect(() => (local.setDemand as (...a: unknown[]) => void)('web', 50, undefined, 1, 2)).toThrow(new TypeError('setDemand(groupName, demand, region?) takes no more arguments, got 2 more'));
    expect(() => (local.spot.interrupt as (...a: unknown[]) => void)('web', 1, 'us-east-1', true)).toThrow(new TypeError('spot.interrupt(group, count, region?) takes no more arguments, got 1 more'));
    expect(() => (local.spot.setCapacity as (...a: unknown[]) => void)('us-east-1a', 'm5.large', 1, 'us-east-1', 0)).toThrow(
      new TypeError('spot.setCapacity(zone, instanceType, available?, region?) takes no more arguments, got 1 more'),
    );
    expect(() => (local.regions as (...a: unknown[]) => void)('us-east-1')).toThrow(new TypeError('regions() takes no more arguments, got 1 more'));
    expect(() => (local.cloudIn as (...a: unknown[]) => void)('us-east-1', 'eu-west-1')).toThrow(new TypeError('cloudIn(region) takes no more arguments, got 1 more'));
    expect(local.regions()).toEqual(['us-east-1']);
  });

  test('a kept answer is never replayed to another region, even at the same revision and time', async () => {
    // The same steps in both regions leave their clouds at the same revision; only the region tells the reads apart.
    for (const [c, name] of [[east, 'only-east'], [west, 'only-west']] as const) {
      await c.as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      await c.as.createAutoScalingGroup({ AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: [c === east ? 'us-east-1a' : 'eu-west-1a'] });
    }
    expect(local.cloudIn('eu-west-1').revision).toBe(local.cloud.revision);
    const names = async (c: ReturnType<typeof clients>): Promise<unknown> => (await c.as.describeAutoScalingGroups({})).AutoScalingGroups?.map((g) => g.AutoScalingGroupName);
    expect(await names(east)).toEqual(['only-east']);
    expect(await names(west)).toEqual(['only-west']);
    expect(await names(east)).toEqual(['only-east']);
    expect(await names(west)).toEqual(['only-west']);
  });
});

describe('several regions in the state file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'botoscale-regions-'));
    file = join(dir, 'state.json');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('the journal (a crash) and the snapshot (a clean close) both bring back every region as it was, ids included', async () => {
    const local = await startTest({ state: file });
    const west = clients(local.endpoint, 'eu-west-1');
    const east = clients(local.endpoint, 'us-east-1');
    const copy = join(dir, 'copy.json');
    try {
      await buildIn(west, 'eu-west-1', 'web');
      await buildIn(east, 'us-east-1', 'app');
      await local.clock.advance('2m');
      local.setLoad('web', 85, 'eu-west-1');
      await local.clock.advance('3m');
      const westView = await viewOf(west);
      const eastView = await viewOf(east);
      const westVpcs = (await west.ec2.describeVpcs({})).Vpcs?.map((v) => v.VpcId);
      const journal = readFileSync(`${file}.journal`, 'utf8');
      expect(journal).toContain('"kind":"region","region":"eu-west-1"');
      expect(journal).toContain('"kind":"load","region":"eu-west-1","group":"web","cpu":85');
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
      const live = JSON.stringify([local.cloud.snapshot(), local.cloudIn('eu-west-1').snapshot()]);

      const again = await startTest({ state: copy });
      const west2 = clients(again.endpoint, 'eu-west-1');
      const east2 = clients(again.endpoint, 'us-east-1');
      try {
        expect(again.regions()).toEqual(['eu-west-1', 'us-east-1']);
        expect(JSON.parse(JSON.stringify([again.cloud.snapshot(), again.cloudIn('eu-west-1').snapshot()]))).toEqual(JSON.parse(live));
        expect(await viewOf(west2)).toEqual(westView);
        expect(await viewOf(east2)).toEqual(eastView);
        expect((await west2.ec2.describeVpcs({})).Vpcs?.map((v) => v.VpcId)).toEqual(westVpcs);
      } finally {
        west2.destroy();
        east2.destroy();
        await again.close();
      }
      // The clean close wrote a version 3 snapshot holding both; a restart on it brings both back.
      const doc = JSON.parse(readFileSync(copy, 'utf8')) as { version: number; region: string; regions: Record<string, unknown> };
      expect([doc.version, doc.region, Object.keys(doc.regions)]).toEqual([3, 'us-east-1', ['eu-west-1']]);
      const third = await startTest({ state: copy });
      const west3 = clients(third.endpoint, 'eu-west-1');
      try {
        expect(await viewOf(west3)).toEqual(westView);
      } finally {
        west3.destroy();
        await third.close();
      }
    } finally {
      west.destroy();
      east.destroy();
      await local.close();
    }
  });

  test('a state file and journal written before regions (version 2, changes naming no region) load into the default region', async () => {
    const local = await startTest({ state: file });
    const east = clients(local.endpoint, 'us-east-1');
    const old = join(dir, 'old.json');
    try {
      await east.as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      await east.as.createAutoScalingGroup({ AutoScalingGroupName: 'before-regions', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
      local.setLoad('before-regions', 40);
      // An answer waits for the journal: after it, the load is on disk.
      await east.as.describeAutoScalingGroups({});
      // Rewritten as the previous version wrote them: version 2 without "regions", journal lines without "region".
      const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      doc.version = 2;
      delete doc.regions;
      writeFileSync(old, JSON.stringify(doc));
      const lines = readFileSync(`${file}.journal`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { change: Record<string, unknown> });
      expect(lines.map((l) => l.change.region)).toContain('us-east-1');
      for (const l of lines) delete l.change.region;
      writeFileSync(`${old}.journal`, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    } finally {
      east.destroy();
      await local.close();
    }
    const again = await startTest({ state: old });
    const east2 = clients(again.endpoint, 'us-east-1');
    const west2 = clients(again.endpoint, 'eu-west-1');
    try {
      expect((await east2.as.describeAutoScalingGroups({})).AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(['before-regions']);
      expect(again.cloud.loadOf('before-regions')).toBe(40);
      expect((await west2.as.describeAutoScalingGroups({})).AutoScalingGroups).toEqual([]);
    } finally {
      east2.destroy();
      west2.destroy();
      await again.close();
    }
    expect((JSON.parse(readFileSync(old, 'utf8')) as { version: number }).version).toBe(3);
  });

  test('a region made on a read is journalled too: a crash right after it keeps its default VPC', async () => {
    const local = await startTest({ state: file });
    const west = clients(local.endpoint, 'eu-west-1');
    const copy = join(dir, 'copy.json');
    try {
      const vpcs = (await west.ec2.describeVpcs({})).Vpcs?.map((v) => v.VpcId);
      copyFileSync(file, copy);
      copyFileSync(`${file}.journal`, `${copy}.journal`);
      const again = await startTest({ state: copy });
      const west2 = clients(again.endpoint, 'eu-west-1');
      try {
        expect((await west2.ec2.describeVpcs({})).Vpcs?.map((v) => v.VpcId)).toEqual(vpcs);
      } finally {
        west2.destroy();
        await again.close();
      }
    } finally {
      west.destroy();
      await local.close();
    }
  });
});

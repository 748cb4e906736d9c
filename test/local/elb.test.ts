/**
 * The simulated classic ELB through @aws-sdk/client-elastic-load-balancing: every
 * action, AWS's rules and error codes, paging, and instance health following the EC2
 * instances and the health check on the simulated clock.
 */
import { EC2 } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing, type Listener } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, query, startTest, T0 } from './helpers';

let local: LocalEndpoint;
let elb: ElasticLoadBalancing;
let ec2: EC2;

const HTTP: Listener = { Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8080 };
const CERT = 'arn:aws:iam::123456789012:server-certificate/my-cert';

beforeEach(async () => {
  local = await startTest();
  elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
  ec2 = new EC2(clientConfig(local.endpoint));
});

afterEach(async () => {
  elb.destroy();
  ec2.destroy();
  await local.close();
});

async function create(name = 'my-lb', extra: Partial<Parameters<ElasticLoadBalancing['createLoadBalancer']>[0]> = {}): Promise<string> {
  const out = await elb.createLoadBalancer({ LoadBalancerName: name, Listeners: [HTTP], AvailabilityZones: ['us-east-1a', 'us-east-1b'], ...extra });
  return out.DNSName as string;
}

async function lb(name = 'my-lb') {
  const out = await elb.describeLoadBalancers({ LoadBalancerNames: [name] });
  return out.LoadBalancerDescriptions?.[0];
}

async function instance(zone = 'us-east-1a'): Promise<string> {
  const out = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } });
  return out.Instances?.[0]?.InstanceId as string;
}

async function health(name = 'my-lb', ids: string[] = []) {
  const out = await elb.describeInstanceHealth({ LoadBalancerName: name, Instances: ids.map((InstanceId) => ({ InstanceId })) });
  return out.InstanceStates?.map((s) => [s.InstanceId, s.State, s.ReasonCode, s.Description]);
}

describe('creating and describing', () => {
  test('a load balancer in the default VPC with AWS defaults', async () => {
    const dns = await create('my-lb', { Listeners: [HTTP, { Protocol: 'tcp', LoadBalancerPort: 443, InstancePort: 8443 }] });
    expect(dns).toMatch(/^my-lb-\d{9,10}\.us-east-1\.elb\.amazonaws\.com$/);
    // Classic Load Balancers guide, "Configure security groups": in the default VPC, without
    // security groups, ELB makes one `default_elb_…` group per account, open on the listener ports.
    const sg = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default_elb_*'] }] })).SecurityGroups?.[0];
    expect(sg?.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.[0]?.CidrIp])).toEqual([['tcp', 80, 80, '0.0.0.0/0'], ['tcp', 443, 443, '0.0.0.0/0']]);
    const subnets = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' } });
    const d = await lb();
    expect(d).toEqual({
      LoadBalancerName: 'my-lb',
      DNSName: dns,
      CanonicalHostedZoneName: dns,
      CanonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
      ListenerDescriptions: [
        { Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8080 }, PolicyNames: [] },
        { Listener: { Protocol: 'TCP', LoadBalancerPort: 443, InstanceProtocol: 'TCP', InstancePort: 8443 }, PolicyNames: [] },
      ],
      Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
      BackendServerDescriptions: [],
      AvailabilityZones: ['us-east-1a', 'us-east-1b'],
      Subnets: d?.Subnets,
      VPCId: sg?.VpcId,
      Instances: [],
      HealthCheck: { Target: 'TCP:8080', Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 10 },
      SourceSecurityGroup: { OwnerAlias: '123456789012', GroupName: sg?.GroupName },
      SecurityGroups: [sg?.GroupId],
      CreatedTime: new Date(T0),
      Scheme: 'internet-facing',
    });
    expect(d?.Subnets).toHaveLength(2);
    expect(d?.Subnets?.[0]).toBe(subnets.Instances?.[0]?.SubnetId);
    expect(await create('inside', { Scheme: 'internal' })).toMatch(/^internal-inside-\d+\.us-east-1\.elb\.amazonaws\.com$/);
  });

  test('subnets give the zones; the XML has member lists', async () => {
    const a = (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1c' } })).Instances?.[0]?.SubnetId as string;
    await elb.createLoadBalancer({ LoadBalancerName: 'vpc-lb', Listeners: [HTTP], Subnets: [a] });
    expect((await lb('vpc-lb'))?.AvailabilityZones).toEqual(['us-east-1c']);
    const res = await query(local.endpoint, { Action: 'DescribeLoadBalancers', Version: '2012-06-01', 'LoadBalancerNames.member.1': 'vpc-lb' });
    expect(res.text).toContain(`<AvailabilityZones><member>us-east-1c</member></AvailabilityZones><Subnets><member>${a}</member></Subnets>`);
    expect(res.text).toContain('<ListenerDescriptions><member><Listener><Protocol>HTTP</Protocol><LoadBalancerPort>80</LoadBalancerPort><InstanceProtocol>HTTP</InstanceProtocol><InstancePort>8080</InstancePort></Listener><PolicyNames></PolicyNames></member></ListenerDescriptions>');
    expect((await failure(elb.createLoadBalancer({ LoadBalancerName: 'x', Listeners: [HTTP], Subnets: ['subnet-00000000000000000'] }))).name).toBe('SubnetNotFoundException');
  });

  test('AWS errors for names, duplicates, zones, listeners, certificates, schemes and the quota', async () => {
    await create();
    expect(await failure(create())).toEqual({ name: 'DuplicateAccessPointNameException', message: "Load balancer name 'my-lb' already exists for this account.", status: 400, code: 'DuplicateLoadBalancerName' });
    for (const bad of ['my_lb', '-lb', 'lb-', 'x'.repeat(33)]) {
      expect(await failure(create(bad))).toEqual({
        name: 'ValidationError',
        message: `LoadBalancerName '${bad}' is invalid: use 1 to 32 letters, digits or hyphens, not beginning or ending with a hyphen.`,
        status: 400,
        code: 'ValidationError',
      });
    }
    expect((await failure(create('a', { AvailabilityZones: [] }))).message).toBe('Either AvailabilityZones or SubnetIds must be specified');
    expect((await failure(create('a', { Subnets: ['subnet-1'] }))).message).toBe('Only one of SubnetIds or AvailabilityZones may be specified');
    expect((await failure(create('a', { AvailabilityZones: ['us-east-1z'] }))).message).toBe('Invalid Availability Zone: us-east-1z');
    expect(await failure(create('a', { Listeners: [{ Protocol: 'HTTPS', LoadBalancerPort: 443, InstancePort: 80 }] }))).toEqual({
      name: 'CertificateNotFoundException',
      message: 'HTTPS and SSL listeners need an SSLCertificateId: the ARN of a server certificate.',
      status: 400,
      code: 'CertificateNotFound',
    });
    expect((await failure(create('a', { Listeners: [{ Protocol: 'SSL', LoadBalancerPort: 443, InstancePort: 80, SSLCertificateId: 'my-cert' }] }))).message).toBe('Server Certificate not found for the key: my-cert');
    expect(await failure(create('a', { Listeners: [{ Protocol: 'UDP', LoadBalancerPort: 53, InstancePort: 53 }] }))).toMatchObject({ name: 'UnsupportedProtocolException', code: 'UnsupportedProtocol' });
    expect((await failure(create('a', { Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80, InstanceProtocol: 'TCP' }] }))).message).toBe(
      'Listener protocol HTTP cannot forward to instance protocol TCP: HTTP and HTTPS pair with HTTP or HTTPS, TCP and SSL with TCP or SSL.',
    );
    expect((await failure(create('a', { Listeners: [HTTP, { ...HTTP, InstancePort: 9090 }] }))).name).toBe('DuplicateListenerException');
    expect(await failure(create('a', { Scheme: 'private' }))).toMatchObject({ name: 'InvalidSchemeException', code: 'InvalidScheme' });
    expect((await failure(create('a', { SecurityGroups: ['sg-12345678'] }))).name).toBe('InvalidSecurityGroupException');
    expect((await failure(elb.createLoadBalancer({ LoadBalancerName: 'a', AvailabilityZones: ['us-east-1a'] } as never))).message).toBe(
      "1 validation error detected: Value null at 'listeners' failed to satisfy constraint: Member must not be null",
    );
    for (let i = 2; i <= 20; i++) await create(`lb-${i}`);
    expect(await failure(create('lb-21'))).toEqual({ name: 'TooManyAccessPointsException', message: 'The quota of 20 load balancers has been reached.', status: 400, code: 'TooManyLoadBalancers' });
    expect((await elb.describeAccountLimits({})).Limits).toEqual([
      { Name: 'classic-load-balancers', Max: '20' },
      { Name: 'classic-listeners', Max: '100' },
      { Name: 'classic-registered-instances', Max: '1000' },
    ]);
  });

  test('DeleteLoadBalancer is idempotent; DescribeLoadBalancers names the missing one', async () => {
    await create();
    await elb.deleteLoadBalancer({ LoadBalancerName: 'my-lb' });
    await elb.deleteLoadBalancer({ LoadBalancerName: 'my-lb' });
    expect(await failure(elb.describeLoadBalancers({ LoadBalancerNames: ['my-lb'] }))).toEqual({
      name: 'AccessPointNotFoundException',
      message: "There is no ACTIVE Load Balancer named 'my-lb'",
      status: 400,
      code: 'LoadBalancerNotFound',
    });
  });

  test('paging by name with PageSize and Marker', async () => {
    for (const n of ['e', 'a', 'd', 'b', 'c']) await create(`lb-${n}`);
    const names: string[][] = [];
    let marker: string | undefined;
    do {
      const page = await elb.describeLoadBalancers({ PageSize: 2, Marker: marker });
      names.push((page.LoadBalancerDescriptions ?? []).map((d) => d.LoadBalancerName as string));
      marker = page.NextMarker;
    } while (marker !== undefined);
    expect(names).toEqual([['lb-a', 'lb-b'], ['lb-c', 'lb-d'], ['lb-e']]);
    expect((await elb.describeLoadBalancers({})).LoadBalancerDescriptions?.map((d) => d.LoadBalancerName)).toEqual(['lb-a', 'lb-b', 'lb-c', 'lb-d', 'lb-e']);
    expect(await failure(elb.describeLoadBalancers({ Marker: 'nonsense' }))).toEqual({ name: 'ValidationError', message: 'Invalid Marker', status: 400, code: 'ValidationError' });
    expect((await failure(elb.describeLoadBalancers({ PageSize: 401 }))).message).toBe("1 validation error detected: Value '401' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400");
  });
});

describe('instances and their health', () => {
  test('register, describe health, deregister; unknown and terminated instances are InvalidInstance', async () => {
    await create();
    const a = await instance();
    const b = await instance('us-east-1b');
    const reg = await elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }, { InstanceId: b }, { InstanceId: a }] });
    expect(reg.Instances).toEqual([{ InstanceId: a }, { InstanceId: b }]);
    expect(await health()).toEqual([
      [a, 'OutOfService', 'ELB', 'Instance registration is still in progress.'],
      [b, 'OutOfService', 'ELB', 'Instance registration is still in progress.'],
    ]);
    expect(await failure(elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: 'i-4f8cf126' }] }))).toEqual({
      name: 'InvalidEndPointException',
      message: 'The requested instance(s) are not valid: i-4f8cf126',
      status: 400,
      code: 'InvalidInstance',
    });
    expect((await failure(elb.describeInstanceHealth({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: 'i-4f8cf126' }] }))).message).toBe('Could not find EC2 instance i-4f8cf126.');
    const dereg = await elb.deregisterInstancesFromLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }] });
    expect(dereg.Instances).toEqual([{ InstanceId: b }]);
    expect((await failure(elb.deregisterInstancesFromLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }] }))).message).toBe(
      `The following instances are not registered with load balancer 'my-lb': ${a}`,
    );
    await ec2.terminateInstances({ InstanceIds: [a] });
    expect((await failure(elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }] }))).code).toBe('InvalidInstance');
    expect((await failure(elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'nope', Instances: [{ InstanceId: b }] }))).code).toBe('LoadBalancerNotFound');
    expect((await lb())?.Instances).toEqual([{ InstanceId: b }]);
  });

  test('health follows the instance and the health check thresholds on the clock', async () => {
    await create();
    await elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: { Target: 'HTTP:8080/health', Interval: 10, Timeout: 5, UnhealthyThreshold: 3, HealthyThreshold: 2 } });
    const a = await instance();
    const b = await instance();
    await elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }, { InstanceId: b }] });
    const registering = 'Instance registration is still in progress.';
    local.clock.advance('20s');
    expect(await health('my-lb', [a])).toEqual([[a, 'OutOfService', 'ELB', registering]]);
    local.clock.advance('10s');
    expect(await health('my-lb', [a])).toEqual([[a, 'OutOfService', 'ELB', registering]]);
    local.clock.advance('10s');
    expect(await health()).toEqual([
      [a, 'InService', 'N/A', 'N/A'],
      [b, 'InService', 'N/A', 'N/A'],
    ]);
    expect(local.cloud.elb.instanceHealth('my-lb', a)).toEqual({ state: 'InService', reasonCode: 'N/A', description: 'N/A' });
    const view = local.cloud.ec2.getInstance(b);
    if (view !== undefined) view.healthy = false;
    local.clock.advance('20s');
    expect(await health('my-lb', [b])).toEqual([[b, 'InService', 'N/A', 'N/A']]);
    local.clock.advance('10s');
    expect(await health('my-lb', [b])).toEqual([[b, 'OutOfService', 'Instance', 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.']]);
    if (view !== undefined) view.healthy = true;
    local.clock.advance('20s');
    expect(await health('my-lb', [b])).toEqual([[b, 'InService', 'N/A', 'N/A']]);
    await ec2.terminateInstances({ InstanceIds: [a] });
    local.clock.advance('5s');
    expect(await health('my-lb', [a])).toEqual([[a, 'OutOfService', 'Instance', 'Instance is in shutting-down state.']]);
    local.clock.advance('5s');
    expect(await health('my-lb', [a])).toEqual([[a, 'OutOfService', 'Instance', 'Instance is in terminated state.']]);
    local.clock.advance('2h');
    expect(await health('my-lb', [a])).toEqual([[a, 'OutOfService', 'Instance', 'Instance is in terminated state.']]);
  });

  test('with the default check, InService takes 10 checks of 30 s after boot', async () => {
    await create();
    const a = await instance();
    await elb.registerInstancesWithLoadBalancer({ LoadBalancerName: 'my-lb', Instances: [{ InstanceId: a }] });
    local.clock.advance('20s');
    local.clock.advance('4m50s');
    expect((await health())?.[0]?.[1]).toBe('OutOfService');
    local.clock.advance('10s');
    expect((await health())?.[0]?.[1]).toBe('InService');
  });

  test('ConfigureHealthCheck checks the target and the timeout', async () => {
    await create();
    const hc = { Target: 'http:80/ping', Interval: 30, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 3 };
    expect((await elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: hc })).HealthCheck).toEqual({ ...hc, Target: 'HTTP:80/ping' });
    expect((await failure(elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: { ...hc, Target: 'HTTP:80' } }))).message).toBe('HealthCheck Target HTTP:80 needs a path: HTTP:80/PATH');
    expect((await failure(elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: { ...hc, Target: 'TCP:80/x' } }))).message).toBe('HealthCheck Target TCP:80/x cannot have a path: TCP and SSL checks only connect');
    expect((await failure(elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: { ...hc, Target: 'ping' } }))).message).toBe("HealthCheck Target must look like TCP:PORT, SSL:PORT, HTTP:PORT/PATH or HTTPS:PORT/PATH; got 'ping'");
    expect((await failure(elb.configureHealthCheck({ LoadBalancerName: 'my-lb', HealthCheck: { ...hc, Timeout: 30 } }))).message).toBe('HealthCheck Timeout must be less than Interval');
    expect((await failure(elb.configureHealthCheck({ LoadBalancerName: 'nope', HealthCheck: hc }))).code).toBe('LoadBalancerNotFound');
  });

  test('the ElbApi other services use', async () => {
    await create();
    const a = await instance();
    expect(local.cloud.elb.exists('my-lb')).toBe(true);
    expect(local.cloud.elb.exists('nope')).toBe(false);
    local.cloud.elb.registerInstances('my-lb', [a]);
    local.cloud.elb.registerInstances('nope', [a]);
    expect(local.cloud.elb.instanceHealth('my-lb', a)).toEqual({ state: 'OutOfService', reasonCode: 'ELB', description: 'Instance registration is still in progress.' });
    local.cloud.elb.deregisterInstances('my-lb', [a]);
    expect(local.cloud.elb.instanceHealth('my-lb', a)).toBeUndefined();
  });
});

describe('zones, subnets, security groups', () => {
  test('enable and disable zones; not all of them', async () => {
    await create();
    expect((await elb.enableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'my-lb', AvailabilityZones: ['us-east-1c'] })).AvailabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect((await lb())?.Subnets).toHaveLength(3);
    expect((await elb.disableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'my-lb', AvailabilityZones: ['us-east-1a'] })).AvailabilityZones).toEqual(['us-east-1b', 'us-east-1c']);
    expect((await lb())?.Subnets).toHaveLength(2);
    expect(await failure(elb.disableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'my-lb', AvailabilityZones: ['us-east-1b', 'us-east-1c'] }))).toEqual({
      name: 'InvalidConfigurationRequestException',
      message: 'Cannot remove all Availability Zones from a load balancer.',
      status: 409,
      code: 'InvalidConfigurationRequest',
    });
    expect((await failure(elb.enableAvailabilityZonesForLoadBalancer({ LoadBalancerName: 'my-lb', AvailabilityZones: ['eu-west-1a'] }))).message).toBe('Invalid Availability Zone: eu-west-1a');
  });

  test('attach and detach subnets; apply security groups', async () => {
    await create('my-lb', { AvailabilityZones: ['us-east-1a'] });
    const subnetOf = async (zone: string): Promise<string> => (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } })).Instances?.[0]?.SubnetId as string;
    const c = await subnetOf('us-east-1c');
    const a = await subnetOf('us-east-1a');
    expect((await elb.attachLoadBalancerToSubnets({ LoadBalancerName: 'my-lb', Subnets: [c] })).Subnets).toEqual([a, c]);
    expect((await lb())?.AvailabilityZones).toEqual(['us-east-1a', 'us-east-1c']);
    expect((await elb.detachLoadBalancerFromSubnets({ LoadBalancerName: 'my-lb', Subnets: [a] })).Subnets).toEqual([c]);
    expect((await lb())?.AvailabilityZones).toEqual(['us-east-1c']);
    expect((await failure(elb.detachLoadBalancerFromSubnets({ LoadBalancerName: 'my-lb', Subnets: [c] }))).code).toBe('InvalidConfigurationRequest');
    expect((await failure(elb.attachLoadBalancerToSubnets({ LoadBalancerName: 'my-lb', Subnets: ['subnet-0'] }))).code).toBe('SubnetNotFound');
    const sg = (await ec2.describeSecurityGroups({})).SecurityGroups?.[0]?.GroupId as string;
    expect((await elb.applySecurityGroupsToLoadBalancer({ LoadBalancerName: 'my-lb', SecurityGroups: [sg] })).SecurityGroups).toEqual([sg]);
    expect(await failure(elb.applySecurityGroupsToLoadBalancer({ LoadBalancerName: 'my-lb', SecurityGroups: ['sg-0000000000000000f'] }))).toEqual({
      name: 'InvalidSecurityGroupException',
      message: 'One or more of the specified security groups do not exist: sg-0000000000000000f',
      status: 400,
      code: 'InvalidSecurityGroup',
    });
  });
});

describe('listeners and certificates', () => {
  test('create (identical ones are no-ops), conflict, delete; HTTPS gets the default SSL policy', async () => {
    await create();
    await elb.createLoadBalancerListeners({ LoadBalancerName: 'my-lb', Listeners: [HTTP, { Protocol: 'HTTPS', LoadBalancerPort: 443, InstancePort: 8080, SSLCertificateId: CERT }] });
    const d = await lb();
    expect(d?.ListenerDescriptions).toEqual([
      { Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8080 }, PolicyNames: [] },
      { Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 8080, SSLCertificateId: CERT }, PolicyNames: ['ELBSecurityPolicy-2016-08'] },
    ]);
    expect(d?.Policies?.OtherPolicies).toEqual(['ELBSecurityPolicy-2016-08']);
    expect(await failure(elb.createLoadBalancerListeners({ LoadBalancerName: 'my-lb', Listeners: [{ ...HTTP, InstancePort: 9000 }] }))).toEqual({
      name: 'DuplicateListenerException',
      message: 'A listener already exists for my-lb with LoadBalancerPort 80, but with a different InstancePort, Protocol, or SSLCertificateId',
      status: 400,
      code: 'DuplicateListener',
    });
    await elb.deleteLoadBalancerListeners({ LoadBalancerName: 'my-lb', LoadBalancerPorts: [80, 8888] });
    expect((await lb())?.ListenerDescriptions?.map((l) => l.Listener?.LoadBalancerPort)).toEqual([443]);
  });

  test('SetLoadBalancerListenerSSLCertificate', async () => {
    await create('my-lb', { Listeners: [HTTP, { Protocol: 'SSL', LoadBalancerPort: 443, InstancePort: 8443, SSLCertificateId: CERT }] });
    const acm = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
    await elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'my-lb', LoadBalancerPort: 443, SSLCertificateId: acm });
    expect((await lb())?.ListenerDescriptions?.[1]?.Listener).toEqual({ Protocol: 'SSL', LoadBalancerPort: 443, InstanceProtocol: 'TCP', InstancePort: 8443, SSLCertificateId: acm });
    expect(await failure(elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'my-lb', LoadBalancerPort: 8443, SSLCertificateId: acm }))).toEqual({
      name: 'ListenerNotFoundException',
      message: "There is no ACTIVE Listener on LoadBalancerPort 8443 of load balancer 'my-lb'",
      status: 400,
      code: 'ListenerNotFound',
    });
    expect((await failure(elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'my-lb', LoadBalancerPort: 80, SSLCertificateId: acm }))).code).toBe('InvalidConfigurationRequest');
    expect((await failure(elb.setLoadBalancerListenerSSLCertificate({ LoadBalancerName: 'my-lb', LoadBalancerPort: 443, SSLCertificateId: 'nope' }))).code).toBe('CertificateNotFound');
  });
});

describe('policies', () => {
  test('stickiness and other policies on listeners and back-end servers', async () => {
    await create('my-lb', { Listeners: [HTTP, { Protocol: 'TCP', LoadBalancerPort: 25, InstancePort: 25 }] });
    await elb.createAppCookieStickinessPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'app', CookieName: 'SESSION' });
    await elb.createLBCookieStickinessPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'lbc', CookieExpirationPeriod: 300 });
    await elb.createLBCookieStickinessPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'browser' });
    await elb.createLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'proxy', PolicyTypeName: 'ProxyProtocolPolicyType', PolicyAttributes: [{ AttributeName: 'ProxyProtocol', AttributeValue: 'true' }] });
    expect((await lb())?.Policies).toEqual({
      AppCookieStickinessPolicies: [{ PolicyName: 'app', CookieName: 'SESSION' }],
      LBCookieStickinessPolicies: [{ PolicyName: 'lbc', CookieExpirationPeriod: 300 }, { PolicyName: 'browser' }],
      OtherPolicies: ['proxy'],
    });
    await elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 80, PolicyNames: ['lbc'] });
    await elb.setLoadBalancerPoliciesForBackendServer({ LoadBalancerName: 'my-lb', InstancePort: 25, PolicyNames: ['proxy'] });
    const d = await lb();
    expect(d?.ListenerDescriptions?.[0]?.PolicyNames).toEqual(['lbc']);
    expect(d?.BackendServerDescriptions).toEqual([{ InstancePort: 25, PolicyNames: ['proxy'] }]);
    expect(await failure(elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 25, PolicyNames: ['app'] }))).toEqual({
      name: 'InvalidConfigurationRequestException',
      message: 'Stickiness policy app can only be enabled on HTTP or HTTPS listeners.',
      status: 409,
      code: 'InvalidConfigurationRequest',
    });
    expect((await failure(elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 80, PolicyNames: ['app', 'lbc'] }))).message).toBe('A listener can have at most one policy of each type, and one stickiness policy.');
    expect(await failure(elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 80, PolicyNames: ['ghost'] }))).toEqual({
      name: 'PolicyNotFoundException',
      message: "There is no policy named ghost on load balancer 'my-lb'",
      status: 400,
      code: 'PolicyNotFound',
    });
    expect((await failure(elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 81, PolicyNames: [] }))).code).toBe('ListenerNotFound');
    expect((await failure(elb.createAppCookieStickinessPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'app', CookieName: 'X' }))).name).toBe('DuplicatePolicyNameException');
    expect((await failure(elb.createLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'p', PolicyTypeName: 'MagicPolicyType' }))).name).toBe('PolicyTypeNotFoundException');
    expect((await failure(elb.createLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'p', PolicyTypeName: 'ProxyProtocolPolicyType' }))).message).toBe('Policy type ProxyProtocolPolicyType requires the attribute ProxyProtocol.');
    expect((await failure(elb.deleteLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'lbc' }))).message).toBe("Policy lbc is in use by a listener or back-end server of 'my-lb' and cannot be deleted.");
    await elb.setLoadBalancerPoliciesOfListener({ LoadBalancerName: 'my-lb', LoadBalancerPort: 80, PolicyNames: [] });
    await elb.deleteLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'lbc' });
    await elb.deleteLoadBalancerPolicy({ LoadBalancerName: 'my-lb', PolicyName: 'never-was' });
    const pols = await elb.describeLoadBalancerPolicies({ LoadBalancerName: 'my-lb' });
    expect(pols.PolicyDescriptions).toEqual([
      { PolicyName: 'app', PolicyTypeName: 'AppCookieStickinessPolicyType', PolicyAttributeDescriptions: [{ AttributeName: 'CookieName', AttributeValue: 'SESSION' }] },
      { PolicyName: 'browser', PolicyTypeName: 'LBCookieStickinessPolicyType', PolicyAttributeDescriptions: [] },
      { PolicyName: 'proxy', PolicyTypeName: 'ProxyProtocolPolicyType', PolicyAttributeDescriptions: [{ AttributeName: 'ProxyProtocol', AttributeValue: 'true' }] },
    ]);
    expect((await failure(elb.describeLoadBalancerPolicies({ LoadBalancerName: 'my-lb', PolicyNames: ['lbc'] }))).code).toBe('PolicyNotFound');
  });

  test('predefined policies and the policy types', async () => {
    const predefined = await elb.describeLoadBalancerPolicies({});
    expect(predefined.PolicyDescriptions?.map((p) => p.PolicyName)).toEqual([
      'ELBSecurityPolicy-2016-08',
      'ELBSecurityPolicy-TLS-1-1-2017-01',
      'ELBSecurityPolicy-TLS-1-2-2017-01',
      'ELBSample-AppCookieStickinessPolicy',
      'ELBSample-LBCookieStickinessPolicy',
    ]);
    expect(predefined.PolicyDescriptions?.[0]?.PolicyAttributeDescriptions?.slice(0, 4)).toEqual([
      { AttributeName: 'Protocol-TLSv1', AttributeValue: 'true' },
      { AttributeName: 'Protocol-TLSv1.1', AttributeValue: 'true' },
      { AttributeName: 'Protocol-TLSv1.2', AttributeValue: 'true' },
      { AttributeName: 'Protocol-SSLv3', AttributeValue: 'false' },
    ]);
    const types = await elb.describeLoadBalancerPolicyTypes({});
    expect(types.PolicyTypeDescriptions?.map((t) => t.PolicyTypeName)).toEqual([
      'SSLNegotiationPolicyType',
      'BackendServerAuthenticationPolicyType',
      'PublicKeyPolicyType',
      'AppCookieStickinessPolicyType',
      'LBCookieStickinessPolicyType',
      'ProxyProtocolPolicyType',
    ]);
    const lbc = await elb.describeLoadBalancerPolicyTypes({ PolicyTypeNames: ['LBCookieStickinessPolicyType'] });
    expect(lbc.PolicyTypeDescriptions?.[0]?.PolicyAttributeTypeDescriptions).toEqual([
      { AttributeName: 'CookieExpirationPeriod', AttributeType: 'Long', Cardinality: 'ZERO_OR_ONE', Description: 'Seconds the stickiness cookie lasts; none: the browser session.' },
    ]);
    expect((await failure(elb.describeLoadBalancerPolicyTypes({ PolicyTypeNames: ['Nope'] }))).message).toBe('One or more of the specified policy types do not exist: Nope');
  });
});

describe('attributes and tags', () => {
  test('defaults, changes echoed back, AWS rules', async () => {
    await create();
    expect((await elb.describeLoadBalancerAttributes({ LoadBalancerName: 'my-lb' })).LoadBalancerAttributes).toEqual({
      CrossZoneLoadBalancing: { Enabled: false },
      AccessLog: { Enabled: false },
      ConnectionDraining: { Enabled: false, Timeout: 300 },
      ConnectionSettings: { IdleTimeout: 60 },
      AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'defensive' }],
    });
    const out = await elb.modifyLoadBalancerAttributes({
      LoadBalancerName: 'my-lb',
      LoadBalancerAttributes: { CrossZoneLoadBalancing: { Enabled: true }, ConnectionDraining: { Enabled: true, Timeout: 60 }, AccessLog: { Enabled: true, S3BucketName: 'logs', S3BucketPrefix: 'elb' } },
    });
    expect(out).toMatchObject({
      LoadBalancerName: 'my-lb',
      LoadBalancerAttributes: { CrossZoneLoadBalancing: { Enabled: true }, ConnectionDraining: { Enabled: true, Timeout: 60 }, AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 60, S3BucketPrefix: 'elb' } },
    });
    expect(Object.keys(out.LoadBalancerAttributes ?? {}).sort()).toEqual(['AccessLog', 'ConnectionDraining', 'CrossZoneLoadBalancing']);
    await elb.modifyLoadBalancerAttributes({ LoadBalancerName: 'my-lb', LoadBalancerAttributes: { ConnectionSettings: { IdleTimeout: 120 }, AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'strictest' }] } });
    expect((await elb.describeLoadBalancerAttributes({ LoadBalancerName: 'my-lb' })).LoadBalancerAttributes).toEqual({
      CrossZoneLoadBalancing: { Enabled: true },
      AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 60, S3BucketPrefix: 'elb' },
      ConnectionDraining: { Enabled: true, Timeout: 60 },
      ConnectionSettings: { IdleTimeout: 120 },
      AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'strictest' }],
    });
    expect((await failure(elb.modifyLoadBalancerAttributes({ LoadBalancerName: 'my-lb', LoadBalancerAttributes: { AccessLog: { Enabled: true } } }))).message).toBe('An access log needs an S3BucketName when enabled.');
    expect((await failure(elb.modifyLoadBalancerAttributes({ LoadBalancerName: 'my-lb', LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: 'b', EmitInterval: 10 } } }))).message).toBe('Access log EmitInterval must be 5 or 60 minutes, got 10');
    expect((await failure(elb.modifyLoadBalancerAttributes({ LoadBalancerName: 'my-lb', LoadBalancerAttributes: { AdditionalAttributes: [{ Key: 'elb.magic', Value: '1' }] } }))).name).toBe('LoadBalancerAttributeNotFoundException');
    expect((await failure(elb.modifyLoadBalancerAttributes({ LoadBalancerName: 'my-lb', LoadBalancerAttributes: { ConnectionSettings: { IdleTimeout: 0 } } }))).message).toBe(
      "1 validation error detected: Value '0' at 'loadBalancerAttributes.connectionSettings.idleTimeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  test('AddTags, DescribeTags, RemoveTags; at most 10, no duplicate keys', async () => {
    await create('a', { Tags: [{ Key: 'env', Value: 'prod' }] });
    await create('b');
    await elb.addTags({ LoadBalancerNames: ['a', 'b'], Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'test' }] });
    expect((await elb.describeTags({ LoadBalancerNames: ['a', 'b'] })).TagDescriptions).toEqual([
      { LoadBalancerName: 'a', Tags: [{ Key: 'env', Value: 'test' }, { Key: 'team', Value: 'web' }] },
      { LoadBalancerName: 'b', Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'test' }] },
    ]);
    await elb.removeTags({ LoadBalancerNames: ['a'], Tags: [{ Key: 'env' }] });
    expect((await elb.describeTags({ LoadBalancerNames: ['a'] })).TagDescriptions?.[0]?.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    const many = Array.from({ length: 10 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await failure(elb.addTags({ LoadBalancerNames: ['a'], Tags: many }))).toEqual({ name: 'TooManyTagsException', message: 'A load balancer can have at most 10 tags.', status: 400, code: 'TooManyTags' });
    expect((await failure(elb.addTags({ LoadBalancerNames: ['a'], Tags: [{ Key: 'x' }, { Key: 'x' }] }))).name).toBe('DuplicateTagKeysException');
    expect((await failure(elb.describeTags({ LoadBalancerNames: ['a', 'ghost'] }))).code).toBe('LoadBalancerNotFound');
  });
});

describe('what the model states is answered by the protocol layer, before the state could', () => {
  test('an InstancePort out of 1..65535 (the model bounds it; the state no longer checks it again), over the SDK and the query protocol', async () => {
    const message = "1 validation error detected: Value '0' at 'listeners.1.member.instancePort' failed to satisfy constraint: Member must have value greater than or equal to 1";
    expect(await failure(elb.createLoadBalancer({ LoadBalancerName: 'port', Listeners: [{ ...HTTP, InstancePort: 0 }], AvailabilityZones: ['us-east-1a'] }))).toEqual({ name: 'ValidationError', message, status: 400, code: 'ValidationError' });
    const res = await query(local.endpoint, {
      Action: 'CreateLoadBalancer', Version: '2012-06-01', LoadBalancerName: 'port', 'AvailabilityZones.member.1': 'us-east-1a',
      'Listeners.member.1.Protocol': 'HTTP', 'Listeners.member.1.LoadBalancerPort': '80', 'Listeners.member.1.InstancePort': '65536',
    });
    expect([res.status, res.text]).toEqual([400, expect.stringContaining("Value &apos;65536&apos; at &apos;listeners.1.member.instancePort&apos; failed to satisfy constraint: Member must have value less than or equal to 65535")]);
  });

  test('a LoadBalancerPort out of range, which the model does not bound, is the state\'s rule', async () => {
    const err = await failure(elb.createLoadBalancer({ LoadBalancerName: 'port', Listeners: [{ ...HTTP, LoadBalancerPort: 0 }], AvailabilityZones: ['us-east-1a'] }));
    expect([err.code, err.message]).toEqual(['ValidationError', 'LoadBalancerPort 0 is invalid: ports are 1 to 65535.']);
  });

  test('an Instance without its InstanceId (optional in the model) is refused as a missing member', async () => {
    await create();
    const res = await query(local.endpoint, { Action: 'RegisterInstancesWithLoadBalancer', Version: '2012-06-01', LoadBalancerName: 'my-lb', 'Instances.member.1.Other': 'x' });
    expect([res.status, res.text]).toEqual([400, expect.stringContaining("<Message>1 validation error detected: Value null at &apos;instanceId&apos; failed to satisfy constraint: Member must not be null</Message>")]);
  });
});

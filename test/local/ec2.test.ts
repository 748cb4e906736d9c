/**
 * The simulated EC2 through @aws-sdk/client-ec2: every action, its filters, paging and
 * error codes, and instances moving through their lifecycle on the simulated clock.
 */
import { EC2, type Instance, type _InstanceType } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, eachLocal, failure, query, startTest, T0 } from './helpers';
import { regionsOf } from '../../src/core/rules/aws-rules';

let local: LocalEndpoint;
let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (l, c) => {
  local = l;
  ec2 = c;
});

async function run(extra: Partial<Parameters<EC2['runInstances']>[0]> = {}): Promise<Instance[]> {
  const out = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, ...extra });
  return out.Instances ?? [];
}

async function describe1(id: string): Promise<Instance> {
  const out = await ec2.describeInstances({ InstanceIds: [id] });
  return out.Reservations?.[0]?.Instances?.[0] as Instance;
}

describe('RunInstances', () => {
  test('a reservation of instances with AWS-shaped ids, addresses and names', async () => {
    const out = await ec2.runInstances({
      ImageId: 'ami-0abcdef1234567890',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 2,
      KeyName: 'my-key',
      Placement: { AvailabilityZone: 'us-east-1b' },
      Monitoring: { Enabled: true },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }, { ResourceType: 'volume', Tags: [{ Key: 'ignored', Value: 'x' }] }],
    });
    expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(out.OwnerId).toBe('123456789012');
    expect(out.Instances).toHaveLength(2);
    const [a, b] = out.Instances as [Instance, Instance];
    expect(a.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(a.InstanceId).not.toBe(b.InstanceId);
    const sg = (await ec2.describeSecurityGroups({})).SecurityGroups?.[0];
    expect(a).toEqual({
      AmiLaunchIndex: 0,
      ImageId: 'ami-0abcdef1234567890',
      InstanceId: a.InstanceId,
      InstanceType: 't3.micro',
      KeyName: 'my-key',
      LaunchTime: new Date(T0),
      Monitoring: { State: 'enabled' },
      Placement: { AvailabilityZone: 'us-east-1b', GroupName: '', Tenancy: 'default' },
      PrivateDnsName: 'ip-172-31-16-4.ec2.internal',
      PrivateIpAddress: '172.31.16.4',
      ProductCodes: [],
      PublicDnsName: 'ec2-54-160-0-1.compute-1.amazonaws.com',
      PublicIpAddress: '54.160.0.1',
      State: { Code: 0, Name: 'pending' },
      StateTransitionReason: '',
      SubnetId: a.SubnetId,
      VpcId: sg?.VpcId,
      Architecture: 'x86_64',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { AttachTime: new Date(T0), DeleteOnTermination: true, Status: 'attached', VolumeId: a.BlockDeviceMappings?.[0]?.Ebs?.VolumeId } }],
      ClientToken: a.ClientToken,
      EbsOptimized: false,
      EnaSupport: true,
      Hypervisor: 'xen',
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      SecurityGroups: [{ GroupName: 'default', GroupId: sg?.GroupId }],
      SourceDestCheck: true,
      Tags: [{ Key: 'Name', Value: 'web' }],
      VirtualizationType: 'hvm',
      CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 },
      HibernationOptions: { Configured: false },
      MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
      EnclaveOptions: { Enabled: false },
      PlatformDetails: 'Linux/UNIX',
      UsageOperation: 'RunInstances',
      UsageOperationUpdateTime: new Date(T0),
      MaintenanceOptions: { AutoRecovery: 'default' },
    });
    expect(a.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(a.BlockDeviceMappings?.[0]?.Ebs?.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect([b.AmiLaunchIndex, b.PrivateIpAddress, b.PrivateDnsName, b.PublicIpAddress]).toEqual([1, '172.31.16.5', 'ip-172-31-16-5.ec2.internal', '54.160.0.2']);
    const west = await startTest({ region: 'eu-west-1' });
    try {
      const w = await new EC2({ ...clientConfig(west.endpoint), region: 'eu-west-1' }).runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 });
      const i = w.Instances?.[0];
      expect([i?.InstanceType, i?.Placement?.AvailabilityZone, i?.PrivateDnsName, i?.PublicDnsName]).toEqual(['m1.small', 'eu-west-1a', 'ip-172-31-0-4.eu-west-1.compute.internal', 'ec2-54-160-0-1.eu-west-1.compute.amazonaws.com']);
    } finally {
      await west.close();
    }
  });

  test('the same client token gives the same reservation', async () => {
    const first = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, ClientToken: 'once' });
    const again = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, ClientToken: 'once' });
    expect(again.ReservationId).toBe(first.ReservationId);
    expect(again.Instances?.map((i) => i.InstanceId)).toEqual(first.Instances?.map((i) => i.InstanceId));
  });

  test('EC2 error codes for bad input', async () => {
    expect(await failure(ec2.runInstances({ MinCount: 1, MaxCount: 1 }))).toEqual({ name: 'MissingParameter', message: 'The request must contain the parameter ImageId', status: 400, code: 'MissingParameter' });
    expect(await failure(run({ ImageId: 'my-ami' }))).toEqual({ name: 'InvalidAMIID.Malformed', message: 'Invalid id: "my-ami" (expecting "ami-...")', status: 400, code: 'InvalidAMIID.Malformed' });
    expect((await failure(run({ Placement: { AvailabilityZone: 'us-east-1z' } }))).message).toBe('Invalid availability zone: [us-east-1z]');
    expect(await failure(run({ SecurityGroups: ['web'] }))).toMatchObject({ name: 'InvalidGroup.NotFound', status: 400 });
    // EC2 names the VPC the launch goes to, for ids as for names (RunInstances' InvalidGroup.NotFound).
    const defaultVpc = (await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs?.[0]?.VpcId;
    expect((await failure(run({ SecurityGroupIds: ['sg-0000000000000000f'] }))).message).toBe(`The security group 'sg-0000000000000000f' does not exist in default VPC '${defaultVpc}'`);
    expect((await failure(run({ SecurityGroups: ['web'] }))).message).toBe(`The security group 'web' does not exist in default VPC '${defaultVpc}'`);
    expect((await failure(run({ SecurityGroupIds: ['sg-zz'] }))).message).toBe('Invalid id: "sg-zz" (expecting "sg-...")');
    expect((await failure(run({ SubnetId: 'subnet-00000000000000000' }))).message).toBe("The subnet ID 'subnet-00000000000000000' does not exist");
    expect((await failure(run({ MinCount: 3, MaxCount: 2 }))).message).toBe('Value (2) for parameter maxCount is invalid. Expected a value at least minCount (3).');
    expect((await failure(run({ MinCount: 0, MaxCount: 2 }))).message).toBe('Value (0) for parameter minCount is invalid. Expected a positive integer.');
    expect((await failure(run({ InstanceType: 'huge' as string as _InstanceType }))).message).toBe("Invalid value 'huge' for InstanceType.");
    expect((await failure(run({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'aws:x', Value: '1' }] }] }))).message).toBe("Tag keys starting with 'aws:' are reserved for internal use");
    expect(await failure(run({ DryRun: true }))).toEqual({ name: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', status: 412, code: 'DryRunOperation' });
    expect((await ec2.describeInstances({})).Reservations).toEqual([]);
  });

  test('a subnet picks its zone', async () => {
    const sg = await ec2.describeSecurityGroups({});
    const vpcId = sg.SecurityGroups?.[0]?.VpcId;
    const [probe] = await run({ Placement: { AvailabilityZone: 'us-east-1c' } });
    const [i] = await run({ SubnetId: probe?.SubnetId as string });
    expect([i?.Placement?.AvailabilityZone, i?.SubnetId, i?.VpcId]).toEqual(['us-east-1c', probe?.SubnetId, vpcId]);
  });
});

describe('the instance lifecycle on the clock', () => {
  test('pending → running after 20 s; shutting-down → terminated after 10 s; gone an hour later', async () => {
    const [i] = await run();
    const id = i?.InstanceId as string;
    local.clock.advance('19s');
    expect((await describe1(id)).State).toEqual({ Code: 0, Name: 'pending' });
    local.clock.advance('11s');
    expect((await describe1(id)).State).toEqual({ Code: 16, Name: 'running' });
    local.clock.advance('5s');
    const term = await ec2.terminateInstances({ InstanceIds: [id] });
    expect(term.TerminatingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } }]);
    const stopping = await describe1(id);
    expect([stopping.State?.Name, stopping.PublicIpAddress, stopping.PrivateIpAddress, stopping.StateTransitionReason]).toEqual(['shutting-down', undefined, '172.31.0.4', 'User initiated (2026-01-01 00:00:35 GMT)']);
    local.clock.advance('10s');
    const gone = await describe1(id);
    expect(gone.State).toEqual({ Code: 48, Name: 'terminated' });
    expect([gone.PrivateDnsName, gone.PublicDnsName, gone.PrivateIpAddress, gone.SubnetId, gone.BlockDeviceMappings]).toEqual(['', '', undefined, undefined, []]);
    expect(gone.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
    const again = await ec2.terminateInstances({ InstanceIds: [id] });
    expect(again.TerminatingInstances?.[0]?.PreviousState).toEqual({ Code: 48, Name: 'terminated' });
    expect(again.TerminatingInstances?.[0]?.CurrentState).toEqual({ Code: 48, Name: 'terminated' });
    local.clock.advance('59m');
    expect((await describe1(id)).State?.Name).toBe('terminated');
    local.clock.advance('1m');
    expect(await failure(ec2.describeInstances({ InstanceIds: [id] }))).toEqual({ name: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist`, status: 400, code: 'InvalidInstanceID.NotFound' });
  });

  test('instances other services launch (Ec2Api) show up with their tags and the group load', async () => {
    local.cloud.setLoad('web', 77);
    const spec = { imageId: 'ami-12345678', instanceType: 't3.small', availabilityZone: 'us-east-1c', tags: [{ key: 'aws:autoscaling:groupName', value: 'web' }], securityGroups: ['web-sg'] };
    // A group the VPC does not hold fails the launch, as on AWS; once created, it is the instance's.
    expect(() => local.cloud.ec2.runInstance(spec)).toThrow(/^The security group 'web-sg' does not exist in default VPC 'vpc-[0-9a-f]{17}'$/);
    const groupId = (await ec2.createSecurityGroup({ GroupName: 'web-sg', Description: 'web' })).GroupId;
    const view = local.cloud.ec2.runInstance(spec);
    expect([view.state, view.cpu, view.healthy, view.availabilityZone]).toEqual(['pending', 77, true, 'us-east-1c']);
    const i = await describe1(view.id);
    expect([i.InstanceType, i.Tags, i.SecurityGroups?.[0]?.GroupName]).toEqual(['t3.small', [{ Key: 'aws:autoscaling:groupName', Value: 'web' }], 'web-sg']);
    expect(i.SecurityGroups?.[0]?.GroupId).toBe(groupId);
    expect(local.cloud.ec2.imageExists('ami-12345678')).toBe(true);
    expect(local.cloud.ec2.imageExists('ami-missing')).toBe(false);
    expect(local.cloud.ec2.zones()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e']);
    local.cloud.ec2.terminateInstance(view.id);
    local.cloud.ec2.terminateInstance('i-00000000000000000');
    expect(local.cloud.ec2.getInstance(view.id)?.state).toBe('shutting-down');
  });
});

describe('DescribeInstances', () => {
  test('filters: state, zone, tags with wildcards, tag-key, image, type, id; an unknown filter is an error', async () => {
    const [a] = await run({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }] });
    const [b] = await run({ Placement: { AvailabilityZone: 'us-east-1b' }, InstanceType: 't3.large', TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'db-1' }, { Key: 'Tier', Value: 'data' }] }] });
    const [c] = await run({ ImageId: 'ami-87654321' });
    local.clock.advance('20s');
    await ec2.terminateInstances({ InstanceIds: [c?.InstanceId as string] });
    const ids = async (filters: Array<{ Name: string; Values: string[] }>): Promise<string[]> =>
      ((await ec2.describeInstances({ Filters: filters })).Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId as string));
    expect(await ids([{ Name: 'instance-state-name', Values: ['running'] }])).toEqual([a?.InstanceId, b?.InstanceId]);
    expect(await ids([{ Name: 'instance-state-name', Values: ['shutting-down', 'terminated'] }])).toEqual([c?.InstanceId]);
    expect(await ids([{ Name: 'instance-state-code', Values: ['16'] }])).toEqual([a?.InstanceId, b?.InstanceId]);
    expect(await ids([{ Name: 'availability-zone', Values: ['us-east-1b'] }])).toEqual([b?.InstanceId]);
    expect(await ids([{ Name: 'tag:Name', Values: ['web-*'] }])).toEqual([a?.InstanceId]);
    expect(await ids([{ Name: 'tag:Name', Values: ['??-1'] }])).toEqual([b?.InstanceId]);
    expect(await ids([{ Name: 'tag-key', Values: ['Tier'] }])).toEqual([b?.InstanceId]);
    expect(await ids([{ Name: 'image-id', Values: ['ami-87654321'] }])).toEqual([c?.InstanceId]);
    expect(await ids([{ Name: 'instance-type', Values: ['t3.large'] }])).toEqual([b?.InstanceId]);
    expect(await ids([{ Name: 'instance-id', Values: [a?.InstanceId as string, c?.InstanceId as string] }, { Name: 'instance-state-name', Values: ['running'] }])).toEqual([a?.InstanceId]);
    expect(await failure(ec2.describeInstances({ Filters: [{ Name: 'colour', Values: ['red'] }] }))).toEqual({ name: 'InvalidParameterValue', message: "The filter 'colour' is invalid", status: 400, code: 'InvalidParameterValue' });
  });

  test('ids: malformed, not found (one or several), and found in reservations', async () => {
    const [a] = await run();
    expect(await failure(ec2.describeInstances({ InstanceIds: ['bogus'] }))).toEqual({ name: 'InvalidInstanceID.Malformed', message: 'Invalid id: "bogus"', status: 400, code: 'InvalidInstanceID.Malformed' });
    expect((await failure(ec2.describeInstances({ InstanceIds: ['i-4f8cf126', 'i-0bb7ca62'] }))).message).toBe("The instance IDs 'i-4f8cf126, i-0bb7ca62' do not exist");
    const out = await ec2.describeInstances({ InstanceIds: [a?.InstanceId as string] });
    expect(out.Reservations?.map((r) => [r.OwnerId, r.Groups, r.Instances?.length])).toEqual([['123456789012', [], 1]]);
  });

  test('paging with MaxResults 5 to 1000 and NextToken', async () => {
    await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 12, MaxCount: 12 });
    const seen: string[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await ec2.describeInstances({ MaxResults: 5, NextToken: token });
      const ids = (page.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId as string));
      sizes.push(ids.length);
      seen.push(...ids);
      token = page.NextToken;
    } while (token !== undefined);
    expect(sizes).toEqual([5, 5, 2]);
    expect(new Set(seen).size).toBe(12);
    expect(await failure(ec2.describeInstances({ MaxResults: 4 }))).toEqual({
      name: 'InvalidParameterValue',
      message: 'Value ( 4 ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.',
      status: 400,
      code: 'InvalidParameterValue',
    });
    expect((await failure(ec2.describeInstances({ MaxResults: 5, InstanceIds: [seen[0] as string] }))).message).toBe('The parameter instancesSet cannot be used with the parameter maxResults');
    expect((await failure(ec2.describeInstances({ MaxResults: 5, NextToken: 'garbage' }))).name).toBe('InvalidParameterValue');
  });

  test('the XML is EC2-shaped: requestId, reservationSet/instancesSet items, location names', async () => {
    const [a] = await run();
    const reservation = (await ec2.describeInstances({})).Reservations?.[0]?.ReservationId;
    const res = await query(local.endpoint, { Action: 'DescribeInstances', Version: '2016-11-15', 'InstanceId.1': a?.InstanceId as string });
    expect(res.status).toBe(200);
    // Members come in the model's order (botocore 1.43's puts reservationId and ownerId first).
    expect(res.text).toMatch(
      new RegExp(
        '^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>[0-9a-f-]{36}</requestId>' +
          `<reservationSet><item><reservationId>${reservation}</reservationId><ownerId>123456789012</ownerId><groupSet></groupSet><instancesSet><item><architecture>x86_64</architecture>`,
      ),
    );
    expect(res.text).toContain(`<instanceId>${a?.InstanceId}</instanceId><imageId>ami-12345678</imageId><instanceState><code>0</code><name>pending</name></instanceState>`);
    expect(res.text).toContain('<amiLaunchIndex>0</amiLaunchIndex><productCodes></productCodes><instanceType>m1.small</instanceType>');
    expect(res.text).toMatch(/<\/item><\/instancesSet><\/item><\/reservationSet><\/DescribeInstancesResponse>$/);
  });
});

describe('DescribeInstanceStatus', () => {
  test('running instances by default, all with IncludeAllInstances; initializing, ok and impaired', async () => {
    const [a, b] = (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 2, MaxCount: 2 })).Instances as [Instance, Instance];
    expect((await ec2.describeInstanceStatus({})).InstanceStatuses).toEqual([]);
    const all = await ec2.describeInstanceStatus({ IncludeAllInstances: true });
    expect(all.InstanceStatuses?.[0]).toEqual({
      AvailabilityZone: 'us-east-1a',
      InstanceId: a.InstanceId,
      InstanceState: { Code: 0, Name: 'pending' },
      InstanceStatus: { Status: 'not-applicable' },
      SystemStatus: { Status: 'not-applicable' },
      Events: [],
    });
    local.clock.advance('20s');
    const init = await ec2.describeInstanceStatus({ InstanceIds: [a.InstanceId as string] });
    expect(init.InstanceStatuses?.[0]?.InstanceStatus).toEqual({ Status: 'initializing', Details: [{ Name: 'reachability', Status: 'initializing' }] });
    local.clock.advance('1m');
    const ok = await ec2.describeInstanceStatus({});
    expect(ok.InstanceStatuses?.map((s) => [s.InstanceId, s.InstanceStatus?.Status, s.SystemStatus])).toEqual([
      [a.InstanceId, 'ok', { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] }],
      [b.InstanceId, 'ok', { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] }],
    ]);
    const view = local.cloud.ec2.getInstance(b.InstanceId as string);
    if (view !== undefined) view.healthy = false;
    local.clock.advance('10s');
    const impaired = await ec2.describeInstanceStatus({ Filters: [{ Name: 'instance-status.status', Values: ['impaired'] }] });
    expect(impaired.InstanceStatuses?.map((s) => [s.InstanceId, s.InstanceStatus])).toEqual([
      [b.InstanceId, { Status: 'impaired', Details: [{ Name: 'reachability', Status: 'failed', ImpairedSince: new Date(T0 + 90_000) }] }],
    ]);
    expect((await failure(ec2.describeInstanceStatus({ InstanceIds: ['i-00000000000000000'] }))).name).toBe('InvalidInstanceID.NotFound');
  });
});

describe('zones, regions, security groups, images', () => {
  test('DescribeAvailabilityZones', async () => {
    const out = await ec2.describeAvailabilityZones({});
    expect(out.AvailabilityZones?.[0]).toEqual({
      State: 'available',
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: 'us-east-1',
      ZoneName: 'us-east-1a',
      ZoneId: 'use1-az1',
      GroupName: 'us-east-1',
      NetworkBorderGroup: 'us-east-1',
      ZoneType: 'availability-zone',
    });
    expect(out.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e']);
    expect((await ec2.describeAvailabilityZones({ ZoneNames: ['us-east-1c', 'us-east-1a'] })).AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1c']);
    expect((await ec2.describeAvailabilityZones({ Filters: [{ Name: 'zone-name', Values: ['*d'] }] })).AvailabilityZones?.map((z) => z.ZoneId)).toEqual(['use1-az4']);
    expect(await failure(ec2.describeAvailabilityZones({ ZoneNames: ['us-east-1z'] }))).toEqual({ name: 'InvalidParameterValue', message: 'Invalid availability zone: [us-east-1z]', status: 400, code: 'InvalidParameterValue' });
  });

  test('DescribeRegions', async () => {
    const names = (await ec2.describeRegions({})).Regions?.map((r) => r.RegionName);
    expect(names).toEqual(['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
    const all = await ec2.describeRegions({ AllRegions: true });
    expect(all.Regions?.find((r) => r.RegionName === 'af-south-1')).toEqual({ Endpoint: 'ec2.af-south-1.amazonaws.com', RegionName: 'af-south-1', OptInStatus: 'not-opted-in' });
    // Every region of the SDK's `aws` partition (src/core/rules/sdk-regions.ts), the client's list too.
    expect(all.Regions?.map((r) => r.RegionName).sort()).toEqual([...regionsOf('aws')].sort());
    expect((await ec2.describeRegions({ Filters: [{ Name: 'region-name', Values: ['us-*'] }] })).Regions?.map((r) => r.RegionName)).toEqual(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
    expect((await failure(ec2.describeRegions({ RegionNames: ['mars-1'] }))).message).toBe('Invalid region: mars-1');
  });

  test('DescribeSecurityGroups: the default group of the default VPC', async () => {
    const out = await ec2.describeSecurityGroups({ GroupNames: ['default'] });
    const g = out.SecurityGroups?.[0];
    expect(g).toEqual({
      Description: 'default VPC security group',
      GroupName: 'default',
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: g?.GroupId, UserId: '123456789012' }] }],
      OwnerId: '123456789012',
      GroupId: g?.GroupId,
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      VpcId: g?.VpcId,
      SecurityGroupArn: `arn:aws:ec2:us-east-1:123456789012:security-group/${g?.GroupId}`,
    });
    expect(g?.GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(g?.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect((await ec2.describeSecurityGroups({ GroupIds: [g?.GroupId as string] })).SecurityGroups).toHaveLength(1);
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['web'] }] })).SecurityGroups).toEqual([]);
    expect((await failure(ec2.describeSecurityGroups({ GroupNames: ['web'] }))).message).toBe(`The security group 'web' does not exist in default VPC '${g?.VpcId}'`);
    expect(await failure(ec2.describeSecurityGroups({ GroupIds: ['web'] }))).toEqual({ name: 'InvalidGroupId.Malformed', message: 'Invalid id: "web" (expecting "sg-...")', status: 400, code: 'InvalidGroupId.Malformed' });
    expect((await failure(ec2.describeSecurityGroups({ GroupIds: ['sg-12345678'] }))).name).toBe('InvalidGroup.NotFound');
  });

  test('DescribeImages: any well-formed ami- id is a simulated image', async () => {
    const out = await ec2.describeImages({ ImageIds: ['ami-12345678'] });
    expect(out.Images).toEqual([
      {
        Architecture: 'x86_64',
        CreationDate: '2025-01-01T00:00:00.000Z',
        ImageId: 'ami-12345678',
        ImageLocation: 'amazon/botoscale-simulated-ami-12345678',
        ImageType: 'machine',
        Public: true,
        OwnerId: '137112412989',
        PlatformDetails: 'Linux/UNIX',
        UsageOperation: 'RunInstances',
        ProductCodes: [],
        State: 'available',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: 'snap-12345678000000000', VolumeSize: 8, VolumeType: 'gp3', Encrypted: false } }],
        Description: 'An image simulated by botoscale local',
        EnaSupport: true,
        Hypervisor: 'xen',
        ImageOwnerAlias: 'amazon',
        Name: 'botoscale-simulated-ami-12345678',
        RootDeviceName: '/dev/xvda',
        RootDeviceType: 'ebs',
        SriovNetSupport: 'simple',
        VirtualizationType: 'hvm',
        BootMode: 'uefi-preferred',
      },
    ]);
    await run({ ImageId: 'ami-0123456789abcdef0' });
    expect((await ec2.describeImages({})).Images?.map((i) => i.ImageId)).toEqual(['ami-0abcdef1234567890', 'ami-0123456789abcdef0']);
    expect((await ec2.describeImages({ Owners: ['self'] })).Images).toEqual([]);
    expect((await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'image-id', Values: ['ami-0123*'] }] })).Images?.map((i) => i.ImageId)).toEqual(['ami-0123456789abcdef0']);
    expect(await failure(ec2.describeImages({ ImageIds: ['my-ami'] }))).toEqual({ name: 'InvalidAMIID.Malformed', message: 'Invalid id: "my-ami" (expecting "ami-...")', status: 400, code: 'InvalidAMIID.Malformed' });
  });

  test('TerminateInstances: unknown and malformed ids fail the whole call', async () => {
    const [a] = await run();
    expect((await failure(ec2.terminateInstances({ InstanceIds: [a?.InstanceId as string, 'i-00000000000000000'] }))).message).toBe("The instance ID 'i-00000000000000000' does not exist");
    expect((await describe1(a?.InstanceId as string)).State?.Name).toBe('pending');
    expect((await failure(ec2.terminateInstances({ InstanceIds: ['i-xyz'] }))).name).toBe('InvalidInstanceID.Malformed');
    expect((await failure(ec2.terminateInstances({ InstanceIds: [] }))).name).toBe('MissingParameter');
  });
});

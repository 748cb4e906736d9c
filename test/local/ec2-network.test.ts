/**
 * The simulated EC2 network through @aws-sdk/client-ec2: the default VPC and its
 * subnets, CreateVpc/DescribeVpcs/DeleteVpc, CreateSubnet/DescribeSubnets/DeleteSubnet,
 * security groups and their rules, each against the EC2 API Reference
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/) and the VPC User Guide.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { Ec2State } from '../../src/local/ec2';
import { clientConfig, eachLocal, failure, startTest } from './helpers';

let local: LocalEndpoint;
let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (l, c) => {
  local = l;
  ec2 = c;
});

async function vpc(cidr = '10.0.0.0/16'): Promise<string> {
  return (await ec2.createVpc({ CidrBlock: cidr })).Vpc?.VpcId as string;
}

async function subnet(vpcId: string, cidr: string, zone?: string): Promise<string> {
  return (await ec2.createSubnet({ VpcId: vpcId, CidrBlock: cidr, ...(zone === undefined ? {} : { AvailabilityZone: zone }) })).Subnet?.SubnetId as string;
}

describe('the default VPC (VPC User Guide, "Default VPCs")', () => {
  test('one 172.31.0.0/16 VPC with a default /20 subnet per zone and a default security group', async () => {
    const vpcs = (await ec2.describeVpcs({})).Vpcs ?? [];
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: '123456789012', InstanceTenancy: 'default' });
    const subnets = (await ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets ?? [];
    expect(subnets.map((s) => [s.AvailabilityZone, s.CidrBlock, s.MapPublicIpOnLaunch, s.AvailableIpAddressCount])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true, 4091],
      ['us-east-1b', '172.31.16.0/20', true, 4091],
      ['us-east-1c', '172.31.32.0/20', true, 4091],
      ['us-east-1d', '172.31.48.0/20', true, 4091],
      ['us-east-1e', '172.31.64.0/20', true, 4091],
    ]);
    expect(subnets.every((s) => s.VpcId === vpcs[0]?.VpcId)).toBe(true);
    const groups = (await ec2.describeSecurityGroups({})).SecurityGroups ?? [];
    expect(groups.map((g) => [g.GroupName, g.VpcId])).toEqual([['default', vpcs[0]?.VpcId]]);
  });
});

describe('CreateVpc / DescribeVpcs / DeleteVpc (API Reference: CreateVpc, DescribeVpcs, DeleteVpc)', () => {
  test('a VPC with tags, its own default security group, and describes by id, filter and page', async () => {
    const out = await ec2.createVpc({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'main' }] }] });
    const id = out.Vpc?.VpcId as string;
    expect(id).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(out.Vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'pending', IsDefault: false, Tags: [{ Key: 'Name', Value: 'main' }] });
    expect(out.Vpc?.CidrBlockAssociationSet?.[0]).toMatchObject({ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } });
    const d = (await ec2.describeVpcs({ VpcIds: [id] })).Vpcs?.[0];
    expect(d).toMatchObject({ VpcId: id, State: 'available' });
    expect((await ec2.describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['main'] }] })).Vpcs?.map((v) => v.VpcId)).toEqual([id]);
    expect((await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['false'] }] })).Vpcs?.map((v) => v.VpcId)).toEqual([id]);
    expect((await ec2.describeVpcs({ Filters: [{ Name: 'cidr', Values: ['10.0.*'] }] })).Vpcs).toHaveLength(1);
    const groups = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).SecurityGroups ?? [];
    expect(groups.map((g) => g.GroupName)).toEqual(['default']);
    await vpc('10.1.0.0/16');
    await vpc('10.2.0.0/16');
    const first = await ec2.describeVpcs({ MaxResults: 5 });
    expect(first.Vpcs).toHaveLength(4);
    expect(first.NextToken).toBeUndefined();
    await vpc('10.3.0.0/16');
    const page = await ec2.describeVpcs({ MaxResults: 5 });
    expect(page.Vpcs).toHaveLength(5);
  });

  test('AWS errors: malformed and out-of-range blocks, the VPC quota, unknown ids, paging bounds', async () => {
    expect(await failure(ec2.createVpc({ CidrBlock: '10.0.0.0/8' }))).toMatchObject({ code: 'InvalidVpc.Range', message: "The CIDR '10.0.0.0/8' is invalid." });
    expect(await failure(ec2.createVpc({ CidrBlock: '10.0.0.0/29' }))).toMatchObject({ code: 'InvalidVpc.Range' });
    expect(await failure(ec2.createVpc({ CidrBlock: '10.0.0.1/16' }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Value (10.0.0.1/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.' });
    expect(await failure(ec2.createVpc({}))).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter CidrBlock' });
    for (let i = 1; i <= 4; i++) await vpc(`10.${i}.0.0/16`);
    // VPC User Guide, "Amazon VPC quotas": five VPCs per Region, the default one included.
    expect(await failure(ec2.createVpc({ CidrBlock: '10.9.0.0/16' }))).toMatchObject({ code: 'VpcLimitExceeded', message: 'The maximum number of VPCs has been reached.' });
    expect(await failure(ec2.describeVpcs({ VpcIds: ['vpc-0000000000000000f'] }))).toMatchObject({ code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0000000000000000f' does not exist", status: 400 });
    expect(await failure(ec2.describeVpcs({ VpcIds: ['vpc-x'] }))).toMatchObject({ code: 'InvalidVpcID.Malformed', message: 'Invalid id: "vpc-x"' });
    expect(await failure(ec2.describeVpcs({ MaxResults: 4 }))).toMatchObject({ code: 'InvalidParameterValue' });
    expect(await failure(ec2.describeVpcs({ Filters: [{ Name: 'bogus', Values: ['x'] }] }))).toMatchObject({ code: 'InvalidParameterValue', message: "The filter 'bogus' is invalid" });
  });

  test('DeleteVpc: DependencyViolation while it has subnets or non-default security groups; gone afterwards', async () => {
    const id = await vpc();
    const s = await subnet(id, '10.0.1.0/24');
    const dependency = { code: 'DependencyViolation', message: `The vpc '${id}' has dependencies and cannot be deleted.`, status: 400 };
    expect(await failure(ec2.deleteVpc({ VpcId: id }))).toMatchObject(dependency);
    await ec2.deleteSubnet({ SubnetId: s });
    const sg = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: id })).GroupId as string;
    expect(await failure(ec2.deleteVpc({ VpcId: id }))).toMatchObject(dependency);
    await ec2.deleteSecurityGroup({ GroupId: sg });
    await ec2.deleteVpc({ VpcId: id });
    expect(await failure(ec2.describeVpcs({ VpcIds: [id] }))).toMatchObject({ code: 'InvalidVpcID.NotFound' });
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).SecurityGroups).toEqual([]);
    expect(await failure(ec2.deleteVpc({ VpcId: id }))).toMatchObject({ code: 'InvalidVpcID.NotFound' });
  });
});

describe('CreateSubnet / DescribeSubnets / DeleteSubnet (API Reference: CreateSubnet, DescribeSubnets, DeleteSubnet)', () => {
  test('a subnet inside its VPC, in the zone asked for, with the addresses AWS leaves free', async () => {
    const id = await vpc();
    const out = (await ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'tier', Value: 'web' }] }] })).Subnet;
    expect(out).toMatchObject({ VpcId: id, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2', DefaultForAz: false, MapPublicIpOnLaunch: false, State: 'available', Tags: [{ Key: 'tier', Value: 'web' }] });
    // VPC User Guide, "Subnet CIDR blocks": the first four and the last address are reserved.
    expect(out?.AvailableIpAddressCount).toBe(251);
    expect(out?.SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${out?.SubnetId}`);
    const b = await subnet(id, '10.0.2.0/28', 'us-east-1c');
    const byVpc = (await ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).Subnets ?? [];
    expect(byVpc.map((s) => [s.CidrBlock, s.AvailableIpAddressCount])).toEqual([['10.0.1.0/24', 251], ['10.0.2.0/28', 11]]);
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1c'] }, { Name: 'vpc-id', Values: [id] }] })).Subnets?.map((s) => s.SubnetId)).toEqual([b]);
    expect((await ec2.describeSubnets({ SubnetIds: [b] })).Subnets?.map((s) => s.CidrBlock)).toEqual(['10.0.2.0/28']);
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'subnet-id', Values: [b] }] })).Subnets).toHaveLength(1);
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'tag:tier', Values: ['web'] }] })).Subnets?.map((s) => s.CidrBlock)).toEqual(['10.0.1.0/24']);
    const paged = await ec2.describeSubnets({ MaxResults: 5 });
    expect(paged.Subnets).toHaveLength(5);
    const rest = await ec2.describeSubnets({ MaxResults: 5, NextToken: paged.NextToken });
    expect(rest.Subnets).toHaveLength(2);
    expect(rest.NextToken).toBeUndefined();
  });

  test('AWS errors: outside the VPC, overlapping, bad zone, unknown VPC or subnet, in use', async () => {
    const id = await vpc();
    await subnet(id, '10.0.1.0/24');
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.1.0.0/24' }))).toMatchObject({ code: 'InvalidSubnet.Range', message: "The CIDR '10.1.0.0/24' is invalid.", status: 400 });
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.0.0/29' }))).toMatchObject({ code: 'InvalidSubnet.Range', message: "The CIDR '10.0.0.0/29' is invalid." });
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.1.128/25' }))).toMatchObject({ code: 'InvalidSubnet.Conflict', message: "The CIDR '10.0.1.128/25' conflicts with another subnet" });
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.0.0/23' }))).toMatchObject({ code: 'InvalidSubnet.Conflict' });
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-east-1z' }))).toMatchObject({
      code: 'InvalidParameterValue',
      message: 'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e.',
    });
    expect(await failure(ec2.createSubnet({ VpcId: id, CidrBlock: '10.0.9.0' }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Value (10.0.9.0) for parameter cidrBlock is invalid. This is not a valid CIDR block.' });
    expect(await failure(ec2.createSubnet({ VpcId: 'vpc-0000000000000000f', CidrBlock: '10.0.9.0/24' }))).toMatchObject({ code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0000000000000000f' does not exist" });
    expect(await failure(ec2.createSubnet({ CidrBlock: '10.0.9.0/24' } as never))).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter VpcId' });
    expect(await failure(ec2.describeSubnets({ SubnetIds: ['subnet-0000000000000000f'] }))).toMatchObject({ code: 'InvalidSubnetID.NotFound', message: "The subnet ID 'subnet-0000000000000000f' does not exist" });
    expect(await failure(ec2.deleteSubnet({ SubnetId: 'subnet-0000000000000000f' }))).toMatchObject({ code: 'InvalidSubnetID.NotFound' });
    expect(await failure(ec2.describeSubnets({ SubnetIds: ['subnet-0000000000000000f'], MaxResults: 5 }))).toMatchObject({ code: 'InvalidSubnetID.NotFound' });
  });

  test('DeleteSubnet: DependencyViolation while an instance sits in it, then gone', async () => {
    const id = await vpc();
    const s = await subnet(id, '10.0.1.0/24');
    const run = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s });
    const instance = run.Instances?.[0];
    expect([instance?.SubnetId, instance?.VpcId, instance?.PrivateIpAddress, instance?.PublicIpAddress]).toEqual([s, id, '10.0.1.4', undefined]);
    expect((await ec2.describeSubnets({ SubnetIds: [s] })).Subnets?.[0]?.AvailableIpAddressCount).toBe(250);
    expect(await failure(ec2.deleteSubnet({ SubnetId: s }))).toMatchObject({ code: 'DependencyViolation', message: `The subnet '${s}' has dependencies and cannot be deleted.` });
    await ec2.terminateInstances({ InstanceIds: [instance?.InstanceId as string] });
    local.clock.advance('10s');
    await ec2.deleteSubnet({ SubnetId: s });
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).Subnets).toEqual([]);
  });

  test('a full /28 answers InsufficientFreeAddressesInSubnet (RunInstances errors)', async () => {
    const id = await vpc();
    const s = await subnet(id, '10.0.1.0/28');
    const run = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 11, MaxCount: 11, SubnetId: s });
    expect(run.Instances?.map((i) => i.PrivateIpAddress)).toEqual(Array.from({ length: 11 }, (_, n) => `10.0.1.${n + 4}`));
    expect(await failure(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s }))).toMatchObject({ code: 'InsufficientFreeAddressesInSubnet' });
  });
});

describe('security groups (API Reference: CreateSecurityGroup, DescribeSecurityGroups, DeleteSecurityGroup, AuthorizeSecurityGroupIngress/Egress)', () => {
  test('a group in a VPC with ingress and egress rules recorded and described', async () => {
    const id = await vpc();
    const created = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web servers', VpcId: id, TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'app', Value: 'shop' }] }] });
    const sg = created.GroupId as string;
    expect(sg).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(created.Tags).toEqual([{ Key: 'app', Value: 'shop' }]);
    const ingress = await ec2.authorizeSecurityGroupIngress({
      GroupId: sg,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }, { CidrIp: '10.0.0.0/16' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
      ],
    });
    expect(ingress.Return).toBe(true);
    expect(ingress.SecurityGroupRules?.map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4, r.Description])).toEqual([
      [false, 'tcp', 80, 80, '0.0.0.0/0', 'http'],
      [false, 'tcp', 80, 80, '10.0.0.0/16', undefined],
      [false, 'tcp', 22, 22, '10.0.0.0/16', undefined],
    ]);
    expect(ingress.SecurityGroupRules?.[0]?.SecurityGroupRuleId).toMatch(/^sgr-[0-9a-f]{17}$/);
    const defaultGroup = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups?.[0]?.GroupId as string;
    await ec2.authorizeSecurityGroupEgress({ GroupId: sg, IpPermissions: [{ IpProtocol: '6', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: defaultGroup }] }] });
    const g = (await ec2.describeSecurityGroups({ GroupIds: [sg] })).SecurityGroups?.[0];
    expect(g).toMatchObject({ GroupName: 'web', Description: 'web servers', VpcId: id, Tags: [{ Key: 'app', Value: 'shop' }] });
    expect(g?.IpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }, { CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);
    expect(g?.IpPermissionsEgress).toEqual([
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: defaultGroup, UserId: '123456789012' }] },
    ]);
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'ip-permission.from-port', Values: ['22'] }] })).SecurityGroups?.map((x) => x.GroupId)).toEqual([sg]);
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'tag:app', Values: ['shop'] }] })).SecurityGroups?.map((x) => x.GroupId)).toEqual([sg]);
    // The referenced default group cannot go while the rule names it; a group can go once unused.
    await ec2.deleteSecurityGroup({ GroupId: sg });
    expect(await failure(ec2.describeSecurityGroups({ GroupIds: [sg] }))).toMatchObject({ code: 'InvalidGroup.NotFound', message: `The security group '${sg}' does not exist` });
  });

  test('groups in the default VPC by name; the legacy CidrIp form', async () => {
    const sg = (await ec2.createSecurityGroup({ GroupName: 'ssh', Description: 'ssh' })).GroupId as string;
    await ec2.authorizeSecurityGroupIngress({ GroupName: 'ssh', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '203.0.113.0/24' });
    const g = (await ec2.describeSecurityGroups({ GroupNames: ['ssh'] })).SecurityGroups?.[0];
    expect([g?.GroupId, g?.IpPermissions?.[0]?.IpRanges]).toEqual([sg, [{ CidrIp: '203.0.113.0/24' }]]);
    await ec2.deleteSecurityGroup({ GroupName: 'ssh' });
  });

  test('AWS errors: duplicates, sg-* names, default group, in use, referenced, bad rules', async () => {
    const id = await vpc();
    const sg = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: id })).GroupId as string;
    expect(await failure(ec2.createSecurityGroup({ GroupName: 'web', Description: 'again', VpcId: id }))).toMatchObject({ code: 'InvalidGroup.Duplicate', message: `The security group 'web' already exists for VPC '${id}'` });
    expect(await failure(ec2.createSecurityGroup({ GroupName: 'sg-web', Description: 'x' }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Group names may not be in the format sg-*.' });
    expect(await failure(ec2.createSecurityGroup({ GroupName: 'x' } as never))).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter GroupDescription' });
    expect(await failure(ec2.createSecurityGroup({ GroupName: 'x', Description: 'x', VpcId: 'vpc-0000000000000000f' }))).toMatchObject({ code: 'InvalidVpcID.NotFound' });
    const rule = { GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] };
    await ec2.authorizeSecurityGroupIngress(rule);
    expect(await failure(ec2.authorizeSecurityGroupIngress(rule))).toMatchObject({
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
    });
    expect(await failure(ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }))).toMatchObject({
      code: 'InvalidParameterValue',
      message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
    });
    expect(await failure(ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '10.0.0/8' }] }] }))).toMatchObject({ code: 'InvalidParameterValue', message: 'CIDR block 10.0.0/8 is malformed' });
    expect(await failure(ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'bogus', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }))).toMatchObject({ code: 'InvalidParameterValue', message: "Invalid value 'bogus' for IP protocol. Unknown protocol." });
    expect(await failure(ec2.authorizeSecurityGroupIngress({ GroupId: 'sg-0000000000000000f', IpPermissions: rule.IpPermissions }))).toMatchObject({ code: 'InvalidGroup.NotFound', message: "The security group 'sg-0000000000000000f' does not exist" });
    const defaultGroup = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups?.[0]?.GroupId as string;
    expect(await failure(ec2.deleteSecurityGroup({ GroupId: defaultGroup }))).toMatchObject({ code: 'CannotDelete', message: `the specified group: "${defaultGroup}" name: "default" cannot be deleted by a user` });
    const other = (await ec2.createSecurityGroup({ GroupName: 'db', Description: 'db', VpcId: id })).GroupId as string;
    await ec2.authorizeSecurityGroupIngress({ GroupId: other, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: sg }] }] });
    expect(await failure(ec2.deleteSecurityGroup({ GroupId: sg }))).toMatchObject({ code: 'DependencyViolation', message: `resource ${sg} has a dependent object` });
    const s = await subnet(id, '10.0.1.0/24');
    await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s, SecurityGroupIds: [other] });
    expect(await failure(ec2.deleteSecurityGroup({ GroupId: other }))).toMatchObject({ code: 'DependencyViolation', message: `resource ${other} has a dependent object` });
    expect(await failure(ec2.describeSecurityGroups({ GroupNames: ['web'] }))).toMatchObject({ code: 'InvalidGroup.NotFound', message: `The security group 'web' does not exist in default VPC '${(await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs?.[0]?.VpcId}'` });
  });

  test('RunInstances in a subnet: the VPC default group, groups of that VPC only', async () => {
    const id = await vpc();
    const s = await subnet(id, '10.0.1.0/24');
    const defaultGroup = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).SecurityGroups?.[0]?.GroupId;
    const plain = (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s })).Instances?.[0];
    expect(plain?.SecurityGroups).toEqual([{ GroupName: 'default', GroupId: defaultGroup }]);
    const outside = (await ec2.describeSecurityGroups({ GroupNames: ['default'] })).SecurityGroups?.[0]?.GroupId as string;
    expect(await failure(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s, SecurityGroupIds: [outside] }))).toMatchObject({ code: 'InvalidParameter' });
    const defaultVpc = (await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs?.[0]?.VpcId;
    expect(await failure(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SecurityGroups: ['nope'] }))).toMatchObject({
      code: 'InvalidGroup.NotFound',
      message: `The security group 'nope' does not exist in default VPC '${defaultVpc}'`,
    });
    expect(await failure(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s, SecurityGroups: ['default'] }))).toMatchObject({
      code: 'InvalidParameterCombination',
      message: 'The parameter groupName cannot be used with the parameter subnet',
    });
  });
});

describe('the state file keeps the network', () => {
  test('VPCs, subnets, security group rules, stopped instances and attributes survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-net-'));
    const file = join(dir, 'state.json');
    try {
      const first = await startTest({ state: file });
      const c1 = new EC2(clientConfig(first.endpoint));
      const id = (await c1.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
      const s = (await c1.createSubnet({ VpcId: id, CidrBlock: '10.0.1.0/24' })).Subnet?.SubnetId as string;
      const sg = (await c1.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: id })).GroupId as string;
      await c1.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
      const instance = (await c1.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s, SecurityGroupIds: [sg] })).Instances?.[0]?.InstanceId as string;
      first.clock.advance('20s');
      await c1.stopInstances({ InstanceIds: [instance] });
      await c1.modifyInstanceAttribute({ InstanceId: instance, DisableApiTermination: { Value: true } });
      first.clock.advance('10s');
      const before = {
        vpcs: (await c1.describeVpcs({})).Vpcs,
        subnets: (await c1.describeSubnets({})).Subnets,
        groups: (await c1.describeSecurityGroups({})).SecurityGroups,
        instance: (await c1.describeInstances({ InstanceIds: [instance] })).Reservations,
      };
      c1.destroy();
      await first.close();
      const second = await startTest({ state: file });
      const c2 = new EC2(clientConfig(second.endpoint));
      try {
        expect({
          vpcs: (await c2.describeVpcs({})).Vpcs,
          subnets: (await c2.describeSubnets({})).Subnets,
          groups: (await c2.describeSecurityGroups({})).SecurityGroups,
          instance: (await c2.describeInstances({ InstanceIds: [instance] })).Reservations,
        }).toEqual(before);
        expect((await c2.describeInstanceAttribute({ InstanceId: instance, Attribute: 'disableApiTermination' })).DisableApiTermination).toEqual({ Value: true });
        const next = (await c2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s })).Instances?.[0]?.PrivateIpAddress;
        expect(next).toBe('10.0.1.5');
      } finally {
        c2.destroy();
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a snapshot made before VPCs could be created restores its default VPC, subnets and group with their ids', () => {
    const old = new Ec2State('us-east-1', '123456789012');
    const snap = old.snapshot();
    const legacy = { ...snap, ipCounters: { 'us-east-1a': 251 } };
    delete legacy.network;
    const restored = new Ec2State('us-east-1', '123456789012');
    restored.restore(legacy);
    const vpc = restored.network.defaultVpc();
    expect(vpc?.id).toBe(snap.vpcId);
    expect(restored.network.subnetsOf(snap.vpcId).map((s) => [s.id, s.zone, s.cidr])).toEqual(snap.subnets.map((s) => [s.id, s.zone, s.cidr]));
    expect(restored.network.defaultGroupOf(snap.vpcId).id).toBe(snap.defaultGroup.id);
    // 251 addresses handed out the old way (.4 to .253 of 172.31.0.0, then 172.31.1.4): the next is after them.
    const next = restored.run({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' } }, 0).instances[0];
    expect(next?.privateIp).toBe('172.31.1.5');
  });
});

test('addresses of a full range are reused once their instances are gone', async () => {
  const id = await vpc();
  const s = await subnet(id, '10.0.1.0/28');
  const run = await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 11, MaxCount: 11, SubnetId: s });
  const third = run.Instances?.[2]?.InstanceId as string;
  await ec2.terminateInstances({ InstanceIds: [third] });
  local.clock.advance('10s');
  expect((await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: s })).Instances?.[0]?.PrivateIpAddress).toBe('10.0.1.6');
});

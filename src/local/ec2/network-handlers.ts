/**
 * The EC2 network wire handlers: CreateVpc, DescribeVpcs, DeleteVpc, CreateSubnet,
 * DescribeSubnets, DeleteSubnet, CreateSecurityGroup, DescribeSecurityGroups,
 * DeleteSecurityGroup, AuthorizeSecurityGroupIngress/Egress and
 * RevokeSecurityGroupIngress/Egress, with the filters, paging
 * and error codes of the EC2 API Reference.
 *
 * @module
 */
import type { SecurityGroup, Subnet, Tag, Vpc, VpcState } from '@aws-sdk/client-ec2';
import { awsError, type ErrorCode } from '../errors';
import { partitionOf } from '../../core/rules/aws-rules';
import type { RequestContext, ServiceHandlers } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun, nextToken, pageOf, pageSize, settledHandlers } from './handlers';
import { subnetNotFound, vpcNotFound, type NetGroupRecord, type NetSubnetRecord, type VpcRecord } from './network';
import { regionAbbreviation } from './regions';
import { addRules, permissionsShape, readRules, revokedShape, revokeRuleIds, revokeRules, rulesShape } from './sg-rules';
import type { Ec2Handlers, In, Out } from './sdk';
import type { Ec2State, TagRecord } from './state';
import { tagShapes, tagsOf } from './tags';

/** The DHCP options set every simulated VPC uses. */
export const DHCP_OPTIONS_ID = 'dopt-0b1a2c3d4e5f60718';

function tagsShape(tags: readonly TagRecord[]): { Tags?: Tag[] } {
  return tags.length === 0 ? {} : { Tags: tagShapes(tags) };
}

function checkIds(ids: readonly string[], prefix: string, code: ErrorCode<'ec2'>): void {
  const re = new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
  const bad = ids.find((id) => !re.test(id));
  if (bad !== undefined) throw awsError('ec2', code, `Invalid id: "${bad}"`);
}

/** A member the request must give, not empty (the model's required members may still be empty strings). */
function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw awsError('ec2', 'MissingParameter', `The request must contain the parameter ${name}`);
  return value;
}

function vpcFields(ownerId: string): FilterFields<VpcRecord> {
  return {
    'vpc-id': (v) => v.id,
    cidr: (v) => v.cidr,
    'cidr-block-association.cidr-block': (v) => v.cidr,
    'cidr-block-association.association-id': (v) => v.cidrAssociationId,
    'cidr-block-association.state': () => 'associated',
    'dhcp-options-id': () => DHCP_OPTIONS_ID,
    'is-default': (v) => v.isDefault,
    'owner-id': () => ownerId,
    state: () => 'available',
  };
}

function vpcShape(v: VpcRecord, ownerId: string, state: VpcState): Vpc {
  return {
    CidrBlock: v.cidr,
    DhcpOptionsId: DHCP_OPTIONS_ID,
    State: state,
    VpcId: v.id,
    OwnerId: ownerId,
    InstanceTenancy: v.instanceTenancy,
    CidrBlockAssociationSet: [{ AssociationId: v.cidrAssociationId, CidrBlock: v.cidr, CidrBlockState: { State: 'associated' } }],
    IsDefault: v.isDefault,
    ...tagsShape(v.tags),
  };
}

function subnetFields(ec2: Ec2State, ownerId: string): FilterFields<NetSubnetRecord> {
  const zoneId = (s: NetSubnetRecord): string => `${regionAbbreviation(ec2.region)}-az${ec2.zones.indexOf(s.zone) + 1}`;
  return {
    'vpc-id': (s) => s.vpcId,
    'subnet-id': (s) => s.id,
    'availability-zone': (s) => s.zone,
    availabilityZone: (s) => s.zone,
    'availability-zone-id': zoneId,
    'default-for-az': (s) => s.defaultForAz,
    defaultForAz: (s) => s.defaultForAz,
    'cidr-block': (s) => s.cidr,
    cidr: (s) => s.cidr,
    cidrBlock: (s) => s.cidr,
    state: () => 'available',
    'available-ip-address-count': (s) => ec2.availableAddresses(s),
    'map-public-ip-on-launch': (s) => s.mapPublicIpOnLaunch,
    'owner-id': () => ownerId,
    'subnet-arn': (s) => `arn:${partitionOf(ec2.region)}:ec2:${ec2.region}:${ownerId}:subnet/${s.id}`,
  };
}

function subnetShape(ec2: Ec2State, s: NetSubnetRecord, ownerId: string): Subnet {
  return {
    AvailabilityZone: s.zone,
    AvailabilityZoneId: `${regionAbbreviation(ec2.region)}-az${ec2.zones.indexOf(s.zone) + 1}`,
    AvailableIpAddressCount: ec2.availableAddresses(s),
    CidrBlock: s.cidr,
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    MapCustomerOwnedIpOnLaunch: false,
    State: 'available',
    SubnetId: s.id,
    VpcId: s.vpcId,
    OwnerId: ownerId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    SubnetArn: `arn:${partitionOf(ec2.region)}:ec2:${ec2.region}:${ownerId}:subnet/${s.id}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    ...tagsShape(s.tags),
  };
}

function groupFields(ownerId: string): FilterFields<NetGroupRecord> {
  return {
    'group-name': (g) => g.name,
    'group-id': (g) => g.id,
    'vpc-id': (g) => g.vpcId,
    description: (g) => g.description,
    'owner-id': () => ownerId,
    'ip-permission.protocol': (g) => g.ingress.map((r) => r.protocol),
    'ip-permission.from-port': (g) => g.ingress.map((r) => String(r.fromPort ?? -1)),
    'ip-permission.to-port': (g) => g.ingress.map((r) => String(r.toPort ?? -1)),
    'ip-permission.cidr': (g) => g.ingress.flatMap((r) => (r.cidrIpv4 === undefined ? [] : [r.cidrIpv4])),
    'ip-permission.ipv6-cidr': (g) => g.ingress.flatMap((r) => (r.cidrIpv6 === undefined ? [] : [r.cidrIpv6])),
    'ip-permission.group-id': (g) => g.ingress.flatMap((r) => (r.groupId === undefined ? [] : [r.groupId])),
    'egress.ip-permission.protocol': (g) => g.egress.map((r) => r.protocol),
    'egress.ip-permission.cidr': (g) => g.egress.flatMap((r) => (r.cidrIpv4 === undefined ? [] : [r.cidrIpv4])),
    'egress.ip-permission.group-id': (g) => g.egress.flatMap((r) => (r.groupId === undefined ? [] : [r.groupId])),
  };
}

function groupShape(ec2: Ec2State, g: NetGroupRecord, ownerId: string): SecurityGroup {
  return {
    Description: g.description,
    GroupName: g.name,
    IpPermissions: permissionsShape(g.ingress, ownerId),
    OwnerId: ownerId,
    GroupId: g.id,
    IpPermissionsEgress: permissionsShape(g.egress, ownerId),
    VpcId: g.vpcId,
    SecurityGroupArn: `arn:${partitionOf(ec2.region)}:ec2:${ec2.region}:${ownerId}:security-group/${g.id}`,
    ...tagsShape(g.tags),
  };
}

function paged<T extends { seq: number }>(input: { MaxResults?: number; NextToken?: string }, idsGiven: boolean, idsParam: string, items: readonly T[]): { items: T[]; next: { NextToken?: string } } {
  const max = pageSize(input, idsGiven, idsParam);
  const page = pageOf(items, max, input.NextToken);
  return { items: page.items, next: nextToken(page.nextToken) };
}

function vpcHandlers(ec2: Ec2State): Ec2Handlers {
  const net = ec2.network;
  return {
    CreateVpc(input, ctx): Out<'CreateVpc'> {
      dryRun(input);
      const cidr = required(input.CidrBlock, 'CidrBlock');
      const vpc = net.createVpc(cidr, input.InstanceTenancy ?? 'default', tagsOf(input.TagSpecifications, 'vpc') ?? []);
      return { Vpc: vpcShape(vpc, ctx.accountId, 'pending') };
    },

    DescribeVpcs(input, ctx): Out<'DescribeVpcs'> {
      dryRun(input);
      const ids = input.VpcIds ?? [];
      checkIds(ids, 'vpc', 'InvalidVpcID.Malformed');
      const missing = ids.find((id) => !net.vpcs.has(id));
      if (missing !== undefined) throw vpcNotFound(missing);
      const filters = new FilterSet(readFilters(input.Filters), vpcFields(ctx.accountId), (v) => v.tags);
      const candidates = ids.length > 0 ? [...new Set(ids)].map((id) => net.vpc(id)) : [...net.vpcs.values()];
      const page = paged(input, ids.length > 0, 'vpcIds', candidates.filter((v) => filters.matches(v)));
      return { Vpcs: page.items.map((v) => vpcShape(v, ctx.accountId, 'available')), ...page.next };
    },

    DeleteVpc(input): Out<'DeleteVpc'> {
      dryRun(input);
      const id = required(input.VpcId, 'VpcId');
      checkIds([id], 'vpc', 'InvalidVpcID.Malformed');
      net.deleteVpc(id);
      return {};
    },
  };
}

function subnetHandlers(ec2: Ec2State): Ec2Handlers {
  const net = ec2.network;
  const zoneOfId = (zoneId: string): string => {
    const i = ec2.zones.findIndex((_, n) => `${regionAbbreviation(ec2.region)}-az${n + 1}` === zoneId);
    if (i < 0) throw awsError('ec2', 'InvalidParameterValue', `Value (${zoneId}) for parameter availabilityZoneId is invalid.`);
    return ec2.zones[i] as string;
  };
  return {
    CreateSubnet(input, ctx): Out<'CreateSubnet'> {
      dryRun(input);
      const vpcId = required(input.VpcId, 'VpcId');
      checkIds([vpcId], 'vpc', 'InvalidVpcID.Malformed');
      const cidr = required(input.CidrBlock, 'CidrBlock');
      const zone = input.AvailabilityZone;
      const zoneId = input.AvailabilityZoneId;
      if (zone !== undefined && zoneId !== undefined) throw awsError('ec2', 'InvalidParameterCombination', 'The parameter AvailabilityZone cannot be used with the parameter AvailabilityZoneId');
      const subnet = net.createSubnet(vpcId, cidr, zone ?? (zoneId === undefined ? undefined : zoneOfId(zoneId)), tagsOf(input.TagSpecifications, 'subnet') ?? []);
      return { Subnet: subnetShape(ec2, subnet, ctx.accountId) };
    },

    DescribeSubnets(input, ctx): Out<'DescribeSubnets'> {
      dryRun(input);
      const ids = input.SubnetIds ?? [];
      checkIds(ids, 'subnet', 'InvalidSubnetID.Malformed');
      const missing = ids.find((id) => !net.subnets.has(id));
      if (missing !== undefined) throw subnetNotFound(missing);
      const filters = new FilterSet(readFilters(input.Filters), subnetFields(ec2, ctx.accountId), (s) => s.tags);
      const candidates = ids.length > 0 ? [...new Set(ids)].map((id) => net.subnet(id)) : [...net.subnets.values()];
      const page = paged(input, ids.length > 0, 'subnetIds', candidates.filter((s) => filters.matches(s)));
      return { Subnets: page.items.map((s) => subnetShape(ec2, s, ctx.accountId)), ...page.next };
    },

    DeleteSubnet(input): Out<'DeleteSubnet'> {
      dryRun(input);
      const id = required(input.SubnetId, 'SubnetId');
      checkIds([id], 'subnet', 'InvalidSubnetID.Malformed');
      net.deleteSubnet(id, ec2.use);
      return {};
    },
  };
}

function groupHandlers(ec2: Ec2State): Ec2Handlers {
  const net = ec2.network;
  const named = (input: { GroupId?: string; GroupName?: string }): NetGroupRecord => {
    if (input.GroupId !== undefined) return net.group(input.GroupId);
    if (input.GroupName !== undefined) return net.groupByName(input.GroupName);
    throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter groupName or groupId');
  };
  const authorize = (group: NetGroupRecord, egress: boolean, input: In<'AuthorizeSecurityGroupIngress'> | In<'AuthorizeSecurityGroupEgress'>, ctx: RequestContext): Out<'AuthorizeSecurityGroupIngress'> => {
    const added = addRules(group, egress, readRules(net, group, input));
    return { Return: true, SecurityGroupRules: rulesShape(group, egress, added, ctx.accountId) };
  };
  const revoke = (group: NetGroupRecord, egress: boolean, input: In<'RevokeSecurityGroupIngress'> | In<'RevokeSecurityGroupEgress'>, ctx: RequestContext): Out<'RevokeSecurityGroupIngress'> => {
    const ids = input.SecurityGroupRuleIds ?? [];
    if (ids.length === 0) {
      const { revoked, unknown } = revokeRules(group, egress, readRules(net, group, input), net.vpcs.get(group.vpcId)?.isDefault === true);
      return { Return: true, ...(unknown.length === 0 ? {} : { UnknownIpPermissions: permissionsShape(unknown, ctx.accountId) }), RevokedSecurityGroupRules: revokedShape(group, egress, revoked) };
    }
    const named = (input.IpPermissions ?? []).length > 0 || input.IpProtocol !== undefined || input.CidrIp !== undefined || input.SourceSecurityGroupName !== undefined;
    // Our words: AWS documents the two forms as alternatives ("either rule IDs or security group rule properties").
    if (named) throw awsError('ec2', 'InvalidParameterCombination', 'The parameter SecurityGroupRuleIds cannot be used with the parameters IpPermissions, CidrIp, IpProtocol or SourceSecurityGroupName');
    return { Return: true, RevokedSecurityGroupRules: revokedShape(group, egress, revokeRuleIds(group, egress, ids)) };
  };
  return {
    CreateSecurityGroup(input, ctx): Out<'CreateSecurityGroup'> {
      dryRun(input);
      const name = required(input.GroupName, 'GroupName');
      const vpcId = input.VpcId;
      if (vpcId !== undefined) checkIds([vpcId], 'vpc', 'InvalidVpcID.Malformed');
      const g = net.createGroup(name, input.Description, vpcId, tagsOf(input.TagSpecifications, 'security-group') ?? []);
      return { GroupId: g.id, SecurityGroupArn: `arn:${partitionOf(ec2.region)}:ec2:${ec2.region}:${ctx.accountId}:security-group/${g.id}`, ...tagsShape(g.tags) };
    },

    DescribeSecurityGroups(input, ctx): Out<'DescribeSecurityGroups'> {
      dryRun(input);
      const ids = input.GroupIds ?? [];
      const names = input.GroupNames ?? [];
      const picked = [...ids.map((id) => net.group(id)), ...names.map((n) => net.groupByName(n))];
      const filters = new FilterSet(readFilters(input.Filters), groupFields(ctx.accountId), (g) => g.tags);
      const candidates = picked.length > 0 ? [...new Set(picked)] : [...net.groups.values()];
      const page = paged(input, picked.length > 0, 'groupIds', candidates.filter((g) => filters.matches(g)));
      return { SecurityGroups: page.items.map((g) => groupShape(ec2, g, ctx.accountId)), ...page.next };
    },

    DeleteSecurityGroup(input): Out<'DeleteSecurityGroup'> {
      dryRun(input);
      const g = named(input);
      net.deleteGroup(g, ec2.use);
      return { Return: true, GroupId: g.id };
    },

    AuthorizeSecurityGroupIngress(input, ctx): Out<'AuthorizeSecurityGroupIngress'> {
      dryRun(input);
      return authorize(named(input), false, input, ctx);
    },

    AuthorizeSecurityGroupEgress(input, ctx): Out<'AuthorizeSecurityGroupEgress'> {
      dryRun(input);
      return authorize(net.group(required(input.GroupId, 'GroupId')), true, input, ctx);
    },

    RevokeSecurityGroupIngress(input, ctx): Out<'RevokeSecurityGroupIngress'> {
      dryRun(input);
      return revoke(named(input), false, input, ctx);
    },

    RevokeSecurityGroupEgress(input, ctx): Out<'RevokeSecurityGroupEgress'> {
      dryRun(input);
      return revoke(net.group(required(input.GroupId, 'GroupId')), true, input, ctx);
    },
  };
}

/** The network handlers over a state model; each first brings the instances to the request's time. */
export function networkHandlers(ec2: Ec2State): ServiceHandlers {
  return settledHandlers(ec2, { ...vpcHandlers(ec2), ...subnetHandlers(ec2), ...groupHandlers(ec2) });
}

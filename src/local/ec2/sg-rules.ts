/**
 * Security group rules: reading `IpPermissions` (and the older top-level `CidrIp`,
 * `IpProtocol`, `FromPort`, `ToPort`, `SourceSecurityGroupName` form) of
 * AuthorizeSecurityGroupIngress/Egress and RevokeSecurityGroupIngress/Egress, EC2's checks
 * on them, adding and revoking them, and the shapes
 * DescribeSecurityGroups (`IpPermissions`) and the authorize calls
 * (`SecurityGroupRules`) answer with.
 *
 * @module
 */
import type { IpPermission, IpRange, Ipv6Range, RevokedSecurityGroupRule, SecurityGroupRule, UserIdGroupPair } from '@aws-sdk/client-ec2';
import { awsError } from '../errors';
import { resourceId } from '../ids';
import { parseCidr } from './cidr';
import { MAX_RULES, type NetGroupRecord, type Network, type RuleRecord } from './network';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

function protocolOf(value: string): string {
  const lower = value.toLowerCase();
  const named = PROTOCOL_NAMES[lower] ?? lower;
  if (['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(named)) return named;
  if (/^\d{1,3}$/.test(named) && Number(named) <= 255) return named;
  throw awsError('ec2', 'InvalidParameterValue', `Invalid value '${value}' for IP protocol. Unknown protocol.`);
}

function portsOf(protocol: string, from: number | undefined, to: number | undefined): { fromPort?: number; toPort?: number } {
  if (protocol === '-1') return {};
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined) throw awsError('ec2', 'InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
    if (from < 0 || to > 65535 || from > to) throw awsError('ec2', 'InvalidParameterValue', `Invalid value '${from}-${to}' for portRange. Ports must be from 0 to 65535, the from port not above the to port.`);
    return { fromPort: from, toPort: to };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') return { fromPort: from ?? -1, toPort: to ?? -1 };
  return {};
}

function cidrChecked(value: string, ipv6: boolean): string {
  if (ipv6 ? !/^[0-9a-fA-F:]+\/\d{1,3}$/.test(value) : parseCidr(value) === undefined) {
    throw awsError('ec2', 'InvalidParameterValue', `CIDR block ${value} is malformed`);
  }
  return value;
}

/** A rule as asked for, before it has an id. */
export type RuleInput = Omit<RuleRecord, 'id'>;

function peersOf(network: Network, group: NetGroupRecord, p: IpPermission, base: RuleInput): RuleInput[] {
  const out: RuleInput[] = [];
  const withDescription = (rule: RuleInput, d: string | undefined): RuleInput => (d === undefined ? rule : { ...rule, description: d });
  for (const r of p.IpRanges ?? []) {
    if (r.CidrIp !== undefined) out.push(withDescription({ ...base, cidrIpv4: cidrChecked(r.CidrIp, false) }, r.Description));
  }
  for (const r of p.Ipv6Ranges ?? []) {
    if (r.CidrIpv6 !== undefined) out.push(withDescription({ ...base, cidrIpv6: cidrChecked(r.CidrIpv6, true) }, r.Description));
  }
  for (const pair of p.UserIdGroupPairs ?? []) {
    const id = pair.GroupId;
    const name = pair.GroupName;
    const peer = id !== undefined ? network.group(id) : name !== undefined ? network.groupByName(name) : undefined;
    if (peer === undefined) throw awsError('ec2', 'MissingParameter', 'A UserIdGroupPair needs a GroupId or a GroupName');
    if (peer.vpcId !== group.vpcId) throw awsError('ec2', 'InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.');
    out.push(withDescription({ ...base, groupId: peer.id }, pair.Description));
  }
  return out;
}

/** What an authorize (or revoke) request names: `IpPermissions`, or the older top-level members. */
export interface RulesRequest {
  /** The rules, each with its protocol, ports and peers. */
  IpPermissions?: IpPermission[];
  /** The older form's protocol. */
  IpProtocol?: string;
  /** The older form's IPv4 peer. */
  CidrIp?: string;
  /** The older form's first port. */
  FromPort?: number;
  /** The older form's last port. */
  ToPort?: number;
  /** The older form's peer group, by name. */
  SourceSecurityGroupName?: string;
}

/** Reads the rules of an authorize request, checked against EC2's rules. */
export function readRules(network: Network, group: NetGroupRecord, input: RulesRequest): RuleInput[] {
  const permissions = input.IpPermissions ?? [];
  const rules: RuleInput[] = [];
  for (const p of permissions) {
    const protocolText = p.IpProtocol;
    if (protocolText === undefined) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter ipProtocol');
    const protocol = protocolOf(protocolText);
    const base: RuleInput = { protocol, ...portsOf(protocol, p.FromPort, p.ToPort) };
    const peers = peersOf(network, group, p, base);
    if (peers.length === 0) throw awsError('ec2', 'MissingParameter', 'Each IpPermission needs at least one of IpRanges, Ipv6Ranges or UserIdGroupPairs (prefix lists are not simulated)');
    rules.push(...peers);
  }
  const legacyProtocol = input.IpProtocol;
  const legacyCidr = input.CidrIp;
  const legacyGroup = input.SourceSecurityGroupName;
  if (legacyProtocol !== undefined || legacyCidr !== undefined || legacyGroup !== undefined) {
    if (permissions.length > 0) throw awsError('ec2', 'InvalidParameterCombination', 'The parameter IpPermissions cannot be used with the parameters CidrIp, IpProtocol, FromPort, ToPort or SourceSecurityGroupName');
    const protocol = protocolOf(legacyProtocol ?? '-1');
    const base: RuleInput = { protocol, ...portsOf(protocol, input.FromPort, input.ToPort) };
    if (legacyGroup !== undefined) {
      const peer = network.groupByName(legacyGroup);
      rules.push({ protocol: '-1', groupId: peer.id });
    } else {
      rules.push({ ...base, cidrIpv4: cidrChecked(legacyCidr ?? '0.0.0.0/0', false) });
    }
  }
  if (rules.length === 0) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter IpPermissions');
  return rules;
}

function sameRule(a: RuleInput, b: RuleInput): boolean {
  return a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort && a.cidrIpv4 === b.cidrIpv4 && a.cidrIpv6 === b.cidrIpv6 && a.groupId === b.groupId;
}

function describeRule(r: RuleInput): string {
  const peer = r.cidrIpv4 ?? r.cidrIpv6 ?? r.groupId ?? '';
  if (r.protocol === '-1') return `peer: ${peer}, ALL, ALLOW`;
  return `peer: ${peer}, ${r.protocol.toUpperCase()}, from port: ${r.fromPort ?? -1}, to port: ${r.toPort ?? -1}, ALLOW`;
}

/** Adds rules to a group's inbound or outbound list; all or nothing, with EC2's duplicate and quota errors. */
export function addRules(group: NetGroupRecord, egress: boolean, rules: readonly RuleInput[]): RuleRecord[] {
  const list = egress ? group.egress : group.ingress;
  const fresh: RuleInput[] = [];
  for (const r of rules) {
    if (list.some((x) => sameRule(x, r)) || fresh.some((x) => sameRule(x, r))) {
      throw awsError('ec2', 'InvalidPermission.Duplicate', `the specified rule "${describeRule(r)}" already exists`);
    }
    fresh.push(r);
  }
  if (list.length + fresh.length > MAX_RULES) throw awsError('ec2', 'RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.');
  const added = fresh.map((r) => ({ id: resourceId('sgr'), ...r }));
  list.push(...added);
  return added;
}

/**
 * Revokes rules named by their properties (RevokeSecurityGroupIngress/Egress, API
 * Reference): a rule matches on protocol, ports and peer, whatever its description. In a
 * default VPC the rules that match none are answered back (`UnknownIpPermissions`) and
 * the others revoked; in any other VPC one unmatched rule is `InvalidPermission.NotFound`
 * and nothing is revoked.
 */
export function revokeRules(group: NetGroupRecord, egress: boolean, rules: readonly RuleInput[], defaultVpc: boolean): { revoked: RuleRecord[]; unknown: RuleInput[] } {
  const list = egress ? group.egress : group.ingress;
  const unknown = rules.filter((r) => !list.some((x) => sameRule(x, r)));
  // AWS's words for an unmatched rule outside a default VPC.
  if (unknown.length > 0 && !defaultVpc) throw awsError('ec2', 'InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
  const revoked = list.filter((x) => rules.some((r) => sameRule(x, r)));
  list.splice(0, list.length, ...list.filter((x) => !revoked.includes(x)));
  return { revoked, unknown };
}

/** The rule id form EC2 gives rules (`sgr-` and 17 hex digits). */
const RULE_ID = /^sgr-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * Revokes rules named by id; all or nothing. A rule id of another group, or of the other
 * direction, is as unknown as one that never existed. The error codes are EC2's ("Error
 * codes for the Amazon EC2 API"); their messages are ours, AWS's wording not being published.
 */
export function revokeRuleIds(group: NetGroupRecord, egress: boolean, ids: readonly string[]): RuleRecord[] {
  const list = egress ? group.egress : group.ingress;
  const malformed = ids.find((id) => !RULE_ID.test(id));
  if (malformed !== undefined) throw awsError('ec2', 'InvalidSecurityGroupRuleId.Malformed', `Invalid id: "${malformed}" (expecting "sgr-...")`);
  const missing = ids.find((id) => !list.some((r) => r.id === id));
  if (missing !== undefined) throw awsError('ec2', 'InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${missing}' does not exist in the ${egress ? 'egress' : 'ingress'} rules of security group '${group.id}'`);
  const revoked = list.filter((r) => ids.includes(r.id));
  list.splice(0, list.length, ...list.filter((r) => !revoked.includes(r)));
  return revoked;
}

/** Revoked rules as the revoke calls return them (`RevokedSecurityGroupRules`). */
export function revokedShape(group: NetGroupRecord, egress: boolean, rules: readonly RuleRecord[]): RevokedSecurityGroupRule[] {
  return rules.map((r) => {
    const out: RevokedSecurityGroupRule = { SecurityGroupRuleId: r.id, GroupId: group.id, IsEgress: egress, IpProtocol: r.protocol, FromPort: r.fromPort ?? -1, ToPort: r.toPort ?? -1 };
    if (r.cidrIpv4 !== undefined) out.CidrIpv4 = r.cidrIpv4;
    if (r.cidrIpv6 !== undefined) out.CidrIpv6 = r.cidrIpv6;
    if (r.groupId !== undefined) out.ReferencedGroupId = r.groupId;
    if (r.description !== undefined) out.Description = r.description;
    return out;
  });
}

/** A group's rules as `IpPermissions`: one entry per protocol and port range, its peers listed in it. */
export function permissionsShape(rules: readonly RuleInput[], ownerId: string): IpPermission[] {
  const out: IpPermission[] = [];
  const byKey = new Map<string, { IpRanges: IpRange[]; Ipv6Ranges: Ipv6Range[]; UserIdGroupPairs: UserIdGroupPair[] }>();
  for (const r of rules) {
    const key = `${r.protocol}:${r.fromPort ?? ''}:${r.toPort ?? ''}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { IpRanges: [], Ipv6Ranges: [], UserIdGroupPairs: [] };
      byKey.set(key, entry);
      const perm: IpPermission = { IpProtocol: r.protocol, IpRanges: entry.IpRanges, Ipv6Ranges: entry.Ipv6Ranges, PrefixListIds: [], UserIdGroupPairs: entry.UserIdGroupPairs };
      if (r.fromPort !== undefined) perm.FromPort = r.fromPort;
      if (r.toPort !== undefined) perm.ToPort = r.toPort;
      out.push(perm);
    }
    const description = r.description === undefined ? {} : { Description: r.description };
    if (r.cidrIpv4 !== undefined) entry.IpRanges.push({ CidrIp: r.cidrIpv4, ...description });
    if (r.cidrIpv6 !== undefined) entry.Ipv6Ranges.push({ CidrIpv6: r.cidrIpv6, ...description });
    if (r.groupId !== undefined) entry.UserIdGroupPairs.push({ GroupId: r.groupId, UserId: ownerId, ...description });
  }
  return out;
}

/** Rules as the authorize calls return them (`SecurityGroupRules`). */
export function rulesShape(group: NetGroupRecord, egress: boolean, rules: readonly RuleRecord[], ownerId: string): SecurityGroupRule[] {
  return rules.map((r) => {
    const out: SecurityGroupRule = {
      SecurityGroupRuleId: r.id,
      GroupId: group.id,
      GroupOwnerId: ownerId,
      IsEgress: egress,
      IpProtocol: r.protocol,
      FromPort: r.fromPort ?? -1,
      ToPort: r.toPort ?? -1,
      Tags: [],
    };
    if (r.cidrIpv4 !== undefined) out.CidrIpv4 = r.cidrIpv4;
    if (r.cidrIpv6 !== undefined) out.CidrIpv6 = r.cidrIpv6;
    if (r.groupId !== undefined) out.ReferencedGroupInfo = { GroupId: r.groupId, UserId: ownerId };
    if (r.description !== undefined) out.Description = r.description;
    return out;
  });
}

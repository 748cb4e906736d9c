/**
 * The simulated EC2 network of one region: VPCs, their subnets and security groups,
 * with the checks and error codes the EC2 API Reference gives CreateVpc, CreateSubnet,
 * CreateSecurityGroup and their deletes. A region starts with a default VPC
 * (172.31.0.0/16) holding a default /20 subnet per zone, and every VPC has a `default`
 * security group, as the VPC User Guide's "Default VPCs" describes.
 *
 * What depends on instances (which subnet or group is in use) is asked of the caller
 * through {@link NetworkUse}, so this module holds the network alone.
 *
 * @module
 */
import { awsError, type ServiceError } from '../errors';
import { resourceId, uuid } from '../ids';
import { contains, overlaps, parseCidr, type Cidr } from './cidr';
import type { TagRecord } from './state';

/** A VPC. */
export interface VpcRecord {
  /** VPC id (`vpc-…`). */
  id: string;
  /** Its primary IPv4 block. */
  cidr: string;
  /** The id of its primary block's association (`vpc-cidr-assoc-…`). */
  cidrAssociationId: string;
  /** Whether it is the region's default VPC. */
  isDefault: boolean;
  /** `default` or `dedicated`. */
  instanceTenancy: 'default' | 'dedicated';
  /** Its tags. */
  tags: TagRecord[];
  /** Creation order, for paging. */
  seq: number;
}

/** A subnet. */
export interface NetSubnetRecord {
  /** Subnet id (`subnet-…`). */
  id: string;
  /** Its VPC. */
  vpcId: string;
  /** Its zone. */
  zone: string;
  /** Its IPv4 block. */
  cidr: string;
  /** Whether it is its zone's default subnet. */
  defaultForAz: boolean;
  /** Whether instances launched into it get a public address. */
  mapPublicIpOnLaunch: boolean;
  /** Its tags. */
  tags: TagRecord[];
  /** Creation order, for paging. */
  seq: number;
  /** How many private addresses have been handed out; the next is the one at this count modulo the range's size. */
  handedOut: number;
}

/** One security group rule. */
export interface RuleRecord {
  /** Rule id (`sgr-…`). */
  id: string;
  /** `tcp`, `udp`, `icmp`, `-1` (all) or a protocol number. */
  protocol: string;
  /** First port (or ICMP type); absent for all protocols. */
  fromPort?: number;
  /** Last port (or ICMP code); absent for all protocols. */
  toPort?: number;
  /** The IPv4 peer. */
  cidrIpv4?: string;
  /** The IPv6 peer. */
  cidrIpv6?: string;
  /** The security group peer. */
  groupId?: string;
  /** The rule's description. */
  description?: string;
}

/** A security group. */
export interface NetGroupRecord {
  /** Group id (`sg-…`). */
  id: string;
  /** Its name, unique in its VPC. */
  name: string;
  /** Its description. */
  description: string;
  /** Its VPC. */
  vpcId: string;
  /** Its tags. */
  tags: TagRecord[];
  /** Inbound rules. */
  ingress: RuleRecord[];
  /** Outbound rules. */
  egress: RuleRecord[];
  /** Creation order, for paging. */
  seq: number;
}

/** The network part of an EC2 snapshot. */
export interface NetworkSnapshot {
  /** Every VPC. */
  vpcs: VpcRecord[];
  /** Every subnet. */
  subnets: NetSubnetRecord[];
  /** Every security group. */
  groups: NetGroupRecord[];
  /** Creation counter. */
  seq: number;
}

/** What the network asks of the instances before deleting something. */
export interface NetworkUse {
  /** Whether a live instance sits in the subnet. */
  subnetInUse(subnetId: string): boolean;
  /** Whether a live instance uses the security group. */
  groupInUse(groupId: string): boolean;
}

/** The default VPC's block (VPC User Guide, "Default VPCs"). */
export const DEFAULT_VPC_CIDR = '172.31.0.0/16';
/** The default security group's description. */
export const DEFAULT_GROUP_DESCRIPTION = 'default VPC security group';
/** VPCs per region (VPC User Guide, "Amazon VPC quotas"). */
export const MAX_VPCS = 5;
/** Subnets per VPC (VPC User Guide, "Amazon VPC quotas"). */
export const MAX_SUBNETS_PER_VPC = 200;
/** Security groups per VPC (VPC User Guide, "Amazon VPC quotas"). */
export const MAX_GROUPS_PER_VPC = 2500;
/** Inbound or outbound rules per security group (VPC User Guide, "Amazon VPC quotas"). */
export const MAX_RULES = 60;

/** The error EC2 gives a string that is not an IPv4 block. */
export function badCidr(value: string): ServiceError {
  return awsError('ec2', 'InvalidParameterValue', `Value (${value}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
}

/** The error for an unknown VPC. */
export function vpcNotFound(id: string): ServiceError {
  return awsError('ec2', 'InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
}

/** The error for an unknown subnet. */
export function subnetNotFound(id: string): ServiceError {
  return awsError('ec2', 'InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
}

/** The error for an unknown security group id. */
export function groupNotFound(id: string): ServiceError {
  return awsError('ec2', 'InvalidGroup.NotFound', `The security group '${id}' does not exist`);
}

/** Whether a reference to a security group is an id: no group name may have the form `sg-*`. */
export function isGroupIdForm(ref: string): boolean {
  return /^sg-/i.test(ref);
}

/** EC2's error for a malformed security group id. */
export function checkGroupId(id: string): void {
  if (!/^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(id)) throw awsError('ec2', 'InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`);
}

/**
 * The error for a security group (name or id) a launch or a by-name lookup names but the VPC
 * does not hold, as EC2 words it: "The security group 'web' does not exist in default VPC
 * 'vpc-…'", and "… does not exist in VPC 'vpc-…'" for another VPC (RunInstances'
 * InvalidGroup.NotFound; Auto Scaling's failed launch activities quote it).
 */
export function groupNotInVpc(group: string, vpc: Pick<VpcRecord, 'id' | 'isDefault'>): ServiceError {
  return awsError('ec2', 'InvalidGroup.NotFound', `The security group '${group}' does not exist in ${vpc.isDefault ? 'default VPC' : 'VPC'} '${vpc.id}'`);
}

/** VPCs, subnets and security groups of one region. */
export class Network {
  /** VPCs by id. */
  vpcs = new Map<string, VpcRecord>();
  /** Subnets by id. */
  subnets = new Map<string, NetSubnetRecord>();
  /** Security groups by id. */
  groups = new Map<string, NetGroupRecord>();
  #seq = 0;
  readonly #zones: readonly string[];

  /** A network with the default VPC and its default subnet in each of `zones`. */
  constructor(zones: readonly string[]) {
    this.#zones = zones;
    const vpc = this.#addVpc(DEFAULT_VPC_CIDR, true, 'default', []);
    zones.forEach((zone, i) => this.#addSubnet(vpc.id, zone, `172.31.${i * 16}.0/20`, true, []));
  }

  /** The default VPC, unless it was deleted. */
  defaultVpc(): VpcRecord | undefined {
    return [...this.vpcs.values()].find((v) => v.isDefault);
  }

  /** The `default` security group of a VPC. */
  defaultGroupOf(vpcId: string): NetGroupRecord {
    return [...this.groups.values()].find((g) => g.vpcId === vpcId && g.name === 'default') as NetGroupRecord;
  }

  /** The subnets of a VPC, in creation order. */
  subnetsOf(vpcId: string): NetSubnetRecord[] {
    return [...this.subnets.values()].filter((s) => s.vpcId === vpcId);
  }

  /** A VPC by id; EC2's error when there is none. */
  vpc(id: string): VpcRecord {
    const v = this.vpcs.get(id);
    if (v === undefined) throw vpcNotFound(id);
    return v;
  }

  /** A subnet by id; EC2's error when there is none. */
  subnet(id: string): NetSubnetRecord {
    const s = this.subnets.get(id);
    if (s === undefined) throw subnetNotFound(id);
    return s;
  }

  /** A security group by id; EC2's error when there is none. */
  group(id: string): NetGroupRecord {
    checkGroupId(id);
    const g = this.groups.get(id);
    if (g === undefined) throw groupNotFound(id);
    return g;
  }

  /** A security group by name in the default VPC (names address only those); EC2's error otherwise. */
  groupByName(name: string): NetGroupRecord {
    const vpc = this.defaultVpc();
    if (vpc === undefined) throw awsError('ec2', 'VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.');
    const g = [...this.groups.values()].find((x) => x.vpcId === vpc.id && x.name === name);
    if (g === undefined) throw groupNotInVpc(name, vpc);
    return g;
  }

  #addVpc(cidr: string, isDefault: boolean, tenancy: VpcRecord['instanceTenancy'], tags: TagRecord[]): VpcRecord {
    const vpc: VpcRecord = { id: resourceId('vpc'), cidr, cidrAssociationId: resourceId('vpc-cidr-assoc'), isDefault, instanceTenancy: tenancy, tags, seq: ++this.#seq };
    this.vpcs.set(vpc.id, vpc);
    this.#addGroup(vpc.id, 'default', DEFAULT_GROUP_DESCRIPTION, []);
    return vpc;
  }

  #addSubnet(vpcId: string, zone: string, cidr: string, isDefault: boolean, tags: TagRecord[]): NetSubnetRecord {
    const s: NetSubnetRecord = { id: resourceId('subnet'), vpcId, zone, cidr, defaultForAz: isDefault, mapPublicIpOnLaunch: isDefault, tags, seq: ++this.#seq, handedOut: 0 };
    this.subnets.set(s.id, s);
    return s;
  }

  #addGroup(vpcId: string, name: string, description: string, tags: TagRecord[]): NetGroupRecord {
    const id = resourceId('sg');
    const g: NetGroupRecord = { id, name, description, vpcId, tags, ingress: [], egress: [{ id: resourceId('sgr'), protocol: '-1', cidrIpv4: '0.0.0.0/0' }], seq: ++this.#seq };
    // A VPC's default group lets its members talk to each other (VPC User Guide, "Default security groups").
    if (name === 'default') g.ingress.push({ id: resourceId('sgr'), protocol: '-1', groupId: id });
    this.groups.set(id, g);
    return g;
  }

  /** CreateVpc: a /16 to /28 IPv4 block, within the region's VPC quota. */
  createVpc(cidrBlock: string, tenancy: string, tags: TagRecord[]): VpcRecord {
    const block = parseCidr(cidrBlock);
    if (block === undefined) throw badCidr(cidrBlock);
    if (block.prefix < 16 || block.prefix > 28) throw awsError('ec2', 'InvalidVpc.Range', `The CIDR '${cidrBlock}' is invalid.`);
    if (tenancy !== 'default' && tenancy !== 'dedicated') {
      throw awsError('ec2', 'InvalidParameterValue', `Value (${tenancy}) for parameter instanceTenancy is invalid. Valid values are: default, dedicated.`);
    }
    if (this.vpcs.size >= MAX_VPCS) throw awsError('ec2', 'VpcLimitExceeded', 'The maximum number of VPCs has been reached.');
    return this.#addVpc(cidrBlock, false, tenancy, tags);
  }

  /** DeleteVpc: only a VPC without subnets and without security groups besides its default one. */
  deleteVpc(id: string): void {
    const vpc = this.vpc(id);
    const groups = [...this.groups.values()].filter((g) => g.vpcId === id);
    if (this.subnetsOf(id).length > 0 || groups.some((g) => g.name !== 'default')) {
      throw awsError('ec2', 'DependencyViolation', `The vpc '${vpc.id}' has dependencies and cannot be deleted.`);
    }
    for (const g of groups) this.groups.delete(g.id);
    this.vpcs.delete(id);
  }

  /** CreateSubnet: a /16 to /28 block inside its VPC's, overlapping none of its subnets, in a zone of the region. */
  createSubnet(vpcId: string, cidrBlock: string, zone: string | undefined, tags: TagRecord[]): NetSubnetRecord {
    const vpc = this.vpc(vpcId);
    const block = parseCidr(cidrBlock);
    if (block === undefined) throw badCidr(cidrBlock);
    if (zone !== undefined && !this.#zones.includes(zone)) {
      throw awsError('ec2', 'InvalidParameterValue', `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${this.#zones.join(', ')}.`);
    }
    if (block.prefix < 16 || block.prefix > 28 || !contains(parseCidr(vpc.cidr) as Cidr, block)) {
      throw awsError('ec2', 'InvalidSubnet.Range', `The CIDR '${cidrBlock}' is invalid.`);
    }
    const siblings = this.subnetsOf(vpcId);
    if (siblings.some((s) => overlaps(parseCidr(s.cidr) as Cidr, block))) {
      throw awsError('ec2', 'InvalidSubnet.Conflict', `The CIDR '${cidrBlock}' conflicts with another subnet`);
    }
    if (siblings.length >= MAX_SUBNETS_PER_VPC) throw awsError('ec2', 'SubnetLimitExceeded', `The maximum number of subnets (${MAX_SUBNETS_PER_VPC}) for VPC '${vpcId}' has been reached.`);
    return this.#addSubnet(vpcId, zone ?? this.#quietestZone(siblings), cidrBlock, false, tags);
  }

  /** Where EC2 puts a subnet given no zone: here, the zone with the fewest subnets of the VPC (first on ties). */
  #quietestZone(siblings: readonly NetSubnetRecord[]): string {
    let best = this.#zones[0] as string;
    let fewest = Infinity;
    for (const z of this.#zones) {
      const n = siblings.filter((s) => s.zone === z).length;
      if (n < fewest) {
        best = z;
        fewest = n;
      }
    }
    return best;
  }

  /** DeleteSubnet: only a subnet no live instance sits in. */
  deleteSubnet(id: string, use: NetworkUse): void {
    const s = this.subnet(id);
    if (use.subnetInUse(s.id)) throw awsError('ec2', 'DependencyViolation', `The subnet '${s.id}' has dependencies and cannot be deleted.`);
    this.subnets.delete(id);
  }

  /** CreateSecurityGroup: a name unique in its VPC (the default VPC when none is given). */
  createGroup(name: string, description: string, vpcId: string | undefined, tags: TagRecord[]): NetGroupRecord {
    const vpc = vpcId !== undefined ? this.vpc(vpcId) : this.defaultVpc();
    if (vpc === undefined) throw awsError('ec2', 'VPCIdNotSpecified', 'No default VPC for this user');
    if (name.length === 0 || name.length > 255) throw awsError('ec2', 'InvalidParameterValue', `Value (${name}) for parameter GroupName is invalid. Length must be between 1 and 255 characters.`);
    if (isGroupIdForm(name)) throw awsError('ec2', 'InvalidParameterValue', 'Group names may not be in the format sg-*.');
    if (description.length > 255) throw awsError('ec2', 'InvalidParameterValue', 'Value for parameter GroupDescription is invalid. Length must be between 0 and 255 characters.');
    if ([...this.groups.values()].some((g) => g.vpcId === vpc.id && g.name === name)) {
      throw awsError('ec2', 'InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpc.id}'`);
    }
    if ([...this.groups.values()].filter((g) => g.vpcId === vpc.id).length >= MAX_GROUPS_PER_VPC) {
      throw awsError('ec2', 'SecurityGroupLimitExceeded', 'The maximum number of security groups has been reached.');
    }
    return this.#addGroup(vpc.id, name, description, tags);
  }

  /** DeleteSecurityGroup: not a default group, not one in use or named by another group's rule. */
  deleteGroup(g: NetGroupRecord, use: NetworkUse): void {
    if (g.name === 'default') throw awsError('ec2', 'CannotDelete', `the specified group: "${g.id}" name: "default" cannot be deleted by a user`);
    const referenced = [...this.groups.values()].some((o) => o.id !== g.id && [...o.ingress, ...o.egress].some((r) => r.groupId === g.id));
    if (referenced || use.groupInUse(g.id)) throw awsError('ec2', 'DependencyViolation', `resource ${g.id} has a dependent object`);
    this.groups.delete(g.id);
  }

  /**
   * The account's `default_elb_…` group in the default VPC, made on first use, open to
   * the world on `ports` (Classic Load Balancers guide, "Configure security groups":
   * one such group per account, shared by the load balancers created in the default VPC
   * without security groups). Undefined when there is no default VPC.
   */
  elbDefaultGroup(ports: readonly number[]): string | undefined {
    const vpc = this.defaultVpc();
    if (vpc === undefined) return undefined;
    const g = [...this.groups.values()].find((x) => x.vpcId === vpc.id && x.name.startsWith('default_elb_'))
      ?? this.#addGroup(vpc.id, `default_elb_${uuid()}`, 'ELB created security group used when no security group is specified during ELB creation - modifications could impact traffic to future ELBs', []);
    for (const port of ports) {
      if (!g.ingress.some((r) => r.protocol === 'tcp' && r.fromPort === port && r.toPort === port && r.cidrIpv4 === '0.0.0.0/0')) {
        g.ingress.push({ id: resourceId('sgr'), protocol: 'tcp', fromPort: port, toPort: port, cidrIpv4: '0.0.0.0/0' });
      }
    }
    return g.id;
  }

  /** The state as JSON-safe data. */
  snapshot(): NetworkSnapshot {
    const copyTags = (tags: TagRecord[]): TagRecord[] => tags.map((t) => ({ ...t }));
    return {
      vpcs: [...this.vpcs.values()].map((v) => ({ ...v, tags: copyTags(v.tags) })),
      subnets: [...this.subnets.values()].map((s) => ({ ...s, tags: copyTags(s.tags) })),
      groups: [...this.groups.values()].map((g) => ({ ...g, tags: copyTags(g.tags), ingress: g.ingress.map((r) => ({ ...r })), egress: g.egress.map((r) => ({ ...r })) })),
      seq: this.#seq,
    };
  }

  /** Replaces the state with a snapshot's. */
  restore(s: NetworkSnapshot): void {
    this.vpcs = new Map(s.vpcs.map((v) => [v.id, { ...v, tags: v.tags.map((t) => ({ ...t })) }]));
    this.subnets = new Map(s.subnets.map((x) => [x.id, { ...x, tags: x.tags.map((t) => ({ ...t })) }]));
    this.groups = new Map(s.groups.map((g) => [g.id, { ...g, tags: g.tags.map((t) => ({ ...t })), ingress: g.ingress.map((r) => ({ ...r })), egress: g.egress.map((r) => ({ ...r })) }]));
    this.#seq = s.seq;
  }

  /**
   * Rebuilds the network of a snapshot made before VPCs could be created: the default VPC,
   * its subnets and its default group, with their recorded ids.
   */
  restoreLegacy(vpcId: string, subnets: ReadonlyArray<{ id: string; zone: string; cidr: string }>, defaultGroup: { id: string; description: string }, handedOut: (zone: string) => number): void {
    this.#seq = 0;
    const vpc: VpcRecord = { id: vpcId, cidr: DEFAULT_VPC_CIDR, cidrAssociationId: `vpc-cidr-assoc-${vpcId.slice(4)}`, isDefault: true, instanceTenancy: 'default', tags: [], seq: ++this.#seq };
    this.vpcs = new Map([[vpc.id, vpc]]);
    this.subnets = new Map(subnets.map((s) => [s.id, { id: s.id, vpcId, zone: s.zone, cidr: s.cidr, defaultForAz: true, mapPublicIpOnLaunch: true, tags: [], seq: ++this.#seq, handedOut: handedOut(s.zone) }]));
    const g: NetGroupRecord = {
      id: defaultGroup.id,
      name: 'default',
      description: defaultGroup.description,
      vpcId,
      tags: [],
      ingress: [{ id: `sgr-${defaultGroup.id.slice(3)}`, protocol: '-1', groupId: defaultGroup.id }],
      egress: [{ id: `sgr-${defaultGroup.id.slice(3, 19)}e`, protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
      seq: ++this.#seq,
    };
    this.groups = new Map([[g.id, g]]);
  }
}

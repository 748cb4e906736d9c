/**
 * The state model of the simulated EC2: its network (VPCs, subnets, security groups;
 * see ./network), and instances placed in subnets with addresses from their ranges that
 * boot (pending → running after 20 s), stop and start again (stopping → stopped after
 * 10 s), shut down (shutting-down → terminated after 10 s), and stay visible for an hour
 * once terminated. Plain JSON-safe records, so a snapshot is the records themselves.
 *
 * @module
 */
import { awsError } from '../errors';
import { partitionOf } from '../../core/rules/aws-rules';
import { instanceId, resourceId } from '../ids';
import type { Ec2InstanceState, Ec2InstanceView, LaunchSpec, LaunchTemplateSpec, TemplatePlacement } from '../types';
import { LaunchTemplates, type LaunchTemplateRecord, type LaunchTemplatesSnapshot, type LaunchTemplateVersionRecord } from './launchtemplates';
import { usableAddress, usableAddresses, parseCidr, type Cidr } from './cidr';
import { checkGroupId, groupNotInVpc, isGroupIdForm, Network, type NetSubnetRecord, type NetworkSnapshot, type NetworkUse, type VpcRecord } from './network';
import { privateDnsSuffix, publicDnsSuffix, zonesOf } from './regions';
import { INTERRUPTION_NOTICE_MS, REBALANCE_LEAD_MS, SpotMarket, type SpotCapacitySnapshot } from './spot';
import { templateLaunchParams, type MetadataSettings } from './template-launch';
import type { In } from './sdk';
import { tagsOf } from './tags';
import { VcpuQuota } from './vcpus';

/** Simulated time from launch to running. */
export const BOOT_MS = 20_000;
/** Simulated time from terminate to terminated. */
export const SHUTDOWN_MS = 10_000;
/** How long terminated instances stay visible. */
export const RETAIN_MS = 3_600_000;
/** How long status checks report `initializing` after an instance starts running. */
export const STATUS_INIT_MS = 60_000;
/** Simulated time from stop to stopped. */
export const STOP_MS = 10_000;

/** EC2's state codes. */
export const STATE_CODES: Readonly<Record<Ec2InstanceState, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** A tag. */
export interface TagRecord {
  /** Tag key. */
  key: string;
  /** Tag value. */
  value: string;
}

/** A security group as an instance lists it. */
export interface GroupRef {
  /** Group name. */
  groupName: string;
  /** Group id (`sg-…`). */
  groupId: string;
}

/** A simulated instance; it is also the live {@link Ec2InstanceView} other services hold. */
export interface InstanceRecord extends Ec2InstanceView {
  /** Instance id (`i-` + 17 hex digits). */
  id: string;
  /** Lifecycle state. */
  state: Ec2InstanceState;
  /** Its zone. */
  availabilityZone: string;
  /** The image it was launched from. */
  imageId: string;
  /** Its type. */
  instanceType: string;
  /** Simulated launch time, ms since the epoch. */
  launchTime: number;
  /** Simulated CPU utilisation in percent. */
  cpu: number;
  /** False when the simulation makes its health checks fail. */
  healthy: boolean;
  /** Order of launch, for stable paging. */
  seq: number;
  /** Its reservation (`r-…`). */
  reservationId: string;
  /** Its index in its reservation. */
  amiLaunchIndex: number;
  /** Key pair name. */
  keyName?: string;
  /** Its security groups. */
  securityGroups: GroupRef[];
  /** Its VPC. */
  vpcId: string;
  /** Its subnet. */
  subnetId: string;
  /** Private IPv4 address. */
  privateIp: string;
  /** Public IPv4 address; empty when the instance has none (its subnet does not map one, or it is stopped). */
  publicIp: string;
  /** Whether it was launched asking for (or refusing) a public address, overriding its subnet's MapPublicIpOnLaunch. */
  associatePublicIp?: boolean;
  /** Its tags. */
  tags: TagRecord[];
  /** User data, base64 encoded. */
  userData?: string;
  /** Whether detailed monitoring is on. */
  monitoring: boolean;
  /** The idempotency token it was launched with. */
  clientToken: string;
  /** Instance profile name or ARN. */
  iamInstanceProfile?: string;
  /** Whether it is EBS-optimised. */
  ebsOptimized: boolean;
  /** Its root volume (`vol-…`). */
  volumeId: string;
  /** When the current state began. */
  stateSince: number;
  /** When the instance was asked to terminate. */
  terminatedAt?: number;
  /** Who started the termination (`User initiated` or the reason Auto Scaling gives). */
  terminationReason?: string;
  /** When the simulation first saw the instance unhealthy (status checks failing). */
  impairedSince?: number;
  /** The launch template version it was launched from. */
  launchTemplate?: { id: string; name: string; version: number };
  /** Instance metadata options it was launched with (a launch template's); EC2's defaults otherwise. */
  metadata?: MetadataSettings;
  /** `spot` for a spot instance (absent for on-demand ones, as in DescribeInstances). */
  instanceLifecycle?: 'spot';
  /** The spot request that launched it (`sir-…`). */
  spotInstanceRequestId?: string;
  /** When EC2 sent it a rebalance recommendation. */
  rebalanceRecommendedAt?: number;
  /** When EC2 sent it the two-minute interruption notice; it is interrupted two minutes later. */
  interruptionNoticeAt?: number;
  /** Whether the API may not terminate it (`disableApiTermination`). */
  disableApiTermination?: boolean;
  /** When it was last asked to stop. */
  stoppedAt?: number;
  /** Whether the API may not stop it (`disableApiStop`). */
  disableApiStop?: boolean;
  /** False when source/destination checking is off (`sourceDestCheck`; on when absent). */
  sourceDestCheck?: boolean;
  /** What an OS shutdown does (`instanceInitiatedShutdownBehavior`; `stop` when absent). */
  shutdownBehavior?: 'stop' | 'terminate';
  /** The kernel set while stopped (`kernel`; none for the simulated HVM images). */
  kernelId?: string;
  /** The RAM disk set while stopped (`ramdisk`; none for the simulated HVM images). */
  ramdiskId?: string;
  /** False once ENA support is turned off while stopped (`enaSupport`; on when absent). */
  enaSupport?: boolean;
}

/** A subnet of the default VPC, as snapshots made before VPCs could be created list them. */
export interface SubnetRecord {
  /** Subnet id (`subnet-…`). */
  id: string;
  /** Its zone. */
  zone: string;
  /** Its address range. */
  cidr: string;
}

/** The default security group. */
export interface SecurityGroupRecord {
  /** Group id (`sg-…`). */
  id: string;
  /** Group name. */
  name: string;
  /** Its description. */
  description: string;
}

/** What RunInstances launched. */
export interface RunResult {
  /** The reservation's id (`r-…`). */
  reservationId: string;
  /** Its instances, by launch index. */
  instances: InstanceRecord[];
}

/** The EC2 part of a `--state` snapshot. */
export interface Ec2Snapshot {
  /** Snapshot format version. */
  version: 1;
  /** Launch counter. */
  seq: number;
  /** The default VPC. */
  vpcId: string;
  /** Its subnets. */
  subnets: SubnetRecord[];
  /** Its default security group. */
  defaultGroup: SecurityGroupRecord;
  /** Private addresses handed out, by zone. */
  ipCounters: Record<string, number>;
  /** Public addresses handed out. */
  publicIpCounter: number;
  /** Every visible instance. */
  instances: InstanceRecord[];
  /** Launch templates (absent in snapshots made before botoscale simulated them). */
  launchTemplates?: LaunchTemplatesSnapshot;
  /** Spot pools' remaining capacity (absent in snapshots made before the spot market). */
  spotCapacity?: SpotCapacitySnapshot;
  /** VPCs, subnets and security groups (absent in snapshots made before VPCs could be created). */
  network?: NetworkSnapshot;
}

/** What one instance of a RunInstances request is launched with, before its placement is known. */
type RunSpec = Omit<LaunchSpec, 'availabilityZone'> & { groupIds?: string[]; clientToken?: string; ebsOptimized?: boolean };

/** The launch a RunInstances request asks for, with EC2's checks of the image and instance type given. */
function runSpec(input: In<'RunInstances'>): RunSpec {
  const imageId = input.ImageId;
  if (imageId === undefined) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter ImageId');
  const instanceType: string = input.InstanceType ?? 'm1.small';
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(instanceType)) throw awsError('ec2', 'InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
  const spec: RunSpec = { imageId, instanceType };
  const tags = tagsOf(input.TagSpecifications);
  const profile = input.IamInstanceProfile?.Arn ?? input.IamInstanceProfile?.Name;
  if (input.KeyName !== undefined) spec.keyName = input.KeyName;
  if (input.SecurityGroups !== undefined && input.SecurityGroups.length > 0) spec.securityGroups = input.SecurityGroups;
  if (input.SecurityGroupIds !== undefined && input.SecurityGroupIds.length > 0) spec.groupIds = input.SecurityGroupIds;
  if (input.UserData !== undefined) spec.userData = input.UserData;
  if (input.Monitoring !== undefined) spec.monitoring = input.Monitoring.Enabled;
  if (tags !== undefined && tags.length > 0) spec.tags = tags;
  if (input.ClientToken !== undefined) spec.clientToken = input.ClientToken;
  if (profile !== undefined) spec.iamInstanceProfile = profile;
  if (input.EbsOptimized !== undefined) spec.ebsOptimized = input.EbsOptimized;
  return spec;
}

/** The state transition reason EC2 gives a spot instance it interrupted. */
export const SPOT_TERMINATION = 'Server.SpotInstanceTermination';

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const IMAGE_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Whether a string is a well-formed instance id. */
export function isInstanceId(id: string): boolean {
  return INSTANCE_ID.test(id);
}

/** Whether a string is a well-formed image id (every well-formed one exists in the simulation). */
export function isImageId(id: string): boolean {
  return IMAGE_ID.test(id);
}

/** The simulated EC2 of one region. */
export class Ec2State {
  /** Image ids accepted besides well-formed `ami-…` ids (a tutorial's placeholder such as `my-ami`). */
  readonly extraImages = new Set<string>();

  /** Whether `id` names an image instances can be launched from. */
  knowsImage(id: string): boolean {
    return isImageId(id) || this.extraImages.has(id);
  }

  /** The On-Demand vCPU quota and what running instances use of it. */
  readonly quota: VcpuQuota;
  /** Region of the simulated EC2. */
  readonly region: string;
  /** Account of its resources. */
  readonly accountId: string;
  /** The region's zones. */
  readonly zones: readonly string[];
  /** Visible instances by id, in launch order. */
  instances = new Map<string, InstanceRecord>();
  /** VPCs, subnets and security groups. */
  readonly network: Network;
  /** The region's launch templates. */
  readonly launchTemplates: LaunchTemplates;
  /** The spot market: remaining capacity by pool. */
  readonly spot = new SpotMarket();
  #seq = 0;
  #publicIpCounter = 0;
  readonly #loadOf: (group: string) => number | undefined;

  constructor(region: string, accountId: string, loadOf: (group: string) => number | undefined = () => undefined, vcpuLimit?: number) {
    this.quota = new VcpuQuota(vcpuLimit);
    this.region = region;
    this.accountId = accountId;
    this.zones = zonesOf(region);
    this.#loadOf = loadOf;
    this.network = new Network(this.zones);
    this.launchTemplates = new LaunchTemplates(accountId, partitionOf(region));
  }

  /** Whether another service (ELB) has network interfaces in a subnet or security group. */
  usedElsewhere: (id: string) => boolean = () => false;

  /** What deleting a subnet or security group must check: live instances or other services using it. */
  readonly use: NetworkUse = {
    subnetInUse: (subnetId) => this.usedElsewhere(subnetId) || [...this.instances.values()].some((i) => i.state !== 'terminated' && i.subnetId === subnetId),
    groupInUse: (groupId) => this.usedElsewhere(groupId) || [...this.instances.values()].some((i) => i.state !== 'terminated' && i.securityGroups.some((g) => g.groupId === groupId)),
  };

  /** The default subnet of a zone (in the default VPC); EC2's errors when there is none. */
  defaultSubnetOf(zone: string): NetSubnetRecord {
    if (!this.zones.includes(zone)) throw awsError('ec2', 'InvalidParameterValue', `Invalid availability zone: [${zone}]`);
    const vpc = this.network.defaultVpc();
    if (vpc === undefined) throw awsError('ec2', 'VPCIdNotSpecified', 'No default VPC for this user');
    const s = this.network.subnetsOf(vpc.id).find((x) => x.zone === zone && x.defaultForAz);
    if (s === undefined) throw awsError('ec2', 'MissingInput', `No subnets found for the default VPC '${vpc.id}'. Please specify a subnet.`);
    return s;
  }

  /**
   * The next free private address of a subnet; EC2's error when it has none left. Until
   * the range has been gone through once every next address is free; after that the
   * live instances' addresses are skipped.
   */
  #privateIp(subnet: NetSubnetRecord): string {
    const block = parseCidr(subnet.cidr) as Cidr;
    const size = usableAddresses(block);
    if (subnet.handedOut < size) return usableAddress(block, subnet.handedOut++);
    const taken = new Set([...this.instances.values()].filter((i) => i.state !== 'terminated' && i.subnetId === subnet.id).map((i) => i.privateIp));
    for (let k = 0; k < size; k++) {
      const ip = usableAddress(block, (subnet.handedOut + k) % size);
      if (taken.has(ip)) continue;
      subnet.handedOut += k + 1;
      return ip;
    }
    throw awsError('ec2', 'InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.id}' to satisfy the requested number of instances.`);
  }

  /** Free private addresses of a subnet (AvailableIpAddressCount). */
  availableAddresses(subnet: NetSubnetRecord): number {
    const used = [...this.instances.values()].filter((i) => i.state !== 'terminated' && i.subnetId === subnet.id).length;
    return usableAddresses(parseCidr(subnet.cidr) as Cidr) - used;
  }

  #publicIp(): string {
    const n = this.#publicIpCounter++;
    return `54.${160 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${(n & 255) + 1 > 255 ? 1 : (n & 255) + 1}`;
  }

  /** The private DNS name of an address. */
  privateDnsName(ip: string): string {
    return `ip-${ip.replace(/\./g, '-')}.${privateDnsSuffix(this.region)}`;
  }

  /** The public DNS name of an address. */
  publicDnsName(ip: string): string {
    return `ec2-${ip.replace(/\./g, '-')}.${publicDnsSuffix(this.region)}`;
  }

  /**
   * The security groups of a launch into `vpcId`: names resolve in that VPC, ids must be
   * in it; none given means the VPC's default group. A group the VPC does not hold is
   * EC2's InvalidGroup.NotFound naming the VPC, by name or by id alike.
   */
  #groups(vpcId: string, names: readonly string[] | undefined, ids: readonly string[] | undefined): GroupRef[] {
    const vpc = this.network.vpcs.get(vpcId) as VpcRecord;
    const out: GroupRef[] = [];
    for (const name of names ?? []) {
      const g = [...this.network.groups.values()].find((x) => x.vpcId === vpcId && x.name === name);
      if (g === undefined) throw groupNotInVpc(name, vpc);
      out.push({ groupName: g.name, groupId: g.id });
    }
    for (const id of ids ?? []) {
      checkGroupId(id);
      const g = this.network.groups.get(id);
      if (g === undefined) throw groupNotInVpc(id, vpc);
      if (g.vpcId !== vpcId) throw awsError('ec2', 'InvalidParameter', `Security group ${id} and subnet belong to different networks.`);
      if (!out.some((x) => x.groupId === g.id)) out.push({ groupName: g.name, groupId: g.id });
    }
    if (out.length > 0) return out;
    const d = this.network.defaultGroupOf(vpcId);
    return [{ groupName: d.name, groupId: d.id }];
  }

  /** The subnet a launch goes to: the one named, or the default subnet of the zone. */
  #subnetFor(subnetId: string | undefined, zone: string | undefined): NetSubnetRecord {
    if (subnetId === undefined) return this.defaultSubnetOf(zone ?? (this.zones[0] as string));
    const subnet = this.network.subnet(subnetId);
    if (zone !== undefined && zone !== subnet.zone) throw awsError('ec2', 'InvalidParameterValue', `The subnet '${subnet.id}' is in ${subnet.zone}, not in the requested zone ${zone}.`);
    return subnet;
  }

  #launch(now: number, reservationId: string, index: number, spec: LaunchSpec & { groupIds?: string[]; clientToken?: string; ebsOptimized?: boolean }): InstanceRecord {
    const subnet = spec.subnetId !== undefined ? this.network.subnet(spec.subnetId) : this.defaultSubnetOf(spec.availabilityZone);
    const zone = subnet.zone;
    const securityGroups = this.#groups(subnet.vpcId, spec.securityGroups, spec.groupIds);
    if (spec.spot === true) this.spot.take(zone, spec.instanceType);
    const tags = (spec.tags ?? []).map((t) => ({ key: t.key, value: t.value }));
    const group = tags.find((t) => t.key === 'aws:autoscaling:groupName')?.value;
    const rec: InstanceRecord = {
      id: instanceId(),
      state: 'pending',
      availabilityZone: zone,
      imageId: spec.imageId,
      instanceType: spec.instanceType,
      launchTime: now,
      cpu: group === undefined ? 0 : (this.#loadOf(group) ?? 0),
      healthy: true,
      seq: ++this.#seq,
      reservationId,
      amiLaunchIndex: index,
      securityGroups,
      vpcId: subnet.vpcId,
      subnetId: subnet.id,
      privateIp: this.#privateIp(subnet),
      publicIp: (spec.associatePublicIpAddress ?? subnet.mapPublicIpOnLaunch) ? this.#publicIp() : '',
      tags,
      monitoring: spec.monitoring === true,
      clientToken: spec.clientToken ?? '',
      ebsOptimized: spec.ebsOptimized === true,
      volumeId: resourceId('vol'),
      stateSince: now,
    };
    if (spec.keyName !== undefined) rec.keyName = spec.keyName;
    if (spec.userData !== undefined) rec.userData = spec.userData;
    if (spec.iamInstanceProfile !== undefined) rec.iamInstanceProfile = spec.iamInstanceProfile;
    if (spec.associatePublicIpAddress !== undefined) rec.associatePublicIp = spec.associatePublicIpAddress;
    if (spec.spot === true) {
      rec.instanceLifecycle = 'spot';
      rec.spotInstanceRequestId = resourceId('sir').slice(0, 12);
    }
    this.instances.set(rec.id, rec);
    this.quota.add(rec.instanceType);
    return rec;
  }

  /**
   * Launches one instance for another service (Auto Scaling's launch configurations), in
   * its own reservation. A launch configuration's groups are ids (`sg-…`, a form no group
   * name may have) or names, and must be in the subnet's VPC as for any launch: one the VPC
   * does not hold fails the launch with EC2's InvalidGroup.NotFound.
   */
  launch(spec: LaunchSpec, now: number): InstanceRecord {
    if (!this.knowsImage(spec.imageId)) throw awsError('ec2', 'InvalidAMIID.Malformed', `Invalid id: "${spec.imageId}" (expecting "ami-...")`);
    this.quota.check(spec.instanceType);
    const given = spec.securityGroups ?? [];
    const launch = { ...spec, groupIds: given.filter(isGroupIdForm) };
    if (spec.securityGroups !== undefined) launch.securityGroups = given.filter((g) => !isGroupIdForm(g));
    return this.#launch(now, resourceId('r'), 0, launch);
  }

  /** The template version a launch from `spec` uses now (`$Default` when no version is named). */
  resolveTemplate(spec: LaunchTemplateSpec): { template: LaunchTemplateRecord; version: LaunchTemplateVersionRecord } {
    const ref: { id?: string; name?: string } = {};
    if (spec.id !== undefined) ref.id = spec.id;
    if (spec.name !== undefined) ref.name = spec.name;
    const template = this.launchTemplates.find(ref, 'RunInstances');
    return { template, version: this.launchTemplates.version(template, spec.version ?? '$Default') };
  }

  /** Launches one instance from a launch template version, in its own reservation, with RunInstances' checks. */
  launchFromTemplate(spec: LaunchTemplateSpec, placement: TemplatePlacement, now: number): InstanceRecord {
    const { template, version } = this.resolveTemplate(spec);
    const p = templateLaunchParams(template, version, placement);
    if (p.imageId === undefined) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter ImageId');
    if (!this.knowsImage(p.imageId)) throw awsError('ec2', 'InvalidAMIID.Malformed', `Invalid id: "${p.imageId}" (expecting "ami-...")`);
    const launch: LaunchSpec & { groupIds?: string[]; ebsOptimized?: boolean } = { ...p, imageId: p.imageId };
    if (placement.instanceType !== undefined) launch.instanceType = placement.instanceType;
    if (placement.spot === true) launch.spot = true;
    const rec = this.#launch(now, resourceId('r'), 0, launch);
    rec.launchTemplate = { id: template.id, name: template.name, version: version.number };
    if (p.metadata !== undefined) rec.metadata = { ...p.metadata };
    return rec;
  }

  /** RunInstances: `MaxCount` instances (as many as the quota allows, at least `MinCount`) in one reservation, in one zone. */
  run(input: In<'RunInstances'>, now: number): RunResult {
    const spec = runSpec(input);
    if (spec.clientToken !== undefined && spec.clientToken !== '') {
      const prior = [...this.instances.values()].filter((i) => i.clientToken === spec.clientToken);
      const first = prior[0];
      if (first !== undefined) return { reservationId: first.reservationId, instances: prior.filter((i) => i.reservationId === first.reservationId) };
    }
    if (!this.knowsImage(spec.imageId)) throw awsError('ec2', 'InvalidAMIID.Malformed', `Invalid id: "${spec.imageId}" (expecting "ami-...")`);
    const { MinCount: minCount, MaxCount: maxCount } = input;
    if (minCount < 1) throw awsError('ec2', 'InvalidParameterValue', `Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`);
    if (maxCount < minCount) throw awsError('ec2', 'InvalidParameterValue', `Value (${maxCount}) for parameter maxCount is invalid. Expected a value at least minCount (${minCount}).`);
    const subnet = this.#subnetFor(input.SubnetId, input.Placement?.AvailabilityZone);
    if (spec.securityGroups !== undefined && input.SubnetId !== undefined && !subnet.defaultForAz) {
      throw awsError('ec2', 'InvalidParameterCombination', 'The parameter groupName cannot be used with the parameter subnet');
    }
    this.#groups(subnet.vpcId, spec.securityGroups, spec.groupIds);
    // As AWS: fewer than MinCount fitting is an error; otherwise as many as fit, up to MaxCount.
    this.quota.check(spec.instanceType, minCount);
    const count = this.quota.fits(spec.instanceType, maxCount);
    const reservationId = resourceId('r');
    const instances: InstanceRecord[] = [];
    for (let i = 0; i < count; i++) instances.push(this.#launch(now, reservationId, i, { ...spec, availabilityZone: subnet.zone, subnetId: subnet.id }));
    return { reservationId, instances };
  }

  /** The instances named, in the order named; EC2's errors for malformed or unknown ids. */
  find(ids: readonly string[]): InstanceRecord[] {
    const malformed = ids.find((id) => !isInstanceId(id));
    if (malformed !== undefined) throw awsError('ec2', 'InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
    const missing = [...new Set(ids.filter((id) => !this.instances.has(id)))];
    if (missing.length === 1) throw awsError('ec2', 'InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
    if (missing.length > 1) throw awsError('ec2', 'InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
    return [...new Set(ids)].map((id) => this.instances.get(id) as InstanceRecord);
  }

  /** Starts terminating an instance; returns its previous state. */
  terminate(rec: InstanceRecord, now: number, reason = 'User initiated'): Ec2InstanceState {
    const previous = rec.state;
    if (rec.state === 'terminated' || rec.state === 'shutting-down') return previous;
    // A stopped instance no longer counts against the vCPU quota; termination releases it again.
    if (rec.state === 'stopped') this.quota.add(rec.instanceType);
    rec.state = 'shutting-down';
    rec.stateSince = now;
    rec.terminatedAt = now;
    rec.terminationReason = reason;
    return previous;
  }

  /**
   * StopInstances for one instance: running → stopping → stopped ({@link STOP_MS}); its
   * public address is released. Returns its previous state; EC2's error when it can't stop.
   */
  stop(rec: InstanceRecord, now: number): Ec2InstanceState {
    const previous = rec.state;
    if (rec.state === 'stopping' || rec.state === 'stopped') return previous;
    if (rec.disableApiStop === true) throw awsError('ec2', 'OperationNotPermitted', `The instance '${rec.id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`);
    if (rec.state === 'pending') throw awsError('ec2', 'IncorrectInstanceState', `Instance '${rec.id}' cannot be stopped as it has never reached the 'running' state.`);
    if (rec.state !== 'running') throw awsError('ec2', 'IncorrectInstanceState', `This instance '${rec.id}' is not in a state from which it can be stopped.`);
    if (rec.instanceLifecycle === 'spot') {
      throw awsError('ec2', 'UnsupportedOperation', `You can't stop the Spot Instance '${rec.id}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.`);
    }
    rec.state = 'stopping';
    rec.stateSince = now;
    rec.stoppedAt = now;
    return previous;
  }

  /** StartInstances for one instance: stopped → pending → running, with a new public address. Returns its previous state. */
  start(rec: InstanceRecord, now: number): Ec2InstanceState {
    const previous = rec.state;
    if (rec.state === 'pending' || rec.state === 'running') return previous;
    if (rec.state !== 'stopped') throw awsError('ec2', 'IncorrectInstanceState', `The instance '${rec.id}' is not in a state from which it can be started.`);
    this.quota.check(rec.instanceType);
    this.quota.add(rec.instanceType);
    rec.state = 'pending';
    rec.stateSince = now;
    delete rec.stoppedAt;
    if (rec.associatePublicIp ?? (this.network.subnets.get(rec.subnetId)?.mapPublicIpOnLaunch === true)) rec.publicIp = this.#publicIp();
    return previous;
  }

  /**
   * Starts the interruption of a running spot instance: a rebalance recommendation now,
   * the two-minute notice {@link REBALANCE_LEAD_MS} later, termination when it runs out.
   * Returns false for an instance that is not a running spot instance or is already being interrupted.
   */
  interrupt(rec: InstanceRecord, now: number): boolean {
    if (rec.instanceLifecycle !== 'spot' || rec.rebalanceRecommendedAt !== undefined) return false;
    if (rec.state !== 'running' && rec.state !== 'pending') return false;
    rec.rebalanceRecommendedAt = now;
    rec.interruptionNoticeAt = now + REBALANCE_LEAD_MS;
    return true;
  }

  /** Moves one instance along its lifecycle to where it is at `now`; returns whether it changed. */
  settle(rec: InstanceRecord, now: number): boolean {
    let changed = false;
    const interruptAt = rec.interruptionNoticeAt === undefined ? undefined : rec.interruptionNoticeAt + INTERRUPTION_NOTICE_MS;
    if (interruptAt !== undefined && now >= interruptAt && (rec.state === 'pending' || rec.state === 'running')) {
      this.terminate(rec, interruptAt, SPOT_TERMINATION);
      changed = true;
    }
    if (!rec.healthy && rec.impairedSince === undefined) {
      rec.impairedSince = now;
      changed = true;
    } else if (rec.healthy && rec.impairedSince !== undefined) {
      delete rec.impairedSince;
      changed = true;
    }
    if (rec.state === 'pending' && now >= rec.stateSince + BOOT_MS) {
      rec.state = 'running';
      rec.stateSince += BOOT_MS;
      changed = true;
    }
    if (rec.state === 'stopping' && now >= rec.stateSince + STOP_MS) {
      rec.state = 'stopped';
      rec.publicIp = '';
      this.quota.remove(rec.instanceType);
      rec.stateSince += STOP_MS;
      changed = true;
    }
    if (rec.state === 'shutting-down' && now >= rec.stateSince + SHUTDOWN_MS) {
      rec.state = 'terminated';
      this.quota.remove(rec.instanceType);
      rec.stateSince += SHUTDOWN_MS;
      changed = true;
    }
    return changed;
  }

  /**
   * Moves every instance along its lifecycle to where it is at `now` (transitions happen
   * at their exact time, whichever step or request sees them first) and forgets
   * instances terminated more than an hour ago; returns whether anything changed.
   */
  step(now: number): boolean {
    let changed = false;
    for (const rec of [...this.instances.values()]) {
      if (this.settle(rec, now)) changed = true;
      if (rec.state === 'terminated' && now >= rec.stateSince + RETAIN_MS) {
        this.instances.delete(rec.id);
        changed = true;
      }
    }
    return changed;
  }

  /** The instance with this id as it is at `now`, if it is still visible. */
  instance(id: string, now: number): InstanceRecord | undefined {
    const rec = this.instances.get(id);
    if (rec === undefined) return undefined;
    this.settle(rec, now);
    if (rec.state === 'terminated' && now >= rec.stateSince + RETAIN_MS) {
      this.instances.delete(id);
      return undefined;
    }
    return rec;
  }

  /** The state as JSON-safe data. */
  snapshot(): Ec2Snapshot {
    return {
      version: 1,
      seq: this.#seq,
      ...this.#legacyNetwork(),
      publicIpCounter: this.#publicIpCounter,
      /** Visible instances by id, in launch order. */
      instances: [...this.instances.values()].map((i) => ({ ...i, securityGroups: i.securityGroups.map((g) => ({ ...g })), tags: i.tags.map((t) => ({ ...t })) })),
      launchTemplates: this.launchTemplates.snapshot(),
      spotCapacity: this.spot.snapshot(),
      network: this.network.snapshot(),
    };
  }

  /** The default VPC as snapshots made before VPCs could be created recorded it (empty ids once it is deleted). */
  #legacyNetwork(): Pick<Ec2Snapshot, 'vpcId' | 'subnets' | 'defaultGroup' | 'ipCounters'> {
    const vpc = this.network.defaultVpc();
    if (vpc === undefined) return { vpcId: '', subnets: [], defaultGroup: { id: '', name: 'default', description: '' }, ipCounters: {} };
    const subnets = this.network.subnetsOf(vpc.id).filter((s) => s.defaultForAz);
    const g = this.network.defaultGroupOf(vpc.id);
    return {
      vpcId: vpc.id,
      subnets: subnets.map((s) => ({ id: s.id, zone: s.zone, cidr: s.cidr })),
      defaultGroup: { id: g.id, name: g.name, description: g.description },
      ipCounters: Object.fromEntries(subnets.map((s) => [s.zone, s.handedOut])),
    };
  }

  /** Replaces the state with a snapshot's. */
  restore(s: Ec2Snapshot): void {
    this.#seq = s.seq;
    if (s.network !== undefined) this.network.restore(s.network);
    else this.network.restoreLegacy(s.vpcId, s.subnets, s.defaultGroup, (zone) => legacyHandedOut(s.ipCounters[zone] ?? 0));
    this.#publicIpCounter = s.publicIpCounter;
    this.instances = new Map(s.instances.map((i) => [i.id, { ...i }]));
    this.launchTemplates.restore(s.launchTemplates);
    this.quota.clear();
    for (const i of this.instances.values()) if (i.state !== 'terminated' && i.state !== 'stopped') this.quota.add(i.instanceType);
    this.spot.restore(s.spotCapacity);
  }
}

/**
 * Where a default subnet's counter stands after `n` addresses handed out the way botoscale
 * local did before subnets had ranges (250 per /24 from `.4`), so new addresses come after them.
 */
function legacyHandedOut(n: number): number {
  return n === 0 ? 0 : Math.floor((n - 1) / 250) * 256 + ((n - 1) % 250) + 1;
}

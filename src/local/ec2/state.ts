/**
 * The state model of the simulated EC2: one default VPC with a subnet per zone, the
 * `default` security group, and instances that boot (pending → running after 20 s),
 * shut down (shutting-down → terminated after 10 s), and stay visible for an hour once
 * terminated. Plain JSON-safe records, so a snapshot is the records themselves.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { ServiceError } from '../errors';
import { instanceId, resourceId } from '../ids';
import type { Ec2InstanceState, Ec2InstanceView, LaunchSpec, LaunchTemplateSpec, TemplatePlacement } from '../types';
import { LaunchTemplates, type LaunchTemplateRecord, type LaunchTemplatesSnapshot, type LaunchTemplateVersionRecord } from './launchtemplates';
import { privateDnsSuffix, publicDnsSuffix, zonesOf } from './regions';
import { INTERRUPTION_NOTICE_MS, REBALANCE_LEAD_MS, SpotMarket, type SpotCapacitySnapshot } from './spot';
import { templateLaunchParams, type MetadataSettings } from './template-launch';
import { VcpuQuota } from './vcpus';

/** Simulated time from launch to running. */
export const BOOT_MS = 20_000;
/** Simulated time from terminate to terminated. */
export const SHUTDOWN_MS = 10_000;
/** How long terminated instances stay visible. */
export const RETAIN_MS = 3_600_000;
/** How long status checks report `initializing` after an instance starts running. */
export const STATUS_INIT_MS = 60_000;

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
  /** Public IPv4 address. */
  publicIp: string;
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
}

/** A subnet of the default VPC. */
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

/** What RunInstances asks for. */
export interface RunRequest {
  /** Image to launch. */
  imageId: string;
  /** Instance type. */
  instanceType: string;
  /** Fewest instances to launch. */
  minCount: number;
  /** Most instances to launch (all are launched). */
  maxCount: number;
  /** Zone; default: the region's first. */
  availabilityZone?: string;
  /** Subnet (decides the zone). */
  subnetId?: string;
  /** Key pair name. */
  keyName?: string;
  /** Security group names. */
  securityGroups?: string[];
  /** Security group ids. */
  securityGroupIds?: string[];
  /** User data, base64 encoded. */
  userData?: string;
  /** Whether detailed monitoring is on. */
  monitoring?: boolean;
  /** Tags of the instances. */
  tags?: TagRecord[];
  /** Idempotency token: the same token gives the same reservation. */
  clientToken?: string;
  /** Instance profile name or ARN. */
  iamInstanceProfile?: string;
  /** Whether the instances are EBS-optimised. */
  ebsOptimized?: boolean;
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

function groupIdFor(name: string): string {
  return `sg-${createHash('sha1').update(name).digest('hex').slice(0, 17)}`;
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
  /** The default VPC's id. */
  vpcId: string;
  /** The default VPC's subnets, one per zone. */
  subnets: SubnetRecord[];
  /** The default security group. */
  defaultGroup: SecurityGroupRecord;
  /** The region's launch templates. */
  readonly launchTemplates: LaunchTemplates;
  /** The spot market: remaining capacity by pool. */
  readonly spot = new SpotMarket();
  #seq = 0;
  #ipCounters: Record<string, number> = {};
  #publicIpCounter = 0;
  readonly #loadOf: (group: string) => number | undefined;

  constructor(region: string, accountId: string, loadOf: (group: string) => number | undefined = () => undefined, vcpuLimit?: number) {
    this.quota = new VcpuQuota(vcpuLimit);
    this.region = region;
    this.accountId = accountId;
    this.zones = zonesOf(region);
    this.#loadOf = loadOf;
    this.vpcId = resourceId('vpc');
    this.subnets = this.zones.map((zone, i) => ({ id: resourceId('subnet'), zone, cidr: `172.31.${i * 16}.0/20` }));
    this.defaultGroup = { id: resourceId('sg'), name: 'default', description: 'default VPC security group' };
    this.launchTemplates = new LaunchTemplates(accountId);
  }

  /** The subnet of a zone. */
  subnetOf(zone: string): SubnetRecord {
    const s = this.subnets.find((x) => x.zone === zone);
    if (s === undefined) throw new ServiceError('InvalidParameterValue', `Invalid availability zone: [${zone}]`, 400);
    return s;
  }

  #privateIp(zone: string): string {
    const zi = Math.max(0, this.zones.indexOf(zone));
    const n = this.#ipCounters[zone] ?? 0;
    this.#ipCounters[zone] = n + 1;
    return `172.31.${zi * 16 + Math.floor(n / 250)}.${(n % 250) + 4}`;
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

  #groups(names: readonly string[] | undefined, ids: readonly string[] | undefined): GroupRef[] {
    const out: GroupRef[] = [];
    for (const name of names ?? []) out.push({ groupName: name, groupId: name === 'default' ? this.defaultGroup.id : groupIdFor(name) });
    for (const id of ids ?? []) out.push({ groupName: id === this.defaultGroup.id ? 'default' : id, groupId: id });
    return out.length > 0 ? out : [{ groupName: 'default', groupId: this.defaultGroup.id }];
  }

  #launch(now: number, reservationId: string, index: number, spec: LaunchSpec & { groupIds?: string[]; clientToken?: string; ebsOptimized?: boolean }): InstanceRecord {
    const subnet = spec.subnetId !== undefined ? this.subnets.find((s) => s.id === spec.subnetId) : undefined;
    const zone = subnet?.zone ?? spec.availabilityZone;
    if (!this.zones.includes(zone)) throw new ServiceError('InvalidParameterValue', `Invalid availability zone: [${zone}]`, 400);
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
      securityGroups: this.#groups(spec.securityGroups, spec.groupIds),
      /** The default VPC's id. */
      vpcId: this.vpcId,
      subnetId: subnet?.id ?? this.subnetOf(zone).id,
      privateIp: this.#privateIp(zone),
      publicIp: this.#publicIp(),
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
    if (spec.spot === true) {
      rec.instanceLifecycle = 'spot';
      rec.spotInstanceRequestId = resourceId('sir').slice(0, 12);
    }
    this.instances.set(rec.id, rec);
    this.quota.add(rec.instanceType);
    return rec;
  }

  /** Launches one instance for another service (Auto Scaling), in its own reservation. */
  launch(spec: LaunchSpec, now: number): InstanceRecord {
    if (!this.knowsImage(spec.imageId)) throw new ServiceError('InvalidAMIID.Malformed', `Invalid id: "${spec.imageId}" (expecting "ami-...")`, 400);
    this.quota.check(spec.instanceType);
    return this.#launch(now, resourceId('r'), 0, spec);
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
    if (p.imageId === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter ImageId', 400);
    if (!this.knowsImage(p.imageId)) throw new ServiceError('InvalidAMIID.Malformed', `Invalid id: "${p.imageId}" (expecting "ami-...")`, 400);
    this.#checkGroups(p.securityGroups, p.groupIds);
    const launch: LaunchSpec & { groupIds?: string[]; ebsOptimized?: boolean } = { ...p, imageId: p.imageId };
    if (placement.instanceType !== undefined) launch.instanceType = placement.instanceType;
    if (placement.spot === true) launch.spot = true;
    const rec = this.#launch(now, resourceId('r'), 0, launch);
    rec.launchTemplate = { id: template.id, name: template.name, version: version.number };
    if (p.metadata !== undefined) rec.metadata = { ...p.metadata };
    return rec;
  }

  #checkGroups(names: readonly string[] | undefined, ids: readonly string[] | undefined): void {
    for (const name of names ?? []) {
      if (name !== 'default') throw new ServiceError('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${this.vpcId}'`, 400);
    }
    for (const id of ids ?? []) {
      if (!/^sg-[0-9a-f]+$/.test(id)) throw new ServiceError('InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`, 400);
      if (id !== this.defaultGroup.id) throw new ServiceError('InvalidGroup.NotFound', `The security group '${id}' does not exist`, 400);
    }
  }

  /** RunInstances: `maxCount` instances in one reservation, in one zone. */
  run(req: RunRequest, now: number): RunResult {
    if (req.clientToken !== undefined && req.clientToken !== '') {
      const prior = [...this.instances.values()].filter((i) => i.clientToken === req.clientToken);
      const first = prior[0];
      if (first !== undefined) return { reservationId: first.reservationId, instances: prior.filter((i) => i.reservationId === first.reservationId) };
    }
    if (!this.knowsImage(req.imageId)) throw new ServiceError('InvalidAMIID.Malformed', `Invalid id: "${req.imageId}" (expecting "ami-...")`, 400);
    if (req.minCount < 1) throw new ServiceError('InvalidParameterValue', `Value (${req.minCount}) for parameter minCount is invalid. Expected a positive integer.`, 400);
    if (req.maxCount < req.minCount) throw new ServiceError('InvalidParameterValue', `Value (${req.maxCount}) for parameter maxCount is invalid. Expected a value at least minCount (${req.minCount}).`, 400);
    this.#checkGroups(req.securityGroups, req.securityGroupIds);
    let zone = req.availabilityZone;
    if (req.subnetId !== undefined) {
      const subnet = this.subnets.find((s) => s.id === req.subnetId);
      if (subnet === undefined) throw new ServiceError('InvalidSubnetID.NotFound', `The subnet ID '${req.subnetId}' does not exist`, 400);
      if (zone !== undefined && zone !== subnet.zone) throw new ServiceError('InvalidParameterValue', `The subnet '${subnet.id}' is in ${subnet.zone}, not in the requested zone ${zone}.`, 400);
      zone = subnet.zone;
    }
    zone ??= this.zones[0] as string;
    if (!this.zones.includes(zone)) throw new ServiceError('InvalidParameterValue', `Invalid availability zone: [${zone}]`, 400);
    // As AWS: fewer than MinCount fitting is an error; otherwise as many as fit, up to MaxCount.
    this.quota.check(req.instanceType, req.minCount);
    const count = this.quota.fits(req.instanceType, req.maxCount);
    const reservationId = resourceId('r');
    const instances: InstanceRecord[] = [];
    for (let i = 0; i < count; i++) {
      const spec: LaunchSpec & { groupIds?: string[]; clientToken?: string; ebsOptimized?: boolean } = {
        imageId: req.imageId,
        instanceType: req.instanceType,
        availabilityZone: zone,
      };
      if (req.subnetId !== undefined) spec.subnetId = req.subnetId;
      if (req.keyName !== undefined) spec.keyName = req.keyName;
      if (req.securityGroups !== undefined) spec.securityGroups = req.securityGroups;
      if (req.securityGroupIds !== undefined) spec.groupIds = req.securityGroupIds;
      if (req.userData !== undefined) spec.userData = req.userData;
      if (req.monitoring !== undefined) spec.monitoring = req.monitoring;
      if (req.tags !== undefined) spec.tags = req.tags;
      if (req.clientToken !== undefined) spec.clientToken = req.clientToken;
      if (req.iamInstanceProfile !== undefined) spec.iamInstanceProfile = req.iamInstanceProfile;
      if (req.ebsOptimized !== undefined) spec.ebsOptimized = req.ebsOptimized;
      instances.push(this.#launch(now, reservationId, i, spec));
    }
    return { reservationId, instances };
  }

  /** The instances named, in the order named; EC2's errors for malformed or unknown ids. */
  find(ids: readonly string[]): InstanceRecord[] {
    const malformed = ids.find((id) => !isInstanceId(id));
    if (malformed !== undefined) throw new ServiceError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`, 400);
    const missing = [...new Set(ids.filter((id) => !this.instances.has(id)))];
    if (missing.length === 1) throw new ServiceError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`, 400);
    if (missing.length > 1) throw new ServiceError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`, 400);
    return [...new Set(ids)].map((id) => this.instances.get(id) as InstanceRecord);
  }

  /** Starts terminating an instance; returns its previous state. */
  terminate(rec: InstanceRecord, now: number, reason = 'User initiated'): Ec2InstanceState {
    const previous = rec.state;
    if (rec.state === 'terminated' || rec.state === 'shutting-down') return previous;
    rec.state = 'shutting-down';
    rec.stateSince = now;
    rec.terminatedAt = now;
    rec.terminationReason = reason;
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
      /** The default VPC's id. */
      vpcId: this.vpcId,
      /** The default VPC's subnets, one per zone. */
      subnets: this.subnets.map((s) => ({ ...s })),
      /** The default security group. */
      defaultGroup: { ...this.defaultGroup },
      ipCounters: { ...this.#ipCounters },
      publicIpCounter: this.#publicIpCounter,
      /** Visible instances by id, in launch order. */
      instances: [...this.instances.values()].map((i) => ({ ...i, securityGroups: i.securityGroups.map((g) => ({ ...g })), tags: i.tags.map((t) => ({ ...t })) })),
      launchTemplates: this.launchTemplates.snapshot(),
      spotCapacity: this.spot.snapshot(),
    };
  }

  /** Replaces the state with a snapshot's. */
  restore(s: Ec2Snapshot): void {
    this.#seq = s.seq;
    this.vpcId = s.vpcId;
    this.subnets = s.subnets.map((x) => ({ ...x }));
    this.defaultGroup = { ...s.defaultGroup };
    this.#ipCounters = { ...s.ipCounters };
    this.#publicIpCounter = s.publicIpCounter;
    this.instances = new Map(s.instances.map((i) => [i.id, { ...i }]));
    this.launchTemplates.restore(s.launchTemplates);
    this.quota.clear();
    for (const i of this.instances.values()) if (i.state !== 'terminated' && i.state !== 'stopped') this.quota.add(i.instanceType);
    this.spot.restore(s.spotCapacity);
  }
}

/**
 * The simulated EC2 (API 2016-11-15) of botoscale local: instances (stop, start,
 * attributes, root volumes), zones, regions, VPCs, subnets and security groups (their
 * rules authorized and revoked), tags, simulated images and launch templates, behind
 * {@link SimulatedService}.
 *
 * @module
 */
import type { Cloud, Ec2Api, ResolvedLaunchTemplate, SimulatedService } from '../types';
import { ec2Handlers } from './handlers';
import { instanceHandlers } from './instance-handlers';
import { networkHandlers } from './network-handlers';
import { launchTemplateHandlers } from './launchtemplate-handlers';
import { tagHandlers } from './tag-handlers';
import { Ec2State, type Ec2Snapshot } from './state';


export { Ec2State, BOOT_MS, SHUTDOWN_MS, RETAIN_MS, type InstanceRecord } from './state';
export { DEFAULT_VCPU_LIMIT, VcpuQuota, quotaBucketOf, vcpusOf } from './vcpus';

/** A cloud that remembers the CPU load set per Auto Scaling group (`setLoad`). */
export interface LoadSource {
  /** The load set for a group, if any. */
  loadOf(groupName: string): number | undefined;
}

/** The network other services place things in: the default VPC, every subnet and security group. */
export interface Ec2Network {
  /** The default VPC's id (absent once it is deleted). */
  vpcId?: string;
  /** Every subnet, of every VPC. */
  subnets: SubnetRef[];
  /** The default VPC's default security group's id. */
  defaultGroupId?: string;
  /** Every security group, of every VPC. */
  groups: SecurityGroupRef[];
}

/** A subnet, its zone and its VPC. */
export interface SubnetRef {
  /** Subnet id (`subnet-…`). */
  id: string;
  /** Its zone. */
  zone: string;
  /** Its VPC (absent: the default VPC). */
  vpcId?: string;
  /** Whether it is its zone's default subnet. */
  defaultForAz?: boolean;
}

/** A security group as other services see it. */
export interface SecurityGroupRef {
  /** Group id (`sg-…`). */
  id: string;
  /** Group name. */
  name: string;
  /** Its VPC. */
  vpcId: string;
}

/** The simulated EC2 as other services use it, plus its network. */
export interface LocalEc2Api extends Ec2Api {
  /** The default VPC, every subnet and security group. */
  network(): Ec2Network;
  /** The account's `default_elb_…` security group, opened on `ports` (made on first use); undefined without a default VPC. */
  elbDefaultGroup(ports: readonly number[]): string | undefined;
}

/** Whether an EC2 is the simulated one (and so knows its network). */
export function hasNetwork(api: Ec2Api): api is LocalEc2Api {
  return typeof (api as Partial<LocalEc2Api>).network === 'function';
}

/** A simulated EC2 together with its state model (for tests and tools). */
export interface Ec2Simulation {
  /** The service as the cloud composes it. */
  service: SimulatedService<Ec2Api>;
  /** Its state model. */
  state: Ec2State;
}

function isSnapshot(value: unknown): value is Ec2Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof Ec2Snapshot, unknown>>;
  return v.version === 1 && typeof v.seq === 'number' && typeof v.vpcId === 'string' && Array.isArray(v.subnets) && Array.isArray(v.instances) && typeof v.defaultGroup === 'object';
}

function networkView(state: Ec2State): Ec2Network {
  const net = state.network;
  const vpc = net.defaultVpc();
  const view: Ec2Network = {
    subnets: [...net.subnets.values()].map((s) => ({ id: s.id, zone: s.zone, vpcId: s.vpcId, defaultForAz: s.defaultForAz })),
    groups: [...net.groups.values()].map((g) => ({ id: g.id, name: g.name, vpcId: g.vpcId })),
  };
  if (vpc !== undefined) {
    view.vpcId = vpc.id;
    view.defaultGroupId = net.defaultGroupOf(vpc.id).id;
  }
  return view;
}

/** Options of the simulated EC2. */
export interface Ec2Options {
  /** Image ids accepted besides well-formed `ami-…` ids, such as a tutorial's placeholder `my-ami`. */
  images?: string[];
  /** The On-Demand vCPU quota of each bucket (default 1,152: `DEFAULT_VCPU_LIMIT`). */
  vcpus?: number;
}

/** Builds the simulated EC2 of a cloud and hands out its state model too. */
export function buildEc2(cloud: Cloud & Partial<LoadSource>, options: Ec2Options = {}): Ec2Simulation {
  const state = new Ec2State(cloud.region, cloud.accountId, (group) => cloud.loadOf?.(group), options.vcpus);
  for (const image of options.images ?? []) state.extraImages.add(image);
  // Asked at deletion time, when the cloud's ELB exists; an ELB that cannot say uses nothing.
  state.usedElsewhere = (id) => {
    const elb = cloud.elb as Partial<{ usesNetworkResource(id: string): boolean }>;
    return typeof elb.usesNetworkResource === 'function' && elb.usesNetworkResource(id);
  };
  const api: LocalEc2Api = {
    zones: () => [...state.zones],
    network: () => networkView(state),
    elbDefaultGroup: (ports) => state.network.elbDefaultGroup(ports),
    runInstance: (spec) => state.launch(spec, cloud.clock.now()),
    terminateInstance(id) {
      const now = cloud.clock.now();
      const rec = state.instance(id, now);
      if (rec !== undefined) state.terminate(rec, now);
    },
    getInstance: (id) => state.instance(id, cloud.clock.now()),
    imageExists: (imageId) => state.knowsImage(imageId),
    resolveLaunchTemplate(spec) {
      const { template, version } = state.resolveTemplate(spec);
      const resolved: ResolvedLaunchTemplate = { id: template.id, name: template.name, version: version.number };
      const { ImageId: imageId, InstanceType: instanceType } = version.data;
      if (typeof imageId === 'string') resolved.imageId = imageId;
      if (typeof instanceType === 'string') resolved.instanceType = instanceType;
      return resolved;
    },
    runInstanceFromTemplate: (spec, placement) => state.launchFromTemplate(spec, placement, cloud.clock.now()),
    spotCapacity: (zone, instanceType) => state.spot.available(zone, instanceType),
    setSpotCapacity: (zone, instanceType, available) => state.spot.setAvailable(zone, instanceType, available),
    interruptSpotInstance(id) {
      const now = cloud.clock.now();
      const rec = state.instance(id, now);
      return rec !== undefined && state.interrupt(rec, now);
    },
  };
  const service: SimulatedService<Ec2Api> = {
    api,
    handlers: { ...ec2Handlers(state), ...networkHandlers(state), ...instanceHandlers(state), ...launchTemplateHandlers(state.launchTemplates), ...tagHandlers(state) },
    step(now) {
      state.step(now);
    },
    snapshot: () => state.snapshot(),
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new TypeError('not an EC2 snapshot of this version');
      state.restore(snapshot);
    },
  };
  return { service, state };
}

/** The simulated EC2 of a cloud. */
export function createEc2Service(cloud: Cloud, options: Ec2Options = {}): SimulatedService<Ec2Api> {
  return buildEc2(cloud, options).service;
}

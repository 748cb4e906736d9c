/**
 * The simulated EC2 (API 2016-11-15) of botoscale local: instances, zones, regions, the
 * default security group, simulated images and launch templates, behind
 * {@link SimulatedService}.
 *
 * @module
 */
import type { Cloud, Ec2Api, ResolvedLaunchTemplate, SimulatedService } from '../types';
import { ec2Handlers } from './handlers';
import { launchTemplateHandlers } from './launchtemplate-handlers';
import { Ec2State, type Ec2Snapshot } from './state';


export { Ec2State, BOOT_MS, SHUTDOWN_MS, RETAIN_MS, type InstanceRecord } from './state';
export { DEFAULT_VCPU_LIMIT, VcpuQuota, quotaBucketOf, vcpusOf } from './vcpus';

/** A cloud that remembers the CPU load set per Auto Scaling group (`setLoad`). */
export interface LoadSource {
  /** The load set for a group, if any. */
  loadOf(groupName: string): number | undefined;
}

/** The default VPC: what the simulated ELB places load balancers in. */
export interface Ec2Network {
  /** The default VPC's id. */
  vpcId: string;
  /** Its subnets, one per zone. */
  subnets: SubnetRef[];
  /** Its default security group's id. */
  defaultGroupId: string;
}

/** A subnet and its zone. */
export interface SubnetRef {
  /** Subnet id (`subnet-…`). */
  id: string;
  /** Its zone. */
  zone: string;
}

/** The simulated EC2 as other services use it, plus its network. */
export interface LocalEc2Api extends Ec2Api {
  /** The default VPC, its subnet per zone, and its default security group. */
  network(): Ec2Network;
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
  const api: LocalEc2Api = {
    zones: () => [...state.zones],
    network: () => ({ vpcId: state.vpcId, subnets: state.subnets.map((s) => ({ id: s.id, zone: s.zone })), defaultGroupId: state.defaultGroup.id }),
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
    handlers: { ...ec2Handlers(state), ...launchTemplateHandlers(state.launchTemplates) },
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

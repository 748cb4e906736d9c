/**
 * The simulated Elastic Load Balancing (classic, API 2012-06-01) of botoscale local:
 * load balancers and the health of their instances, behind {@link SimulatedService}.
 *
 * @module
 */
import { hasNetwork } from '../ec2';
import type { Cloud, ElbApi, ServiceHandlers, SimulatedService } from '../types';
import { elbHandlers } from './handlers';
import { initialHealth, stepHealth } from './health';
import { ElbState, type ElbNetwork, type ElbSnapshot } from './state';

export { ElbState } from './state';

/** A simulated ELB together with its state model (for tests and tools). */
export interface ElbSimulation {
  /** The service as the cloud composes it. */
  service: SimulatedService<ElbApi>;
  /** Its state model. */
  state: ElbState;
}

function isSnapshot(value: unknown): value is ElbSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ElbSnapshot, unknown>>;
  return v.version === 1 && Array.isArray(v.loadBalancers);
}

/** Handlers that first bring instance health to the request's time. */
function settled(handlers: ServiceHandlers, settle: (now: number) => void): ServiceHandlers {
  const out: ServiceHandlers = {};
  for (const [action, handler] of Object.entries(handlers)) {
    out[action] = (input, ctx) => {
      settle(ctx.now);
      return handler(input, ctx);
    };
  }
  return out;
}

/**
 * What the simulated EC2 asks before deleting a subnet or security group: whether a load
 * balancer's network interfaces sit in it (EC2 answers `DependencyViolation` then).
 */
export interface NetworkUser {
  /** Whether a load balancer uses the subnet or security group with this id. */
  usesNetworkResource(id: string): boolean;
}

/** Options of {@link createElbService}. */
export interface ElbServiceOptions {
  /** How many load balancers the account may have; AWS's default 20 when absent. */
  maxLoadBalancers?: number;
}

/** Builds the simulated ELB of a cloud and hands out its state model too. */
export function buildElb(cloud: Cloud, options: ElbServiceOptions = {}): ElbSimulation {
  const network = (): ElbNetwork => {
    const ec2 = cloud.ec2;
    if (!hasNetwork(ec2)) return { zones: () => ec2.zones(), subnets: [] };
    const n = ec2.network();
    const net: ElbNetwork = { zones: () => ec2.zones(), subnets: n.subnets, groups: n.groups, elbDefaultGroup: (ports) => ec2.elbDefaultGroup(ports) };
    if (n.vpcId !== undefined) net.vpcId = n.vpcId;
    if (n.defaultGroupId !== undefined) net.defaultGroupId = n.defaultGroupId;
    return net;
  };
  const state = new ElbState(cloud.region, cloud.accountId, network, options.maxLoadBalancers);
  const api: ElbApi & NetworkUser = {
    exists: (name) => state.balancers.has(name),
    usesNetworkResource: (id) => [...state.balancers.values()].some((lb) => lb.subnets.includes(id) || lb.securityGroups.includes(id)),
    registerInstances(name, ids) {
      if (!state.balancers.has(name)) return;
      state.register(name, ids, (id) => initialHealth(cloud.ec2, id), cloud.clock.now());
    },
    deregisterInstances(name, ids) {
      const lb = state.balancers.get(name);
      if (lb === undefined) return;
      lb.instances = lb.instances.filter((m) => !ids.includes(m.instanceId));
    },
    instanceHealth(name, id) {
      const lb = state.balancers.get(name);
      if (lb !== undefined) stepHealth(cloud.ec2, [lb], cloud.clock.now());
      const m = state.balancers.get(name)?.instances.find((x) => x.instanceId === id);
      return m === undefined ? undefined : { ...m.health };
    },
  };
  const service: SimulatedService<ElbApi> = {
    api,
    handlers: settled(elbHandlers(state, cloud), (now) => stepHealth(cloud.ec2, state.balancers.values(), now)),
    step(now) {
      stepHealth(cloud.ec2, state.balancers.values(), now);
    },
    snapshot: () => state.snapshot(),
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new TypeError('not an ELB snapshot of this version');
      state.restore(snapshot);
    },
  };
  return { service, state };
}

/** The simulated ELB of a cloud. */
export function createElbService(cloud: Cloud, options: ElbServiceOptions = {}): SimulatedService<ElbApi> {
  return buildElb(cloud, options).service;
}

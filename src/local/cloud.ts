/**
 * The simulated cloud: one region, one clock, and the four services built from their
 * factories and wired to each other through the {@link Cloud} interfaces. Each clock
 * step runs the loads set with `setLoad` and the demands set with `setDemand`, then EC2,
 * ELB, Auto Scaling and CloudWatch, in that order.
 *
 * @module
 */
import { createAutoScalingService } from './autoscale';
import { SimClock, type ClockState, type SimClockOptions } from './clock';
import { createCloudWatchService } from './cloudwatch';
import { createEc2Service, type LoadSource } from './ec2';
import { createElbService } from './elb';
import { ACCOUNT_ID, withIdRecorder, type IdRecorder } from './ids';
import { checkDemand, checkGroupName, SpotControl, type DemandSetting } from './spot-control';
import type { AutoScalingApi, Cloud, CloudWatchApi, Ec2Api, ElbApi, ServiceHandlers, ServiceName, SimulatedService } from './types';

/** Options of {@link createCloud}. */
export interface CloudOptions {
  /** Region of the simulated cloud; default `us-east-1`. */
  region?: string;
  /** Account id every resource belongs to; default `123456789012`. */
  accountId?: string;
  /** The clock, or options for a new one. */
  clock?: SimClock | SimClockOptions;
  /** Called with an error a service's step threw (the step of the other services still runs). */
  onError?: (err: unknown) => void;
  /** Account quotas; AWS's defaults where absent. */
  limits?: LocalLimits;
  /** Image ids EC2 accepts besides well-formed `ami-…` ids (a tutorial's placeholder such as `my-ami`). */
  images?: string[];
  /** False: CreateLaunchConfiguration is refused as in accounts created since 2024-10-01 (default true). */
  launchConfigurations?: boolean;
  /**
   * False: the cloud does not step itself at each clock step; its owner calls {@link LocalCloud.step}
   * (botoscale local's `CloudSet`, in `clouds.ts`, steps its regions' clouds in one fixed order). Default true.
   */
  stepsWithClock?: boolean;
  /**
   * The revision to start at (default 0): a region's cloud made again after a rollback
   * continues past the one it replaces, so no answer kept for that one is replayed.
   */
  revision?: number;
}

/** Account quotas of the simulated cloud (raise them for benchmarks and large scenarios). */
export interface LocalLimits {
  /** Auto Scaling groups (AWS default 200). */
  autoScalingGroups?: number;
  /** Launch configurations (AWS default 200). */
  launchConfigurations?: number;
  /** Classic load balancers (AWS default 20). */
  loadBalancers?: number;
  /**
   * vCPUs of running On-Demand instances per EC2 quota bucket (Standard: A, C, D, H, I, M,
   * R, T, Z families; default 1,152); a launch past it fails with `VcpuLimitExceeded`.
   */
  vcpus?: number;
}

/** The services of a cloud, by signing name. */
export interface CloudServices {
  /** The simulated EC2. */
  ec2: SimulatedService<Ec2Api>;
  /** The simulated ELB. */
  elasticloadbalancing: SimulatedService<ElbApi>;
  /** The simulated Auto Scaling. */
  autoscaling: SimulatedService<AutoScalingApi>;
  /** The simulated CloudWatch. */
  monitoring: SimulatedService<CloudWatchApi>;
}

/** A region's cloud in a `--state` file, apart from the clock all regions share. */
export type RegionSnapshot = Omit<CloudSnapshot, 'clock'>;

/** The cloud part of a `--state` file. */
export interface CloudSnapshot {
  /** The clock's time and next step. */
  clock: ClockState;
  /** CPU loads set with setLoad, by group. */
  loads: Record<string, number>;
  /** Demands set with setDemand, by group (absent in files from before the load model). */
  demands?: Record<string, number>;
  /** EC2's snapshot. */
  ec2: unknown;
  /** ELB's snapshot. */
  elb: unknown;
  /** Auto Scaling's snapshot. */
  autoscaling: unknown;
  /** CloudWatch's snapshot. */
  cloudwatch: unknown;
}

const STEP_ORDER: readonly ServiceName[] = ['ec2', 'elasticloadbalancing', 'autoscaling', 'monitoring'];

/** The simulated cloud of botoscale local. */
export class LocalCloud implements Cloud, LoadSource {
  /** Region of the cloud. */
  readonly region: string;
  /** Account every resource belongs to. */
  readonly accountId: string;
  /** The simulated clock. */
  readonly clock: SimClock;
  /** The four services, by signing name. */
  readonly services: CloudServices;
  readonly #loads = new Map<string, number>();
  readonly #demands = new Map<string, number>();
  /** The spot market: interruptions and pool capacity. */
  readonly spot: SpotControl;
  readonly #onError: (err: unknown) => void;
  readonly #unsubscribe: () => void;
  #revision = 0;
  /** Sees the ids every clock step makes (the `--state` journal records them); none by default. */
  idRecorder: IdRecorder | undefined;

  constructor(options: CloudOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.#revision = options.revision ?? 0;
    this.accountId = options.accountId ?? ACCOUNT_ID;
    this.clock = options.clock instanceof SimClock ? options.clock : new SimClock(options.clock);
    this.#onError = options.onError ?? ((err) => process.stderr.write(`botoscale local: a simulation step failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`));
    const limits = options.limits ?? {};
    const ec2 = createEc2Service(this, { images: options.images ?? [], ...(limits.vcpus === undefined ? {} : { vcpus: limits.vcpus }) });
    const elb = createElbService(this, limits.loadBalancers === undefined ? {} : { maxLoadBalancers: limits.loadBalancers });
    const asLimits: { maxGroups?: number; maxLaunchConfigurations?: number } = {};
    if (limits.autoScalingGroups !== undefined) asLimits.maxGroups = limits.autoScalingGroups;
    if (limits.launchConfigurations !== undefined) asLimits.maxLaunchConfigurations = limits.launchConfigurations;
    const autoscaling = createAutoScalingService(this, { limits: asLimits, launchConfigurations: options.launchConfigurations !== false });
    const monitoring = createCloudWatchService(this);
    this.services = { ec2, elasticloadbalancing: elb, autoscaling, monitoring };
    this.spot = new SpotControl(this, () => this.touch());
    this.#unsubscribe = options.stepsWithClock === false ? () => undefined : this.clock.onStep((now) => this.step(now));
  }

  /** EC2 as the other services use it. */
  get ec2(): Ec2Api {
    return this.services.ec2.api;
  }

  /** ELB as the other services use it. */
  get elb(): ElbApi {
    return this.services.elasticloadbalancing.api;
  }

  /** Auto Scaling as the other services use it. */
  get autoscaling(): AutoScalingApi {
    return this.services.autoscaling.api;
  }

  /** CloudWatch as the other services use it. */
  get cloudwatch(): CloudWatchApi {
    return this.services.monitoring.api;
  }

  /**
   * Grows with every change the cloud knows of: a control-loop step, a load, a restore, or
   * {@link touch}. botoscale local replays a read's answer only while it stays the same.
   */
  get revision(): number {
    return this.#revision;
  }

  /**
   * Records a change made from outside the cloud's own methods: the server calls it after
   * every request that may change state; code that changes the simulated state directly
   * (an instance's `healthy` or `cpu`, a service's `api`) calls it so reads see the change.
   */
  touch(): void {
    this.#revision += 1;
  }

  /** The wire handlers of a service. */
  handlers(name: ServiceName): ServiceHandlers {
    return this.services[name].handlers;
  }

  /**
   * Sets the simulated CPU load (percent) of a group's instances, now and at every step,
   * so the instances it launches later get it too. The group need not exist yet.
   */
  setLoad(groupName: string, cpuPercent: number): void {
    if (typeof groupName !== 'string' || groupName === '') throw new TypeError('setLoad: the group name must be a non-empty string');
    if (typeof cpuPercent !== 'number' || !Number.isFinite(cpuPercent) || cpuPercent < 0 || cpuPercent > 100) {
      throw new RangeError(`setLoad: cpu must be a number from 0 to 100, got ${String(cpuPercent)}`);
    }
    this.touch();
    this.#demands.delete(groupName);
    this.#loads.set(groupName, cpuPercent);
    this.#applyLoad(groupName, cpuPercent);
  }

  /**
   * Sets a group's demand in CPU-percent units, shared by its InService instances: each
   * reports `min(100, demand / n)`, now and at every step, as instances come and go.
   * Replaces a load set with {@link setLoad} (and `setLoad` replaces a demand).
   */
  setDemand(groupName: string, demand: number): DemandSetting {
    const group = checkGroupName('setDemand', groupName);
    const value = checkDemand('setDemand', demand);
    this.touch();
    this.#loads.delete(group);
    this.#demands.set(group, value);
    this.#applyDemand(group, value);
    return { group, demand: value };
  }

  /** The demand set for a group, if any. */
  demandOf(groupName: string): number | undefined {
    return this.#demands.get(groupName);
  }

  #applyDemand(group: string, demand: number): void {
    const ids = this.autoscaling.groupInstances(group) ?? [];
    for (const id of ids) {
      const view = this.ec2.getInstance(id);
      if (view !== undefined) view.cpu = Math.min(100, demand / ids.length);
    }
  }

  /** The load set for a group, if any. */
  loadOf(groupName: string): number | undefined {
    return this.#loads.get(groupName);
  }

  /** Every load set, by group. */
  loads(): Record<string, number> {
    return Object.fromEntries(this.#loads);
  }

  #applyLoad(group: string, cpu: number): void {
    for (const id of this.autoscaling.groupInstances(group) ?? []) {
      const view = this.ec2.getInstance(id);
      if (view !== undefined) view.cpu = cpu;
    }
  }

  /** One control-loop step of every service at simulated time `now` (the clock calls it). */
  step(now: number): void {
    withIdRecorder(this.idRecorder, () => this.#runStep(now));
  }

  #runStep(now: number): void {
    this.touch();
    for (const [group, cpu] of this.#loads) {
      try {
        this.#applyLoad(group, cpu);
      } catch (err) {
        this.#onError(err);
      }
    }
    for (const [group, demand] of this.#demands) {
      try {
        this.#applyDemand(group, demand);
      } catch (err) {
        this.#onError(err);
      }
    }
    for (const name of STEP_ORDER) {
      try {
        this.services[name].step(now);
      } catch (err) {
        this.#onError(err);
      }
    }
  }

  /** The clock, the loads and the four services' state, as JSON-safe data. */
  snapshot(): CloudSnapshot {
    return {
      clock: this.clock.toJSON(),
      loads: this.loads(),
      demands: Object.fromEntries(this.#demands),
      ec2: this.services.ec2.snapshot(),
      elb: this.services.elasticloadbalancing.snapshot(),
      autoscaling: this.services.autoscaling.snapshot(),
      cloudwatch: this.services.monitoring.snapshot(),
    };
  }

  /** Replaces the whole state with a snapshot's. Throws if a part is not a snapshot of this version. */
  restore(s: CloudSnapshot): void {
    this.touch();
    this.services.ec2.restore(s.ec2);
    this.services.elasticloadbalancing.restore(s.elb);
    this.services.autoscaling.restore(s.autoscaling);
    this.services.monitoring.restore(s.cloudwatch);
    this.clock.restore(s.clock);
    this.#loads.clear();
    for (const [g, cpu] of Object.entries(s.loads)) this.#loads.set(g, cpu);
    this.#demands.clear();
    for (const [g, demand] of Object.entries(s.demands ?? {})) this.#demands.set(g, demand);
  }

  /** Detaches the cloud from its clock. */
  dispose(): void {
    this.#unsubscribe();
  }
}

/** Builds a simulated cloud. */
export function createCloud(options: CloudOptions = {}): LocalCloud {
  return new LocalCloud(options);
}

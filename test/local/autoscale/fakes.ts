/**
 * A small fake cloud for the Auto Scaling and CloudWatch tests: an EC2 whose instances
 * boot in 20 s and shut down in 10 s, an ELB that tracks registrations, a CloudWatch that
 * records datapoints (or the real service), and a clock driven by hand.
 */
import { SimClock } from '../../../src/local/clock';
import { idNotFound, nameNotFound } from '../../../src/local/ec2/launchtemplate-errors';
import { instanceId } from '../../../src/local/ids';
import type {
  AutoScalingApi,
  Cloud,
  CloudWatchApi,
  Datapoint,
  Ec2Api,
  Ec2InstanceState,
  Ec2InstanceView,
  ElbApi,
  ElbInstanceHealth,
  LaunchSpec,
  LaunchTemplateSpec,
  RequestContext,
  ResolvedLaunchTemplate,
  WireObject,
} from '../../../src/local/types';

/** 2026-01-01T00:00:00Z. */
export const T0 = Date.UTC(2026, 0, 1);

/** A fake EC2 instance. */
export interface FakeInstance extends Ec2InstanceView {
  spec: LaunchSpec;
  terminatedAt?: number;
  /** Set to make the instance stop on its own. */
  stopped?: boolean;
}

/** EC2 with instances that boot in 20 s. */
export class FakeEc2 implements Ec2Api {
  readonly instances = new Map<string, FakeInstance>();
  readonly launched: LaunchSpec[] = [];
  readonly terminated: string[] = [];
  readonly loads = new Map<string, number>();
  failLaunches = false;
  readonly #clock: SimClock;

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  zones(): string[] {
    return ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  }

  spotCapacity(): number | undefined {
    return undefined;
  }

  setSpotCapacity(): void {
    throw new Error('the fake EC2 has no spot market');
  }

  interruptSpotInstance(): boolean {
    return false;
  }

  runInstance(spec: LaunchSpec): Ec2InstanceView {
    if (this.failLaunches) throw new Error('Insufficient capacity.');
    this.launched.push(spec);
    const clock = this.#clock;
    const group = spec.tags?.find((t) => t.key === 'aws:autoscaling:groupName')?.value;
    const launchTime = clock.now();
    const inst: FakeInstance = {
      id: instanceId(),
      get state(): Ec2InstanceState {
        const now = clock.now();
        if (this.terminatedAt !== undefined) return now >= this.terminatedAt + 10_000 ? 'terminated' : 'shutting-down';
        if (this.stopped === true) return 'stopped';
        return now >= launchTime + 20_000 ? 'running' : 'pending';
      },
      availabilityZone: spec.availabilityZone,
      imageId: spec.imageId,
      instanceType: spec.instanceType,
      launchTime,
      cpu: group === undefined ? 0 : (this.loads.get(group) ?? 0),
      healthy: true,
      spec,
    };
    this.instances.set(inst.id, inst);
    return inst;
  }

  terminateInstance(id: string): void {
    const inst = this.instances.get(id);
    if (inst === undefined || inst.terminatedAt !== undefined) return;
    inst.terminatedAt = this.#clock.now();
    this.terminated.push(id);
  }

  getInstance(id: string): Ec2InstanceView | undefined {
    return this.instances.get(id);
  }

  imageExists(imageId: string): boolean {
    return imageId !== 'ami-missing';
  }

  /** The fake EC2 has no launch templates: EC2's not-found answer. */
  resolveLaunchTemplate(spec: LaunchTemplateSpec): ResolvedLaunchTemplate {
    throw spec.id !== undefined ? idNotFound(spec.id) : nameNotFound(spec.name ?? '');
  }

  /** The fake EC2 has no launch templates: EC2's not-found answer. */
  runInstanceFromTemplate(spec: LaunchTemplateSpec): Ec2InstanceView {
    return this.resolveLaunchTemplate(spec) as never;
  }

  /** Starts an instance outside any group (for AttachInstances). */
  standalone(zone = 'us-east-1a'): FakeInstance {
    return this.runInstance({ imageId: 'ami-12345678', instanceType: 't3.micro', availabilityZone: zone }) as FakeInstance;
  }
}

/** ELB that tracks registered instances and lets tests fail their health checks. */
export class FakeElb implements ElbApi {
  readonly balancers = new Map<string, Set<string>>();
  readonly outOfService = new Set<string>();
  readonly calls: string[] = [];

  create(name: string): void {
    this.balancers.set(name, new Set());
  }

  exists(name: string): boolean {
    return this.balancers.has(name);
  }

  registerInstances(name: string, ids: string[]): void {
    for (const id of ids) this.balancers.get(name)?.add(id);
    this.calls.push(`register ${name} ${ids.join(',')}`);
  }

  deregisterInstances(name: string, ids: string[]): void {
    for (const id of ids) this.balancers.get(name)?.delete(id);
    this.calls.push(`deregister ${name} ${ids.join(',')}`);
  }

  instanceHealth(name: string, id: string): ElbInstanceHealth | undefined {
    if (!this.balancers.get(name)?.has(id)) return undefined;
    return this.outOfService.has(id)
      ? { state: 'OutOfService', reasonCode: 'Instance', description: 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.' }
      : { state: 'InService', reasonCode: 'N/A', description: 'N/A' };
  }
}

/** CloudWatch that only records what it is given. */
export class RecordingCloudWatch implements CloudWatchApi {
  readonly datapoints: Datapoint[] = [];

  putDatapoint(datapoint: Datapoint): void {
    this.datapoints.push(datapoint);
  }
}

/** The fake cloud; `autoscaling` and `cloudwatch` are filled in by the test. */
export interface FakeCloud extends Cloud {
  readonly clock: SimClock;
  readonly ec2: FakeEc2;
  readonly elb: FakeElb;
  autoscaling: AutoScalingApi;
  cloudwatch: CloudWatchApi;
}

/** A fake cloud at {@link T0} stepping every 10 s; Auto Scaling answers nothing until replaced. */
export function fakeCloud(): FakeCloud {
  const clock = new SimClock({ start: T0, stepMs: 10_000 });
  const ec2 = new FakeEc2(clock);
  const cloud: FakeCloud = {
    region: 'us-east-1',
    accountId: '123456789012',
    clock,
    ec2,
    elb: new FakeElb(),
    autoscaling: { executePolicyByArn: () => false, groupInstances: () => undefined },
    cloudwatch: new RecordingCloudWatch(),
    setLoad(groupName: string, cpuPercent: number): void {
      ec2.loads.set(groupName, cpuPercent);
      for (const inst of ec2.instances.values()) {
        if (inst.spec.tags?.some((t) => t.key === 'aws:autoscaling:groupName' && t.value === groupName)) inst.cpu = cpuPercent;
      }
    },
  };
  return cloud;
}

/** A request context at the cloud's current time. */
export function ctx(cloud: Cloud): RequestContext {
  return { cloud, region: cloud.region, accountId: cloud.accountId, requestId: 'req-1', now: cloud.clock.now() };
}

/** Narrows an unknown answer to a structure. */
export function obj(value: unknown): WireObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new Error(`expected a structure, got ${String(value)}`);
  }
  return value as WireObject;
}

/** Narrows an unknown answer to a list of structures. */
export function list(value: unknown): WireObject[] {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${String(value)}`);
  return value.map(obj);
}

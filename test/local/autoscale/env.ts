/**
 * The Auto Scaling test environment: the real service over the fake cloud, with helpers
 * to call its handlers and to catch the AWS errors they answer with.
 */
import { buildAutoScaling, type AutoScalingServiceOptions } from '../../../src/local/autoscale';
import type { AutoScalingState } from '../../../src/local/autoscale/state';
import { ServiceError } from '../../../src/local/errors';
import type { AutoScalingApi, SimulatedService, WireObject } from '../../../src/local/types';
import { ctx, fakeCloud, type FakeCloud } from './fakes';

/** What a test works with. */
export interface AutoScalingEnv {
  cloud: FakeCloud;
  service: SimulatedService<AutoScalingApi>;
  state: AutoScalingState;
  /** Calls a handler at the current simulated time; an empty answer is `{}`. */
  call(action: string, input?: WireObject): WireObject;
  /** Calls a handler that must fail, and returns its error. */
  fail(action: string, input?: WireObject): ServiceError;
  advance(duration: string | number): void;
  /** A launch configuration `lc` (ami-12345678, t3.micro). */
  launchConfig(name?: string, extra?: WireObject): void;
  /** A group over us-east-1a and us-east-1b. */
  group(name: string, min: number, max: number, desired?: number, extra?: WireObject): void;
  /** The group's instances by lifecycle state, in the order DescribeAutoScalingGroups lists them. */
  instances(name: string): WireObject[];
}

/** A fresh environment whose clock steps the Auto Scaling service. */
export function autoscaleEnv(options: AutoScalingServiceOptions = {}): AutoScalingEnv {
  const cloud = fakeCloud();
  const { service, state } = buildAutoScaling(cloud, options);
  cloud.autoscaling = service.api;
  cloud.clock.onStep((now) => service.step(now));
  const call = (action: string, input: WireObject = {}): WireObject => {
    const handler = service.handlers[action];
    if (handler === undefined) throw new Error(`no handler for ${action}`);
    return handler(input, ctx(cloud)) ?? {};
  };
  const env: AutoScalingEnv = {
    cloud,
    service,
    state,
    call,
    fail(action, input = {}) {
      try {
        call(action, input);
      } catch (err) {
        if (err instanceof ServiceError) return err;
        throw err;
      }
      throw new Error(`${action} did not fail`);
    },
    advance(duration) {
      cloud.clock.advance(duration);
    },
    launchConfig(name = 'lc', extra = {}) {
      call('CreateLaunchConfiguration', { LaunchConfigurationName: name, ImageId: 'ami-12345678', InstanceType: 't3.micro', ...extra });
    },
    group(name, min, max, desired, extra = {}) {
      const input: WireObject = { AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: min, MaxSize: max, AvailabilityZones: ['us-east-1a', 'us-east-1b'], ...extra };
      if (desired !== undefined) input.DesiredCapacity = desired;
      call('CreateAutoScalingGroup', input);
    },
    instances(name) {
      const out = call('DescribeAutoScalingGroups', { AutoScalingGroupNames: [name] });
      const groups = out.AutoScalingGroups;
      if (!Array.isArray(groups) || groups.length !== 1) throw new Error(`no group ${name}`);
      const g = groups[0] as WireObject;
      return (g.Instances as WireObject[]) ?? [];
    },
  };
  return env;
}

/** Counts of instances per zone. */
export function byZone(instances: readonly WireObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of instances) out[String(i.AvailabilityZone)] = (out[String(i.AvailabilityZone)] ?? 0) + 1;
  return out;
}

/** Lifecycle states of instances, sorted. */
export function states(instances: readonly WireObject[]): string[] {
  return instances.map((i) => String(i.LifecycleState)).sort();
}

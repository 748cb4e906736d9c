/**
 * The CloudWatch test environment: the real CloudWatch (and the real Auto Scaling, for
 * alarm actions) over the fake cloud of the Auto Scaling tests, with handler helpers
 * (CloudWatch's input checked against its model first, as the protocol layer does).
 */
import { buildAutoScaling } from '../../../src/local/autoscale';
import type { AutoScalingState } from '../../../src/local/autoscale/state';
import { buildCloudWatch, type LocalCloudWatchApi } from '../../../src/local/cloudwatch';
import type { CloudWatchState } from '../../../src/local/cloudwatch/state';
import { ServiceError } from '../../../src/local/errors';
import { operationOf } from '../../../src/local/protocol/codec';
import { problemsError } from '../../../src/local/protocol/problems';
import { PROFILES } from '../../../src/local/protocol/services';
import { validateInput } from '../../../src/local/protocol/validate';
import type { AutoScalingApi, SimulatedService, WireObject } from '../../../src/local/types';
import { ctx, fakeCloud, type FakeCloud } from '../autoscale/fakes';

/** What a test works with. */
export interface CloudWatchEnv {
  cloud: FakeCloud;
  cw: SimulatedService<LocalCloudWatchApi>;
  state: CloudWatchState;
  as: SimulatedService<AutoScalingApi>;
  asState: AutoScalingState;
  /** Calls a CloudWatch handler at the current simulated time. */
  call(action: string, input?: WireObject): WireObject;
  /** Calls a CloudWatch handler that must fail, and returns its error. */
  fail(action: string, input?: WireObject): ServiceError;
  /** Calls an Auto Scaling handler. */
  asCall(action: string, input?: WireObject): WireObject;
  advance(duration: string | number): void;
}

/** A fresh environment whose clock steps Auto Scaling, then CloudWatch. */
export function cloudWatchEnv(): CloudWatchEnv {
  const cloud = fakeCloud();
  const cwSim = buildCloudWatch(cloud);
  const asSim = buildAutoScaling(cloud);
  cloud.cloudwatch = cwSim.service.api;
  cloud.autoscaling = asSim.service.api;
  cloud.clock.onStep((now) => {
    asSim.service.step(now);
    cwSim.service.step(now);
  });
  const invoke = (handlers: SimulatedService<unknown>['handlers'], action: string, input: WireObject): WireObject => {
    const handler = handlers[action];
    if (handler === undefined) throw new Error(`no handler for ${action}`);
    return handler(input, ctx(cloud)) ?? {};
  };
  // The protocol layer checks every request against the model before a handler runs;
  // the handlers trust it, so the tests check their input the same way.
  const cwProfile = PROFILES.monitoring;
  const call = (action: string, input: WireObject = {}): WireObject => {
    const problems = validateInput(cwProfile.model, operationOf(cwProfile, action).input, input, { flavour: cwProfile.flavour, enums: cwProfile.enums, ownChecks: cwProfile.ownChecks });
    if (problems.length > 0) throw problemsError(cwProfile.errorStyle, problems);
    return invoke(cwSim.service.handlers, action, input);
  };
  return {
    cloud,
    cw: cwSim.service,
    state: cwSim.state,
    as: asSim.service,
    asState: asSim.state,
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
    asCall(action, input = {}) {
      return invoke(asSim.service.handlers, action, input);
    },
    advance(duration) {
      cloud.clock.advance(duration);
    },
  };
}

/** Puts one value of a custom metric at a time (ms). */
export function put(env: CloudWatchEnv, value: number, at: number, extra: WireObject = {}): void {
  env.call('PutMetricData', {
    Namespace: 'App',
    MetricData: [{ MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'web' }], Timestamp: new Date(at), Value: value, Unit: 'Milliseconds', ...extra }],
  });
}

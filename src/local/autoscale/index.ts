/**
 * The simulated Auto Scaling service (API 2011-01-01) of botoscale local: its state model,
 * control loop and wire handlers behind {@link SimulatedService}.
 *
 * @module
 */
import type { AutoScalingApi, Cloud, SimulatedService } from '../types';
import { stepGroup } from './control';
import { autoScalingHandlers } from './handlers';
import { inServiceIds } from './instances';
import { publishMetrics } from './metrics';
import type { AutoScalingSnapshot } from './model';
import { executeForAlarm } from './policies';
import { fireScheduledActions } from './scheduled';
import { AutoScalingState, DEFAULT_LIMITS, type AutoScalingLimits } from './state';

export { AutoScalingState, type AutoScalingLimits } from './state';

/** Options of {@link createAutoScalingService}. */
export interface AutoScalingServiceOptions {
  /** Account limits; AWS's defaults (200 groups, 200 launch configurations) when absent. */
  limits?: Partial<AutoScalingLimits>;
  /** False: the account can't create launch configurations, as accounts created since 2024-10-01 (default true). */
  launchConfigurations?: boolean;
}

function isSnapshot(value: unknown): value is AutoScalingSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof AutoScalingSnapshot, unknown>>;
  return (
    v.version === 1 &&
    Array.isArray(v.groups) &&
    Array.isArray(v.launchConfigurations) &&
    Array.isArray(v.policies) &&
    Array.isArray(v.scheduledActions) &&
    Array.isArray(v.notifications) &&
    Array.isArray(v.activities) &&
    typeof v.lastMetricsMinute === 'number'
  );
}

/** A simulated Auto Scaling service together with its state model (for tests and tools). */
export interface AutoScalingSimulation {
  service: SimulatedService<AutoScalingApi>;
  state: AutoScalingState;
}

/** The simulated Auto Scaling service of a cloud. */
export function createAutoScalingService(cloud: Cloud, options: AutoScalingServiceOptions = {}): SimulatedService<AutoScalingApi> {
  return buildAutoScaling(cloud, options).service;
}

/** Builds the service and hands out its state model too. */
export function buildAutoScaling(cloud: Cloud, options: AutoScalingServiceOptions = {}): AutoScalingSimulation {
  const state = new AutoScalingState(cloud, { ...DEFAULT_LIMITS, ...options.limits });
  state.launchConfigurationsAllowed = options.launchConfigurations !== false;
  const api: AutoScalingApi = {
    executePolicyByArn(policyArn, cause, breach) {
      return executeForAlarm(state, policyArn, cause, cloud.clock.now(), breach) !== 'unknown';
    },
    groupInstances(groupName) {
      const group = state.groups.get(groupName);
      return group === undefined ? undefined : inServiceIds(group);
    },
  };
  const service: SimulatedService<AutoScalingApi> = {
    api,
    handlers: autoScalingHandlers(state),
    step(now) {
      fireScheduledActions(state, now);
      for (const group of [...state.groups.values()]) stepGroup(state, group, now);
      publishMetrics(state, now);
      // Cheap each step: only the oldest activity of each list is looked at, unless it expires.
      state.expireActivities(now);
    },
    snapshot() {
      return state.snapshot();
    },
    restore(snapshot) {
      if (!isSnapshot(snapshot)) throw new TypeError('not an Auto Scaling snapshot of this version');
      state.restore(snapshot);
    },
  };
  return { service, state };
}

/**
 * Instance health as a classic load balancer reports it. It follows the simulated EC2
 * instance (pending: registration in progress; stopped or terminated: out of service
 * because of the instance) and, once the instance runs, the health check: every
 * Interval seconds a check passes if the instance is healthy; HealthyThreshold passes
 * in a row bring it InService, UnhealthyThreshold failures in a row take it out.
 *
 * @module
 */
import type { Ec2Api, ElbInstanceHealth } from '../types';
import type { LoadBalancerRecord, MemberRecord } from './state';

/** Why an instance is out of service while it boots or its first checks run. */
export const REGISTERING = 'Instance registration is still in progress.';
/** Why an instance failed its health checks. */
export const FAILED_CHECKS = 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.';

const IN_SERVICE: ElbInstanceHealth = { state: 'InService', reasonCode: 'N/A', description: 'N/A' };

function out(reasonCode: 'ELB' | 'Instance', description: string): ElbInstanceHealth {
  return { state: 'OutOfService', reasonCode, description };
}

/** Health of an instance at registration. */
export function initialHealth(ec2: Ec2Api, instanceId: string): ElbInstanceHealth {
  const view = ec2.getInstance(instanceId);
  if (view === undefined) return out('Instance', 'Instance is in terminated state.');
  if (view.state === 'pending' || view.state === 'running') return out('ELB', REGISTERING);
  return out('Instance', `Instance is in ${view.state} state.`);
}

function stepMember(ec2: Ec2Api, lb: LoadBalancerRecord, m: MemberRecord, now: number): void {
  const view = ec2.getInstance(m.instanceId);
  const state = view?.state ?? 'terminated';
  if (state !== 'running') {
    delete m.runningSince;
    m.successes = 0;
    m.failures = 0;
    m.lastCheck = now;
    m.health = state === 'pending' ? out('ELB', REGISTERING) : out('Instance', `Instance is in ${state} state.`);
    return;
  }
  if (m.runningSince === undefined) {
    const since = (view as { stateSince?: unknown } | undefined)?.stateSince;
    m.runningSince = typeof since === 'number' && since <= now ? since : now;
    m.lastCheck = m.runningSince;
  }
  const interval = lb.healthCheck.interval * 1000;
  while (now >= m.lastCheck + interval) {
    m.lastCheck += interval;
    if (view?.healthy === true) {
      m.successes++;
      m.failures = 0;
    } else {
      m.failures++;
      m.successes = 0;
    }
    if (m.health.state !== 'InService' && m.successes >= lb.healthCheck.healthyThreshold) m.health = { ...IN_SERVICE };
    else if (m.failures >= lb.healthCheck.unhealthyThreshold) m.health = out('Instance', FAILED_CHECKS);
    else if (m.health.reasonCode === 'Instance' && m.health.description !== FAILED_CHECKS) m.health = out('ELB', REGISTERING);
  }
}

/** Runs the health checks due by `now` on every registered instance; when it runs does not change their results. */
export function stepHealth(ec2: Ec2Api, balancers: Iterable<LoadBalancerRecord>, now: number): void {
  for (const lb of balancers) for (const m of lb.instances) stepMember(ec2, lb, m, now);
}

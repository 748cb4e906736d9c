/**
 * Planning one load balancer of the top-level `load_balancers` section.
 *
 * @module
 */
import { LB_STICKINESS_POLICY } from '../model/naming';
import type { HealthCheckSpec, ListenerSpec, LoadBalancerSpec, LoadBalancerState } from '../model/types';
import { minus, sameSet } from './compare';
import type { FieldChange, LoadBalancerStep, PlannedAction } from './types';

/** `80/HTTP → 8080/HTTP`. */
export function listenerText(l: ListenerSpec): string {
  const cert = l.sslCertificateId === undefined ? '' : ` (${l.sslCertificateId})`;
  return `${l.loadBalancerPort}/${l.protocol} → ${l.instancePort}${l.instanceProtocol === undefined ? '' : `/${l.instanceProtocol}`}${cert}`;
}

function healthCheckText(h: HealthCheckSpec | undefined): string | undefined {
  if (h === undefined) return undefined;
  return `${h.target} every ${h.interval}s, timeout ${h.timeout}s, healthy after ${h.healthyThreshold}, unhealthy after ${h.unhealthyThreshold}`;
}

function sameListener(have: ListenerSpec, want: ListenerSpec): boolean {
  return have.instancePort === want.instancePort
    && have.protocol.toUpperCase() === want.protocol
    && (want.instanceProtocol === undefined || have.instanceProtocol?.toUpperCase() === want.instanceProtocol)
    && (want.sslCertificateId === undefined || have.sslCertificateId === want.sslCertificateId);
}

function sameHealthCheck(a: HealthCheckSpec | undefined, b: HealthCheckSpec): boolean {
  return a !== undefined && a.target.toUpperCase() === b.target.toUpperCase() && a.interval === b.interval && a.timeout === b.timeout
    && a.healthyThreshold === b.healthyThreshold && a.unhealthyThreshold === b.unhealthyThreshold;
}

function isHttp(l: ListenerSpec): boolean {
  return l.protocol === 'HTTP' || l.protocol === 'HTTPS';
}

function stickinessText(spec: LoadBalancerSpec['stickiness']): string | undefined {
  if (spec === undefined) return undefined;
  return spec.type === 'lb' ? `lb cookie${spec.expiration === undefined ? '' : `, expires after ${spec.expiration}s`}` : `app cookie ${spec.cookieName}`;
}

/** What the file says about a new load balancer, for the plan. */
function creationChanges(spec: LoadBalancerSpec): FieldChange[] {
  const out: FieldChange[] = [{ field: 'listeners', new: spec.listeners.map(listenerText) }];
  if (spec.zones.length > 0) out.push({ field: 'zones', new: spec.zones });
  if (spec.subnets.length > 0) out.push({ field: 'subnets', new: spec.subnets });
  if (spec.securityGroups.length > 0) out.push({ field: 'security_groups', new: spec.securityGroups });
  out.push({ field: 'scheme', new: spec.scheme });
  if (spec.healthCheck !== undefined) out.push({ field: 'health_check', new: healthCheckText(spec.healthCheck) });
  if (spec.stickiness !== undefined) out.push({ field: 'cookie_stickiness', new: stickinessText(spec.stickiness) });
  if (spec.crossZone !== undefined) out.push({ field: 'cross_zone', new: spec.crossZone });
  if (spec.connectionDraining !== undefined) out.push({ field: 'connection_draining', new: spec.connectionDraining });
  return out;
}

function stickinessMatches(spec: NonNullable<LoadBalancerSpec['stickiness']>, have: LoadBalancerState): boolean {
  if (spec.type === 'lb') {
    const p = have.lbCookiePolicies.find((x) => x.name === LB_STICKINESS_POLICY);
    return p !== undefined && p.expiration === spec.expiration;
  }
  const p = have.appCookiePolicies.find((x) => x.name === LB_STICKINESS_POLICY);
  return p !== undefined && p.cookieName === spec.cookieName;
}

/** The stickiness autoscalectl's policy gives now, and on which ports, for the plan. */
function currentStickinessText(have: LoadBalancerState): string | undefined {
  const lb = have.lbCookiePolicies.find((p) => p.name === LB_STICKINESS_POLICY);
  const app = have.appCookiePolicies.find((p) => p.name === LB_STICKINESS_POLICY);
  const text = lb !== undefined
    ? stickinessText(lb.expiration === undefined ? { type: 'lb' } : { type: 'lb', expiration: lb.expiration })
    : app !== undefined ? stickinessText({ type: 'app', cookieName: app.cookieName }) : undefined;
  if (text === undefined) return undefined;
  const ports = have.listeners.filter((l) => l.policyNames.includes(LB_STICKINESS_POLICY)).map((l) => l.loadBalancerPort);
  return `${text} on ports ${ports.join(', ') || 'none'}`;
}

function hasStickinessPolicy(have: LoadBalancerState): boolean {
  return [...have.lbCookiePolicies, ...have.appCookiePolicies].some((p) => p.name === LB_STICKINESS_POLICY);
}

/** The action bringing a load balancer in line with the file, if anything differs. */
export function planLoadBalancer(spec: LoadBalancerSpec, have: LoadBalancerState | undefined): PlannedAction | undefined {
  if (have === undefined) {
    return { action: 'create', resource: 'load_balancer', name: spec.name, changes: creationChanges(spec), op: { kind: 'createLoadBalancer', spec, replace: false } };
  }
  if (have.scheme !== spec.scheme) {
    return {
      action: 'replace',
      resource: 'load_balancer',
      name: spec.name,
      changes: [{ field: 'scheme', old: have.scheme, new: spec.scheme }],
      destructive: true,
      note: 'the scheme can only be set when a load balancer is created: it is deleted and created again, with a new DNS name',
      op: { kind: 'createLoadBalancer', spec, replace: true },
    };
  }
  const steps: LoadBalancerStep[] = [];
  const changes: FieldChange[] = [];

  const removed: number[] = [];
  const added: ListenerSpec[] = [];
  for (const h of have.listeners) {
    const w = spec.listeners.find((l) => l.loadBalancerPort === h.loadBalancerPort);
    if (w === undefined || !sameListener(h, w)) removed.push(h.loadBalancerPort);
  }
  for (const w of spec.listeners) {
    const h = have.listeners.find((l) => l.loadBalancerPort === w.loadBalancerPort);
    if (h === undefined || !sameListener(h, w)) added.push(w);
  }
  if (removed.length > 0) steps.push({ step: 'removeListeners', ports: removed });
  if (added.length > 0) steps.push({ step: 'addListeners', listeners: added });
  if (removed.length > 0 || added.length > 0) {
    changes.push({ field: 'listeners', old: have.listeners.map(listenerText), new: spec.listeners.map(listenerText) });
  }

  if (spec.zones.length > 0 && !sameSet(have.zones, spec.zones)) {
    const enable = minus(spec.zones, have.zones);
    const disable = minus(have.zones, spec.zones);
    if (enable.length > 0) steps.push({ step: 'enableZones', zones: enable });
    if (disable.length > 0) steps.push({ step: 'disableZones', zones: disable });
    changes.push({ field: 'zones', old: have.zones, new: spec.zones });
  }
  if (spec.subnets.length > 0 && !sameSet(have.subnets, spec.subnets)) {
    const attach = minus(spec.subnets, have.subnets);
    const detach = minus(have.subnets, spec.subnets);
    if (attach.length > 0) steps.push({ step: 'attachSubnets', subnets: attach });
    if (detach.length > 0) steps.push({ step: 'detachSubnets', subnets: detach });
    changes.push({ field: 'subnets', old: have.subnets, new: spec.subnets });
  }
  if (spec.securityGroups.length > 0 && !sameSet(have.securityGroups, spec.securityGroups)) {
    steps.push({ step: 'setSecurityGroups', securityGroups: spec.securityGroups });
    changes.push({ field: 'security_groups', old: have.securityGroups, new: spec.securityGroups });
  }
  if (spec.healthCheck !== undefined && !sameHealthCheck(have.healthCheck, spec.healthCheck)) {
    steps.push({ step: 'healthCheck', healthCheck: spec.healthCheck });
    changes.push({ field: 'health_check', old: healthCheckText(have.healthCheck), new: healthCheckText(spec.healthCheck) });
  }

  const httpPorts = spec.listeners.filter(isHttp).map((l) => l.loadBalancerPort);
  if (spec.stickiness !== undefined) {
    const matches = stickinessMatches(spec.stickiness, have);
    const lacking = httpPorts.filter((port) => {
      if (added.some((l) => l.loadBalancerPort === port)) return true;
      return !(have.listeners.find((l) => l.loadBalancerPort === port)?.policyNames ?? []).includes(LB_STICKINESS_POLICY);
    });
    if (!matches || lacking.length > 0) {
      steps.push({ step: 'stickiness', stickiness: spec.stickiness, replacePolicy: hasStickinessPolicy(have) && !matches, ports: matches ? lacking : httpPorts });
      changes.push({ field: 'cookie_stickiness', old: currentStickinessText(have), new: `${stickinessText(spec.stickiness)} on ports ${httpPorts.join(', ')}` });
    }
  } else if (hasStickinessPolicy(have)) {
    const ports = have.listeners.filter((l) => l.policyNames.includes(LB_STICKINESS_POLICY) && !removed.includes(l.loadBalancerPort)).map((l) => l.loadBalancerPort);
    steps.push({ step: 'removeStickiness', ports, deletePolicy: true });
    changes.push({ field: 'cookie_stickiness', old: currentStickinessText(have), new: undefined });
  }

  const attrs = have.attributes;
  if (spec.crossZone !== undefined && attrs !== undefined && attrs.crossZone !== spec.crossZone) {
    steps.push({ step: 'crossZone', enabled: spec.crossZone });
    changes.push({ field: 'cross_zone', old: attrs.crossZone, new: spec.crossZone });
  }
  const draining = spec.connectionDraining;
  if (draining !== undefined && attrs !== undefined) {
    const h = attrs.connectionDraining;
    if (h.enabled !== draining.enabled || (draining.timeout !== undefined && draining.enabled && h.timeout !== draining.timeout)) {
      steps.push({ step: 'connectionDraining', draining });
      changes.push({ field: 'connection_draining', old: h, new: draining });
    }
  }
  if (!have.managed) {
    steps.push({ step: 'marker' });
    changes.push({ field: 'managed_by', old: undefined, new: 'autoscalectl' });
  }
  if (steps.length === 0) return undefined;
  return { action: 'update', resource: 'load_balancer', name: spec.name, changes, op: { kind: 'updateLoadBalancer', name: spec.name, steps } };
}

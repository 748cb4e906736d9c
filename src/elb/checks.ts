/**
 * Input checks of the Elastic Load Balancing calls, built on the shared helpers of
 * `core/validate` so that every message has the same wording.
 *
 * @module
 * @internal
 */
import type { HealthCheck as SdkHealthCheck, Listener as SdkListener } from '@aws-sdk/client-elastic-load-balancing';
import { BotoClientError } from '../core/errors';
import { checkInt, checkLength, checkNonEmpty, checkOneOf, checkPattern, requireValue, toNumber } from '../core/validate';
import { ELB } from '../core/rules/generated';
import {
  HEALTH_CHECK_TARGET, HEALTH_CHECK_TARGET_FORMS, HEALTH_CHECK_TARGET_MAX_LENGTH, instanceProtocolsFor, isHealthCheckTimeoutAllowed, isSecureProtocol,
  LOAD_BALANCER_NAME, LOAD_BALANCER_NAME_MAX_LENGTH, LISTENER_PROTOCOLS, parseHealthCheckTarget,
  type HealthCheckTargetParts,
} from '../core/rules/aws-rules';
import type { HealthCheck } from './healthcheck';
import { Listener, type ComplexListenerSpec, type ListenerSpec } from './listener';

/** The protocols listeners and health checks speak. */
export const PROTOCOLS = LISTENER_PROTOCOLS;
/** A listener protocol, as sent. */
export type Protocol = (typeof PROTOCOLS)[number];

/** What `scheme` accepts. */
export const SCHEMES = ['internet-facing', 'internal'] as const;

const NAME_MAX = LOAD_BALANCER_NAME_MAX_LENGTH;
const NAME = LOAD_BALANCER_NAME;

/**
 * Checks a load balancer name: 1 to 32 letters, digits and hyphens, not starting or
 * ending with a hyphen (it becomes the first label of the load balancer's DNS name).
 * @internal
 */
export function checkLbName(field: string, name: string | undefined): string {
  checkLength(field, requireValue(field, name), NAME_MAX);
  return checkPattern(field, name, NAME, 'letters, digits and hyphens, not starting or ending with a hyphen') as string;
}

/** Checks a port: an integer (or a numeric string) from 1 to 65535. @internal */
export function checkPort(field: string, port: number | string | undefined): number {
  const n = toNumber(field, requireValue(field, port)) as number;
  return checkInt(field, n, ELB.InstancePort) as number;
}

/** Checks a protocol, in any case, and returns it upper-case. @internal */
export function checkProtocol(field: string, protocol: unknown): Protocol {
  requireValue(field, protocol);
  const text = typeof protocol === 'string' ? protocol : String(protocol);
  const upper = text.toUpperCase();
  if (typeof protocol === 'string' && (PROTOCOLS as readonly string[]).includes(upper)) return upper as Protocol;
  // Not a protocol: this throws the shared message, quoting what was given.
  return checkOneOf(field, text, PROTOCOLS) as Protocol;
}

/** One id, or a non-empty list of them (boto2 takes a single string too). @internal */
export function checkIdList(field: string, ids: string | readonly string[] | undefined): string[] {
  requireValue(field, ids);
  const list = typeof ids === 'string' ? [ids] : (checkNonEmpty(field, ids) as readonly string[]);
  list.forEach((id, i) => {
    if (typeof id !== 'string' || id === '') requireValue(`${field}[${i}]`, undefined);
  });
  return [...list];
}

/** One name, or a list of them that may be empty (an empty list of policies takes them all off). @internal */
export function checkNameList(field: string, names: string | readonly string[] | undefined): string[] {
  requireValue(field, names);
  if (typeof names === 'string') return [names];
  if (!Array.isArray(names)) checkNonEmpty(field, names);
  return (names as readonly string[]).length === 0 ? [] : checkIdList(field, names);
}

/** A list of ports, each checked. @internal */
export function checkPortList(field: string, ports: readonly number[] | undefined): number[] {
  checkNonEmpty(field, requireValue(field, ports));
  return (ports as readonly number[]).map((p, i) => checkPort(`${field}[${i}]`, p));
}

function certificate(field: string, protocol: Protocol, arn: unknown): string | undefined {
  if (!isSecureProtocol(protocol)) return undefined;
  if (typeof arn !== 'string' || arn === '') {
    throw new BotoClientError(`${field}.sslCertificateId is required for protocol ${protocol}`);
  }
  return arn;
}

function checkInstanceProtocol(field: string, protocol: Protocol, instanceProtocol: unknown): Protocol {
  const p = checkProtocol(`${field}.instanceProtocol`, instanceProtocol);
  checkOneOf(`${field}.instanceProtocol`, p, instanceProtocolsFor(protocol));
  return p;
}

function fromListener(field: string, l: Listener): SdkListener {
  const protocol = checkProtocol(`${field}.protocol`, l.protocol);
  return {
    LoadBalancerPort: checkPort(`${field}.loadBalancerPort`, l.loadBalancerPort),
    InstancePort: checkPort(`${field}.instancePort`, l.instancePort),
    Protocol: protocol,
    InstanceProtocol: l.instanceProtocol === undefined ? undefined : checkInstanceProtocol(field, protocol, l.instanceProtocol),
    SSLCertificateId: certificate(field, protocol, l.sslCertificateId),
  };
}

function asArray(field: string, spec: unknown): readonly unknown[] {
  if (!Array.isArray(spec)) {
    throw new BotoClientError(`${field} must be a listener tuple such as [80, 8080, 'http'] or a Listener, got ${typeof spec === 'string' ? JSON.stringify(spec) : String(spec)}`);
  }
  return spec;
}

/**
 * A listener tuple checked and in the SDK's shape: simple ones are (lbPort, instancePort,
 * protocol, certificate?), complex ones add the instance protocol before the certificate.
 */
function fromTuple(field: string, spec: unknown, complex: boolean): SdkListener {
  const t = asArray(field, spec);
  const protocol = checkProtocol(`${field}.protocol`, t[2]);
  return {
    LoadBalancerPort: checkPort(`${field}.loadBalancerPort`, t[0] as number),
    InstancePort: checkPort(`${field}.instancePort`, t[1] as number),
    Protocol: protocol,
    ...(complex ? { InstanceProtocol: checkInstanceProtocol(field, protocol, t[3]) } : {}),
    SSLCertificateId: certificate(field, protocol, t[complex ? 4 : 3]),
  };
}

/** A simple listener (boto2's `listeners` tuples), checked and in the SDK's shape. @internal */
export function toSdkListener(field: string, spec: ListenerSpec): SdkListener {
  return spec instanceof Listener ? fromListener(field, spec) : fromTuple(field, spec, false);
}

/** A complex listener (boto2's `complex_listeners` tuples), checked and in the SDK's shape. @internal */
export function toSdkComplexListener(field: string, spec: ComplexListenerSpec): SdkListener {
  return spec instanceof Listener ? fromListener(field, spec) : fromTuple(field, spec, true);
}

/** Every listener of a call, simple ones first, checked; at least one is required. @internal */
export function toSdkListeners(
  listeners: readonly ListenerSpec[] | undefined,
  complexListeners: readonly ComplexListenerSpec[] | undefined,
): SdkListener[] {
  const simple = listeners ?? [];
  const complex = complexListeners ?? [];
  if (!Array.isArray(simple)) checkNonEmpty('listeners', simple);
  if (!Array.isArray(complex)) checkNonEmpty('complexListeners', complex);
  if (simple.length === 0 && complex.length === 0) requireValue('listeners or complexListeners', undefined);
  return [
    ...simple.map((l, i) => toSdkListener(`listeners[${i}]`, l)),
    ...complex.map((l, i) => toSdkComplexListener(`complexListeners[${i}]`, l)),
  ];
}

/**
 * Checks a health check against AWS's rules and returns it in the SDK's shape, with the
 * target's protocol upper-case. @internal
 */
export function toSdkHealthCheck(field: string, hc: HealthCheck | undefined): SdkHealthCheck {
  requireValue(field, hc);
  const h = hc as HealthCheck;
  const target = checkLength(`${field}.target`, requireValue(`${field}.target`, h.target), HEALTH_CHECK_TARGET_MAX_LENGTH) as string;
  checkPattern(`${field}.target`, target, HEALTH_CHECK_TARGET, HEALTH_CHECK_TARGET_FORMS);
  const { protocol, port, path } = parseHealthCheckTarget(target) as HealthCheckTargetParts;
  checkInt(`${field}.target port`, port, ELB.InstancePort);
  checkInt(`${field}.interval`, requireValue(`${field}.interval`, h.interval), ELB.HealthCheckInterval);
  checkInt(`${field}.timeout`, requireValue(`${field}.timeout`, h.timeout), ELB.HealthCheckTimeout);
  if (!isHealthCheckTimeoutAllowed(h.timeout, h.interval)) {
    throw new BotoClientError(`${field}.timeout (${h.timeout}) must be less than ${field}.interval (${h.interval})`);
  }
  checkInt(`${field}.healthyThreshold`, requireValue(`${field}.healthyThreshold`, h.healthyThreshold), ELB.HealthyThreshold);
  checkInt(`${field}.unhealthyThreshold`, requireValue(`${field}.unhealthyThreshold`, h.unhealthyThreshold), ELB.UnhealthyThreshold);
  return {
    Target: `${protocol}:${port}${path}`,
    Interval: h.interval,
    Timeout: h.timeout,
    UnhealthyThreshold: h.unhealthyThreshold,
    HealthyThreshold: h.healthyThreshold,
  };
}

/** The attribute names `modifyLbAttribute` and `getLbAttribute` take (boto2's, and AWS's `connectionSettings`). */
export const LB_ATTRIBUTE_NAMES = ['crossZoneLoadBalancing', 'accessLog', 'connectionDraining', 'connectingSettings', 'connectionSettings'] as const;
/** One of {@link LB_ATTRIBUTE_NAMES}. */
export type LbAttributeName = (typeof LB_ATTRIBUTE_NAMES)[number];

/** The attribute an attribute name means, compared without case as boto2 does. @internal */
export function checkAttributeName(attribute: string | undefined): 'crossZoneLoadBalancing' | 'accessLog' | 'connectionDraining' | 'connectingSettings' {
  requireValue('attribute', attribute);
  const lower = typeof attribute === 'string' ? attribute.toLowerCase() : '';
  // An unknown name throws the shared message, quoting what was given.
  const found = LB_ATTRIBUTE_NAMES.find((n) => n.toLowerCase() === lower)
    ?? (checkOneOf('attribute', typeof attribute === 'string' ? attribute : String(attribute), LB_ATTRIBUTE_NAMES) as LbAttributeName);
  return found === 'connectionSettings' ? 'connectingSettings' : found;
}

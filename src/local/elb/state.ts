/**
 * The state model of the simulated Elastic Load Balancing (classic): load balancers with
 * listeners, policies, zones and subnets, health checks, attributes and tags, and the
 * health of their registered instances, which follows the simulated EC2 instance and
 * the health check (see health.ts). Plain JSON-safe records.
 *
 * @module
 */
import type * as ELB from '@aws-sdk/client-elastic-load-balancing';
import type { ServiceError } from '../errors';
import type { ActionInput, Checked } from '../typed';
import { elbError } from './errors';
import { parseNumberText } from '../protocol/numbers';
import { randomNumber } from '../ids';
import type { ElbInstanceHealth } from '../types';
import type { SubnetRef } from '../ec2';
import { dnsSuffixOf } from '../../core/rules/aws-rules';
import { DEFAULT_SSL_POLICY, POLICY_TYPES, PREDEFINED_POLICIES, type PolicyRecord } from './policies';
import {
  HEALTH_CHECK_TARGET_MAX_LENGTH, instanceProtocolsFor, isHealthCheckTimeoutAllowed, isSecureProtocol, LOAD_BALANCER_NAME, LISTENER_PROTOCOLS, parseHealthCheckTarget, partitionOf,
  type ListenerProtocol,
} from '../../core/rules/aws-rules';

/** How many load balancers an account may have by default (AWS's default quota). */
export const MAX_LOAD_BALANCERS = 20;
/** How many listeners a load balancer may have. */
export const MAX_LISTENERS = 100;
/** How many instances a load balancer may have registered. */
export const MAX_REGISTERED_INSTANCES = 1000;
/** How many tags a load balancer may have. */
export const MAX_TAGS = 10;
/** How many policies a load balancer may have. */
export const MAX_POLICIES = 100;

/** A listener. */
export interface ListenerRecord {
  /** Front-end protocol: HTTP, HTTPS, TCP or SSL. */
  protocol: string;
  /** Port the load balancer listens on. */
  loadBalancerPort: number;
  /** Back-end protocol. */
  instanceProtocol: string;
  /** Port on the instances. */
  instancePort: number;
  /** Server certificate ARN (HTTPS and SSL). */
  sslCertificateId?: string;
  /** Policies enabled on the listener. */
  policyNames: string[];
}

/** A health check. */
export interface HealthCheckRecord {
  /** What to check: `TCP:80`, `HTTP:8080/health`. */
  target: string;
  /** Seconds between checks. */
  interval: number;
  /** Seconds a check may take. */
  timeout: number;
  /** Failed checks in a row that take an instance out of service. */
  unhealthyThreshold: number;
  /** Passed checks in a row that bring an instance into service. */
  healthyThreshold: number;
}

/** A registered instance and what the health checks have seen of it. */
export interface MemberRecord {
  /** The registered instance. */
  instanceId: string;
  /** Its health as DescribeInstanceHealth reports it. */
  health: ElbInstanceHealth;
  /** Consecutive passed checks. */
  successes: number;
  /** Consecutive failed checks. */
  failures: number;
  /** Simulated time of the last check (or of registration). */
  lastCheck: number;
  /** Since when the instance has been running, as the checks know it. */
  runningSince?: number;
}

/** The access log attribute. */
export interface AccessLogRecord {
  /** Whether access logs are written. */
  enabled: boolean;
  /** The S3 bucket they go to. */
  s3BucketName?: string;
  /** Minutes between log files: 5 or 60. */
  emitInterval?: number;
  /** Key prefix in the bucket. */
  s3BucketPrefix?: string;
}

/** The connection draining attribute. */
export interface DrainingRecord {
  /** Whether deregistering instances finish their requests first. */
  enabled: boolean;
  /** Seconds they get. */
  timeout: number;
}

/** A key and its value (tags, additional attributes). */
export interface KeyValueRecord {
  /** The key. */
  key: string;
  /** Its value. */
  value: string;
}

/** Attributes of a load balancer. */
export interface AttributesRecord {
  /** Whether traffic is spread across all zones' instances evenly. */
  crossZone: boolean;
  /** Access logs. */
  accessLog: AccessLogRecord;
  /** Connection draining. */
  connectionDraining: DrainingRecord;
  /** Idle connection timeout in seconds. */
  idleTimeout: number;
  /** Additional attributes (`elb.http.desyncmitigationmode`). */
  additional: KeyValueRecord[];
}

/** Policies of the back-end servers on one instance port. */
export interface BackendRecord {
  /** The instance port. */
  instancePort: number;
  /** Policies enabled for it. */
  policyNames: string[];
}

/** A load balancer. */
export interface LoadBalancerRecord {
  /** Its name. */
  name: string;
  /** `NAME-DIGITS.REGION.elb.amazonaws.com` (`.amazonaws.com.cn` in China). */
  dnsName: string;
  /** Simulated creation time, ms since the epoch. */
  createdTime: number;
  /** Whether it faces the internet or only the VPC. */
  scheme: 'internet-facing' | 'internal';
  /** Its listeners, in creation order. */
  listeners: ListenerRecord[];
  /** Its policies, in creation order. */
  policies: PolicyRecord[];
  /** Back-end server policies, by instance port. */
  backends: BackendRecord[];
  /** Enabled zones. */
  zones: string[];
  /** Attached subnets. */
  subnets: string[];
  /** Its VPC, when the network is known. */
  vpcId?: string;
  /** Its security groups. */
  securityGroups: string[];
  /** The name of its source security group (its first group's; `default` when absent). */
  sourceGroupName?: string;
  /** Its health check. */
  healthCheck: HealthCheckRecord;
  /** Registered instances and their health. */
  instances: MemberRecord[];
  /** Its attributes. */
  attributes: AttributesRecord;
  /** Its tags. */
  tags: KeyValueRecord[];
}

/** The ELB part of a `--state` snapshot. */
export interface ElbSnapshot {
  /** Snapshot format version. */
  version: 1;
  /** Every load balancer. */
  loadBalancers: LoadBalancerRecord[];
}

/** The network the load balancers live in (the simulated EC2's default VPC), when known. */
export interface ElbNetwork {
  /** The region's zones. */
  zones(): readonly string[];
  /** The default VPC. */
  vpcId?: string;
  /** Every subnet (of every VPC; those without a VPC are the default VPC's). */
  subnets: readonly SubnetRef[];
  /** Its default security group. */
  defaultGroupId?: string;
  /** Every security group, when known. */
  groups?: ReadonlyArray<{ id: string; name: string; vpcId: string }>;
  /**
   * The `default_elb_…` group ELB gives load balancers created in the default VPC without
   * security groups, made (or opened to more listener ports) on first use.
   */
  elbDefaultGroup?: (ports: readonly number[]) => string | undefined;
}

function inDefaultVpc(net: ElbNetwork, s: SubnetRef): boolean {
  return s.vpcId === undefined || (s.vpcId === net.vpcId && s.defaultForAz !== false);
}

/** What CreateLoadBalancer asks for, as the protocol layer checked it. */
export type CreateRequest = ActionInput<typeof ELB, 'CreateLoadBalancer'>;

/** A tag as requested (the value may be left out). */
export type TagInput = Checked<ELB.Tag>;

/** A listener as requested (protocols in any case; the instance protocol defaults from the front end's). */
export type ListenerInput = Checked<ELB.Listener>;

/** The desynchronisation mitigation attribute, the one additional attribute classic load balancers have. */
export const DESYNC_ATTRIBUTE = 'elb.http.desyncmitigationmode';
const DESYNC_MODES = ['monitor', 'defensive', 'strictest'];

const PROTOCOLS: readonly string[] = LISTENER_PROTOCOLS;
const NAME = LOAD_BALANCER_NAME;
const CERTIFICATE = /^arn:(aws[a-z-]*):(?:iam::(\d{12}):server-certificate\/.+|acm:([a-z0-9-]+):(\d{12}):certificate\/.+)$/;

const HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-1': 'Z368ELLRRE2KJ0',
  'us-west-2': 'Z1H1FL5HABSF5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-central-1': 'Z215JYRZR1TBD5',
  'ap-northeast-1': 'Z14GRHDCWA56QT',
  'ap-southeast-1': 'Z1LMS91P8CMLE5',
  'ap-southeast-2': 'Z1GM3OXH4ZPM65',
  'sa-east-1': 'Z2P70J7HTTTPLU',
  'cn-north-1': 'Z1GDH35T77C1KE',
  'cn-northwest-1': 'ZM7IZAIOVVDZF',
};

/** The Route 53 hosted zone of load balancers in a region. */
export function hostedZoneId(region: string): string {
  const known = HOSTED_ZONES[region];
  if (known !== undefined) return known;
  let h = 7;
  for (let i = 0; i < region.length; i++) h = (h * 31 + region.charCodeAt(i)) >>> 0;
  return `Z${h.toString(36).toUpperCase().padStart(12, '0').slice(0, 13)}`;
}

/** `LoadBalancerNotFound` in AWS's words. */
export function notFound(name: string): ServiceError {
  return elbError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${name}'`);
}

function validation(message: string): ServiceError {
  return elbError('ValidationError', message);
}

function invalidConfig(message: string): ServiceError {
  return elbError('InvalidConfigurationRequest', message);
}

/** The account and region a load balancer's certificates must belong to. */
export interface CertificateOwner {
  accountId: string;
  region: string;
}

/**
 * Whether a certificate id names a certificate the load balancer can use: an IAM server
 * certificate of its own account (in its region's partition), or an ACM certificate of its own account and region
 * (ACM User Guide, "Supported Regions": "Certificates in ACM are regional resources. To
 * use a certificate with Elastic Load Balancing ... in more than one AWS region, you must
 * request or import a certificate for each region"). Any other id names no certificate
 * the load balancer can find, and AWS answers CertificateNotFound (ELB API Reference,
 * CreateLoadBalancerListeners: "The specified ARN does not refer to a valid SSL
 * certificate in AWS Identity and Access Management (IAM) or AWS Certificate Manager").
 */
export function certificateExists(id: string, owner: CertificateOwner): boolean {
  const m = CERTIFICATE.exec(id);
  if (m === null || m[1] !== partitionOf(owner.region)) return false;
  if (m[2] !== undefined) return m[2] === owner.accountId;
  return m[3] === owner.region && m[4] === owner.accountId;
}

function checkCertificate(id: string | undefined, owner: CertificateOwner): string {
  if (id === undefined || id === '') throw elbError('CertificateNotFound', 'HTTPS and SSL listeners need an SSLCertificateId: the ARN of a server certificate.');
  if (!certificateExists(id, owner)) throw elbError('CertificateNotFound', `Server Certificate not found for the key: ${id}`);
  return id;
}

const isSecure = isSecureProtocol;

function layer(protocol: string): 'http' | 'tcp' {
  return protocol === 'HTTP' || protocol === 'HTTPS' ? 'http' : 'tcp';
}

/** Checks and normalises a requested listener (protocols upper-cased, instance protocol defaulted). */
export function normaliseListener(l: ListenerInput, owner: CertificateOwner): ListenerRecord {
  const protocol = l.Protocol.toUpperCase();
  if (!PROTOCOLS.includes(protocol)) throw elbError('UnsupportedProtocol', `Protocol ${l.Protocol} is not supported: use HTTP, HTTPS, TCP or SSL.`);
  const instanceProtocol = (l.InstanceProtocol ?? (protocol === 'HTTPS' ? 'HTTP' : protocol === 'SSL' ? 'TCP' : protocol)).toUpperCase();
  if (!PROTOCOLS.includes(instanceProtocol)) throw elbError('UnsupportedProtocol', `Protocol ${l.InstanceProtocol ?? ''} is not supported: use HTTP, HTTPS, TCP or SSL.`);
  if (!instanceProtocolsFor(protocol as ListenerProtocol).includes(instanceProtocol as ListenerProtocol)) {
    throw validation(`Listener protocol ${protocol} cannot forward to instance protocol ${instanceProtocol}: HTTP and HTTPS pair with HTTP or HTTPS, TCP and SSL with TCP or SSL.`);
  }
  // The model bounds InstancePort (1 to 65535), not LoadBalancerPort.
  if (l.LoadBalancerPort < 1 || l.LoadBalancerPort > 65535) {
    throw validation(`LoadBalancerPort ${l.LoadBalancerPort} is invalid: ports are 1 to 65535.`);
  }
  const rec: ListenerRecord = { protocol, loadBalancerPort: l.LoadBalancerPort, instanceProtocol, instancePort: l.InstancePort, policyNames: [] };
  if (isSecure(protocol)) rec.sslCertificateId = checkCertificate(l.SSLCertificateId, owner);
  return rec;
}

function sameListener(a: ListenerRecord, b: ListenerRecord): boolean {
  return a.protocol === b.protocol && a.instancePort === b.instancePort && a.instanceProtocol === b.instanceProtocol && (a.sslCertificateId ?? '') === (b.sslCertificateId ?? '');
}

/** Checks a health check target (`TCP:80`, `HTTP:8080/health`). */
export function checkTarget(target: string): void {
  if (target.length > HEALTH_CHECK_TARGET_MAX_LENGTH) throw validation(`HealthCheck Target must be at most ${HEALTH_CHECK_TARGET_MAX_LENGTH} characters long.`);
  const parts = parseHealthCheckTarget(target);
  if (parts !== undefined && parts.port >= 1 && parts.port <= 65535) return;
  // Not a target AWS accepts (core/rules): say what is wrong with it as precisely as we can.
  const m = /^(HTTP|HTTPS|TCP|SSL):(\d+)(\/.*)?$/i.exec(target);
  if (m === null) throw validation(`HealthCheck Target must look like TCP:PORT, SSL:PORT, HTTP:PORT/PATH or HTTPS:PORT/PATH; got '${target}'`);
  const protocol = (m[1] as string).toUpperCase();
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw validation(`HealthCheck Target port ${port} is invalid: ports are 1 to 65535.`);
  if ((protocol === 'HTTP' || protocol === 'HTTPS') && m[3] === undefined) throw validation(`HealthCheck Target ${target} needs a path: ${protocol}:${port}/PATH`);
  if ((protocol === 'TCP' || protocol === 'SSL') && m[3] !== undefined) throw validation(`HealthCheck Target ${target} cannot have a path: TCP and SSL checks only connect`);
  throw validation(`HealthCheck Target ${target} has white space in its path: the path is sent in an HTTP request line.`);
}

/** The simulated ELB of one region. */
export class ElbState {
  /** Region of the load balancers. */
  readonly region: string;
  /** Their account. */
  readonly accountId: string;
  /** The load balancers, by name. */
  balancers = new Map<string, LoadBalancerRecord>();
  /** How many load balancers the account may have. */
  readonly maxLoadBalancers: number;
  readonly #network: () => ElbNetwork;

  constructor(region: string, accountId: string, network: () => ElbNetwork, maxLoadBalancers = MAX_LOAD_BALANCERS) {
    this.region = region;
    this.accountId = accountId;
    this.#network = network;
    this.maxLoadBalancers = maxLoadBalancers;
  }

  /** The load balancer named, or `LoadBalancerNotFound`. */
  get(name: string): LoadBalancerRecord {
    const lb = this.balancers.get(name);
    if (lb === undefined) throw notFound(name);
    return lb;
  }

  /** The load balancers, sorted by name (the order DescribeLoadBalancers pages through). */
  sorted(): LoadBalancerRecord[] {
    return [...this.balancers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The VPC of subnets; ELB's error when they are in more than one. */
  #vpcOf(subnets: readonly string[]): string | undefined {
    const net = this.#network();
    const vpcs = [...new Set(subnets.map((id) => net.subnets.find((s) => s.id === id)?.vpcId ?? net.vpcId))];
    if (vpcs.length > 1) throw invalidConfig('All subnets of a load balancer must belong to the same VPC.');
    return vpcs[0];
  }

  #zonesFor(subnets: readonly string[]): string[] {
    const net = this.#network();
    const zones: string[] = [];
    for (const id of subnets) {
      const subnet = net.subnets.find((s) => s.id === id);
      if (subnet === undefined) throw elbError('SubnetNotFound', `One or more subnets were not found: ${id}`);
      if (zones.includes(subnet.zone)) throw elbError('InvalidConfigurationRequest', `A load balancer can have one subnet per Availability Zone; ${subnet.zone} is named twice.`);
      zones.push(subnet.zone);
    }
    return zones;
  }

  #checkZones(zones: readonly string[]): void {
    const known = this.#network().zones();
    const bad = zones.find((z) => !known.includes(z));
    if (bad !== undefined) throw validation(`Invalid Availability Zone: ${bad}`);
  }

  #checkGroups(groups: readonly string[], vpcId: string | undefined): void {
    const net = this.#network();
    const known = (g: string): boolean => (net.groups === undefined ? g === net.defaultGroupId : net.groups.some((x) => x.id === g && x.vpcId === vpcId));
    const bad = groups.find((g) => !known(g));
    if (bad !== undefined) throw elbError('InvalidSecurityGroup', `One or more of the specified security groups do not exist: ${bad}`);
  }

  #checkTags(tags: ReadonlyArray<{ key: string }>, existing: ReadonlyArray<{ key: string }> = []): void {
    const keys = tags.map((t) => t.key);
    if (new Set(keys).size !== keys.length) throw elbError('DuplicateTagKeys', 'A tag key was specified more than once.');
    const total = new Set([...existing.map((t) => t.key), ...keys]).size;
    if (total > MAX_TAGS) throw elbError('TooManyTags', `A load balancer can have at most ${MAX_TAGS} tags.`);
  }

  /** CreateLoadBalancer; returns the new load balancer. */
  create(req: CreateRequest, now: number): LoadBalancerRecord {
    if (!NAME.test(req.LoadBalancerName)) {
      throw validation(`LoadBalancerName '${req.LoadBalancerName}' is invalid: use 1 to 32 letters, digits or hyphens, not beginning or ending with a hyphen.`);
    }
    if (this.balancers.has(req.LoadBalancerName)) throw elbError('DuplicateLoadBalancerName', `Load balancer name '${req.LoadBalancerName}' already exists for this account.`);
    if (this.balancers.size >= this.maxLoadBalancers) throw elbError('TooManyLoadBalancers', `The quota of ${this.maxLoadBalancers} load balancers has been reached.`);
    const scheme = req.Scheme ?? 'internet-facing';
    if (scheme !== 'internet-facing' && scheme !== 'internal') throw elbError('InvalidScheme', `Invalid scheme '${scheme}': use internet-facing or internal.`);
    const zonesGiven = req.AvailabilityZones !== undefined && req.AvailabilityZones.length > 0;
    const subnetsGiven = req.Subnets !== undefined && req.Subnets.length > 0;
    if (!zonesGiven && !subnetsGiven) throw validation('Either AvailabilityZones or SubnetIds must be specified');
    if (zonesGiven && subnetsGiven) throw validation('Only one of SubnetIds or AvailabilityZones may be specified');
    if (req.Listeners.length === 0) throw validation('At least one listener must be specified');
    const listeners: ListenerRecord[] = [];
    for (const l of req.Listeners) {
      const rec = normaliseListener(l, this);
      const prior = listeners.find((x) => x.loadBalancerPort === rec.loadBalancerPort);
      if (prior !== undefined) {
        if (!sameListener(prior, rec)) throw duplicateListener(req.LoadBalancerName, rec.loadBalancerPort);
        continue;
      }
      listeners.push(rec);
    }
    const net = this.#network();
    let zones: string[];
    let subnets: string[];
    let vpcId = net.vpcId;
    if (subnetsGiven) {
      subnets = [...new Set(req.Subnets)];
      zones = this.#zonesFor(subnets);
      vpcId = this.#vpcOf(subnets);
    } else {
      zones = [...new Set(req.AvailabilityZones)];
      this.#checkZones(zones);
      subnets = zones.flatMap((z) => net.subnets.filter((s) => s.zone === z && inDefaultVpc(net, s)).map((s) => s.id));
    }
    const groups = req.SecurityGroups ?? [];
    this.#checkGroups(groups, vpcId);
    const tags = (req.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value ?? '' }));
    this.#checkTags(tags);
    const digits = randomNumber(100_000_000, 2_147_483_647);
    const lb: LoadBalancerRecord = {
      name: req.LoadBalancerName,
      dnsName: `${scheme === 'internal' ? 'internal-' : ''}${req.LoadBalancerName}-${digits}.${this.region}.elb.${dnsSuffixOf(this.region)}`,
      createdTime: now,
      scheme,
      listeners: [],
      policies: [],
      backends: [],
      zones,
      subnets,
      securityGroups: vpcId === undefined ? [] : groups.length > 0 ? [...new Set(groups)] : this.#defaultGroups(vpcId, listeners.map((l) => l.loadBalancerPort)),
      healthCheck: { target: `TCP:${(listeners[0] as ListenerRecord).instancePort}`, interval: 30, timeout: 5, unhealthyThreshold: 2, healthyThreshold: 10 },
      instances: [],
      attributes: { crossZone: false, accessLog: { enabled: false }, connectionDraining: { enabled: false, timeout: 300 }, idleTimeout: 60, additional: [{ key: DESYNC_ATTRIBUTE, value: 'defensive' }] },
      tags,
    };
    if (vpcId !== undefined) lb.vpcId = vpcId;
    const source = this.#network().groups?.find((g) => g.id === lb.securityGroups[0])?.name;
    if (source !== undefined) lb.sourceGroupName = source;
    for (const l of listeners) this.#addListener(lb, l);
    this.balancers.set(lb.name, lb);
    return lb;
  }

  /**
   * The security group of a load balancer created without one (Classic Load Balancers
   * guide, "Configure security groups"): in a nondefault VPC, that VPC's default group; in
   * the default VPC, the account's `default_elb_…` group open on the listener ports.
   */
  #defaultGroups(vpcId: string, ports: readonly number[]): string[] {
    const net = this.#network();
    const fromElb = vpcId === net.vpcId && net.elbDefaultGroup !== undefined ? net.elbDefaultGroup(ports) : undefined;
    const id = fromElb ?? net.groups?.find((g) => g.vpcId === vpcId && g.name === 'default')?.id ?? net.defaultGroupId;
    return id === undefined ? [] : [id];
  }

  #addListener(lb: LoadBalancerRecord, l: ListenerRecord): void {
    if (isSecure(l.protocol)) {
      if (!lb.policies.some((p) => p.name === DEFAULT_SSL_POLICY)) {
        const predefined = PREDEFINED_POLICIES.find((p) => p.name === DEFAULT_SSL_POLICY) as PolicyRecord;
        lb.policies.push({ name: DEFAULT_SSL_POLICY, typeName: predefined.typeName, attributes: [{ name: 'Reference-Security-Policy', value: DEFAULT_SSL_POLICY }, ...predefined.attributes] });
      }
      l.policyNames = [DEFAULT_SSL_POLICY];
    }
    lb.listeners.push(l);
  }

  /** DeleteLoadBalancer (deleting a missing one is not an error). */
  delete(name: string): void {
    this.balancers.delete(name);
  }

  /** CreateLoadBalancerListeners. */
  addListeners(name: string, inputs: readonly ListenerInput[]): void {
    const lb = this.get(name);
    const fresh: ListenerRecord[] = [];
    for (const input of inputs) {
      const rec = normaliseListener(input, this);
      const prior = lb.listeners.find((x) => x.loadBalancerPort === rec.loadBalancerPort) ?? fresh.find((x) => x.loadBalancerPort === rec.loadBalancerPort);
      if (prior !== undefined) {
        if (!sameListener(prior, rec)) throw duplicateListener(name, rec.loadBalancerPort);
        continue;
      }
      fresh.push(rec);
    }
    if (lb.listeners.length + fresh.length > MAX_LISTENERS) throw elbError('InvalidConfigurationRequest', `A load balancer can have at most ${MAX_LISTENERS} listeners.`);
    for (const l of fresh) this.#addListener(lb, l);
  }

  /** DeleteLoadBalancerListeners (ports without a listener are ignored). */
  deleteListeners(name: string, ports: readonly number[]): void {
    const lb = this.get(name);
    lb.listeners = lb.listeners.filter((l) => !ports.includes(l.loadBalancerPort));
  }

  #listener(lb: LoadBalancerRecord, port: number): ListenerRecord {
    const l = lb.listeners.find((x) => x.loadBalancerPort === port);
    if (l === undefined) throw elbError('ListenerNotFound', `There is no ACTIVE Listener on LoadBalancerPort ${port} of load balancer '${lb.name}'`);
    return l;
  }

  /** SetLoadBalancerListenerSSLCertificate. */
  setCertificate(name: string, port: number, certificateId: string): void {
    const lb = this.get(name);
    const l = this.#listener(lb, port);
    if (!isSecure(l.protocol)) throw invalidConfig(`The listener on port ${port} uses ${l.protocol}; only HTTPS and SSL listeners have a certificate.`);
    l.sslCertificateId = checkCertificate(certificateId, this);
  }

  /** ConfigureHealthCheck. */
  configureHealthCheck(name: string, hc: HealthCheckRecord): HealthCheckRecord {
    const lb = this.get(name);
    checkTarget(hc.target);
    if (!isHealthCheckTimeoutAllowed(hc.timeout, hc.interval)) throw validation('HealthCheck Timeout must be less than Interval');
    const m = /^([a-z]+):(.*)$/i.exec(hc.target) as RegExpExecArray;
    lb.healthCheck = { ...hc, target: `${(m[1] as string).toUpperCase()}:${m[2] as string}` };
    return lb.healthCheck;
  }

  /** EnableAvailabilityZonesForLoadBalancer; returns the zones after. */
  enableZones(name: string, zones: readonly string[]): string[] {
    const lb = this.get(name);
    this.#checkZones(zones);
    const net = this.#network();
    for (const z of zones) {
      if (lb.zones.includes(z)) continue;
      lb.zones.push(z);
      const subnet = net.subnets.find((s) => s.zone === z && (s.vpcId ?? net.vpcId) === lb.vpcId && (lb.vpcId !== net.vpcId || inDefaultVpc(net, s)));
      if (subnet !== undefined && !lb.subnets.includes(subnet.id)) lb.subnets.push(subnet.id);
    }
    return [...lb.zones];
  }

  /** DisableAvailabilityZonesForLoadBalancer; returns the zones after. */
  disableZones(name: string, zones: readonly string[]): string[] {
    const lb = this.get(name);
    const remaining = lb.zones.filter((z) => !zones.includes(z));
    if (remaining.length === 0) throw invalidConfig('Cannot remove all Availability Zones from a load balancer.');
    const net = this.#network();
    lb.zones = remaining;
    lb.subnets = lb.subnets.filter((id) => {
      const zone = net.subnets.find((s) => s.id === id)?.zone;
      return zone === undefined || remaining.includes(zone);
    });
    return [...lb.zones];
  }

  /** AttachLoadBalancerToSubnets; returns the subnets after. */
  attachSubnets(name: string, subnets: readonly string[]): string[] {
    const lb = this.get(name);
    const added = subnets.filter((s) => !lb.subnets.includes(s));
    const zones = this.#zonesFor(added);
    if (added.length > 0 && lb.vpcId !== undefined && this.#vpcOf([...lb.subnets, ...added]) !== lb.vpcId) throw invalidConfig('All subnets of a load balancer must belong to the same VPC.');
    const clash = zones.find((z) => lb.zones.includes(z));
    if (clash !== undefined) throw elbError('InvalidConfigurationRequest', `The load balancer already has a subnet in ${clash}.`);
    lb.subnets.push(...added);
    lb.zones.push(...zones);
    return [...lb.subnets];
  }

  /** DetachLoadBalancerFromSubnets; returns the subnets after. */
  detachSubnets(name: string, subnets: readonly string[]): string[] {
    const lb = this.get(name);
    const remaining = lb.subnets.filter((s) => !subnets.includes(s));
    if (remaining.length === 0) throw invalidConfig('Cannot detach all subnets from a load balancer.');
    const net = this.#network();
    lb.subnets = remaining;
    const detachedZones = subnets.filter((id) => !remaining.includes(id)).map((id) => net.subnets.find((s) => s.id === id)?.zone);
    lb.zones = lb.zones.filter((z) => !detachedZones.includes(z));
    return [...lb.subnets];
  }

  /** ApplySecurityGroupsToLoadBalancer; returns the groups after. */
  applySecurityGroups(name: string, groups: readonly string[]): string[] {
    const lb = this.get(name);
    if (lb.vpcId === undefined) throw invalidConfig('Security groups can only be applied to a load balancer in a VPC.');
    this.#checkGroups(groups, lb.vpcId);
    lb.securityGroups = [...new Set(groups)];
    return [...lb.securityGroups];
  }

  #addPolicy(lb: LoadBalancerRecord, policy: PolicyRecord): void {
    if (lb.policies.some((p) => p.name === policy.name)) throw elbError('DuplicatePolicyName', `Load balancer '${lb.name}' already has a policy named ${policy.name}.`);
    if (lb.policies.length >= MAX_POLICIES) throw elbError('TooManyPolicies', `A load balancer can have at most ${MAX_POLICIES} policies.`);
    lb.policies.push(policy);
  }

  /** CreateAppCookieStickinessPolicy. */
  createAppCookiePolicy(name: string, policyName: string, cookieName: string): void {
    this.#addPolicy(this.get(name), { name: policyName, typeName: 'AppCookieStickinessPolicyType', attributes: [{ name: 'CookieName', value: cookieName }] });
  }

  /** CreateLBCookieStickinessPolicy. */
  createLbCookiePolicy(name: string, policyName: string, expiration: number | undefined): void {
    if (expiration !== undefined && expiration <= 0) throw validation(`CookieExpirationPeriod must be a positive number of seconds, got ${expiration}`);
    this.#addPolicy(this.get(name), {
      name: policyName,
      typeName: 'LBCookieStickinessPolicyType',
      attributes: expiration === undefined ? [] : [{ name: 'CookieExpirationPeriod', value: String(expiration) }],
    });
  }

  /** CreateLoadBalancerPolicy. */
  createPolicy(name: string, policyName: string, typeName: string, attributes: Array<{ name: string; value: string }>): void {
    const lb = this.get(name);
    const type = POLICY_TYPES.find((t) => t.name === typeName);
    if (type === undefined) throw elbError('PolicyTypeNotFound', `One or more of the specified policy types do not exist: ${typeName}`);
    for (const a of attributes) {
      const declared = type.attributes.find((t) => t.name === a.name);
      if (declared === undefined) throw invalidConfig(`Policy type ${typeName} has no attribute named ${a.name}.`);
      // A Long attribute is read as every other number on the wire is, so a describe never shows NaN.
      if (declared.type === 'Long' && parseNumberText(a.value, 'long') === undefined) throw invalidConfig(`The attribute ${a.name} of policy type ${typeName} is a whole number; got '${a.value}'.`);
    }
    for (const t of type.attributes) {
      const n = attributes.filter((a) => a.name === t.name).length;
      if ((t.cardinality === 'ONE' || t.cardinality === 'ONE_OR_MORE') && n === 0) throw invalidConfig(`Policy type ${typeName} requires the attribute ${t.name}.`);
      if ((t.cardinality === 'ONE' || t.cardinality === 'ZERO_OR_ONE') && n > 1) throw invalidConfig(`Policy type ${typeName} takes at most one ${t.name}.`);
    }
    if (typeName === 'BackendServerAuthenticationPolicyType') {
      for (const a of attributes) {
        const ref = lb.policies.find((p) => p.name === a.value);
        if (ref === undefined || ref.typeName !== 'PublicKeyPolicyType') throw elbError('PolicyNotFound', `There is no PublicKeyPolicyType policy named ${a.value}`);
      }
    }
    this.#addPolicy(lb, { name: policyName, typeName, attributes: attributes.map((a) => ({ ...a })) });
  }

  /** DeleteLoadBalancerPolicy (a missing policy is not an error; one in use is). */
  deletePolicy(name: string, policyName: string): void {
    const lb = this.get(name);
    const inUse = lb.listeners.some((l) => l.policyNames.includes(policyName)) || lb.backends.some((b) => b.policyNames.includes(policyName));
    if (inUse) throw invalidConfig(`Policy ${policyName} is in use by a listener or back-end server of '${name}' and cannot be deleted.`);
    lb.policies = lb.policies.filter((p) => p.name !== policyName);
  }

  #policies(lb: LoadBalancerRecord, names: readonly string[]): PolicyRecord[] {
    return names.map((n) => {
      const p = lb.policies.find((x) => x.name === n);
      if (p === undefined) throw elbError('PolicyNotFound', `There is no policy named ${n} on load balancer '${lb.name}'`);
      return p;
    });
  }

  /** SetLoadBalancerPoliciesOfListener (an empty list removes them). */
  setListenerPolicies(name: string, port: number, names: readonly string[]): void {
    const lb = this.get(name);
    const l = this.#listener(lb, port);
    const policies = this.#policies(lb, names);
    for (const p of policies) {
      const sticky = p.typeName === 'AppCookieStickinessPolicyType' || p.typeName === 'LBCookieStickinessPolicyType';
      if (sticky && layer(l.protocol) !== 'http') throw invalidConfig(`Stickiness policy ${p.name} can only be enabled on HTTP or HTTPS listeners.`);
      if (p.typeName === 'SSLNegotiationPolicyType' && !isSecure(l.protocol)) throw invalidConfig(`SSL negotiation policy ${p.name} can only be enabled on HTTPS or SSL listeners.`);
      if (p.typeName === 'ProxyProtocolPolicyType' || p.typeName === 'PublicKeyPolicyType' || p.typeName === 'BackendServerAuthenticationPolicyType') {
        throw invalidConfig(`Policy ${p.name} of type ${p.typeName} cannot be enabled on a listener.`);
      }
    }
    const kinds = policies.map((p) => (p.typeName === 'LBCookieStickinessPolicyType' ? 'AppCookieStickinessPolicyType' : p.typeName));
    if (new Set(kinds).size !== kinds.length) throw invalidConfig('A listener can have at most one policy of each type, and one stickiness policy.');
    l.policyNames = [...names];
  }

  /** SetLoadBalancerPoliciesForBackendServer (an empty list removes them). */
  setBackendPolicies(name: string, instancePort: number, names: readonly string[]): void {
    const lb = this.get(name);
    for (const p of this.#policies(lb, names)) {
      if (p.typeName !== 'BackendServerAuthenticationPolicyType' && p.typeName !== 'ProxyProtocolPolicyType') {
        throw invalidConfig(`Policy ${p.name} of type ${p.typeName} cannot be enabled for a back-end server.`);
      }
    }
    lb.backends = lb.backends.filter((b) => b.instancePort !== instancePort);
    if (names.length > 0) {
      lb.backends.push({ instancePort, policyNames: [...names] });
      lb.backends.sort((a, b) => a.instancePort - b.instancePort);
    }
  }

  /** Registers instances (already checked to exist); returns every registered id. */
  register(name: string, ids: readonly string[], initial: (id: string) => ElbInstanceHealth, now: number): string[] {
    const lb = this.get(name);
    const fresh = [...new Set(ids)].filter((id) => !lb.instances.some((m) => m.instanceId === id));
    if (lb.instances.length + fresh.length > MAX_REGISTERED_INSTANCES) {
      throw invalidConfig(`A load balancer can have at most ${MAX_REGISTERED_INSTANCES} registered instances.`);
    }
    for (const id of fresh) lb.instances.push({ instanceId: id, health: initial(id), successes: 0, failures: 0, lastCheck: now });
    return lb.instances.map((m) => m.instanceId);
  }

  /** Deregisters instances; an instance that is not registered is `InvalidInstance`. Returns the remaining ids. */
  deregister(name: string, ids: readonly string[]): string[] {
    const lb = this.get(name);
    const missing = ids.filter((id) => !lb.instances.some((m) => m.instanceId === id));
    if (missing.length > 0) throw elbError('InvalidInstance', `The following instances are not registered with load balancer '${name}': ${missing.join(', ')}`);
    lb.instances = lb.instances.filter((m) => !ids.includes(m.instanceId));
    return lb.instances.map((m) => m.instanceId);
  }

  /** ModifyLoadBalancerAttributes: applies what is given. */
  modifyAttributes(name: string, change: Partial<AttributesRecord>): void {
    const lb = this.get(name);
    if (change.accessLog !== undefined && change.accessLog.enabled) {
      if (change.accessLog.s3BucketName === undefined || change.accessLog.s3BucketName === '') throw invalidConfig('An access log needs an S3BucketName when enabled.');
      if (change.accessLog.emitInterval !== undefined && change.accessLog.emitInterval !== 5 && change.accessLog.emitInterval !== 60) {
        throw validation(`Access log EmitInterval must be 5 or 60 minutes, got ${change.accessLog.emitInterval}`);
      }
    }
    if (change.connectionDraining !== undefined && (change.connectionDraining.timeout < 1 || change.connectionDraining.timeout > 3600)) {
      throw validation(`ConnectionDraining Timeout must be between 1 and 3600 seconds, got ${change.connectionDraining.timeout}`);
    }
    for (const a of change.additional ?? []) {
      if (a.key !== DESYNC_ATTRIBUTE) throw elbError('LoadBalancerAttributeNotFound', `The load balancer attribute ${a.key} does not exist.`);
      if (!DESYNC_MODES.includes(a.value)) throw validation(`${DESYNC_ATTRIBUTE} must be one of ${DESYNC_MODES.join(', ')}, got '${a.value}'`);
    }
    if (change.crossZone !== undefined) lb.attributes.crossZone = change.crossZone;
    if (change.accessLog !== undefined) lb.attributes.accessLog = change.accessLog.enabled ? { ...change.accessLog, emitInterval: change.accessLog.emitInterval ?? 60 } : { enabled: false };
    if (change.connectionDraining !== undefined) lb.attributes.connectionDraining = { ...change.connectionDraining };
    if (change.idleTimeout !== undefined) lb.attributes.idleTimeout = change.idleTimeout;
    for (const a of change.additional ?? []) {
      const prior = lb.attributes.additional.find((x) => x.key === a.key);
      if (prior === undefined) lb.attributes.additional.push({ ...a });
      else prior.value = a.value;
    }
  }

  /** AddTags on several load balancers (all or none). */
  addTags(names: readonly string[], tags: readonly TagInput[]): void {
    const lbs = names.map((n) => this.get(n));
    for (const lb of lbs) this.#checkTags(tags.map((t) => ({ key: t.Key })), lb.tags);
    for (const lb of lbs) {
      for (const t of tags) {
        const prior = lb.tags.find((x) => x.key === t.Key);
        if (prior === undefined) lb.tags.push({ key: t.Key, value: t.Value ?? '' });
        else prior.value = t.Value ?? '';
      }
    }
  }

  /** RemoveTags on several load balancers. */
  removeTags(names: readonly string[], keys: readonly string[]): void {
    const lbs = names.map((n) => this.get(n));
    for (const lb of lbs) lb.tags = lb.tags.filter((t) => !keys.includes(t.key));
  }

  /** The state as JSON-safe data. */
  snapshot(): ElbSnapshot {
    return { version: 1, loadBalancers: JSON.parse(JSON.stringify([...this.balancers.values()])) as LoadBalancerRecord[] };
  }

  /** Replaces the state with a snapshot's. */
  restore(s: ElbSnapshot): void {
    const copy = JSON.parse(JSON.stringify(s.loadBalancers)) as LoadBalancerRecord[];
    this.balancers = new Map(copy.map((lb) => [lb.name, lb]));
  }
}

function duplicateListener(name: string, port: number): ServiceError {
  return elbError('DuplicateListener', `A listener already exists for ${name} with LoadBalancerPort ${port}, but with a different InstancePort, Protocol, or SSLCertificateId`);
}

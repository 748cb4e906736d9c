/**
 * Load balancers (boto2's `boto.ec2.elb.loadbalancer`): `LoadBalancer`, its back-end
 * server descriptions (`Backend`) and the zone list zone changes answer with
 * (`LoadBalancerZones`).
 *
 * @module
 */
import type { BackendServerDescription, LoadBalancerDescription } from '@aws-sdk/client-elastic-load-balancing';
import { pyList } from '../core/repr';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import { PagedRequest } from '../core/resultset';
import { checkInt } from '../core/validate';
import type { LbAttributes } from './attributes';
import type { ELBConnection } from './connection';
import { HealthCheck } from './healthcheck';
import { InstanceInfo } from './instanceinfo';
import type { InstanceState } from './instancestate';
import { Listener, type ListenerSpec } from './listener';
import { OtherPolicy, Policies } from './policies';
import { SecurityGroup } from './securitygroup';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Backend}. */
export interface BackendOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The instance port the description is about. */
  instancePort?: number;
  /** The policies in force for that port. */
  policies?: OtherPolicy[];
}

/**
 * The policies in force for one instance port (`LoadBalancer.backends`), as set by
 * `setLbPoliciesOfBackendServer`. Prints as boto2's `Backend(443:[OtherPolicy(NAME)])`.
 */
export class Backend extends BotoObject<ELBConnection> {
  /** The instance port. */
  instancePort: number | undefined;
  /** The policies in force for that port; `undefined` when the answer listed none, as boto2's `None`. */
  policies: OtherPolicy[] | undefined;

  constructor(options: BackendOptions = {}) {
    checkNew(Backend, arguments);
    super(options.connection);
    this.instancePort = options.instancePort;
    this.policies = options.policies;
  }

  /** Builds one from an SDK `BackendServerDescription`. @internal */
  static fromSdk(connection: ELBConnection, b: BackendServerDescription): Backend {
    return new Backend({
      connection,
      instancePort: b.InstancePort,
      policies: b.PolicyNames?.map((name) => new OtherPolicy({ connection, policyName: name })),
    });
  }

  toString(): string {
    return `Backend(${this.instancePort ?? 'None'}:${this.policies === undefined ? 'None' : pyList(this.policies)})`;
  }
}

/** Constructor options of {@link LoadBalancerZones}. */
export interface LoadBalancerZonesOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The zones. */
  zones?: string[];
}

/**
 * The zones a load balancer spans after `enableAvailabilityZones` or
 * `disableAvailabilityZones` (boto2's parser class for those answers; the calls
 * themselves resolve with the list of names). Prints as `LoadBalancerZones(['us-east-1a'])`.
 */
export class LoadBalancerZones extends BotoObject<ELBConnection> {
  /** The zones. */
  zones: string[];

  constructor(options: LoadBalancerZonesOptions = {}) {
    checkNew(LoadBalancerZones, arguments);
    super(options.connection);
    this.zones = [...(options.zones ?? [])];
  }

  /** Builds one from a zone-change answer. @internal */
  static fromSdk(connection: ELBConnection, out: { AvailabilityZones?: string[] }): LoadBalancerZones {
    return new LoadBalancerZones({ connection, zones: out.AvailabilityZones ?? [] });
  }

  toString(): string {
    return `LoadBalancerZones(${pyList(this.zones)})`;
  }
}

/** Constructor options of {@link LoadBalancer}, boto2's keyword arguments. */
export interface LoadBalancerOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The load balancer's name. */
  name?: string;
}

/** Options of {@link LoadBalancer.getAttributes} and {@link LoadBalancer.isCrossZoneLoadBalancing}. */
export interface GetAttributesOptions extends CallOptions {
  /** Ask AWS again instead of answering from the attributes read before; default false, as boto2. */
  force?: boolean;
}

/** Options of {@link LoadBalancer.createListener}, boto2's keyword arguments. */
export interface CreateListenerOptions extends CallOptions {
  /** The instance port; default the load balancer port, as boto2. */
  outPort?: number;
  /** The protocol; default `tcp`, as boto2 (HTTPS and SSL need a certificate: use `createListeners`). */
  proto?: string;
}

/** Options of {@link LoadBalancer.enableConnectionDraining}. */
export interface EnableConnectionDrainingOptions extends CallOptions {
  /** Seconds requests in flight may take on a leaving instance, 1 to 3600; default 300 (AWS's default). */
  timeout?: number;
}

/**
 * A Classic Load Balancer: a DNS name (`dnsName`) and a set of listeners that spread
 * requests over the registered instances in the zones (or subnets) it spans. What
 * `getAllLoadBalancers` lists and `createLoadBalancer` makes. Prints as `LoadBalancer:NAME`.
 *
 * Instances that are deregistered, or fail the health check, are dropped at once unless
 * connection draining is on: {@link LoadBalancer.enableConnectionDraining} (or
 * `modifyLbAttribute(name, 'connectionDraining', ...)`) gives requests in flight a grace
 * period to complete first.
 */
export class LoadBalancer extends BotoObject<ELBConnection> {
  /** The load balancer's name. */
  name: string | undefined;
  /** The DNS name clients connect to (point a CNAME, or a Route 53 alias, at it). */
  dnsName: string | undefined;
  /** The listeners: ports and protocols in, and where they go on the instances. */
  listeners: Listener[];
  /** The health check, when AWS reported one. */
  healthCheck: HealthCheck | undefined;
  /** The registered instances. */
  instances: InstanceInfo[];
  /** The availability zones it spans. */
  availabilityZones: string[];
  /** Its stickiness and other policies, when AWS reported them. */
  policies: Policies | undefined;
  /** Security groups of a load balancer in a VPC. */
  securityGroups: string[];
  /** Subnets of a load balancer in a VPC. */
  subnets: string[];
  /** `internet-facing` or `internal`. */
  scheme: string | undefined;
  /** The VPC of a load balancer in a VPC. */
  vpcId: string | undefined;
  /** The DNS name of its Route 53 hosted zone. */
  canonicalHostedZoneName: string | undefined;
  /** The id of its Route 53 hosted zone (for alias records). */
  canonicalHostedZoneNameId: string | undefined;
  /** Policies per instance port. */
  backends: Backend[];
  /** The security group its traffic comes from (for the instances' inbound rules). */
  sourceSecurityGroup: SecurityGroup | undefined;
  /** When it was created. */
  createdTime: Date | undefined;
  #attributes: LbAttributes | undefined;

  constructor(options: LoadBalancerOptions = {}) {
    checkNew(LoadBalancer, arguments);
    super(options.connection);
    this.name = options.name;
    this.dnsName = undefined;
    this.listeners = [];
    this.healthCheck = undefined;
    this.instances = [];
    this.availabilityZones = [];
    this.policies = undefined;
    this.securityGroups = [];
    this.subnets = [];
    this.scheme = undefined;
    this.vpcId = undefined;
    this.canonicalHostedZoneName = undefined;
    this.canonicalHostedZoneNameId = undefined;
    this.backends = [];
    this.sourceSecurityGroup = undefined;
    this.createdTime = undefined;
    this.#attributes = undefined;
  }

  /** Builds one from a `DescribeLoadBalancers` answer. @internal */
  static fromSdk(connection: ELBConnection, d: LoadBalancerDescription): LoadBalancer {
    const lb = new LoadBalancer({ connection, name: d.LoadBalancerName });
    lb.dnsName = d.DNSName;
    lb.listeners = (d.ListenerDescriptions ?? []).map((l) => Listener.fromSdk(connection, l, lb));
    lb.healthCheck = d.HealthCheck === undefined ? undefined : HealthCheck.fromSdk(connection, d.HealthCheck, d.LoadBalancerName);
    lb.instances = (d.Instances ?? []).map((i) => InstanceInfo.fromSdk(connection, i));
    lb.availabilityZones = [...(d.AvailabilityZones ?? [])];
    lb.policies = d.Policies === undefined ? undefined : Policies.fromSdk(connection, d.Policies);
    lb.securityGroups = [...(d.SecurityGroups ?? [])];
    lb.subnets = [...(d.Subnets ?? [])];
    lb.scheme = d.Scheme;
    lb.vpcId = d.VPCId;
    lb.canonicalHostedZoneName = d.CanonicalHostedZoneName;
    lb.canonicalHostedZoneNameId = d.CanonicalHostedZoneNameID;
    lb.backends = (d.BackendServerDescriptions ?? []).map((b) => Backend.fromSdk(connection, b));
    lb.sourceSecurityGroup = d.SourceSecurityGroup === undefined ? undefined : SecurityGroup.fromSdk(connection, d.SourceSecurityGroup);
    lb.createdTime = d.CreatedTime;
    return lb;
  }

  toString(): string {
    return `LoadBalancer:${this.name ?? 'None'}`;
  }

  #name(): string {
    return this.name as string;
  }

  /** Adds availability zones (one or a list); resolves with, and keeps, the zones it then spans. */
  async enableZones(zones: string | readonly string[], options?: CallOptions): Promise<string[]> {
    const now = await this.requireConnection().enableAvailabilityZones(this.#name(), zones, options);
    this.availabilityZones = now;
    return now;
  }

  /** Removes availability zones (one or a list); resolves with, and keeps, the zones it then spans. */
  async disableZones(zones: string | readonly string[], options?: CallOptions): Promise<string[]> {
    const now = await this.requireConnection().disableAvailabilityZones(this.#name(), zones, options);
    this.availabilityZones = now;
    return now;
  }

  /** Its attributes, read once and then kept; `force` reads them again. */
  async getAttributes(options: GetAttributesOptions = {}): Promise<LbAttributes> {
    if (this.#attributes === undefined || options.force) {
      this.#attributes = await this.requireConnection().getAllLbAttributes(this.#name(), { signal: options.signal });
    }
    return this.#attributes;
  }

  /** Whether cross-zone load balancing is on (from the kept attributes unless `force`). */
  async isCrossZoneLoadBalancing(options: GetAttributesOptions = {}): Promise<boolean> {
    return (await this.getAttributes(options)).crossZoneLoadBalancing.enabled === true;
  }

  /** Turns cross-zone load balancing on. Resolves `true` (boto2's answer); a failure rejects. */
  async enableCrossZoneLoadBalancing(options?: CallOptions): Promise<boolean> {
    const ok = await this.requireConnection().modifyLbAttribute(this.#name(), 'crossZoneLoadBalancing', true, options);
    if (this.#attributes !== undefined) this.#attributes.crossZoneLoadBalancing.enabled = true;
    return ok;
  }

  /** Turns cross-zone load balancing off. Resolves `true` (boto2's answer); a failure rejects. */
  async disableCrossZoneLoadBalancing(options?: CallOptions): Promise<boolean> {
    const ok = await this.requireConnection().modifyLbAttribute(this.#name(), 'crossZoneLoadBalancing', false, options);
    if (this.#attributes !== undefined) this.#attributes.crossZoneLoadBalancing.enabled = false;
    return ok;
  }

  /**
   * Turns connection draining on, with `timeout` seconds (default 300) of grace: an
   * instance that is deregistered or turns unhealthy gets no new requests, but the ones
   * in flight may complete instead of being cut off. Resolves `true`; a failure rejects.
   */
  async enableConnectionDraining(options: EnableConnectionDrainingOptions = {}): Promise<boolean> {
    const timeout = options.timeout ?? 300;
    checkInt('timeout', timeout, { min: 1, max: 3600 });
    const ok = await this.requireConnection().modifyLbAttribute(this.#name(), 'connectionDraining', { enabled: true, timeout }, { signal: options.signal });
    if (this.#attributes !== undefined) {
      this.#attributes.connectionDraining.enabled = true;
      this.#attributes.connectionDraining.timeout = timeout;
    }
    return ok;
  }

  /** Turns connection draining off: leaving instances are cut off at once. Resolves `true`; a failure rejects. */
  async disableConnectionDraining(options?: CallOptions): Promise<boolean> {
    const ok = await this.requireConnection().modifyLbAttribute(this.#name(), 'connectionDraining', { enabled: false }, options);
    if (this.#attributes !== undefined) this.#attributes.connectionDraining.enabled = false;
    return ok;
  }

  /** Registers instances (one id or a list); resolves with, and keeps, the instances then registered. */
  async registerInstances(instances: string | readonly string[], options?: CallOptions): Promise<InstanceInfo[]> {
    const now = await this.requireConnection().registerInstances(this.#name(), instances, options);
    this.instances = now;
    return now;
  }

  /**
   * Deregisters instances (one id or a list); resolves with, and keeps, the instances
   * still registered. With connection draining on, requests in flight on them complete first.
   */
  async deregisterInstances(instances: string | readonly string[], options?: CallOptions): Promise<InstanceInfo[]> {
    const now = await this.requireConnection().deregisterInstances(this.#name(), instances, options);
    this.instances = now;
    return now;
  }

  /** Deletes this load balancer. Resolves `true` (boto2's answer); a failure rejects. */
  async delete(options?: CallOptions): Promise<boolean> {
    return this.requireConnection().deleteLoadBalancer(this.#name(), options);
  }

  /** Sets the health check; resolves with it as AWS now has it, also kept as `healthCheck`. */
  async configureHealthCheck(healthCheck: HealthCheck, options?: CallOptions): Promise<HealthCheck> {
    const hc = await this.requireConnection().configureHealthCheck(this.#name(), healthCheck, options);
    this.healthCheck = hc;
    return hc;
  }

  /** The health of its instances, or of the ones named (each `InstanceState.loadBalancer` is this). */
  getInstanceHealth(instances?: string | readonly string[], options: CallOptions = {}): PagedRequest<InstanceState> {
    return new PagedRequest(async () => {
      const page = await this.requireConnection().describeInstanceHealth(this.#name(), instances, options);
      for (const state of page) state.loadBalancer = this;
      return page;
    });
  }

  /** Adds listeners, given as boto2's tuples (`[80, 8080, 'http']`) or {@link Listener}s. Resolves `true`. */
  async createListeners(listeners: readonly ListenerSpec[], options?: CallOptions): Promise<boolean> {
    return this.requireConnection().createLoadBalancerListeners(this.#name(), listeners, options);
  }

  /** Adds one listener on `inPort`, to `outPort` (default `inPort`) with `proto` (default `tcp`). Resolves `true`. */
  async createListener(inPort: number, options: CreateListenerOptions = {}): Promise<boolean> {
    return this.createListeners([[inPort, options.outPort ?? inPort, options.proto ?? 'tcp']], { signal: options.signal });
  }

  /** Deletes the listeners on these load balancer ports. Resolves `true`. */
  async deleteListeners(listeners: readonly number[], options?: CallOptions): Promise<boolean> {
    return this.requireConnection().deleteLoadBalancerListeners(this.#name(), listeners, options);
  }

  /** Deletes the listener on `inPort`. Resolves `true`. */
  async deleteListener(inPort: number, options?: CallOptions): Promise<boolean> {
    return this.deleteListeners([inPort], options);
  }

  /** Deletes a policy (it must not be in force on any listener). Resolves `true`. */
  async deletePolicy(policyName: string, options?: CallOptions): Promise<boolean> {
    return this.requireConnection().deleteLbPolicy(this.#name(), policyName, options);
  }

  /** Puts these policies in force on the listener on `lbPort` (an empty list takes them all off). Resolves `true`. */
  async setPoliciesOfListener(lbPort: number, policies: readonly string[], options?: CallOptions): Promise<boolean> {
    return this.requireConnection().setLbPoliciesOfListener(this.#name(), lbPort, policies, options);
  }

  /** Puts these policies in force for `instancePort` (an empty list takes them all off). Resolves `true`. */
  async setPoliciesOfBackendServer(instancePort: number, policies: readonly string[], options?: CallOptions): Promise<boolean> {
    return this.requireConnection().setLbPoliciesOfBackendServer(this.#name(), instancePort, policies, options);
  }

  /**
   * Creates a stickiness policy whose cookie the load balancer makes, lasting
   * `cookieExpirationPeriod` seconds (`undefined` or `null`: the browser session). Resolves `true`.
   */
  async createCookieStickinessPolicy(cookieExpirationPeriod: number | null | undefined, policyName: string, options?: CallOptions): Promise<boolean> {
    return this.requireConnection().createLbCookieStickinessPolicy(cookieExpirationPeriod, this.#name(), policyName, options);
  }

  /** Creates a stickiness policy that follows the application's cookie `name`. Resolves `true`. */
  async createAppCookieStickinessPolicy(name: string, policyName: string, options?: CallOptions): Promise<boolean> {
    return this.requireConnection().createAppCookieStickinessPolicy(name, this.#name(), policyName, options);
  }

  /** Replaces the certificate of the HTTPS or SSL listener on `lbPort`. Resolves `true`. */
  async setListenerSSLCertificate(lbPort: number, sslCertificateId: string, options?: CallOptions): Promise<boolean> {
    return this.requireConnection().setLbListenerSSLCertificate(this.#name(), lbPort, sslCertificateId, options);
  }

  /** Creates a policy of `policyType` with these attributes (name → value). Resolves `true`. */
  async createLbPolicy(policyName: string, policyType: string, policyAttribute: Readonly<Record<string, string | number | boolean>>, options?: CallOptions): Promise<boolean> {
    return this.requireConnection().createLbPolicy(this.#name(), policyName, policyType, policyAttribute, options);
  }

  /** Attaches subnets (one or a list); resolves with, and keeps, the subnets then attached. */
  async attachSubnets(subnets: string | readonly string[], options?: CallOptions): Promise<string[]> {
    const now = await this.requireConnection().attachLbToSubnets(this.#name(), subnets, options);
    this.subnets = now;
    return now;
  }

  /** Detaches subnets (one or a list); resolves with, and keeps, the subnets still attached. */
  async detachSubnets(subnets: string | readonly string[], options?: CallOptions): Promise<string[]> {
    const now = await this.requireConnection().detachLbFromSubnets(this.#name(), subnets, options);
    this.subnets = now;
    return now;
  }

  /** Replaces its security groups (one or a list); resolves with, and keeps, the groups then applied. */
  async applySecurityGroups(securityGroups: string | readonly string[], options?: CallOptions): Promise<string[]> {
    const now = await this.requireConnection().applySecurityGroupsToLb(this.#name(), securityGroups, options);
    this.securityGroups = now;
    return now;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(LoadBalancer, {
  new: '{connection, name}',
  enableZones: 'zones, {signal}',
  disableZones: 'zones, {signal}',
  getAttributes: '[force], {signal}',
  isCrossZoneLoadBalancing: '[force], {signal}',
  enableCrossZoneLoadBalancing: '{signal}',
  disableCrossZoneLoadBalancing: '{signal}',
  enableConnectionDraining: '{timeout, signal}',
  disableConnectionDraining: '{signal}',
  registerInstances: 'instances, {signal}',
  deregisterInstances: 'instances, {signal}',
  delete: '{signal}',
  configureHealthCheck: 'healthCheck, {signal}',
  getInstanceHealth: 'paged: instances?, {signal}',
  createListeners: 'listeners, {signal}',
  createListener: 'inPort, [outPort, proto], {signal}',
  deleteListeners: 'listeners, {signal}',
  deleteListener: 'inPort, {signal}',
  deletePolicy: 'policyName, {signal}',
  setPoliciesOfListener: 'lbPort, policies, {signal}',
  setPoliciesOfBackendServer: 'instancePort, policies, {signal}',
  createCookieStickinessPolicy: 'cookieExpirationPeriod?, policyName, {signal}',
  createAppCookieStickinessPolicy: 'name, policyName, {signal}',
  setListenerSSLCertificate: 'lbPort, sslCertificateId, {signal}',
  createLbPolicy: 'policyName, policyType, policyAttribute:object, {signal}',
  attachSubnets: 'subnets, {signal}',
  detachSubnets: 'subnets, {signal}',
  applySecurityGroups: 'securityGroups, {signal}',
});
declareSignatures(Backend, {
  new: '{connection, instancePort, policies}',
});
declareSignatures(LoadBalancerZones, {
  new: '{connection, zones}',
});

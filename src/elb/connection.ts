/**
 * The Elastic Load Balancing connection (boto2's `boto.ec2.elb.ELBConnection`), for
 * Classic Load Balancers (API version 2012-06-01).
 *
 * Calls boto2 answers with `True` resolve with `true`; failures reject with
 * `BotoServerError` (from AWS) or `BotoClientError` (bad input, found before anything is
 * sent).
 *
 * @module
 */
import type { ElasticLoadBalancing, LoadBalancerAttributes } from '@aws-sdk/client-elastic-load-balancing';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { rulesetOf } from '../core/endpoints';
import { DEFAULT_REGION } from '../core/regions';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import { checkExclusive, checkInt, checkNonEmpty, checkOneOf, checkText, requireValue } from '../core/validate';
import { AccessLogAttribute, ConnectionDrainingAttribute, ConnectionSettingAttribute, LbAttributes } from './attributes';
import {
  checkAttributeName, checkIdList, checkLbName, checkNameList, checkPort, checkPortList, SCHEMES, toSdkHealthCheck, toSdkListeners,
  type LbAttributeName,
} from './checks';
import { HealthCheck } from './healthcheck';
import { InstanceInfo } from './instanceinfo';
import { InstanceState } from './instancestate';
import { Listener, type ComplexListenerSpec, type ListenerSpec } from './listener';
import { LoadBalancer, LoadBalancerZones } from './loadbalancer';
import { checkNew, CONNECTION_SIGNATURE, declareSignatures } from '../core/signature';

/** How botoscale reaches Elastic Load Balancing. */
export const ELB_SPEC: ServiceSpec<ElasticLoadBalancing> = {
  name: 'elb',
  endpointPrefix: 'elasticloadbalancing',
  envEndpointName: 'ELASTIC_LOAD_BALANCING',
  botoRegionKey: 'elb_region_name',
  botoEndpointKey: 'elb_region_endpoint',
  async createClient(config) {
    const { ElasticLoadBalancing } = await import('@aws-sdk/client-elastic-load-balancing');
    return new ElasticLoadBalancing(config);
  },
  endpointRuleset() {
    const { ElasticLoadBalancingClient } = require('@aws-sdk/client-elastic-load-balancing') as typeof import('@aws-sdk/client-elastic-load-balancing');
    return rulesetOf(new ElasticLoadBalancingClient({ region: DEFAULT_REGION }));
  },
};

/** Options of {@link ELBConnection.getAllLoadBalancers}. */
export interface GetAllLoadBalancersOptions extends CallOptions {
  /** Only these load balancers. */
  loadBalancerNames?: readonly string[];
  /** Start from this page: the `nextToken` of a page before (boto2's name). */
  marker?: string;
  /** Start from this page (the same as `marker`, under the name every other list call uses). */
  nextToken?: string;
  /** Load balancers per page, 1 to 400 (AWS's default 400). */
  pageSize?: number;
}

/** Options of {@link ELBConnection.createLoadBalancer}, boto2's keyword arguments. */
export interface CreateLoadBalancerOptions extends CallOptions {
  /** Subnets of a VPC to put the load balancer in (instead of, or as well as, zones). */
  subnets?: readonly string[];
  /** Security groups of a load balancer in a VPC. */
  securityGroups?: readonly string[];
  /** `internet-facing` (the default, as boto2) or `internal` (in a VPC: a DNS name that resolves to private addresses). */
  scheme?: string;
  /** Listeners with an instance protocol: `[lbPort, instancePort, protocol, instanceProtocol, sslCertificateId?]`. */
  complexListeners?: readonly ComplexListenerSpec[];
}

/** Options of {@link ELBConnection.createLoadBalancerListeners}. */
export interface CreateLoadBalancerListenersOptions extends CallOptions {
  /** Listeners with an instance protocol: `[lbPort, instancePort, protocol, instanceProtocol, sslCertificateId?]`. */
  complexListeners?: readonly ComplexListenerSpec[];
}

/** The value {@link ELBConnection.modifyLbAttribute} takes for the `accessLog` attribute. */
export interface AccessLogValue {
  /** Whether access logs are written (anything but `true` sends false, as boto2). */
  enabled?: boolean;
  /** The S3 bucket the logs go to. */
  s3BucketName?: string;
  /** The key prefix of the logs in the bucket. */
  s3BucketPrefix?: string;
  /** Minutes between log files: 5 or 60. */
  emitInterval?: number;
}

/** The value {@link ELBConnection.modifyLbAttribute} takes for the `connectionDraining` attribute. */
export interface ConnectionDrainingValue {
  /** Whether connection draining is on (anything but `true` sends false, as boto2). */
  enabled?: boolean;
  /** Seconds requests in flight may take on a leaving instance, 1 to 3600. */
  timeout?: number;
}

/** The value {@link ELBConnection.modifyLbAttribute} takes for the `connectingSettings` attribute. */
export interface ConnectionSettingValue {
  /** Seconds a connection may stay idle, 1 to 3600. */
  idleTimeout?: number;
}

/** What {@link ELBConnection.modifyLbAttribute} takes as the value of each attribute. */
export interface LbAttributeInputs {
  /** On or off (boto2 also takes the strings `'true'` and `'false'`). */
  crossZoneLoadBalancing: boolean | 'true' | 'false';
  /** An {@link AccessLogAttribute} or an object of its fields. */
  accessLog: AccessLogValue;
  /** A {@link ConnectionDrainingAttribute} or an object of its fields. */
  connectionDraining: ConnectionDrainingValue;
  /** A {@link ConnectionSettingAttribute} or an object of its fields (boto2's name). */
  connectingSettings: ConnectionSettingValue;
  /** The same as `connectingSettings`, under AWS's name. */
  connectionSettings: ConnectionSettingValue;
}

/** What {@link ELBConnection.getLbAttribute} resolves with for each attribute. */
export interface LbAttributeOutputs {
  /** Whether cross-zone load balancing is on (`undefined` if AWS did not say). */
  crossZoneLoadBalancing: boolean | undefined;
  /** The access log settings. */
  accessLog: AccessLogAttribute;
  /** The connection draining settings. */
  connectionDraining: ConnectionDrainingAttribute;
  /** The connection settings (boto2's name). */
  connectingSettings: ConnectionSettingAttribute;
  /** The connection settings (AWS's name). */
  connectionSettings: ConnectionSettingAttribute;
}

/** A list of names: one, or a list (boto2 takes a single string too). */
export type NameList = string | readonly string[];

function optionalList(items: readonly string[] | undefined): string[] | undefined {
  return items === undefined || items.length === 0 ? undefined : [...items];
}

function flag(field: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return checkOneOf(field, typeof value === 'string' ? value.toLowerCase() : String(value), ['true', 'false']) === 'true';
}

function attributesInput(attribute: ReturnType<typeof checkAttributeName>, value: unknown): LoadBalancerAttributes {
  requireValue('value', value);
  switch (attribute) {
    case 'crossZoneLoadBalancing':
      return { CrossZoneLoadBalancing: { Enabled: flag('value', value) } };
    case 'accessLog': {
      const v = value as AccessLogValue;
      checkInt('value.emitInterval', v.emitInterval, { min: 1 });
      return {
        AccessLog: { Enabled: v.enabled === true, S3BucketName: v.s3BucketName, S3BucketPrefix: v.s3BucketPrefix, EmitInterval: v.emitInterval },
      };
    }
    case 'connectionDraining': {
      const v = value as ConnectionDrainingValue;
      checkInt('value.timeout', v.timeout, { min: 1, max: 3600 });
      return { ConnectionDraining: { Enabled: v.enabled === true, Timeout: v.timeout } };
    }
    case 'connectingSettings': {
      const v = value as ConnectionSettingValue;
      checkInt('value.idleTimeout', requireValue('value.idleTimeout', v.idleTimeout), { min: 1, max: 3600 });
      return { ConnectionSettings: { IdleTimeout: v.idleTimeout as number } };
    }
  }
}

/**
 * A connection to Elastic Load Balancing in one region. Construct it as boto2's:
 * `new ELBConnection(accessKey, secretKey, options)`, `new ELBConnection(options)`, or
 * through `elb.connectToRegion('us-west-2')`.
 */
export class ELBConnection extends AWSConnection<ElasticLoadBalancing> {
  /** Elastic Load Balancing API version botoscale speaks. */
  static readonly APIVersion = '2012-06-01';

  /**
   * @param awsAccessKeyId access key, or the options object alone
   * @param awsSecretAccessKey secret key (never printed or logged)
   * @param options region, endpoint, credentials and SDK pass-through options
   */
  constructor(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    checkNew(ELBConnection, arguments);
    super(ELB_SPEC, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  // ----- load balancers -----

  /**
   * Load balancers, all or the named ones (`await` for one page, `for await` for all).
   * AWS pages them with a marker: a page's `nextToken` is AWS's `NextMarker`, and
   * `marker` (or `nextToken`) starts from it.
   */
  getAllLoadBalancers(options: GetAllLoadBalancersOptions = {}): PagedRequest<LoadBalancer> {
    return new PagedRequest(async (marker) => {
      checkExclusive('marker', options.marker, 'nextToken', options.nextToken);
      checkInt('pageSize', options.pageSize, { min: 1, max: 400 });
      (options.loadBalancerNames ?? []).forEach((n, i) => checkLbName(`loadBalancerNames[${i}]`, n));
      const out = await this.call((c, o) => c.describeLoadBalancers({
        LoadBalancerNames: optionalList(options.loadBalancerNames),
        Marker: marker,
        PageSize: options.pageSize,
      }, o), options);
      return ResultSet.fromPage((out.LoadBalancerDescriptions ?? []).map((d) => LoadBalancer.fromSdk(this, d)), out.NextMarker);
    }, options.marker ?? options.nextToken);
  }

  /**
   * Creates a load balancer listening with `listeners` (boto2's tuples:
   * `[[80, 8080, 'http'], [443, 8443, 'tcp']]`, and `[443, 443, 'HTTPS', certArn]` for
   * HTTPS and SSL) and/or `complexListeners`, in `zones` and/or `subnets`. Resolves with
   * the new {@link LoadBalancer}, bound to this connection, with its `dnsName`.
   *
   * `name` is 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen.
   * It becomes the first label of the DNS name, so keep it short: some ISPs limit CNAME
   * targets to 32 characters.
   *
   * Protocols are taken in any case and sent upper-case. At least one listener is
   * required: boto2 returned `None` without sending anything; botoscale rejects with a
   * `BotoClientError`. Given both, `listeners` come first and `complexListeners` after
   * them (boto2 numbered both from 1, so complex listeners overwrote simple ones).
   */
  async createLoadBalancer(
    name: string,
    zones: NameList | null | undefined,
    listeners?: readonly ListenerSpec[] | null,
    options: CreateLoadBalancerOptions = {},
  ): Promise<LoadBalancer> {
    checkLbName('name', name);
    const sdkListeners = toSdkListeners(listeners ?? undefined, options.complexListeners);
    const zoneList = zones === null || zones === undefined || zones.length === 0 ? [] : checkIdList('zones', zones);
    const subnets = options.subnets === undefined || options.subnets.length === 0 ? [] : checkIdList('subnets', options.subnets);
    const securityGroups = options.securityGroups === undefined || options.securityGroups.length === 0 ? [] : checkIdList('securityGroups', options.securityGroups);
    if (zoneList.length === 0 && subnets.length === 0) checkNonEmpty('zones or subnets', []);
    const scheme = checkOneOf('scheme', options.scheme ?? 'internet-facing', SCHEMES);
    const out = await this.call((c, o) => c.createLoadBalancer({
      LoadBalancerName: name,
      Listeners: sdkListeners,
      AvailabilityZones: optionalList(zoneList),
      Subnets: optionalList(subnets),
      SecurityGroups: optionalList(securityGroups),
      Scheme: scheme,
    }, o), options);
    const lb = new LoadBalancer({ connection: this, name });
    lb.dnsName = out.DNSName;
    lb.listeners = sdkListeners.map((l) => new Listener({
      connection: this,
      loadBalancer: lb,
      loadBalancerPort: l.LoadBalancerPort,
      instancePort: l.InstancePort,
      protocol: l.Protocol,
      instanceProtocol: l.InstanceProtocol,
      sslCertificateId: l.SSLCertificateId,
    }));
    lb.availabilityZones = zoneList;
    lb.subnets = subnets;
    lb.securityGroups = securityGroups;
    lb.scheme = scheme;
    return lb;
  }

  /** Adds listeners to a load balancer (as {@link ELBConnection.createLoadBalancer} takes them). Resolves `true`. */
  async createLoadBalancerListeners(name: string, listeners?: readonly ListenerSpec[] | null, options: CreateLoadBalancerListenersOptions = {}): Promise<boolean> {
    checkLbName('name', name);
    const sdkListeners = toSdkListeners(listeners ?? undefined, options.complexListeners);
    await this.call((c, o) => c.createLoadBalancerListeners({ LoadBalancerName: name, Listeners: sdkListeners }, o), options);
    return true;
  }

  /** Deletes a load balancer (its instances keep running). Resolves `true`. */
  async deleteLoadBalancer(name: string, options?: CallOptions): Promise<boolean> {
    checkLbName('name', name);
    await this.call((c, o) => c.deleteLoadBalancer({ LoadBalancerName: name }, o), options);
    return true;
  }

  /** Deletes the listeners on these load balancer ports. Resolves `true`. */
  async deleteLoadBalancerListeners(name: string, ports: readonly number[], options?: CallOptions): Promise<boolean> {
    checkLbName('name', name);
    const portList = checkPortList('ports', ports);
    await this.call((c, o) => c.deleteLoadBalancerListeners({ LoadBalancerName: name, LoadBalancerPorts: portList }, o), options);
    return true;
  }

  // ----- zones, subnets, security groups -----

  /** Adds availability zones to a load balancer; resolves with every zone it then spans. */
  async enableAvailabilityZones(loadBalancerName: string, zonesToAdd: NameList, options?: CallOptions): Promise<string[]> {
    checkLbName('loadBalancerName', loadBalancerName);
    const zones = checkIdList('zonesToAdd', zonesToAdd);
    const out = await this.call((c, o) => c.enableAvailabilityZonesForLoadBalancer({ LoadBalancerName: loadBalancerName, AvailabilityZones: zones }, o), options);
    return LoadBalancerZones.fromSdk(this, out).zones;
  }

  /** Removes availability zones from a load balancer (not all of them); resolves with the zones it still spans. */
  async disableAvailabilityZones(loadBalancerName: string, zonesToRemove: NameList, options?: CallOptions): Promise<string[]> {
    checkLbName('loadBalancerName', loadBalancerName);
    const zones = checkIdList('zonesToRemove', zonesToRemove);
    const out = await this.call((c, o) => c.disableAvailabilityZonesForLoadBalancer({ LoadBalancerName: loadBalancerName, AvailabilityZones: zones }, o), options);
    return LoadBalancerZones.fromSdk(this, out).zones;
  }

  /** Attaches a load balancer in a VPC to subnets; resolves with every subnet it is then attached to. */
  async attachLbToSubnets(name: string, subnets: NameList, options?: CallOptions): Promise<string[]> {
    checkLbName('name', name);
    const list = checkIdList('subnets', subnets);
    const out = await this.call((c, o) => c.attachLoadBalancerToSubnets({ LoadBalancerName: name, Subnets: list }, o), options);
    return [...(out.Subnets ?? [])];
  }

  /** Detaches a load balancer in a VPC from subnets; resolves with the subnets it is still attached to. */
  async detachLbFromSubnets(name: string, subnets: NameList, options?: CallOptions): Promise<string[]> {
    checkLbName('name', name);
    const list = checkIdList('subnets', subnets);
    const out = await this.call((c, o) => c.detachLoadBalancerFromSubnets({ LoadBalancerName: name, Subnets: list }, o), options);
    return [...(out.Subnets ?? [])];
  }

  /** Replaces the security groups of a load balancer in a VPC; resolves with the groups then applied. */
  async applySecurityGroupsToLb(name: string, securityGroups: NameList, options?: CallOptions): Promise<string[]> {
    checkLbName('name', name);
    const list = checkIdList('securityGroups', securityGroups);
    const out = await this.call((c, o) => c.applySecurityGroupsToLoadBalancer({ LoadBalancerName: name, SecurityGroups: list }, o), options);
    return [...(out.SecurityGroups ?? [])];
  }

  // ----- attributes -----

  /**
   * Changes one attribute of a load balancer, by boto2's name (compared without case):
   * `crossZoneLoadBalancing` (true or false), `accessLog` (an {@link AccessLogAttribute}),
   * `connectionDraining` (a {@link ConnectionDrainingAttribute}: with it on, instances
   * that leave get `timeout` seconds for requests in flight instead of being cut off at
   * once) or `connectingSettings` / `connectionSettings` (a
   * {@link ConnectionSettingAttribute}). Resolves `true`.
   */
  async modifyLbAttribute<K extends LbAttributeName>(loadBalancerName: string, attribute: K, value: LbAttributeInputs[K], options?: CallOptions): Promise<boolean> {
    checkLbName('loadBalancerName', loadBalancerName);
    const attributes = attributesInput(checkAttributeName(attribute), value);
    await this.call((c, o) => c.modifyLoadBalancerAttributes({ LoadBalancerName: loadBalancerName, LoadBalancerAttributes: attributes }, o), options);
    return true;
  }

  /** Every attribute of a load balancer. */
  async getAllLbAttributes(loadBalancerName: string, options?: CallOptions): Promise<LbAttributes> {
    checkLbName('loadBalancerName', loadBalancerName);
    const out = await this.call((c, o) => c.describeLoadBalancerAttributes({ LoadBalancerName: loadBalancerName }, o), options);
    return LbAttributes.fromSdk(this, out.LoadBalancerAttributes);
  }

  /**
   * One attribute of a load balancer, by boto2's name (compared without case):
   * `crossZoneLoadBalancing` resolves with a boolean, the others with their attribute
   * object. Reads every attribute, as boto2 does.
   */
  async getLbAttribute<K extends LbAttributeName>(loadBalancerName: string, attribute: K, options?: CallOptions): Promise<LbAttributeOutputs[K]> {
    checkLbName('loadBalancerName', loadBalancerName);
    const which = checkAttributeName(attribute);
    const all = await this.getAllLbAttributes(loadBalancerName, options);
    const value: LbAttributeOutputs[LbAttributeName] = which === 'crossZoneLoadBalancing' ? all.crossZoneLoadBalancing.enabled : all[which];
    return value as LbAttributeOutputs[K];
  }

  // ----- instances and health -----

  /** Registers instances (one id or a list) with a load balancer; resolves with every instance then registered. */
  async registerInstances(loadBalancerName: string, instances: NameList, options?: CallOptions): Promise<InstanceInfo[]> {
    checkLbName('loadBalancerName', loadBalancerName);
    const ids = checkIdList('instances', instances);
    const out = await this.call((c, o) => c.registerInstancesWithLoadBalancer({
      LoadBalancerName: loadBalancerName,
      Instances: ids.map((id) => ({ InstanceId: id })),
    }, o), options);
    return (out.Instances ?? []).map((i) => InstanceInfo.fromSdk(this, i));
  }

  /**
   * Deregisters instances (one id or a list); resolves with the instances still
   * registered. Unless connection draining is on, their open requests are cut off.
   */
  async deregisterInstances(loadBalancerName: string, instances: NameList, options?: CallOptions): Promise<InstanceInfo[]> {
    checkLbName('loadBalancerName', loadBalancerName);
    const ids = checkIdList('instances', instances);
    const out = await this.call((c, o) => c.deregisterInstancesFromLoadBalancer({
      LoadBalancerName: loadBalancerName,
      Instances: ids.map((id) => ({ InstanceId: id })),
    }, o), options);
    return (out.Instances ?? []).map((i) => InstanceInfo.fromSdk(this, i));
  }

  /** The health of a load balancer's instances, or of the ones named (`await` for the list). */
  describeInstanceHealth(loadBalancerName: string, instances?: NameList | null, options: CallOptions = {}): PagedRequest<InstanceState> {
    return new PagedRequest(async () => {
      checkLbName('loadBalancerName', loadBalancerName);
      // As boto2: no ids (or an empty list) asks about every registered instance.
      const ids = instances === null || instances === undefined || instances.length === 0 ? undefined : checkIdList('instances', instances);
      const out = await this.call((c, o) => c.describeInstanceHealth({
        LoadBalancerName: loadBalancerName,
        Instances: ids?.map((id) => ({ InstanceId: id })),
      }, o), options);
      return ResultSet.fromPage((out.InstanceStates ?? []).map((s) => InstanceState.fromSdk(this, s)));
    });
  }

  /**
   * Sets a load balancer's health check; resolves with the health check as AWS now has
   * it. `healthCheck` is then bound to this connection and load balancer, so that
   * `healthCheck.update()` sends later changes.
   */
  async configureHealthCheck(name: string, healthCheck: HealthCheck, options?: CallOptions): Promise<HealthCheck> {
    checkLbName('name', name);
    const hc = toSdkHealthCheck('healthCheck', healthCheck);
    const out = await this.call((c, o) => c.configureHealthCheck({ LoadBalancerName: name, HealthCheck: hc }, o), options);
    healthCheck.connection = this;
    healthCheck.accessPoint = name;
    return HealthCheck.fromSdk(this, out.HealthCheck ?? hc, name);
  }

  // ----- certificates and policies -----

  /** Replaces the certificate of the HTTPS or SSL listener on `lbPort`. Resolves `true`. */
  async setLbListenerSSLCertificate(lbName: string, lbPort: number, sslCertificateId: string, options?: CallOptions): Promise<boolean> {
    checkLbName('lbName', lbName);
    const port = checkPort('lbPort', lbPort);
    requireValue('sslCertificateId', sslCertificateId);
    await this.call((c, o) => c.setLoadBalancerListenerSSLCertificate({
      LoadBalancerName: lbName,
      LoadBalancerPort: port,
      SSLCertificateId: sslCertificateId,
    }, o), options);
    return true;
  }

  /**
   * Creates a stickiness policy that follows the application's cookie `name`: the load
   * balancer's own cookie lasts as long as it. For HTTP and HTTPS listeners. Resolves `true`.
   */
  async createAppCookieStickinessPolicy(name: string, lbName: string, policyName: string, options?: CallOptions): Promise<boolean> {
    requireValue('name', name);
    checkLbName('lbName', lbName);
    requireValue('policyName', policyName);
    await this.call((c, o) => c.createAppCookieStickinessPolicy({ CookieName: name, LoadBalancerName: lbName, PolicyName: policyName }, o), options);
    return true;
  }

  /**
   * Creates a stickiness policy whose cookie the load balancer makes, lasting
   * `cookieExpirationPeriod` seconds (`undefined` or `null`: the browser session). For
   * HTTP and HTTPS listeners. Resolves `true`.
   */
  async createLbCookieStickinessPolicy(cookieExpirationPeriod: number | null | undefined, lbName: string, policyName: string, options?: CallOptions): Promise<boolean> {
    const period = cookieExpirationPeriod ?? undefined;
    checkInt('cookieExpirationPeriod', period, { min: 0 });
    checkLbName('lbName', lbName);
    requireValue('policyName', policyName);
    await this.call((c, o) => c.createLBCookieStickinessPolicy({
      LoadBalancerName: lbName,
      PolicyName: policyName,
      CookieExpirationPeriod: period,
    }, o), options);
    return true;
  }

  /**
   * Creates a policy of `policyType` (e.g. `ProxyProtocolPolicyType`,
   * `SSLNegotiationPolicyType`) with `policyAttributes` (name → value). Resolves `true`.
   */
  async createLbPolicy(
    lbName: string,
    policyName: string,
    policyType: string,
    policyAttributes: Readonly<Record<string, string | number | boolean>>,
    options?: CallOptions,
  ): Promise<boolean> {
    checkLbName('lbName', lbName);
    requireValue('policyName', policyName);
    requireValue('policyType', policyType);
    const attributes = Object.entries(requireValue('policyAttributes', policyAttributes)).map(([k, v]) => ({
      AttributeName: k,
      AttributeValue: typeof v === 'boolean' ? String(v) : checkText(`policyAttributes[${JSON.stringify(k)}]`, v),
    }));
    await this.call((c, o) => c.createLoadBalancerPolicy({
      LoadBalancerName: lbName,
      PolicyName: policyName,
      PolicyTypeName: policyType,
      PolicyAttributes: attributes,
    }, o), options);
    return true;
  }

  /** Deletes a policy (it must not be in force on any listener). Resolves `true`. */
  async deleteLbPolicy(lbName: string, policyName: string, options?: CallOptions): Promise<boolean> {
    checkLbName('lbName', lbName);
    requireValue('policyName', policyName);
    await this.call((c, o) => c.deleteLoadBalancerPolicy({ LoadBalancerName: lbName, PolicyName: policyName }, o), options);
    return true;
  }

  /** Puts these policies in force on the listener on `lbPort`, replacing its others (an empty list takes them all off). Resolves `true`. */
  async setLbPoliciesOfListener(lbName: string, lbPort: number, policies: NameList, options?: CallOptions): Promise<boolean> {
    checkLbName('lbName', lbName);
    const port = checkPort('lbPort', lbPort);
    const names = checkNameList('policies', policies);
    await this.call((c, o) => c.setLoadBalancerPoliciesOfListener({
      LoadBalancerName: lbName,
      LoadBalancerPort: port,
      PolicyNames: names,
    }, o), options);
    return true;
  }

  /** Puts these policies in force for the instances' `instancePort`, replacing its others (an empty list takes them all off). Resolves `true`. */
  async setLbPoliciesOfBackendServer(lbName: string, instancePort: number, policies: NameList, options?: CallOptions): Promise<boolean> {
    checkLbName('lbName', lbName);
    const port = checkPort('instancePort', instancePort);
    const names = checkNameList('policies', policies);
    await this.call((c, o) => c.setLoadBalancerPoliciesForBackendServer({
      LoadBalancerName: lbName,
      InstancePort: port,
      PolicyNames: names,
    }, o), options);
    return true;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(ELBConnection, {
  new: CONNECTION_SIGNATURE,
  getAllLoadBalancers: 'paged: [loadBalancerNames, marker], {nextToken, pageSize, signal}',
  createLoadBalancer: 'name, zones?, listeners?, [subnets, securityGroups, scheme, complexListeners], {signal}',
  createLoadBalancerListeners: 'name, listeners?, [complexListeners], {signal}',
  deleteLoadBalancer: 'name, {signal}',
  deleteLoadBalancerListeners: 'name, ports, {signal}',
  enableAvailabilityZones: 'loadBalancerName, zonesToAdd, {signal}',
  disableAvailabilityZones: 'loadBalancerName, zonesToRemove, {signal}',
  attachLbToSubnets: 'name, subnets, {signal}',
  detachLbFromSubnets: 'name, subnets, {signal}',
  applySecurityGroupsToLb: 'name, securityGroups, {signal}',
  modifyLbAttribute: 'loadBalancerName, attribute, value:object, {signal}',
  getAllLbAttributes: 'loadBalancerName, {signal}',
  getLbAttribute: 'loadBalancerName, attribute, {signal}',
  registerInstances: 'loadBalancerName, instances, {signal}',
  deregisterInstances: 'loadBalancerName, instances, {signal}',
  describeInstanceHealth: 'paged: loadBalancerName, instances?, {signal}',
  configureHealthCheck: 'name, healthCheck, {signal}',
  setLbListenerSSLCertificate: 'lbName, lbPort, sslCertificateId, {signal}',
  createAppCookieStickinessPolicy: 'name, lbName, policyName, {signal}',
  createLbCookieStickinessPolicy: 'cookieExpirationPeriod?, lbName, policyName, {signal}',
  createLbPolicy: 'lbName, policyName, policyType, policyAttributes:object, {signal}',
  deleteLbPolicy: 'lbName, policyName, {signal}',
  setLbPoliciesOfListener: 'lbName, lbPort, policies, {signal}',
  setLbPoliciesOfBackendServer: 'lbName, instancePort, policies, {signal}',
});

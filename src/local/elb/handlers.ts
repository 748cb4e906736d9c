/**
 * The ELB wire handlers: every action of the classic Elastic Load Balancing API
 * (2012-06-01), reading the parsed request, calling the state model, and returning the
 * output structure.
 *
 * @module
 */
import { commonError, ServiceError } from '../errors';
import { optBool, optInt, optInts, optObject, optObjects, optString, optStrings } from '../input';
import { paginate } from '../paging';
import type { Cloud, ServiceHandlers, WireObject } from '../types';
import { initialHealth } from './health';
import { POLICY_TYPES, PREDEFINED_POLICIES } from './policies';
import { attributesShape, healthCheckShape, instanceStateShape, loadBalancerShape, policyShape, policyTypeShape } from './shapes';
import { MAX_LISTENERS, MAX_REGISTERED_INSTANCES, type AttributesRecord, type ElbState, type ListenerInput, type TagInput } from './state';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function missing(name: string): ServiceError {
  return new ServiceError('ValidationError', `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`, 400);
}

function reqString(input: WireObject, name: string): string {
  const v = optString(input, name);
  if (v === undefined) throw missing(name);
  return v;
}

function reqInt(input: WireObject, name: string): number {
  const v = optInt(input, name);
  if (v === undefined) throw missing(name);
  return v;
}

function listenersOf(input: WireObject): ListenerInput[] {
  return (optObjects(input, 'Listeners') ?? []).map((l) => {
    const out: ListenerInput = { protocol: reqString(l, 'Protocol'), loadBalancerPort: reqInt(l, 'LoadBalancerPort'), instancePort: reqInt(l, 'InstancePort') };
    const instanceProtocol = optString(l, 'InstanceProtocol');
    const cert = optString(l, 'SSLCertificateId');
    if (instanceProtocol !== undefined) out.instanceProtocol = instanceProtocol;
    if (cert !== undefined) out.sslCertificateId = cert;
    return out;
  });
}

function tagsOf(input: WireObject): TagInput[] {
  return (optObjects(input, 'Tags') ?? []).map((t) => {
    const value = optString(t, 'Value');
    return value === undefined ? { key: reqString(t, 'Key') } : { key: reqString(t, 'Key'), value };
  });
}

function instanceIds(input: WireObject): string[] {
  return (optObjects(input, 'Instances') ?? []).map((i) => reqString(i, 'InstanceId'));
}

function attributesOf(a: WireObject): Partial<AttributesRecord> {
  const change: Partial<AttributesRecord> = {};
  const cross = optObject(a, 'CrossZoneLoadBalancing');
  if (cross !== undefined) change.crossZone = optBool(cross, 'Enabled') ?? false;
  const log = optObject(a, 'AccessLog');
  if (log !== undefined) {
    const accessLog: AttributesRecord['accessLog'] = { enabled: optBool(log, 'Enabled') ?? false };
    const bucket = optString(log, 'S3BucketName');
    const interval = optInt(log, 'EmitInterval');
    const prefix = optString(log, 'S3BucketPrefix');
    if (bucket !== undefined) accessLog.s3BucketName = bucket;
    if (interval !== undefined) accessLog.emitInterval = interval;
    if (prefix !== undefined) accessLog.s3BucketPrefix = prefix;
    change.accessLog = accessLog;
  }
  const draining = optObject(a, 'ConnectionDraining');
  if (draining !== undefined) change.connectionDraining = { enabled: optBool(draining, 'Enabled') ?? false, timeout: optInt(draining, 'Timeout') ?? 300 };
  const settings = optObject(a, 'ConnectionSettings');
  if (settings !== undefined) change.idleTimeout = reqInt(settings, 'IdleTimeout');
  const additional = optObjects(a, 'AdditionalAttributes');
  if (additional !== undefined) change.additional = additional.map((x) => ({ key: optString(x, 'Key') ?? '', value: optString(x, 'Value') ?? '' }));
  return change;
}

/** The ELB handlers over a state model, in a cloud whose EC2 holds the instances. */
export function elbHandlers(elb: ElbState, cloud: Cloud): ServiceHandlers {
  return {
    ...loadBalancerHandlers(elb),
    ...instanceHandlers(elb, cloud),
    ...listenerAndPolicyHandlers(elb),
    ...attributeAndTagHandlers(elb),
  };
}

/** Load balancers themselves: create, delete, describe, their zones, subnets and security groups, and the account limits. */
function loadBalancerHandlers(elb: ElbState): ServiceHandlers {
  return {
    CreateLoadBalancer(input, ctx) {
      const req: Parameters<ElbState['create']>[0] = { name: reqString(input, 'LoadBalancerName'), listeners: listenersOf(input) };
      const zones = optStrings(input, 'AvailabilityZones');
      const subnets = optStrings(input, 'Subnets');
      const groups = optStrings(input, 'SecurityGroups');
      const scheme = optString(input, 'Scheme');
      if (zones !== undefined) req.zones = zones;
      if (subnets !== undefined) req.subnets = subnets;
      if (groups !== undefined) req.securityGroups = groups;
      if (scheme !== undefined) req.scheme = scheme;
      if (input.Tags !== undefined) req.tags = tagsOf(input);
      return { DNSName: elb.create(req, ctx.now).dnsName };
    },

    DeleteLoadBalancer(input) {
      elb.delete(reqString(input, 'LoadBalancerName'));
      return {};
    },

    DescribeLoadBalancers(input, ctx) {
      const names = optStrings(input, 'LoadBalancerNames') ?? [];
      const missingName = names.find((n) => !elb.balancers.has(n));
      if (missingName !== undefined) throw new ServiceError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${missingName}'`, 400);
      const all = elb.sorted().filter((lb) => names.length === 0 || names.includes(lb.name));
      let page;
      try {
        page = paginate(all, (lb) => lb.name, optInt(input, 'PageSize'), optString(input, 'Marker'), { defaultSize: 400, maxSize: 400, refuse: (m) => commonError('ValidationError', m), sizeParam: 'PageSize' });
      } catch (err) {
        if (err instanceof ServiceError && err.message.includes('NextToken')) throw new ServiceError('ValidationError', 'Invalid Marker', 400);
        throw err;
      }
      const out: WireObject = { LoadBalancerDescriptions: page.items.map((lb) => loadBalancerShape(lb, ctx.region, ctx.accountId)) };
      if (page.nextToken !== undefined) out.NextMarker = page.nextToken;
      return out;
    },

    EnableAvailabilityZonesForLoadBalancer(input) {
      return { AvailabilityZones: elb.enableZones(reqString(input, 'LoadBalancerName'), optStrings(input, 'AvailabilityZones') ?? []) };
    },

    DisableAvailabilityZonesForLoadBalancer(input) {
      return { AvailabilityZones: elb.disableZones(reqString(input, 'LoadBalancerName'), optStrings(input, 'AvailabilityZones') ?? []) };
    },

    AttachLoadBalancerToSubnets(input) {
      return { Subnets: elb.attachSubnets(reqString(input, 'LoadBalancerName'), optStrings(input, 'Subnets') ?? []) };
    },

    DetachLoadBalancerFromSubnets(input) {
      return { Subnets: elb.detachSubnets(reqString(input, 'LoadBalancerName'), optStrings(input, 'Subnets') ?? []) };
    },

    ApplySecurityGroupsToLoadBalancer(input) {
      return { SecurityGroups: elb.applySecurityGroups(reqString(input, 'LoadBalancerName'), optStrings(input, 'SecurityGroups') ?? []) };
    },

    DescribeAccountLimits() {
      return {
        Limits: [
          { Name: 'classic-load-balancers', Max: String(elb.maxLoadBalancers) },
          { Name: 'classic-listeners', Max: String(MAX_LISTENERS) },
          { Name: 'classic-registered-instances', Max: String(MAX_REGISTERED_INSTANCES) },
        ],
      };
    },
  };
}

/** Registered instances and their health: the health check, registration (of instances EC2 holds) and instance health. */
function instanceHandlers(elb: ElbState, cloud: Cloud): ServiceHandlers {
  const checkInstances = (ids: readonly string[]): void => {
    const bad = ids.filter((id) => {
      const view = cloud.ec2.getInstance(id);
      return view === undefined || view.state === 'terminated' || view.state === 'shutting-down';
    });
    if (bad.length > 0) throw new ServiceError('InvalidInstance', `The requested instance(s) are not valid: ${bad.join(', ')}`, 400);
  };
  return {
    ConfigureHealthCheck(input) {
      const hc = optObject(input, 'HealthCheck') ?? {};
      const configured = elb.configureHealthCheck(reqString(input, 'LoadBalancerName'), {
        target: reqString(hc, 'Target'),
        interval: reqInt(hc, 'Interval'),
        timeout: reqInt(hc, 'Timeout'),
        unhealthyThreshold: reqInt(hc, 'UnhealthyThreshold'),
        healthyThreshold: reqInt(hc, 'HealthyThreshold'),
      });
      return { HealthCheck: healthCheckShape(configured) };
    },

    RegisterInstancesWithLoadBalancer(input, ctx) {
      const name = reqString(input, 'LoadBalancerName');
      elb.get(name);
      const ids = instanceIds(input);
      checkInstances(ids);
      const all = elb.register(name, ids, (id) => initialHealth(cloud.ec2, id), ctx.now);
      return { Instances: all.map((id) => ({ InstanceId: id })) };
    },

    DeregisterInstancesFromLoadBalancer(input) {
      const all = elb.deregister(reqString(input, 'LoadBalancerName'), instanceIds(input));
      return { Instances: all.map((id) => ({ InstanceId: id })) };
    },

    DescribeInstanceHealth(input) {
      const lb = elb.get(reqString(input, 'LoadBalancerName'));
      const ids = instanceIds(input);
      if (ids.length === 0) return { InstanceStates: lb.instances.map(instanceStateShape) };
      return {
        InstanceStates: ids.map((id) => {
          const m = lb.instances.find((x) => x.instanceId === id);
          if (m === undefined) throw new ServiceError('InvalidInstance', `Could not find EC2 instance ${id}.`, 400);
          return instanceStateShape(m);
        }),
      };
    },
  };
}

/** Listeners and policies: listeners, their certificates, stickiness and other policies, and which listener or back-end server uses which. */
function listenerAndPolicyHandlers(elb: ElbState): ServiceHandlers {
  return {
    CreateLoadBalancerListeners(input) {
      elb.addListeners(reqString(input, 'LoadBalancerName'), listenersOf(input));
      return {};
    },

    DeleteLoadBalancerListeners(input) {
      elb.deleteListeners(reqString(input, 'LoadBalancerName'), optInts(input, 'LoadBalancerPorts') ?? []);
      return {};
    },

    SetLoadBalancerListenerSSLCertificate(input) {
      elb.setCertificate(reqString(input, 'LoadBalancerName'), reqInt(input, 'LoadBalancerPort'), reqString(input, 'SSLCertificateId'));
      return {};
    },

    CreateAppCookieStickinessPolicy(input) {
      elb.createAppCookiePolicy(reqString(input, 'LoadBalancerName'), reqString(input, 'PolicyName'), reqString(input, 'CookieName'));
      return {};
    },

    CreateLBCookieStickinessPolicy(input) {
      elb.createLbCookiePolicy(reqString(input, 'LoadBalancerName'), reqString(input, 'PolicyName'), optInt(input, 'CookieExpirationPeriod'));
      return {};
    },

    CreateLoadBalancerPolicy(input) {
      const attributes = (optObjects(input, 'PolicyAttributes') ?? []).map((a) => ({ name: optString(a, 'AttributeName') ?? '', value: optString(a, 'AttributeValue') ?? '' }));
      elb.createPolicy(reqString(input, 'LoadBalancerName'), reqString(input, 'PolicyName'), reqString(input, 'PolicyTypeName'), attributes);
      return {};
    },

    DeleteLoadBalancerPolicy(input) {
      elb.deletePolicy(reqString(input, 'LoadBalancerName'), reqString(input, 'PolicyName'));
      return {};
    },

    DescribeLoadBalancerPolicies(input) {
      const name = optString(input, 'LoadBalancerName');
      const names = optStrings(input, 'PolicyNames') ?? [];
      const pool = name === undefined ? PREDEFINED_POLICIES : elb.get(name).policies;
      const unknown = names.find((n) => !pool.some((p) => p.name === n));
      if (unknown !== undefined) throw new ServiceError('PolicyNotFound', `There is no policy named ${unknown}${name === undefined ? '' : ` on load balancer '${name}'`}`, 400);
      return { PolicyDescriptions: pool.filter((p) => names.length === 0 || names.includes(p.name)).map(policyShape) };
    },

    DescribeLoadBalancerPolicyTypes(input) {
      const names = optStrings(input, 'PolicyTypeNames') ?? [];
      const unknown = names.find((n) => !POLICY_TYPES.some((t) => t.name === n));
      if (unknown !== undefined) throw new ServiceError('PolicyTypeNotFound', `One or more of the specified policy types do not exist: ${unknown}`, 400);
      return { PolicyTypeDescriptions: POLICY_TYPES.filter((t) => names.length === 0 || names.includes(t.name)).map(policyTypeShape) };
    },

    SetLoadBalancerPoliciesOfListener(input) {
      elb.setListenerPolicies(reqString(input, 'LoadBalancerName'), reqInt(input, 'LoadBalancerPort'), optStrings(input, 'PolicyNames') ?? []);
      return {};
    },

    SetLoadBalancerPoliciesForBackendServer(input) {
      elb.setBackendPolicies(reqString(input, 'LoadBalancerName'), reqInt(input, 'InstancePort'), optStrings(input, 'PolicyNames') ?? []);
      return {};
    },
  };
}

/** A load balancer's attributes and tags. */
function attributeAndTagHandlers(elb: ElbState): ServiceHandlers {
  return {
    DescribeLoadBalancerAttributes(input) {
      return { LoadBalancerAttributes: attributesShape(elb.get(reqString(input, 'LoadBalancerName')).attributes) };
    },

    ModifyLoadBalancerAttributes(input) {
      const name = reqString(input, 'LoadBalancerName');
      const given = optObject(input, 'LoadBalancerAttributes') ?? {};
      elb.modifyAttributes(name, attributesOf(given));
      const full = attributesShape(elb.get(name).attributes);
      const echoed: WireObject = {};
      for (const key of Object.keys(given)) if (full[key] !== undefined) echoed[key] = full[key];
      return { LoadBalancerName: name, LoadBalancerAttributes: echoed };
    },

    AddTags(input) {
      elb.addTags(optStrings(input, 'LoadBalancerNames') ?? [], tagsOf(input));
      return {};
    },

    RemoveTags(input) {
      const keys = (optObjects(input, 'Tags') ?? []).map((t) => optString(t, 'Key') ?? '');
      elb.removeTags(optStrings(input, 'LoadBalancerNames') ?? [], keys);
      return {};
    },

    DescribeTags(input) {
      const names = optStrings(input, 'LoadBalancerNames') ?? [];
      return { TagDescriptions: names.map((n) => ({ LoadBalancerName: n, Tags: elb.get(n).tags.map((t) => ({ Key: t.key, Value: t.value })) })) };
    },
  };
}

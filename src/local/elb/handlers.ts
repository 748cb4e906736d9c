/**
 * The ELB wire handlers: every action of the classic Elastic Load Balancing API
 * (2012-06-01), taking the input the protocol layer has checked against the model (typed
 * as `@aws-sdk/client-elastic-load-balancing`'s input), calling the state model, and
 * returning the SDK's output structure.
 *
 * @module
 */
import type * as ELB from '@aws-sdk/client-elastic-load-balancing';
import { commonError } from '../errors';
import { paginate } from '../paging';
import { wireHandlers, type ActionOutput, type Checked, type TypedHandlers } from '../typed';
import type { Cloud, ServiceHandlers } from '../types';
import { elbError } from './errors';
import { initialHealth } from './health';
import { POLICY_TYPES, PREDEFINED_POLICIES } from './policies';
import { attributesShape, healthCheckShape, instanceStateShape, loadBalancerShape, policyShape, policyTypeShape } from './shapes';
import { MAX_LISTENERS, MAX_REGISTERED_INSTANCES, notFound, type AttributesRecord, type ElbState } from './state';

/** ELB's handlers, typed by the SDK. */
type Handlers = TypedHandlers<typeof ELB>;
/** The output of one action (written on handlers that return a literal, so a misspelt member fails to compile). */
type Out<A extends keyof Handlers> = ActionOutput<typeof ELB, A>;

/**
 * The ids of `Instances`. The model leaves an Instance's InstanceId optional (it is an
 * output shape too); a request naming an instance needs it, worded as ELB words a missing member.
 */
function instanceIds(instances: ReadonlyArray<Checked<ELB.Instance>> | undefined): string[] {
  return (instances ?? []).map((i) => {
    if (i.InstanceId === undefined) throw elbError('ValidationError', "1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null");
    return i.InstanceId;
  });
}

/** The attributes a ModifyLoadBalancerAttributes request changes (the model requires each one's Enabled or IdleTimeout). */
function attributesOf(a: Checked<ELB.LoadBalancerAttributes>): Partial<AttributesRecord> {
  const change: Partial<AttributesRecord> = {};
  if (a.CrossZoneLoadBalancing !== undefined) change.crossZone = a.CrossZoneLoadBalancing.Enabled;
  const log = a.AccessLog;
  if (log !== undefined) {
    const accessLog: AttributesRecord['accessLog'] = { enabled: log.Enabled };
    if (log.S3BucketName !== undefined) accessLog.s3BucketName = log.S3BucketName;
    if (log.EmitInterval !== undefined) accessLog.emitInterval = log.EmitInterval;
    if (log.S3BucketPrefix !== undefined) accessLog.s3BucketPrefix = log.S3BucketPrefix;
    change.accessLog = accessLog;
  }
  if (a.ConnectionDraining !== undefined) change.connectionDraining = { enabled: a.ConnectionDraining.Enabled, timeout: a.ConnectionDraining.Timeout ?? 300 };
  if (a.ConnectionSettings !== undefined) change.idleTimeout = a.ConnectionSettings.IdleTimeout;
  if (a.AdditionalAttributes !== undefined) change.additional = a.AdditionalAttributes.map((x) => ({ key: x.Key ?? '', value: x.Value ?? '' }));
  return change;
}

/** The ELB handlers over a state model, in a cloud whose EC2 holds the instances. */
export function elbHandlers(elb: ElbState, cloud: Cloud): ServiceHandlers {
  return wireHandlers<typeof ELB>({
    ...loadBalancerHandlers(elb),
    ...instanceHandlers(elb, cloud),
    ...listenerAndPolicyHandlers(elb),
    ...attributeAndTagHandlers(elb),
  });
}

/** Load balancers themselves: create, delete, describe, their zones, subnets and security groups, and the account limits. */
function loadBalancerHandlers(elb: ElbState): Handlers {
  return {
    CreateLoadBalancer(input, ctx): Out<'CreateLoadBalancer'> {
      return { DNSName: elb.create(input, ctx.now).dnsName };
    },

    DeleteLoadBalancer(input): Out<'DeleteLoadBalancer'> {
      elb.delete(input.LoadBalancerName);
      return {};
    },

    DescribeLoadBalancers(input, ctx): Out<'DescribeLoadBalancers'> {
      const names = input.LoadBalancerNames ?? [];
      const missingName = names.find((n) => !elb.balancers.has(n));
      if (missingName !== undefined) throw notFound(missingName);
      const all = elb.sorted().filter((lb) => names.length === 0 || names.includes(lb.name));
      // PageSize's range is the model's (checked by the protocol layer); a bad Marker is ELB's "Invalid Marker".
      const page = paginate(all, (lb) => lb.name, input.PageSize, input.Marker, {
        defaultSize: 400,
        maxSize: 400,
        refuse: (m) => commonError('ValidationError', m.includes('NextToken') ? 'Invalid Marker' : m),
        sizeParam: 'PageSize',
      });
      const descriptions = page.items.map((lb) => loadBalancerShape(lb, ctx.region, ctx.accountId));
      return { LoadBalancerDescriptions: descriptions, ...(page.nextToken === undefined ? {} : { NextMarker: page.nextToken }) };
    },

    EnableAvailabilityZonesForLoadBalancer(input): Out<'EnableAvailabilityZonesForLoadBalancer'> {
      return { AvailabilityZones: elb.enableZones(input.LoadBalancerName, input.AvailabilityZones) };
    },

    DisableAvailabilityZonesForLoadBalancer(input): Out<'DisableAvailabilityZonesForLoadBalancer'> {
      return { AvailabilityZones: elb.disableZones(input.LoadBalancerName, input.AvailabilityZones) };
    },

    AttachLoadBalancerToSubnets(input): Out<'AttachLoadBalancerToSubnets'> {
      return { Subnets: elb.attachSubnets(input.LoadBalancerName, input.Subnets) };
    },

    DetachLoadBalancerFromSubnets(input): Out<'DetachLoadBalancerFromSubnets'> {
      return { Subnets: elb.detachSubnets(input.LoadBalancerName, input.Subnets) };
    },

    ApplySecurityGroupsToLoadBalancer(input): Out<'ApplySecurityGroupsToLoadBalancer'> {
      return { SecurityGroups: elb.applySecurityGroups(input.LoadBalancerName, input.SecurityGroups) };
    },

    DescribeAccountLimits(): Out<'DescribeAccountLimits'> {
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
function instanceHandlers(elb: ElbState, cloud: Cloud): Handlers {
  const checkInstances = (ids: readonly string[]): void => {
    const bad = ids.filter((id) => {
      const view = cloud.ec2.getInstance(id);
      return view === undefined || view.state === 'terminated' || view.state === 'shutting-down';
    });
    if (bad.length > 0) throw elbError('InvalidInstance', `The requested instance(s) are not valid: ${bad.join(', ')}`);
  };
  return {
    ConfigureHealthCheck(input): Out<'ConfigureHealthCheck'> {
      const hc = input.HealthCheck;
      const configured = elb.configureHealthCheck(input.LoadBalancerName, {
        target: hc.Target,
        interval: hc.Interval,
        timeout: hc.Timeout,
        unhealthyThreshold: hc.UnhealthyThreshold,
        healthyThreshold: hc.HealthyThreshold,
      });
      return { HealthCheck: healthCheckShape(configured) };
    },

    RegisterInstancesWithLoadBalancer(input, ctx): Out<'RegisterInstancesWithLoadBalancer'> {
      const name = input.LoadBalancerName;
      elb.get(name);
      const ids = instanceIds(input.Instances);
      checkInstances(ids);
      const all = elb.register(name, ids, (id) => initialHealth(cloud.ec2, id), ctx.now);
      return { Instances: all.map((id) => ({ InstanceId: id })) };
    },

    DeregisterInstancesFromLoadBalancer(input): Out<'DeregisterInstancesFromLoadBalancer'> {
      const all = elb.deregister(input.LoadBalancerName, instanceIds(input.Instances));
      return { Instances: all.map((id) => ({ InstanceId: id })) };
    },

    DescribeInstanceHealth(input): Out<'DescribeInstanceHealth'> {
      const lb = elb.get(input.LoadBalancerName);
      const ids = instanceIds(input.Instances);
      if (ids.length === 0) return { InstanceStates: lb.instances.map(instanceStateShape) };
      return {
        InstanceStates: ids.map((id) => {
          const m = lb.instances.find((x) => x.instanceId === id);
          if (m === undefined) throw elbError('InvalidInstance', `Could not find EC2 instance ${id}.`);
          return instanceStateShape(m);
        }),
      };
    },
  };
}

/** Listeners and policies: listeners, their certificates, stickiness and other policies, and which listener or back-end server uses which. */
function listenerAndPolicyHandlers(elb: ElbState): Handlers {
  return {
    CreateLoadBalancerListeners(input): Out<'CreateLoadBalancerListeners'> {
      elb.addListeners(input.LoadBalancerName, input.Listeners);
      return {};
    },

    DeleteLoadBalancerListeners(input): Out<'DeleteLoadBalancerListeners'> {
      elb.deleteListeners(input.LoadBalancerName, input.LoadBalancerPorts);
      return {};
    },

    SetLoadBalancerListenerSSLCertificate(input): Out<'SetLoadBalancerListenerSSLCertificate'> {
      elb.setCertificate(input.LoadBalancerName, input.LoadBalancerPort, input.SSLCertificateId);
      return {};
    },

    CreateAppCookieStickinessPolicy(input): Out<'CreateAppCookieStickinessPolicy'> {
      elb.createAppCookiePolicy(input.LoadBalancerName, input.PolicyName, input.CookieName);
      return {};
    },

    CreateLBCookieStickinessPolicy(input): Out<'CreateLBCookieStickinessPolicy'> {
      elb.createLbCookiePolicy(input.LoadBalancerName, input.PolicyName, input.CookieExpirationPeriod);
      return {};
    },

    CreateLoadBalancerPolicy(input): Out<'CreateLoadBalancerPolicy'> {
      const attributes = (input.PolicyAttributes ?? []).map((a) => ({ name: a.AttributeName ?? '', value: a.AttributeValue ?? '' }));
      elb.createPolicy(input.LoadBalancerName, input.PolicyName, input.PolicyTypeName, attributes);
      return {};
    },

    DeleteLoadBalancerPolicy(input): Out<'DeleteLoadBalancerPolicy'> {
      elb.deletePolicy(input.LoadBalancerName, input.PolicyName);
      return {};
    },

    DescribeLoadBalancerPolicies(input): Out<'DescribeLoadBalancerPolicies'> {
      const name = input.LoadBalancerName;
      const names = input.PolicyNames ?? [];
      const pool = name === undefined ? PREDEFINED_POLICIES : elb.get(name).policies;
      const unknown = names.find((n) => !pool.some((p) => p.name === n));
      if (unknown !== undefined) throw elbError('PolicyNotFound', `There is no policy named ${unknown}${name === undefined ? '' : ` on load balancer '${name}'`}`);
      return { PolicyDescriptions: pool.filter((p) => names.length === 0 || names.includes(p.name)).map(policyShape) };
    },

    DescribeLoadBalancerPolicyTypes(input): Out<'DescribeLoadBalancerPolicyTypes'> {
      const names = input.PolicyTypeNames ?? [];
      const unknown = names.find((n) => !POLICY_TYPES.some((t) => t.name === n));
      if (unknown !== undefined) throw elbError('PolicyTypeNotFound', `One or more of the specified policy types do not exist: ${unknown}`);
      return { PolicyTypeDescriptions: POLICY_TYPES.filter((t) => names.length === 0 || names.includes(t.name)).map(policyTypeShape) };
    },

    SetLoadBalancerPoliciesOfListener(input): Out<'SetLoadBalancerPoliciesOfListener'> {
      elb.setListenerPolicies(input.LoadBalancerName, input.LoadBalancerPort, input.PolicyNames);
      return {};
    },

    SetLoadBalancerPoliciesForBackendServer(input): Out<'SetLoadBalancerPoliciesForBackendServer'> {
      elb.setBackendPolicies(input.LoadBalancerName, input.InstancePort, input.PolicyNames);
      return {};
    },
  };
}

/** A load balancer's attributes and tags. */
function attributeAndTagHandlers(elb: ElbState): Handlers {
  return {
    DescribeLoadBalancerAttributes(input): Out<'DescribeLoadBalancerAttributes'> {
      return { LoadBalancerAttributes: attributesShape(elb.get(input.LoadBalancerName).attributes) };
    },

    ModifyLoadBalancerAttributes(input): Out<'ModifyLoadBalancerAttributes'> {
      const name = input.LoadBalancerName;
      const given = input.LoadBalancerAttributes;
      elb.modifyAttributes(name, attributesOf(given));
      // The answer echoes the attributes the request named, as they now are.
      const full = attributesShape(elb.get(name).attributes);
      const echoed: ELB.LoadBalancerAttributes = {};
      if (given.CrossZoneLoadBalancing !== undefined) echoed.CrossZoneLoadBalancing = full.CrossZoneLoadBalancing;
      if (given.AccessLog !== undefined) echoed.AccessLog = full.AccessLog;
      if (given.ConnectionDraining !== undefined) echoed.ConnectionDraining = full.ConnectionDraining;
      if (given.ConnectionSettings !== undefined) echoed.ConnectionSettings = full.ConnectionSettings;
      if (given.AdditionalAttributes !== undefined) echoed.AdditionalAttributes = full.AdditionalAttributes;
      return { LoadBalancerName: name, LoadBalancerAttributes: echoed };
    },

    AddTags(input): Out<'AddTags'> {
      elb.addTags(input.LoadBalancerNames, input.Tags);
      return {};
    },

    RemoveTags(input): Out<'RemoveTags'> {
      elb.removeTags(input.LoadBalancerNames, input.Tags.map((t) => t.Key ?? ''));
      return {};
    },

    DescribeTags(input): Out<'DescribeTags'> {
      const descriptions = input.LoadBalancerNames.map((n): ELB.TagDescription => ({ LoadBalancerName: n, Tags: elb.get(n).tags.map((t) => ({ Key: t.key, Value: t.value })) }));
      return { TagDescriptions: descriptions };
    },
  };
}

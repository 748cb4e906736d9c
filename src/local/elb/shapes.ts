/**
 * ELB records as the wire structures the API Reference documents
 * (`LoadBalancerDescription`, `InstanceState`, `LoadBalancerAttributes`, ...), typed by
 * `@aws-sdk/client-elastic-load-balancing`'s output shapes.
 *
 * @module
 */
import type * as ELB from '@aws-sdk/client-elastic-load-balancing';
import type { Checked } from '../typed';
import type { PolicyRecord, PolicyType } from './policies';
import { hostedZoneId, type AttributesRecord, type HealthCheckRecord, type ListenerRecord, type LoadBalancerRecord, type MemberRecord } from './state';

/** A health check on the wire. */
export function healthCheckShape(hc: HealthCheckRecord): Checked<ELB.HealthCheck> {
  return { Target: hc.target, Interval: hc.interval, Timeout: hc.timeout, UnhealthyThreshold: hc.unhealthyThreshold, HealthyThreshold: hc.healthyThreshold };
}

function listenerShape(l: ListenerRecord): ELB.ListenerDescription {
  const listener: ELB.Listener = { Protocol: l.protocol, LoadBalancerPort: l.loadBalancerPort, InstanceProtocol: l.instanceProtocol, InstancePort: l.instancePort };
  if (l.sslCertificateId !== undefined) listener.SSLCertificateId = l.sslCertificateId;
  return { Listener: listener, PolicyNames: [...l.policyNames] };
}

function policiesShape(lb: LoadBalancerRecord): ELB.Policies {
  const sticky = (type: string): PolicyRecord[] => lb.policies.filter((p) => p.typeName === type);
  return {
    AppCookieStickinessPolicies: sticky('AppCookieStickinessPolicyType').map((p) => ({ PolicyName: p.name, CookieName: p.attributes.find((a) => a.name === 'CookieName')?.value ?? '' })),
    LBCookieStickinessPolicies: sticky('LBCookieStickinessPolicyType').map((p) => {
      const out: ELB.LBCookieStickinessPolicy = { PolicyName: p.name };
      const period = p.attributes.find((a) => a.name === 'CookieExpirationPeriod');
      if (period !== undefined) out.CookieExpirationPeriod = Number(period.value);
      return out;
    }),
    OtherPolicies: lb.policies.filter((p) => p.typeName !== 'AppCookieStickinessPolicyType' && p.typeName !== 'LBCookieStickinessPolicyType').map((p) => p.name),
  };
}

/** A load balancer as DescribeLoadBalancers returns it. */
export function loadBalancerShape(lb: LoadBalancerRecord, region: string, accountId: string): ELB.LoadBalancerDescription {
  const out: ELB.LoadBalancerDescription = {
    LoadBalancerName: lb.name,
    DNSName: lb.dnsName,
    CanonicalHostedZoneName: lb.dnsName,
    CanonicalHostedZoneNameID: hostedZoneId(region),
    ListenerDescriptions: lb.listeners.map(listenerShape),
    Policies: policiesShape(lb),
    BackendServerDescriptions: lb.backends.map((b) => ({ InstancePort: b.instancePort, PolicyNames: [...b.policyNames] })),
    AvailabilityZones: [...lb.zones],
    Subnets: [...lb.subnets],
    Instances: lb.instances.map((m) => ({ InstanceId: m.instanceId })),
    HealthCheck: healthCheckShape(lb.healthCheck),
    SourceSecurityGroup: lb.vpcId === undefined ? { OwnerAlias: 'amazon-elb', GroupName: 'amazon-elb-sg' } : { OwnerAlias: accountId, GroupName: lb.sourceGroupName ?? 'default' },
    SecurityGroups: [...lb.securityGroups],
    CreatedTime: new Date(lb.createdTime),
    Scheme: lb.scheme,
  };
  if (lb.vpcId !== undefined) out.VPCId = lb.vpcId;
  return out;
}

/** An instance's health as DescribeInstanceHealth returns it. */
export function instanceStateShape(m: MemberRecord): ELB.InstanceState {
  return { InstanceId: m.instanceId, State: m.health.state, ReasonCode: m.health.reasonCode, Description: m.health.description };
}

/** Attributes as DescribeLoadBalancerAttributes returns them. */
export function attributesShape(a: AttributesRecord): ELB.LoadBalancerAttributes {
  const accessLog: ELB.AccessLog = { Enabled: a.accessLog.enabled };
  if (a.accessLog.enabled) {
    if (a.accessLog.s3BucketName !== undefined) accessLog.S3BucketName = a.accessLog.s3BucketName;
    if (a.accessLog.emitInterval !== undefined) accessLog.EmitInterval = a.accessLog.emitInterval;
    if (a.accessLog.s3BucketPrefix !== undefined) accessLog.S3BucketPrefix = a.accessLog.s3BucketPrefix;
  }
  return {
    CrossZoneLoadBalancing: { Enabled: a.crossZone },
    AccessLog: accessLog,
    ConnectionDraining: { Enabled: a.connectionDraining.enabled, Timeout: a.connectionDraining.timeout },
    ConnectionSettings: { IdleTimeout: a.idleTimeout },
    AdditionalAttributes: a.additional.map((x) => ({ Key: x.key, Value: x.value })),
  };
}

/** A policy as DescribeLoadBalancerPolicies returns it. */
export function policyShape(p: PolicyRecord): ELB.PolicyDescription {
  return { PolicyName: p.name, PolicyTypeName: p.typeName, PolicyAttributeDescriptions: p.attributes.map((a) => ({ AttributeName: a.name, AttributeValue: a.value })) };
}

/** A policy type as DescribeLoadBalancerPolicyTypes returns it. */
export function policyTypeShape(t: PolicyType): ELB.PolicyTypeDescription {
  return {
    PolicyTypeName: t.name,
    Description: t.description,
    PolicyAttributeTypeDescriptions: t.attributes.map((a) => {
      const out: ELB.PolicyAttributeTypeDescription = { AttributeName: a.name, AttributeType: a.type, Cardinality: a.cardinality };
      if (a.description !== undefined) out.Description = a.description;
      if (a.defaultValue !== undefined) out.DefaultValue = a.defaultValue;
      return out;
    }),
  };
}

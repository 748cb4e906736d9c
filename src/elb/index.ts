/**
 * Elastic Load Balancing (Classic Load Balancers), as boto2's `boto.ec2.elb`.
 *
 * @module
 */
import { regionFunctions } from '../core/service';
import { ELBConnection, ELB_SPEC } from './connection';

export {
  ELBConnection, ELB_SPEC,
  type GetAllLoadBalancersOptions, type CreateLoadBalancerOptions, type CreateLoadBalancerListenersOptions,
  type AccessLogValue, type ConnectionDrainingValue, type ConnectionSettingValue, type LbAttributeInputs, type LbAttributeOutputs,
  type NameList,
} from './connection';
export { PROTOCOLS, SCHEMES, LB_ATTRIBUTE_NAMES, type Protocol, type LbAttributeName } from './checks';
export {
  LoadBalancer, Backend, LoadBalancerZones,
  type LoadBalancerOptions, type BackendOptions, type LoadBalancerZonesOptions, type GetAttributesOptions,
  type CreateListenerOptions, type EnableConnectionDrainingOptions,
} from './loadbalancer';
export { HealthCheck, type HealthCheckOptions } from './healthcheck';
export {
  Listener, type ListenerOptions, type ListenerTuple, type ComplexListenerTuple, type ListenerSpec, type ComplexListenerSpec,
} from './listener';
export {
  AppCookieStickinessPolicy, LBCookieStickinessPolicy, OtherPolicy, Policies,
  type AppCookieStickinessPolicyOptions, type LBCookieStickinessPolicyOptions, type OtherPolicyOptions, type PoliciesOptions,
} from './policies';
export {
  LbAttributes, CrossZoneLoadBalancingAttribute, AccessLogAttribute, ConnectionDrainingAttribute, ConnectionSettingAttribute,
  type LbAttributesOptions, type CrossZoneLoadBalancingAttributeOptions, type AccessLogAttributeOptions,
  type ConnectionDrainingAttributeOptions, type ConnectionSettingAttributeOptions,
} from './attributes';
export { InstanceState, type InstanceStateOptions } from './instancestate';
export { InstanceInfo, type InstanceInfoOptions } from './instanceinfo';
export { SecurityGroup, type SecurityGroupOptions } from './securitygroup';
export { RegionInfo } from '../core/regions';

const fns = regionFunctions(ELB_SPEC, (options) => new ELBConnection(options));
/** Every Elastic Load Balancing region, each a `RegionInfo` that can `connect()`. */
export const regions = fns.regions;
/** A connection to Elastic Load Balancing in the named region (boto2's `boto.ec2.elb.connect_to_region`). */
export const connectToRegion = fns.connectToRegion;

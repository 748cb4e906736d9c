/** Every ELB class prints as boto2's `__repr__`, in String(), util.inspect and inside lists. */
import { inspect } from 'node:util';
import {
  AccessLogAttribute, AppCookieStickinessPolicy, Backend, ConnectionDrainingAttribute, ConnectionSettingAttribute, CrossZoneLoadBalancingAttribute,
  HealthCheck, InstanceInfo, InstanceState, LbAttributes, LBCookieStickinessPolicy, Listener, LoadBalancer, LoadBalancerZones, OtherPolicy,
  Policies, SecurityGroup,
} from '../../src/elb';
import { CERT } from '../helpers/elb';

describe('reprs', () => {
  test('LoadBalancer', () => {
    expect(String(new LoadBalancer({ name: 'my-lb' }))).toBe('LoadBalancer:my-lb');
    expect(String(new LoadBalancer())).toBe('LoadBalancer:None');
    expect(inspect([new LoadBalancer({ name: 'load-balancer-prod' }), new LoadBalancer({ name: 'load-balancer-staging' })]))
      .toBe('[ LoadBalancer:load-balancer-prod, LoadBalancer:load-balancer-staging ]');
  });

  test('HealthCheck', () => {
    expect(String(new HealthCheck({ target: 'HTTP:8080/health' }))).toBe('HealthCheck:HTTP:8080/health');
    expect(inspect(new HealthCheck())).toBe('HealthCheck:None');
  });

  test('Listener, as boto2 formats it: ports, quoted protocols, the certificate unquoted', () => {
    expect(String(new Listener({ loadBalancerPort: 80, instancePort: 8080, protocol: 'HTTP' }))).toBe("(80, 8080, 'HTTP')");
    expect(String(new Listener({ loadBalancerPort: 80, instancePort: 8080, protocol: 'HTTP', instanceProtocol: 'HTTP' }))).toBe("(80, 8080, 'HTTP', 'HTTP')");
    expect(String(new Listener({ loadBalancerPort: 443, instancePort: 443, protocol: 'HTTPS', sslCertificateId: CERT }))).toBe(`(443, 443, 'HTTPS', ${CERT})`);
    expect(String(new Listener({ loadBalancerPort: 443, instancePort: 8443, protocol: 'SSL', instanceProtocol: 'TCP', sslCertificateId: CERT })))
      .toBe(`(443, 8443, 'SSL', 'TCP', ${CERT})`);
    expect(String(new Listener())).toBe("(0, 0, '')");
    const l = new Listener({ loadBalancerPort: 443, instancePort: 8443, protocol: 'SSL', instanceProtocol: 'TCP' });
    expect(l.getTuple()).toEqual([443, 8443, 'SSL']);
    expect(l.getComplexTuple()).toEqual([443, 8443, 'SSL', 'TCP']);
    expect(new Listener({ loadBalancerPort: 80, instancePort: 80, protocol: 'TCP' }).getComplexTuple()).toEqual([80, 80, 'TCP', undefined]);
  });

  test('InstanceState and InstanceInfo', () => {
    expect(String(new InstanceState({ instanceId: 'i-4f8cf126', state: 'InService' }))).toBe('InstanceState:(i-4f8cf126,InService)');
    expect(String(new InstanceState())).toBe('InstanceState:(None,None)');
    expect(String(new InstanceInfo({ id: 'i-4f8cf126' }))).toBe('InstanceInfo:i-4f8cf126');
    expect(String(new InstanceInfo())).toBe('InstanceInfo:None');
  });

  test('policies', () => {
    const app = new AppCookieStickinessPolicy({ policyName: 'my-app-cookie-policy', cookieName: 'JSESSIONID' });
    const lbc = new LBCookieStickinessPolicy({ policyName: 'my-duration-cookie-policy', cookieExpirationPeriod: 60 });
    const other = new OtherPolicy({ policyName: 'ELBSecurityPolicy-2015-05' });
    expect(String(app)).toBe('AppCookieStickiness(my-app-cookie-policy, JSESSIONID)');
    expect(String(lbc)).toBe('LBCookieStickiness(my-duration-cookie-policy, 60)');
    expect(String(new LBCookieStickinessPolicy({ policyName: 'session' }))).toBe('LBCookieStickiness(session, None)');
    expect(String(other)).toBe('OtherPolicy(ELBSecurityPolicy-2015-05)');
    expect(String(new AppCookieStickinessPolicy())).toBe('AppCookieStickiness(None, None)');
    expect(String(new OtherPolicy())).toBe('OtherPolicy(None)');
    expect(String(new Policies())).toBe('Policies(AppCookieStickinessNone,LBCookieStickinessNone,OtherNone)');
    expect(String(new Policies({ appCookieStickinessPolicies: [], lbCookieStickinessPolicies: [lbc], otherPolicies: [other, new OtherPolicy({ policyName: 'proxy' })] })))
      .toBe('Policies(AppCookieStickiness[],LBCookieStickiness[LBCookieStickiness(my-duration-cookie-policy, 60)],Other[OtherPolicy(ELBSecurityPolicy-2015-05), OtherPolicy(proxy)])');
  });

  test('attributes', () => {
    expect(String(new CrossZoneLoadBalancingAttribute({ enabled: true }))).toBe('CrossZoneLoadBalancingAttribute(True)');
    expect(String(new CrossZoneLoadBalancingAttribute({ enabled: false }))).toBe('CrossZoneLoadBalancingAttribute(False)');
    expect(String(new CrossZoneLoadBalancingAttribute())).toBe('CrossZoneLoadBalancingAttribute(None)');
    expect(String(new AccessLogAttribute({ enabled: true, s3BucketName: 'logs', s3BucketPrefix: 'prod', emitInterval: 60 }))).toBe('AccessLog(True, logs, prod, 60)');
    expect(String(new AccessLogAttribute())).toBe('AccessLog(None, None, None, None)');
    expect(String(new ConnectionDrainingAttribute({ enabled: true, timeout: 300 }))).toBe('ConnectionDraining(True, 300)');
    expect(String(new ConnectionDrainingAttribute())).toBe('ConnectionDraining(None, None)');
    expect(String(new ConnectionSettingAttribute({ idleTimeout: 60 }))).toBe('ConnectionSettingAttribute(60)');
    expect(String(new ConnectionSettingAttribute())).toBe('ConnectionSettingAttribute(None)');
    expect(String(new LbAttributes())).toBe('LbAttributes(CrossZoneLoadBalancingAttribute(None), AccessLog(None, None, None, None), ConnectionDraining(None, None), ConnectionSettingAttribute(None))');
    expect(inspect(new LbAttributes({ crossZoneLoadBalancing: new CrossZoneLoadBalancingAttribute({ enabled: true }) })))
      .toBe('LbAttributes(CrossZoneLoadBalancingAttribute(True), AccessLog(None, None, None, None), ConnectionDraining(None, None), ConnectionSettingAttribute(None))');
  });

  test('Backend, SecurityGroup and LoadBalancerZones', () => {
    expect(String(new Backend({ instancePort: 443, policies: [new OtherPolicy({ policyName: 'proxy' }), new OtherPolicy({ policyName: 'auth' })] })))
      .toBe('Backend(443:[OtherPolicy(proxy), OtherPolicy(auth)])');
    expect(String(new Backend())).toBe('Backend(None:None)');
    expect(String(new SecurityGroup({ name: 'amazon-elb-sg', ownerAlias: 'amazon-elb' }))).toBe('SecurityGroup(amazon-elb-sg, amazon-elb)');
    expect(String(new SecurityGroup())).toBe('SecurityGroup(None, None)');
    expect(String(new LoadBalancerZones({ zones: ['us-east-1a', 'us-east-1b'] }))).toBe("LoadBalancerZones(['us-east-1a', 'us-east-1b'])");
    expect(inspect(new LoadBalancerZones())).toBe('LoadBalancerZones([])');
  });

  test('objects with back-references still serialise to JSON', () => {
    const lb = new LoadBalancer({ name: 'my-lb' });
    lb.listeners = [new Listener({ loadBalancer: lb, loadBalancerPort: 80, instancePort: 80, protocol: 'TCP' })];
    const state = new InstanceState({ loadBalancer: lb, instanceId: 'i-1', state: 'InService' });
    expect(lb.listeners[0]?.loadBalancer).toBe(lb);
    expect(state.loadBalancer).toBe(lb);
    expect(JSON.parse(JSON.stringify(lb)).listeners).toEqual([{ loadBalancerPort: 80, instancePort: 80, protocol: 'TCP', policyNames: [] }]);
    expect(JSON.parse(JSON.stringify(state))).toEqual({ state: 'InService', instanceId: 'i-1' });
  });
});

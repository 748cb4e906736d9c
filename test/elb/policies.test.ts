import { LoadBalancer } from '../../src/elb';
import { CERT, elbOnWire, reply, sent } from '../helpers/elb';

describe('stickiness and other policies on the connection', () => {
  test('createAppCookieStickinessPolicy', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateAppCookieStickinessPolicy');
    expect(await conn.createAppCookieStickinessPolicy('my-app-cookie', 'my-lb', 'my-app-cookie-policy')).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateAppCookieStickinessPolicy', {
      CookieName: 'my-app-cookie', LoadBalancerName: 'my-lb', PolicyName: 'my-app-cookie-policy',
    }));
  });

  test('createLbCookieStickinessPolicy with a period, and without one (the browser session)', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLBCookieStickinessPolicy');
    expect(await conn.createLbCookieStickinessPolicy(60, 'my-lb', 'my-duration-cookie-policy')).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLBCookieStickinessPolicy', {
      LoadBalancerName: 'my-lb', PolicyName: 'my-duration-cookie-policy', CookieExpirationPeriod: '60',
    }));
    reply(wire, 'CreateLBCookieStickinessPolicy');
    expect(await conn.createLbCookieStickinessPolicy(null, 'my-lb', 'my-session-cookie-policy')).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLBCookieStickinessPolicy', { LoadBalancerName: 'my-lb', PolicyName: 'my-session-cookie-policy' }));
    reply(wire, 'CreateLBCookieStickinessPolicy');
    await conn.createLbCookieStickinessPolicy(0, 'my-lb', 'zero');
    expect(wire.last.params).toEqual(sent('CreateLBCookieStickinessPolicy', { LoadBalancerName: 'my-lb', PolicyName: 'zero', CookieExpirationPeriod: '0' }));
  });

  test('createLbPolicy sends each attribute; no attributes sends an empty list, as boto2', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancerPolicy');
    expect(await conn.createLbPolicy('my-lb', 'my-ProxyProtocol-policy', 'ProxyProtocolPolicyType', { ProxyProtocol: true })).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerPolicy', {
      LoadBalancerName: 'my-lb',
      PolicyName: 'my-ProxyProtocol-policy',
      PolicyTypeName: 'ProxyProtocolPolicyType',
      'PolicyAttributes.member.1.AttributeName': 'ProxyProtocol',
      'PolicyAttributes.member.1.AttributeValue': 'true',
    }));
    reply(wire, 'CreateLoadBalancerPolicy');
    await conn.createLbPolicy('my-lb', 'my-SSLNegotiation-policy', 'SSLNegotiationPolicyType', { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01', 'Protocol-TLSv1.2': 'true', 'Server-Defined-Cipher-Order': 1 });
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerPolicy', {
      LoadBalancerName: 'my-lb',
      PolicyName: 'my-SSLNegotiation-policy',
      PolicyTypeName: 'SSLNegotiationPolicyType',
      'PolicyAttributes.member.1.AttributeName': 'Reference-Security-Policy',
      'PolicyAttributes.member.1.AttributeValue': 'ELBSecurityPolicy-TLS-1-2-2017-01',
      'PolicyAttributes.member.2.AttributeName': 'Protocol-TLSv1.2',
      'PolicyAttributes.member.2.AttributeValue': 'true',
      'PolicyAttributes.member.3.AttributeName': 'Server-Defined-Cipher-Order',
      'PolicyAttributes.member.3.AttributeValue': '1',
    }));
    reply(wire, 'CreateLoadBalancerPolicy');
    await conn.createLbPolicy('my-lb', 'empty', 'PublicKeyPolicyType', {});
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerPolicy', {
      LoadBalancerName: 'my-lb', PolicyName: 'empty', PolicyTypeName: 'PublicKeyPolicyType', PolicyAttributes: '',
    }));
  });

  test('deleteLbPolicy', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DeleteLoadBalancerPolicy');
    expect(await conn.deleteLbPolicy('my-lb', 'my-duration-cookie-policy')).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancerPolicy', { LoadBalancerName: 'my-lb', PolicyName: 'my-duration-cookie-policy' }));
  });

  test('setLbPoliciesOfListener, and an empty list to take them all off (PolicyNames sent empty, as boto2)', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'SetLoadBalancerPoliciesOfListener');
    expect(await conn.setLbPoliciesOfListener('my-lb', 80, ['my-duration-cookie-policy'])).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesOfListener', {
      LoadBalancerName: 'my-lb', LoadBalancerPort: '80', 'PolicyNames.member.1': 'my-duration-cookie-policy',
    }));
    reply(wire, 'SetLoadBalancerPoliciesOfListener');
    await conn.setLbPoliciesOfListener('my-lb', 80, []);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesOfListener', { LoadBalancerName: 'my-lb', LoadBalancerPort: '80', PolicyNames: '' }));
  });

  test('setLbPoliciesOfBackendServer, and an empty list', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'SetLoadBalancerPoliciesForBackendServer');
    expect(await conn.setLbPoliciesOfBackendServer('my-lb', 443, ['my-ProxyProtocol-policy', 'my-authentication-policy'])).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesForBackendServer', {
      LoadBalancerName: 'my-lb', InstancePort: '443', 'PolicyNames.member.1': 'my-ProxyProtocol-policy', 'PolicyNames.member.2': 'my-authentication-policy',
    }));
    reply(wire, 'SetLoadBalancerPoliciesForBackendServer');
    await conn.setLbPoliciesOfBackendServer('my-lb', 443, []);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesForBackendServer', { LoadBalancerName: 'my-lb', InstancePort: '443', PolicyNames: '' }));
  });

  test('setLbListenerSSLCertificate', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'SetLoadBalancerListenerSSLCertificate');
    expect(await conn.setLbListenerSSLCertificate('my-lb', 443, CERT)).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerListenerSSLCertificate', { LoadBalancerName: 'my-lb', LoadBalancerPort: '443', SSLCertificateId: CERT }));
  });
});

describe('policies on a LoadBalancer', () => {
  test('every policy method sends its load balancer name', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });

    reply(wire, 'CreateLBCookieStickinessPolicy');
    expect(await lb.createCookieStickinessPolicy(3600, 'sticky-hour')).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLBCookieStickinessPolicy', { LoadBalancerName: 'my-lb', PolicyName: 'sticky-hour', CookieExpirationPeriod: '3600' }));

    reply(wire, 'CreateAppCookieStickinessPolicy');
    expect(await lb.createAppCookieStickinessPolicy('JSESSIONID', 'sticky-app')).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateAppCookieStickinessPolicy', { CookieName: 'JSESSIONID', LoadBalancerName: 'my-lb', PolicyName: 'sticky-app' }));

    reply(wire, 'SetLoadBalancerPoliciesOfListener');
    expect(await lb.setPoliciesOfListener(80, ['sticky-app'])).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesOfListener', { LoadBalancerName: 'my-lb', LoadBalancerPort: '80', 'PolicyNames.member.1': 'sticky-app' }));

    reply(wire, 'CreateLoadBalancerPolicy');
    expect(await lb.createLbPolicy('proxy', 'ProxyProtocolPolicyType', { ProxyProtocol: 'true' })).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerPolicy', {
      LoadBalancerName: 'my-lb', PolicyName: 'proxy', PolicyTypeName: 'ProxyProtocolPolicyType',
      'PolicyAttributes.member.1.AttributeName': 'ProxyProtocol', 'PolicyAttributes.member.1.AttributeValue': 'true',
    }));

    reply(wire, 'SetLoadBalancerPoliciesForBackendServer');
    expect(await lb.setPoliciesOfBackendServer(8080, ['proxy'])).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerPoliciesForBackendServer', { LoadBalancerName: 'my-lb', InstancePort: '8080', 'PolicyNames.member.1': 'proxy' }));

    reply(wire, 'SetLoadBalancerListenerSSLCertificate');
    expect(await lb.setListenerSSLCertificate(443, CERT)).toBe(true);
    expect(wire.last.params).toEqual(sent('SetLoadBalancerListenerSSLCertificate', { LoadBalancerName: 'my-lb', LoadBalancerPort: '443', SSLCertificateId: CERT }));

    reply(wire, 'DeleteLoadBalancerPolicy');
    expect(await lb.deletePolicy('sticky-hour')).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancerPolicy', { LoadBalancerName: 'my-lb', PolicyName: 'sticky-hour' }));
    expect(wire.pending).toBe(0);
  });
});

import { inspect } from 'node:util';
import {
  AppCookieStickinessPolicy, Backend, HealthCheck, InstanceInfo, LBCookieStickinessPolicy, Listener, LoadBalancer, OtherPolicy, Policies,
  SecurityGroup,
} from '../../src/elb';
import { CERT, elbOnWire, lbsResult, lbXml, reply, sent, smallLbXml } from '../helpers/elb';

describe('getAllLoadBalancers', () => {
  test('parses every attribute of a load balancer', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([lbXml()]));
    const page = await conn.getAllLoadBalancers({ loadBalancerNames: ['my-loadbalancer'] });
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancers', { 'LoadBalancerNames.member.1': 'my-loadbalancer' }));
    expect(page.nextToken).toBeUndefined();
    expect(page.isTruncated).toBe(false);
    expect(inspect(page)).toBe('[ LoadBalancer:my-loadbalancer ]');
    const lb = page[0] as LoadBalancer;
    expect(lb).toBeInstanceOf(LoadBalancer);
    expect(lb.connection).toBe(conn);
    expect(lb.name).toBe('my-loadbalancer');
    expect(lb.dnsName).toBe('my-loadbalancer-1234567890.us-east-1.elb.amazonaws.com');
    expect(lb.canonicalHostedZoneName).toBe('my-loadbalancer-1234567890.us-east-1.elb.amazonaws.com');
    expect(lb.canonicalHostedZoneNameId).toBe('Z3DZXE0EXAMPLE');
    expect(lb.createdTime).toEqual(new Date('2013-05-24T21:15:31.280Z'));
    expect(lb.scheme).toBe('internet-facing');
    expect(lb.vpcId).toBe('vpc-a01106c2');
    expect(lb.availabilityZones).toEqual(['us-east-1a']);
    expect(lb.subnets).toEqual(['subnet-15aaab61']);
    expect(lb.securityGroups).toEqual(['sg-a61988c3']);

    expect(lb.healthCheck).toBeInstanceOf(HealthCheck);
    const hc = lb.healthCheck as HealthCheck;
    expect({ target: hc.target, interval: hc.interval, timeout: hc.timeout, healthyThreshold: hc.healthyThreshold, unhealthyThreshold: hc.unhealthyThreshold, accessPoint: hc.accessPoint })
      .toEqual({ target: 'HTTP:80/', interval: 90, timeout: 60, healthyThreshold: 2, unhealthyThreshold: 10, accessPoint: 'my-loadbalancer' });
    expect(hc.connection).toBe(conn);

    expect(lb.listeners.map(String)).toEqual(["(80, 80, 'HTTP', 'HTTP')", `(443, 443, 'HTTPS', 'HTTPS', ${CERT})`]);
    const [http, https] = lb.listeners as [Listener, Listener];
    expect({ ...http.toJSON() }).toEqual({ loadBalancerPort: 80, instancePort: 80, protocol: 'HTTP', instanceProtocol: 'HTTP', sslCertificateId: undefined, policyNames: [] });
    expect({ ...https.toJSON() }).toEqual({
      loadBalancerPort: 443, instancePort: 443, protocol: 'HTTPS', instanceProtocol: 'HTTPS', sslCertificateId: CERT, policyNames: ['ELBSecurityPolicy-2015-05'],
    });
    expect(https.loadBalancer).toBe(lb);
    expect(https.getComplexTuple()).toEqual([443, 443, 'HTTPS', 'HTTPS']);

    expect(lb.instances.map(String)).toEqual(['InstanceInfo:i-207d9717', 'InstanceInfo:i-afefb49b']);
    expect(lb.instances.every((i) => i instanceof InstanceInfo && i.state === undefined && i.connection === conn)).toBe(true);

    const policies = lb.policies as Policies;
    expect(policies).toBeInstanceOf(Policies);
    expect(policies.appCookieStickinessPolicies?.[0]).toBeInstanceOf(AppCookieStickinessPolicy);
    expect(policies.appCookieStickinessPolicies?.map((p) => [p.policyName, p.cookieName])).toEqual([['my-app-cookie-policy', 'my-app-cookie']]);
    expect(policies.lbCookieStickinessPolicies?.[0]).toBeInstanceOf(LBCookieStickinessPolicy);
    expect(policies.lbCookieStickinessPolicies?.map((p) => [p.policyName, p.cookieExpirationPeriod])).toEqual([['my-duration-cookie-policy', 60]]);
    expect(policies.otherPolicies?.[0]).toBeInstanceOf(OtherPolicy);
    expect(policies.otherPolicies?.map((p) => p.policyName)).toEqual(['my-ProxyProtocol-policy', 'ELBSecurityPolicy-2015-05']);
    expect(String(policies)).toBe(
      'Policies(AppCookieStickiness[AppCookieStickiness(my-app-cookie-policy, my-app-cookie)],'
      + 'LBCookieStickiness[LBCookieStickiness(my-duration-cookie-policy, 60)],'
      + 'Other[OtherPolicy(my-ProxyProtocol-policy), OtherPolicy(ELBSecurityPolicy-2015-05)])',
    );

    expect(lb.backends).toHaveLength(1);
    expect(lb.backends[0]).toBeInstanceOf(Backend);
    expect(lb.backends[0]?.instancePort).toBe(443);
    expect(lb.backends[0]?.policies?.map((p) => p.policyName)).toEqual(['my-ProxyProtocol-policy']);
    expect(String(lb.backends[0])).toBe('Backend(443:[OtherPolicy(my-ProxyProtocol-policy)])');

    expect(lb.sourceSecurityGroup).toBeInstanceOf(SecurityGroup);
    expect(String(lb.sourceSecurityGroup)).toBe('SecurityGroup(my-elb-sg, 123456789012)');
    expect([lb.sourceSecurityGroup?.name, lb.sourceSecurityGroup?.ownerAlias]).toEqual(['my-elb-sg', '123456789012']);

    // JSON holds the data, not the connection nor the listeners' back-references.
    const json = JSON.parse(JSON.stringify(lb)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'name', 'dnsName', 'listeners', 'healthCheck', 'instances', 'availabilityZones', 'policies', 'securityGroups', 'subnets',
      'scheme', 'vpcId', 'canonicalHostedZoneName', 'canonicalHostedZoneNameId', 'backends', 'sourceSecurityGroup', 'createdTime',
    ]);
    expect(json.createdTime).toBe('2013-05-24T21:15:31.280Z');
  });

  test('a load balancer in EC2-Classic: what the answer leaves out stays empty or undefined', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('load-balancer-prod'), smallLbXml('load-balancer-staging')]));
    const page = await conn.getAllLoadBalancers();
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancers'));
    expect(page.map(String)).toEqual(['LoadBalancer:load-balancer-prod', 'LoadBalancer:load-balancer-staging']);
    const lb = page[0] as LoadBalancer;
    expect([lb.healthCheck, lb.policies, lb.sourceSecurityGroup, lb.vpcId, lb.scheme, lb.canonicalHostedZoneNameId]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([lb.instances, lb.subnets, lb.securityGroups, lb.backends]).toEqual([[], [], [], []]);
    expect(lb.listeners.map(String)).toEqual(["(80, 80, 'TCP', 'TCP')"]);
  });

  test('for await walks every page following NextMarker, and pageSize is sent', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-a'), smallLbXml('lb-b')], 'marker-2'));
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-c')], 'marker-3'));
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-d')], ''));
    const names: string[] = [];
    for await (const lb of conn.getAllLoadBalancers({ pageSize: 2 })) names.push(lb.name as string);
    expect(names).toEqual(['lb-a', 'lb-b', 'lb-c', 'lb-d']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeLoadBalancers', { PageSize: '2' }),
      sent('DescribeLoadBalancers', { PageSize: '2', Marker: 'marker-2' }),
      sent('DescribeLoadBalancers', { PageSize: '2', Marker: 'marker-3' }),
    ]);
  });

  test('await gives one page whose nextToken is the NextMarker; marker (boto2) or nextToken starts from it', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-a')], 'marker-2'));
    const first = await conn.getAllLoadBalancers();
    expect(first.nextToken).toBe('marker-2');
    expect(first.isTruncated).toBe(true);
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-b')]));
    const second = await conn.getAllLoadBalancers({ marker: first.nextToken });
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancers', { Marker: 'marker-2' }));
    expect(second.map(String)).toEqual(['LoadBalancer:lb-b']);
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-b')]));
    await conn.getAllLoadBalancers({ nextToken: 'marker-2' });
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancers', { Marker: 'marker-2' }));
    expect(wire.pending).toBe(0);
  });
});

describe('createLoadBalancer', () => {
  test('in a VPC, with an HTTPS listener, complex listeners, security groups and the internal scheme', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancer', '<DNSName>internal-my-vpc-lb-1234567890.us-east-1.elb.amazonaws.com</DNSName>');
    const lb = await conn.createLoadBalancer('my-vpc-lb', null, [[443, 443, 'https', CERT]], {
      subnets: ['subnet-15aaab61', 'subnet-2bbbcc72'],
      securityGroups: ['sg-a61988c3'],
      scheme: 'internal',
      complexListeners: [[80, 8080, 'http', 'http'], [8443, 8443, 'SSL', 'tcp', CERT]],
    });
    expect(wire.last.params).toEqual(sent('CreateLoadBalancer', {
      LoadBalancerName: 'my-vpc-lb',
      'Listeners.member.1.Protocol': 'HTTPS',
      'Listeners.member.1.LoadBalancerPort': '443',
      'Listeners.member.1.InstancePort': '443',
      'Listeners.member.1.SSLCertificateId': CERT,
      'Listeners.member.2.Protocol': 'HTTP',
      'Listeners.member.2.LoadBalancerPort': '80',
      'Listeners.member.2.InstanceProtocol': 'HTTP',
      'Listeners.member.2.InstancePort': '8080',
      'Listeners.member.3.Protocol': 'SSL',
      'Listeners.member.3.LoadBalancerPort': '8443',
      'Listeners.member.3.InstanceProtocol': 'TCP',
      'Listeners.member.3.InstancePort': '8443',
      'Listeners.member.3.SSLCertificateId': CERT,
      'Subnets.member.1': 'subnet-15aaab61',
      'Subnets.member.2': 'subnet-2bbbcc72',
      'SecurityGroups.member.1': 'sg-a61988c3',
      Scheme: 'internal',
    }));
    expect(String(lb)).toBe('LoadBalancer:my-vpc-lb');
    expect(lb.dnsName).toBe('internal-my-vpc-lb-1234567890.us-east-1.elb.amazonaws.com');
    expect(lb.listeners.map(String)).toEqual([`(443, 443, 'HTTPS', ${CERT})`, "(80, 8080, 'HTTP', 'HTTP')", `(8443, 8443, 'SSL', 'TCP', ${CERT})`]);
    expect(lb.listeners.every((l) => l.loadBalancer === lb && l.connection === conn)).toBe(true);
    expect([lb.availabilityZones, lb.subnets, lb.securityGroups, lb.scheme]).toEqual([[], ['subnet-15aaab61', 'subnet-2bbbcc72'], ['sg-a61988c3'], 'internal']);
  });

  test('takes one zone as a string, and Listener objects as listeners', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancer', '<DNSName>web-1.us-east-1.elb.amazonaws.com</DNSName>');
    const listener = new Listener({ loadBalancerPort: 80, instancePort: 80, protocol: 'http', instanceProtocol: 'http' });
    const lb = await conn.createLoadBalancer('web', 'us-east-1a', [listener]);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancer', {
      LoadBalancerName: 'web',
      'Listeners.member.1.Protocol': 'HTTP',
      'Listeners.member.1.LoadBalancerPort': '80',
      'Listeners.member.1.InstanceProtocol': 'HTTP',
      'Listeners.member.1.InstancePort': '80',
      'AvailabilityZones.member.1': 'us-east-1a',
      Scheme: 'internet-facing',
    }));
    expect(lb.availabilityZones).toEqual(['us-east-1a']);
  });

  test('an answer without a DNS name leaves dnsName undefined', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancer');
    const lb = await conn.createLoadBalancer('web', ['us-east-1a'], [[80, 80, 'tcp']]);
    expect(lb.dnsName).toBeUndefined();
  });
});

describe('listeners and deletion on the connection', () => {
  test('createLoadBalancerListeners sends simple and complex listeners', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancerListeners');
    expect(await conn.createLoadBalancerListeners('my-lb', [[443, 443, 'HTTPS', CERT]], { complexListeners: [[8080, 8080, 'tcp', 'ssl']] })).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerListeners', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'HTTPS',
      'Listeners.member.1.LoadBalancerPort': '443',
      'Listeners.member.1.InstancePort': '443',
      'Listeners.member.1.SSLCertificateId': CERT,
      'Listeners.member.2.Protocol': 'TCP',
      'Listeners.member.2.LoadBalancerPort': '8080',
      'Listeners.member.2.InstanceProtocol': 'SSL',
      'Listeners.member.2.InstancePort': '8080',
    }));
  });

  test('createLoadBalancerListeners with complex listeners only', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'CreateLoadBalancerListeners');
    expect(await conn.createLoadBalancerListeners('my-lb', null, { complexListeners: [[25, 25, 'TCP', 'TCP']] })).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerListeners', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'TCP',
      'Listeners.member.1.LoadBalancerPort': '25',
      'Listeners.member.1.InstanceProtocol': 'TCP',
      'Listeners.member.1.InstancePort': '25',
    }));
  });

  test('deleteLoadBalancerListeners sends the ports', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DeleteLoadBalancerListeners');
    expect(await conn.deleteLoadBalancerListeners('my-lb', [80, 443])).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancerListeners', {
      LoadBalancerName: 'my-lb', 'LoadBalancerPorts.member.1': '80', 'LoadBalancerPorts.member.2': '443',
    }));
  });

  test('deleteLoadBalancer sends the name', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DeleteLoadBalancer');
    expect(await conn.deleteLoadBalancer('my-lb')).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancer', { LoadBalancerName: 'my-lb' }));
  });
});

describe('LoadBalancer listener methods', () => {
  test('createListeners, createListener (tcp and same port by default), deleteListeners, deleteListener', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });

    reply(wire, 'CreateLoadBalancerListeners');
    expect(await lb.createListeners([[80, 8080, 'http'], [443, 443, 'ssl', CERT]])).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerListeners', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'HTTP',
      'Listeners.member.1.LoadBalancerPort': '80',
      'Listeners.member.1.InstancePort': '8080',
      'Listeners.member.2.Protocol': 'SSL',
      'Listeners.member.2.LoadBalancerPort': '443',
      'Listeners.member.2.InstancePort': '443',
      'Listeners.member.2.SSLCertificateId': CERT,
    }));

    reply(wire, 'CreateLoadBalancerListeners');
    expect(await lb.createListener(8000)).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerListeners', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'TCP',
      'Listeners.member.1.LoadBalancerPort': '8000',
      'Listeners.member.1.InstancePort': '8000',
    }));

    reply(wire, 'CreateLoadBalancerListeners');
    expect(await lb.createListener(81, { outPort: 8081, proto: 'http' })).toBe(true);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancerListeners', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'HTTP',
      'Listeners.member.1.LoadBalancerPort': '81',
      'Listeners.member.1.InstancePort': '8081',
    }));

    reply(wire, 'DeleteLoadBalancerListeners');
    expect(await lb.deleteListeners([80, 443])).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancerListeners', {
      LoadBalancerName: 'my-lb', 'LoadBalancerPorts.member.1': '80', 'LoadBalancerPorts.member.2': '443',
    }));

    reply(wire, 'DeleteLoadBalancerListeners');
    expect(await lb.deleteListener(8000)).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancerListeners', { LoadBalancerName: 'my-lb', 'LoadBalancerPorts.member.1': '8000' }));
    expect(wire.pending).toBe(0);
  });

  test('a load balancer without a connection says how to get one, and sends nothing', async () => {
    await expect(new LoadBalancer({ name: 'lonely' }).delete()).rejects.toThrow(/^LoadBalancer:lonely has no connection/);
  });
});

/**
 * Every input rule of the ELB calls: each rejects with a BotoClientError carrying the
 * exact message, and nothing is sent.
 */
import { BotoClientError } from '../../src/core';
import {
  AccessLogAttribute, ConnectionDrainingAttribute, HealthCheck, Listener, LoadBalancer, type ELBConnection, type HealthCheckOptions,
} from '../../src/elb';
import { CERT, elbOnWire, reply, sent } from '../helpers/elb';
import type { WireMock } from '../helpers/wire';

let wire: WireMock;
let conn: ELBConnection;

beforeEach(() => {
  ({ wire, conn } = elbOnWire());
});

afterEach(() => {
  expect(wire.requests).toHaveLength(0);
});

async function rejectsWith(call: PromiseLike<unknown>, message: string): Promise<void> {
  const err = await Promise.resolve(call).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BotoClientError);
  expect((err as BotoClientError).message).toBe(message);
}

const NAME_RULE = 'must be letters, digits and hyphens, not starting or ending with a hyphen, got';

describe('load balancer names: 1 to 32 letters, digits and hyphens, no hyphen first or last', () => {
  test.each([
    ['', 'name is required'],
    ['a'.repeat(33), 'name must be 1 to 32 characters long, got 33'],
    ['-my-lb', `name ${NAME_RULE} "-my-lb"`],
    ['my-lb-', `name ${NAME_RULE} "my-lb-"`],
    ['my_lb', `name ${NAME_RULE} "my_lb"`],
    ['my.lb', `name ${NAME_RULE} "my.lb"`],
    ['my lb', `name ${NAME_RULE} "my lb"`],
  ])('createLoadBalancer(%j)', async (name, message) => {
    await rejectsWith(conn.createLoadBalancer(name, ['us-east-1a'], [[80, 80, 'http']]), message);
  });

  test('each call names its own parameter', async () => {
    await rejectsWith(conn.deleteLoadBalancer('bad_name'), `name ${NAME_RULE} "bad_name"`);
    await rejectsWith(conn.registerInstances('bad_name', ['i-1']), `loadBalancerName ${NAME_RULE} "bad_name"`);
    await rejectsWith(conn.getAllLbAttributes('-x'), `loadBalancerName ${NAME_RULE} "-x"`);
    await rejectsWith(conn.deleteLbPolicy('x-', 'p'), `lbName ${NAME_RULE} "x-"`);
    await rejectsWith(conn.getAllLoadBalancers({ loadBalancerNames: ['ok', 'not_ok'] }), `loadBalancerNames[1] ${NAME_RULE} "not_ok"`);
    await rejectsWith(conn.describeInstanceHealth('a'.repeat(40)), 'loadBalancerName must be 1 to 32 characters long, got 40');
    await rejectsWith(new LoadBalancer({ connection: conn }).delete(), 'ELBConnection.deleteLoadBalancer(name, { signal, requestTimeout }): `name` is required');
  });

  test('32 characters, digits and inner hyphens are fine', async () => {
    // On a connection of its own: this suite's wire must stay silent.
    const ok = elbOnWire();
    const name = `a1-${'b'.repeat(28)}9`;
    expect(name).toHaveLength(32);
    reply(ok.wire, 'DeleteLoadBalancer');
    expect(await ok.conn.deleteLoadBalancer(name)).toBe(true);
    expect(ok.wire.last.params).toEqual(sent('DeleteLoadBalancer', { LoadBalancerName: name }));
  });
});

describe('a new load balancer', () => {
  test('needs at least one zone or subnet', async () => {
    await rejectsWith(conn.createLoadBalancer('my-lb', [], [[80, 80, 'http']]), 'zones or subnets must list at least one item');
    await rejectsWith(conn.createLoadBalancer('my-lb', null, [[80, 80, 'http']], { subnets: [] }), 'zones or subnets must list at least one item');
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a', ''], [[80, 80, 'http']]), 'zones[1] is required');
    await rejectsWith(conn.createLoadBalancer('my-lb', null, [[80, 80, 'http']], { subnets: ['subnet-1', ''] }), 'subnets[1] is required');
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], [[80, 80, 'http']], { securityGroups: [''] }), 'securityGroups[0] is required');
  });

  test('needs a listener', async () => {
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a']), 'listeners or complexListeners is required');
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], []), 'listeners or complexListeners is required');
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], null, { complexListeners: [] }), 'listeners or complexListeners is required');
    await rejectsWith(conn.createLoadBalancerListeners('my-lb'), 'listeners or complexListeners is required');
  });

  test('scheme is internet-facing or internal', async () => {
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], [[80, 80, 'http']], { scheme: 'public' }),
      'scheme must be one of internet-facing, internal; got "public"');
  });
});

describe('listeners: protocols HTTP, HTTPS, TCP and SSL, ports 1 to 65535, a certificate for HTTPS and SSL', () => {
  const create = (listeners: (readonly (string | number)[] | Listener)[]): Promise<unknown> => conn.createLoadBalancer('my-lb', ['us-east-1a'], listeners);

  test.each<[readonly (string | number)[], string]>([
    [[80, 80, 'ftp'], 'listeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "ftp"'],
    [[80, 80, 'UDP'], 'listeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "UDP"'],
    [[80, 80, 7], 'listeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "7"'],
    [[80, 80], 'listeners[0].protocol is required'],
    [[0, 80, 'http'], 'listeners[0].loadBalancerPort must be an integer from 1 to 65535, got 0'],
    [[65536, 80, 'http'], 'listeners[0].loadBalancerPort must be an integer from 1 to 65535, got 65536'],
    [[80, 65536, 'http'], 'listeners[0].instancePort must be an integer from 1 to 65535, got 65536'],
    [[80, 0, 'tcp'], 'listeners[0].instancePort must be an integer from 1 to 65535, got 0'],
    [[80.5, 80, 'tcp'], 'listeners[0].loadBalancerPort must be an integer from 1 to 65535, got 80.5'],
    [['eighty', 80, 'tcp'], 'listeners[0].loadBalancerPort must be a number or a numeric string, got "eighty"'],
    [[443, 443, 'https'], 'listeners[0].sslCertificateId is required for protocol HTTPS'],
    [[443, 443, 'SSL', ''], 'listeners[0].sslCertificateId is required for protocol SSL'],
  ])('%j', async (listener, message) => {
    await rejectsWith(create([listener]), message);
  });

  test('the second listener is named by its index', async () => {
    await rejectsWith(create([[80, 80, 'http'], [443, 443, 'HTTPS']]), 'listeners[1].sslCertificateId is required for protocol HTTPS');
  });

  test('a listener that is not a tuple or a Listener', async () => {
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], ['80:8080' as unknown as [number, number, string]]),
      'listeners[0] must be a listener tuple such as [80, 8080, \'http\'] or a Listener, got "80:8080"');
  });

  test('Listener objects are checked the same way', async () => {
    await rejectsWith(create([new Listener({ loadBalancerPort: 80, instancePort: 80, protocol: 'gopher' })]), 'listeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "gopher"');
    await rejectsWith(create([new Listener({ loadBalancerPort: 443, instancePort: 443, protocol: 'https' })]), 'listeners[0].sslCertificateId is required for protocol HTTPS');
    await rejectsWith(create([new Listener({ instancePort: 80, protocol: 'http' })]), 'listeners[0].loadBalancerPort must be an integer from 1 to 65535, got 0');
    await rejectsWith(create([new Listener({ loadBalancerPort: 80, instancePort: 80, protocol: 'http', instanceProtocol: 'tcp' })]),
      'listeners[0].instanceProtocol must be one of HTTP, HTTPS; got "TCP"');
  });

  test.each<[readonly (string | number)[], string]>([
    [[80, 80, 'http'], 'complexListeners[0].instanceProtocol is required'],
    [[80, 80, 'http', 'smtp'], 'complexListeners[0].instanceProtocol must be one of HTTP, HTTPS, TCP, SSL; got "smtp"'],
    [[80, 80, 'http', 'tcp'], 'complexListeners[0].instanceProtocol must be one of HTTP, HTTPS; got "TCP"'],
    [[443, 443, 'ssl', 'https', CERT], 'complexListeners[0].instanceProtocol must be one of TCP, SSL; got "HTTPS"'],
    [[443, 443, 'https', 'http'], 'complexListeners[0].sslCertificateId is required for protocol HTTPS'],
    [[443, 443, 'ftp', 'tcp'], 'complexListeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "ftp"'],
    [[1, 99999, 'tcp', 'tcp'], 'complexListeners[0].instancePort must be an integer from 1 to 65535, got 99999'],
  ])('complex %j', async (listener, message) => {
    await rejectsWith(conn.createLoadBalancer('my-lb', ['us-east-1a'], null, { complexListeners: [listener] }), message);
    await rejectsWith(conn.createLoadBalancerListeners('my-lb', null, { complexListeners: [listener] }), message);
  });

  test('LoadBalancer.createListener and createListeners', async () => {
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    await rejectsWith(lb.createListener(0), 'listeners[0].loadBalancerPort must be an integer from 1 to 65535, got 0');
    await rejectsWith(lb.createListener(443, { proto: 'https' }), 'listeners[0].sslCertificateId is required for protocol HTTPS');
    await rejectsWith(lb.createListener(80, { proto: 'quic' }), 'listeners[0].protocol must be one of HTTP, HTTPS, TCP, SSL; got "quic"');
    await rejectsWith(lb.createListeners([]), 'listeners or complexListeners is required');
  });

  test('ports to delete', async () => {
    await rejectsWith(conn.deleteLoadBalancerListeners('my-lb', []), 'ports must list at least one item');
    await rejectsWith(conn.deleteLoadBalancerListeners('my-lb', [80, 0]), 'ports[1] must be an integer from 1 to 65535, got 0');
    await rejectsWith(new LoadBalancer({ connection: conn, name: 'my-lb' }).deleteListener(70000), 'ports[0] must be an integer from 1 to 65535, got 70000');
  });
});

describe('health checks', () => {
  const configure = (o: HealthCheckOptions): Promise<unknown> => conn.configureHealthCheck('my-lb', new HealthCheck(o));

  test.each<[HealthCheckOptions, string]>([
    [{}, 'healthCheck.target is required'],
    [{ target: 'HTTP:80' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "HTTP:80"'],
    [{ target: 'HTTPS:443' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "HTTPS:443"'],
    [{ target: 'TCP:80/health' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "TCP:80/health"'],
    [{ target: 'UDP:53' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "UDP:53"'],
    [{ target: 'HTTP:/health' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "HTTP:/health"'],
    [{ target: 'HTTP:80/my health' }, 'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "HTTP:80/my health"'],
    [{ target: 'TCP:0' }, 'healthCheck.target port must be an integer from 1 to 65535, got 0'],
    [{ target: 'HTTP:70000/' }, 'healthCheck.target port must be an integer from 1 to 65535, got 70000'],
    [{ target: `HTTP:80/${'a'.repeat(1017)}` }, 'healthCheck.target must be 1 to 1024 characters long, got 1025'],
    [{ target: 'TCP:80', interval: 4 }, 'healthCheck.interval must be an integer from 5 to 300, got 4'],
    [{ target: 'TCP:80', interval: 301 }, 'healthCheck.interval must be an integer from 5 to 300, got 301'],
    [{ target: 'TCP:80', interval: 30.5 }, 'healthCheck.interval must be an integer from 5 to 300, got 30.5'],
    [{ target: 'TCP:80', timeout: 1 }, 'healthCheck.timeout must be an integer from 2 to 60, got 1'],
    [{ target: 'TCP:80', interval: 300, timeout: 61 }, 'healthCheck.timeout must be an integer from 2 to 60, got 61'],
    [{ target: 'TCP:80', interval: 10, timeout: 10 }, 'healthCheck.timeout (10) must be less than healthCheck.interval (10)'],
    [{ target: 'TCP:80', interval: 5, timeout: 6 }, 'healthCheck.timeout (6) must be less than healthCheck.interval (5)'],
    [{ target: 'TCP:80', healthyThreshold: 1 }, 'healthCheck.healthyThreshold must be an integer from 2 to 10, got 1'],
    [{ target: 'TCP:80', healthyThreshold: 11 }, 'healthCheck.healthyThreshold must be an integer from 2 to 10, got 11'],
    [{ target: 'TCP:80', unhealthyThreshold: 1 }, 'healthCheck.unhealthyThreshold must be an integer from 2 to 10, got 1'],
    [{ target: 'TCP:80', unhealthyThreshold: 11 }, 'healthCheck.unhealthyThreshold must be an integer from 2 to 10, got 11'],
  ])('%j', async (options, message) => {
    await rejectsWith(configure(options), message);
  });

  test('a health check is required; update() and LoadBalancer.configureHealthCheck check the same way', async () => {
    await rejectsWith(conn.configureHealthCheck('my-lb', undefined as unknown as HealthCheck), 'ELBConnection.configureHealthCheck(name, healthCheck, { signal, requestTimeout }): `healthCheck` is required');
    const hc = new HealthCheck({ connection: conn, accessPoint: 'my-lb', target: 'TCP:80', interval: 400 });
    await rejectsWith(hc.update(), 'healthCheck.interval must be an integer from 5 to 300, got 400');
    await rejectsWith(new LoadBalancer({ connection: conn, name: 'my-lb' }).configureHealthCheck(new HealthCheck({ target: 'ICMP' })),
      'healthCheck.target must be TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path, got "ICMP"');
  });
});

describe('instances, zones, subnets and security groups: non-empty lists', () => {
  test('instances', async () => {
    await rejectsWith(conn.registerInstances('my-lb', []), 'instances must list at least one item');
    await rejectsWith(conn.registerInstances('my-lb', ''), 'instances is required');
    await rejectsWith(conn.deregisterInstances('my-lb', ['i-1', '']), 'instances[1] is required');
    await rejectsWith(conn.describeInstanceHealth('my-lb', ['']), 'instances[0] is required');
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    await rejectsWith(lb.registerInstances([]), 'instances must list at least one item');
    await rejectsWith(lb.deregisterInstances([]), 'instances must list at least one item');
  });

  test('zones', async () => {
    await rejectsWith(conn.enableAvailabilityZones('my-lb', []), 'zonesToAdd must list at least one item');
    await rejectsWith(conn.disableAvailabilityZones('my-lb', []), 'zonesToRemove must list at least one item');
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    await rejectsWith(lb.enableZones([]), 'zonesToAdd must list at least one item');
    await rejectsWith(lb.disableZones(''), 'zonesToRemove is required');
  });

  test('subnets and security groups', async () => {
    await rejectsWith(conn.attachLbToSubnets('my-lb', []), 'subnets must list at least one item');
    await rejectsWith(conn.detachLbFromSubnets('my-lb', ['']), 'subnets[0] is required');
    await rejectsWith(conn.applySecurityGroupsToLb('my-lb', []), 'securityGroups must list at least one item');
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    await rejectsWith(lb.attachSubnets([]), 'subnets must list at least one item');
    await rejectsWith(lb.detachSubnets([]), 'subnets must list at least one item');
    await rejectsWith(lb.applySecurityGroups([]), 'securityGroups must list at least one item');
  });
});

describe('policies and certificates', () => {
  test('cookie expiration period is a non-negative integer', async () => {
    await rejectsWith(conn.createLbCookieStickinessPolicy(-1, 'my-lb', 'p'), 'cookieExpirationPeriod must be a non-negative integer, got -1');
    await rejectsWith(conn.createLbCookieStickinessPolicy(1.5, 'my-lb', 'p'), 'cookieExpirationPeriod must be a non-negative integer, got 1.5');
    await rejectsWith(new LoadBalancer({ connection: conn, name: 'my-lb' }).createCookieStickinessPolicy(-60, 'p'), 'cookieExpirationPeriod must be a non-negative integer, got -60');
  });

  test('names of cookies, policies and types are required', async () => {
    await rejectsWith(conn.createLbCookieStickinessPolicy(60, 'my-lb', ''), 'policyName is required');
    await rejectsWith(conn.createAppCookieStickinessPolicy('', 'my-lb', 'p'), 'name is required');
    await rejectsWith(conn.createAppCookieStickinessPolicy('JSESSIONID', 'my-lb', ''), 'policyName is required');
    await rejectsWith(conn.createLbPolicy('my-lb', '', 'ProxyProtocolPolicyType', {}), 'policyName is required');
    await rejectsWith(conn.createLbPolicy('my-lb', 'p', '', {}), 'policyType is required');
    await rejectsWith(conn.createLbPolicy('my-lb', 'p', 'T', undefined as unknown as Record<string, string>), 'ELBConnection.createLbPolicy(lbName, policyName, policyType, policyAttributes, { signal, requestTimeout }): `policyAttributes` is required');
    await rejectsWith(conn.createLbPolicy('my-lb', 'p', 'T', { ProxyProtocol: {} as unknown as string }), 'policyAttributes["ProxyProtocol"] must be a string or a number, got an object');
    await rejectsWith(conn.deleteLbPolicy('my-lb', ''), 'policyName is required');
  });

  test('ports and policy lists of listeners and back ends', async () => {
    await rejectsWith(conn.setLbPoliciesOfListener('my-lb', 0, []), 'lbPort must be an integer from 1 to 65535, got 0');
    await rejectsWith(conn.setLbPoliciesOfListener('my-lb', 80, undefined as unknown as string[]), 'ELBConnection.setLbPoliciesOfListener(lbName, lbPort, policies, { signal, requestTimeout }): `policies` is required');
    await rejectsWith(conn.setLbPoliciesOfListener('my-lb', 80, ['']), 'policies[0] is required');
    await rejectsWith(conn.setLbPoliciesOfBackendServer('my-lb', 70000, []), 'instancePort must be an integer from 1 to 65535, got 70000');
    await rejectsWith(conn.setLbPoliciesOfBackendServer('my-lb', 443, ['p', '']), 'policies[1] is required');
    await rejectsWith(conn.setLbListenerSSLCertificate('my-lb', 0, CERT), 'lbPort must be an integer from 1 to 65535, got 0');
    await rejectsWith(conn.setLbListenerSSLCertificate('my-lb', 443, ''), 'sslCertificateId is required');
  });
});

describe('attributes', () => {
  const KNOWN = 'crossZoneLoadBalancing, accessLog, connectionDraining, connectingSettings, connectionSettings';

  test('attribute names are the known ones', async () => {
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'stickiness' as 'accessLog', new AccessLogAttribute()), `attribute must be one of ${KNOWN}; got "stickiness"`);
    await rejectsWith(conn.getLbAttribute('my-lb', 'idleTimeout' as 'accessLog'), `attribute must be one of ${KNOWN}; got "idleTimeout"`);
    await rejectsWith(conn.getLbAttribute('my-lb', '' as 'accessLog'), 'attribute is required');
  });

  test('values', async () => {
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'crossZoneLoadBalancing', 'yes' as 'true'), 'value must be one of true, false; got "yes"');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'crossZoneLoadBalancing', undefined as unknown as boolean), 'ELBConnection.modifyLbAttribute(loadBalancerName, attribute, value, { signal, requestTimeout }): `value` is required');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'connectionDraining', new ConnectionDrainingAttribute({ enabled: true, timeout: 0 })),
      'value.timeout must be an integer from 1 to 3600, got 0');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'connectionDraining', { enabled: true, timeout: 3601 }), 'value.timeout must be an integer from 1 to 3600, got 3601');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'connectingSettings', {}), 'value.idleTimeout is required');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'connectionSettings', { idleTimeout: 3601 }), 'value.idleTimeout must be an integer from 1 to 3600, got 3601');
    await rejectsWith(conn.modifyLbAttribute('my-lb', 'accessLog', { enabled: true, emitInterval: 0 }), 'value.emitInterval must be a positive integer, got 0');
  });

  test('LoadBalancer.enableConnectionDraining timeout', async () => {
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    await rejectsWith(lb.enableConnectionDraining({ timeout: 0 }), 'timeout must be an integer from 1 to 3600, got 0');
    await rejectsWith(lb.enableConnectionDraining({ timeout: 3601 }), 'timeout must be an integer from 1 to 3600, got 3601');
  });
});

describe('listing', () => {
  test('pageSize, marker and nextToken', async () => {
    await rejectsWith(conn.getAllLoadBalancers({ pageSize: 0 }), 'pageSize must be an integer from 1 to 400, got 0');
    await rejectsWith(conn.getAllLoadBalancers({ pageSize: 401 }), 'pageSize must be an integer from 1 to 400, got 401');
    await rejectsWith(conn.getAllLoadBalancers({ marker: 'a', nextToken: 'b' }), 'marker and nextToken cannot be given together');
  });
});

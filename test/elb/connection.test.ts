import { inspect } from 'node:util';
import { BotoClientError, BotoConfig, RegionInfo } from '../../src/core';
import * as elb from '../../src/elb';
import { ELB_SPEC, ELBConnection } from '../../src/elb';
import { ACCESS_KEY, elbOnWire, lbsResult, lbXml, reply, SECRET_KEY, sent } from '../helpers/elb';
import { WireMock } from '../helpers/wire';

describe('ELB connection and module', () => {
  test('the service spec and API version', () => {
    expect({ ...ELB_SPEC, createClient: typeof ELB_SPEC.createClient, endpointRuleset: typeof ELB_SPEC.endpointRuleset }).toEqual({
      name: 'elb', endpointPrefix: 'elasticloadbalancing', envEndpointName: 'ELASTIC_LOAD_BALANCING',
      botoRegionKey: 'elb_region_name', botoEndpointKey: 'elb_region_endpoint', createClient: 'function', endpointRuleset: 'function',
    });
    expect(ELBConnection.APIVersion).toBe('2012-06-01');
  });

  test('prints as boto2 and defaults to us-east-1', () => {
    const conn = new ELBConnection(ACCESS_KEY, SECRET_KEY, { env: {} });
    expect(String(conn)).toBe('ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com');
    expect(inspect(conn)).toBe('ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com');
    expect(conn.endpoint).toBe('https://elasticloadbalancing.us-east-1.amazonaws.com');
    expect(conn.awsAccessKeyId).toBe(ACCESS_KEY);
    expect(conn.provenance).toEqual({ region: 'default', endpoint: 'default', credentials: 'arguments' });
  });

  test('accepts (options) alone', () => {
    const conn = new ELBConnection({ region: 'ap-southeast-2', env: {} });
    expect(conn.host).toBe('elasticloadbalancing.ap-southeast-2.amazonaws.com');
    expect(conn.region.name).toBe('ap-southeast-2');
  });

  test('the SDK client is created on the first call only', async () => {
    const { wire, conn } = elbOnWire();
    const spy = jest.spyOn(ELB_SPEC, 'createClient');
    try {
      const lbs = conn.getAllLoadBalancers();
      expect(spy).not.toHaveBeenCalled();
      reply(wire, 'DescribeLoadBalancers', lbsResult([]));
      expect(await lbs).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(wire.last.params).toEqual(sent('DescribeLoadBalancers'));
    } finally {
      spy.mockRestore();
    }
  });

  test('regions() lists RegionInfo objects for elasticloadbalancing endpoints', () => {
    const all = elb.regions();
    expect(all.length).toBeGreaterThan(20);
    const usw2 = all.find((r) => r.name === 'us-west-2');
    expect(usw2).toBeInstanceOf(RegionInfo);
    expect(String(usw2)).toBe('RegionInfo:us-west-2');
    expect(usw2?.endpoint).toBe('elasticloadbalancing.us-west-2.amazonaws.com');
    const conn = all.at(-1)?.connect({ env: {} });
    expect(conn).toBeInstanceOf(ELBConnection);
    expect(String(conn)).toBe(`ELBConnection:elasticloadbalancing.${all.at(-1)?.name}.amazonaws.com${all.at(-1)?.name.startsWith('cn-') ? '.cn' : ''}`);
  });

  test("connectToRegion('us-west-2') as in the tutorial, and a signed call through it", async () => {
    const wire = new WireMock();
    const conn = elb.connectToRegion('us-west-2', { credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, requestHandler: wire.handler, env: {} });
    expect(String(conn)).toBe('ELBConnection:elasticloadbalancing.us-west-2.amazonaws.com');
    reply(wire, 'DescribeLoadBalancers', lbsResult([lbXml({ name: 'load-balancer-prod' })]));
    const lbs = await conn.getAllLoadBalancers({ loadBalancerNames: ['load-balancer-prod'] });
    expect(lbs.map(String)).toEqual(['LoadBalancer:load-balancer-prod']);
    expect(wire.last.headers.host).toBe('elasticloadbalancing.us-west-2.amazonaws.com');
    expect(wire.last.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/elasticloadbalancing\/aws4_request/);
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancers', { 'LoadBalancerNames.member.1': 'load-balancer-prod' }));
  });

  test('conn.region.connect() makes another ELBConnection', () => {
    const conn = new ELBConnection({ region: 'eu-west-1', env: {} });
    const again = conn.region.connect({ env: {} });
    expect(again).toBeInstanceOf(ELBConnection);
    expect(again.host).toBe('elasticloadbalancing.eu-west-1.amazonaws.com');
  });

  test('connectToRegion with an unknown name lists the known ones', () => {
    expect(() => elb.connectToRegion('us-nowhere-1')).toThrow(BotoClientError);
    expect(() => elb.connectToRegion('us-nowhere-1')).toThrow(/^unknown region "us-nowhere-1"; known regions: af-south-1, ap-east-1, .*, us-east-1, .*, eusc-de-east-1, .*us-gov-west-1$/);
  });

  test('boto config elb_region_name and elb_region_endpoint are honoured', () => {
    const botoConfig = new BotoConfig({ Boto: { elb_region_name: 'eu-west-1' } });
    const conn = new ELBConnection(ACCESS_KEY, SECRET_KEY, { botoConfig, env: {} });
    expect(String(conn)).toBe('ELBConnection:elasticloadbalancing.eu-west-1.amazonaws.com');
    expect(conn.provenance.region).toBe('boto config');

    const withEndpoint = new ELBConnection(ACCESS_KEY, SECRET_KEY, {
      botoConfig: new BotoConfig({ Boto: { elb_region_name: 'eu-west-1', elb_region_endpoint: 'elasticloadbalancing.eu-west-1.amazonaws.com' } }),
      env: {},
    });
    expect(withEndpoint.endpoint).toBe('https://elasticloadbalancing.eu-west-1.amazonaws.com');
    expect(withEndpoint.provenance).toMatchObject({ region: 'boto config', endpoint: 'boto config' });

    // Only the endpoint: the region is the one the host names, as boto2 signs for it.
    const onlyEndpoint = new ELBConnection(ACCESS_KEY, SECRET_KEY, {
      botoConfig: new BotoConfig({ Boto: { elb_region_endpoint: 'elasticloadbalancing.ap-northeast-1.amazonaws.com' } }),
      env: {},
    });
    expect(onlyEndpoint.region.name).toBe('ap-northeast-1');
    expect(onlyEndpoint.provenance).toMatchObject({ region: 'endpoint', endpoint: 'boto config' });
  });

  test('AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING is honoured', async () => {
    const wire = new WireMock();
    const conn = new ELBConnection(ACCESS_KEY, SECRET_KEY, { requestHandler: wire.handler, env: { AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING: 'http://localhost:4566' } });
    reply(wire, 'DescribeLoadBalancers', lbsResult([]));
    await conn.getAllLoadBalancers();
    expect(wire.last.headers.host).toBe('localhost:4566');
    expect(String(conn)).toBe('ELBConnection:localhost:4566');
  });

  test('the secret never shows in what a connection or its objects print', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([lbXml()]));
    const page = await conn.getAllLoadBalancers();
    const lb = page[0] as elb.LoadBalancer;
    for (const text of [
      inspect(conn, { showHidden: true, depth: 10 }), JSON.stringify(conn), String(conn),
      inspect(page, { showHidden: true, depth: 10 }), JSON.stringify(page), JSON.stringify(lb),
    ]) {
      expect(text).not.toContain(SECRET_KEY);
    }
    expect(JSON.stringify(lb)).not.toContain('connection');
  });

  test('the module exports', () => {
    expect(Object.keys(elb).sort()).toEqual([
      'AccessLogAttribute', 'AppCookieStickinessPolicy', 'Backend', 'ConnectionDrainingAttribute', 'ConnectionSettingAttribute',
      'CrossZoneLoadBalancingAttribute', 'ELBConnection', 'ELB_SPEC', 'HealthCheck', 'InstanceInfo', 'InstanceState',
      'LBCookieStickinessPolicy', 'LB_ATTRIBUTE_NAMES', 'LbAttributes', 'Listener', 'LoadBalancer', 'LoadBalancerZones',
      'OtherPolicy', 'PROTOCOLS', 'Policies', 'RegionInfo', 'SCHEMES', 'SecurityGroup', 'connectToRegion', 'regions',
    ]);
    expect(elb.PROTOCOLS).toEqual(['HTTP', 'HTTPS', 'TCP', 'SSL']);
    expect(elb.SCHEMES).toEqual(['internet-facing', 'internal']);
    expect(elb.LB_ATTRIBUTE_NAMES).toEqual(['crossZoneLoadBalancing', 'accessLog', 'connectionDraining', 'connectingSettings', 'connectionSettings']);
  });
});

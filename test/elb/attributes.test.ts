import {
  AccessLogAttribute, ConnectionDrainingAttribute, ConnectionSettingAttribute, CrossZoneLoadBalancingAttribute, LbAttributes, LoadBalancer,
} from '../../src/elb';
import { attributesResult, elbOnWire, reply, sent } from '../helpers/elb';

const MODIFIED = '<LoadBalancerName>my-lb</LoadBalancerName><LoadBalancerAttributes/>';

describe('reading attributes', () => {
  test('getAllLbAttributes parses every attribute', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    const a = await conn.getAllLbAttributes('my-lb');
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancerAttributes', { LoadBalancerName: 'my-lb' }));
    expect(a).toBeInstanceOf(LbAttributes);
    expect(a.crossZoneLoadBalancing).toBeInstanceOf(CrossZoneLoadBalancingAttribute);
    expect(a.crossZoneLoadBalancing.enabled).toBe(true);
    expect(a.accessLog).toBeInstanceOf(AccessLogAttribute);
    expect({ ...a.accessLog.toJSON() }).toEqual({ enabled: true, s3BucketName: 'my-loadbalancer-logs', s3BucketPrefix: 'testprefix', emitInterval: 5 });
    expect(a.connectionDraining).toBeInstanceOf(ConnectionDrainingAttribute);
    expect({ ...a.connectionDraining.toJSON() }).toEqual({ enabled: true, timeout: 300 });
    expect(a.connectingSettings).toBeInstanceOf(ConnectionSettingAttribute);
    expect(a.connectingSettings.idleTimeout).toBe(30);
    expect(a.connectionSettings).toBe(a.connectingSettings);
    expect(a.connection).toBe(conn);
    expect(String(a)).toBe('LbAttributes(CrossZoneLoadBalancingAttribute(True), AccessLog(True, my-loadbalancer-logs, testprefix, 5), ConnectionDraining(True, 300), ConnectionSettingAttribute(30))');
  });

  test('an answer without some attributes leaves them None', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancerAttributes', '<LoadBalancerAttributes><CrossZoneLoadBalancing><Enabled>false</Enabled></CrossZoneLoadBalancing></LoadBalancerAttributes>');
    const a = await conn.getAllLbAttributes('my-lb');
    expect(String(a)).toBe('LbAttributes(CrossZoneLoadBalancingAttribute(False), AccessLog(None, None, None, None), ConnectionDraining(None, None), ConnectionSettingAttribute(None))');
  });

  test('getLbAttribute answers with the one attribute, by boto2 name in any case', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult({ crossZone: false }));
    expect(await conn.getLbAttribute('my-lb', 'crossZoneLoadBalancing')).toBe(false);
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancerAttributes', { LoadBalancerName: 'my-lb' }));

    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    const log = await conn.getLbAttribute('my-lb', 'accessLog');
    expect(String(log)).toBe('AccessLog(True, my-loadbalancer-logs, testprefix, 5)');

    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    const draining = await conn.getLbAttribute('my-lb', 'connectionDraining');
    expect([draining.enabled, draining.timeout]).toEqual([true, 300]);

    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    expect((await conn.getLbAttribute('my-lb', 'connectingSettings')).idleTimeout).toBe(30);
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    expect((await conn.getLbAttribute('my-lb', 'connectionSettings')).idleTimeout).toBe(30);

    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult());
    const loose: string = 'CROSSZONELOADBALANCING';
    expect(await conn.getLbAttribute('my-lb', loose as 'crossZoneLoadBalancing')).toBe(true);
    expect(wire.requests).toHaveLength(6);
  });
});

describe('modifyLbAttribute', () => {
  test('crossZoneLoadBalancing from a boolean or the strings boto2 takes', async () => {
    const { wire, conn } = elbOnWire();
    for (const [value, sentValue] of [[true, 'true'], [false, 'false'], ['true', 'true'], ['false', 'false']] as const) {
      reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
      expect(await conn.modifyLbAttribute('my-lb', 'crossZoneLoadBalancing', value)).toBe(true);
      expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', {
        LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled': sentValue,
      }));
    }
  });

  test('accessLog from an AccessLogAttribute', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    const log = new AccessLogAttribute({ enabled: true, s3BucketName: 'my-loadbalancer-logs', s3BucketPrefix: 'my-app/prod', emitInterval: 60 });
    expect(await conn.modifyLbAttribute('my-lb', 'accessLog', log)).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', {
      LoadBalancerName: 'my-lb',
      'LoadBalancerAttributes.AccessLog.Enabled': 'true',
      'LoadBalancerAttributes.AccessLog.S3BucketName': 'my-loadbalancer-logs',
      'LoadBalancerAttributes.AccessLog.S3BucketPrefix': 'my-app/prod',
      'LoadBalancerAttributes.AccessLog.EmitInterval': '60',
    }));
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    await conn.modifyLbAttribute('my-lb', 'accesslog' as 'accessLog', new AccessLogAttribute());
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.AccessLog.Enabled': 'false' }));
  });

  test('connectionDraining from a ConnectionDrainingAttribute or a plain object', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await conn.modifyLbAttribute('my-lb', 'connectionDraining', new ConnectionDrainingAttribute({ enabled: true, timeout: 120 }))).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', {
      LoadBalancerName: 'my-lb',
      'LoadBalancerAttributes.ConnectionDraining.Enabled': 'true',
      'LoadBalancerAttributes.ConnectionDraining.Timeout': '120',
    }));
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    await conn.modifyLbAttribute('my-lb', 'connectionDraining', { enabled: false });
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.ConnectionDraining.Enabled': 'false' }));
  });

  test('connectingSettings (boto2) and connectionSettings (AWS) set the idle timeout', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await conn.modifyLbAttribute('my-lb', 'connectingSettings', new ConnectionSettingAttribute({ idleTimeout: 120 }))).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.ConnectionSettings.IdleTimeout': '120' }));
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    await conn.modifyLbAttribute('my-lb', 'connectionSettings', { idleTimeout: 3600 });
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.ConnectionSettings.IdleTimeout': '3600' }));
  });
});

describe('attributes on a LoadBalancer', () => {
  test('getAttributes reads once and keeps them; force reads again', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult({ crossZone: false }));
    const a = await lb.getAttributes();
    expect(wire.last.params).toEqual(sent('DescribeLoadBalancerAttributes', { LoadBalancerName: 'my-lb' }));
    expect(await lb.getAttributes()).toBe(a);
    expect(await lb.isCrossZoneLoadBalancing()).toBe(false);
    expect(wire.requests).toHaveLength(1);
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult({ crossZone: true }));
    expect(await lb.isCrossZoneLoadBalancing({ force: true })).toBe(true);
    expect(wire.requests).toHaveLength(2);
    expect(await lb.getAttributes()).not.toBe(a);
    // The kept attributes are not part of the load balancer's data.
    expect(JSON.stringify(lb)).not.toContain('crossZone');
  });

  test('enableCrossZoneLoadBalancing and disableCrossZoneLoadBalancing send the attribute and update the kept value', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await lb.enableCrossZoneLoadBalancing()).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled': 'true' }));

    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult({ crossZone: true }));
    expect(await lb.isCrossZoneLoadBalancing()).toBe(true);
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await lb.disableCrossZoneLoadBalancing()).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled': 'false' }));
    expect(await lb.isCrossZoneLoadBalancing()).toBe(false);
    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    await lb.enableCrossZoneLoadBalancing();
    expect(await lb.isCrossZoneLoadBalancing()).toBe(true);
    expect(wire.requests).toHaveLength(4);
  });

  test('enableConnectionDraining (default 300 s) and disableConnectionDraining, the grace period seed 004 asks for', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'DescribeLoadBalancerAttributes', attributesResult({ draining: false }));
    expect((await lb.getAttributes()).connectionDraining.enabled).toBe(false);

    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await lb.enableConnectionDraining()).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', {
      LoadBalancerName: 'my-lb',
      'LoadBalancerAttributes.ConnectionDraining.Enabled': 'true',
      'LoadBalancerAttributes.ConnectionDraining.Timeout': '300',
    }));
    expect(String((await lb.getAttributes()).connectionDraining)).toBe('ConnectionDraining(True, 300)');

    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    await lb.enableConnectionDraining({ timeout: 60 });
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', {
      LoadBalancerName: 'my-lb',
      'LoadBalancerAttributes.ConnectionDraining.Enabled': 'true',
      'LoadBalancerAttributes.ConnectionDraining.Timeout': '60',
    }));
    expect(String((await lb.getAttributes()).connectionDraining)).toBe('ConnectionDraining(True, 60)');

    reply(wire, 'ModifyLoadBalancerAttributes', MODIFIED);
    expect(await lb.disableConnectionDraining()).toBe(true);
    expect(wire.last.params).toEqual(sent('ModifyLoadBalancerAttributes', { LoadBalancerName: 'my-lb', 'LoadBalancerAttributes.ConnectionDraining.Enabled': 'false' }));
    expect((await lb.getAttributes()).connectionDraining.enabled).toBe(false);
    expect(wire.requests).toHaveLength(4);
  });
});

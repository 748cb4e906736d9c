import { LoadBalancer } from '../../src/elb';
import { elbOnWire, reply, sent } from '../helpers/elb';

describe('zones, subnets and security groups on the connection', () => {
  test('enableAvailabilityZones and disableAvailabilityZones answer with the zones then spanned', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'EnableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1a</member><member>us-east-1c</member><member>us-east-1d</member></AvailabilityZones>');
    expect(await conn.enableAvailabilityZones('my-lb', ['us-east-1c', 'us-east-1d'])).toEqual(['us-east-1a', 'us-east-1c', 'us-east-1d']);
    expect(wire.last.params).toEqual(sent('EnableAvailabilityZonesForLoadBalancer', {
      LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1c', 'AvailabilityZones.member.2': 'us-east-1d',
    }));
    reply(wire, 'DisableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1d</member></AvailabilityZones>');
    expect(await conn.disableAvailabilityZones('my-lb', 'us-east-1a')).toEqual(['us-east-1d']);
    expect(wire.last.params).toEqual(sent('DisableAvailabilityZonesForLoadBalancer', { LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1a' }));
  });

  test('attachLbToSubnets and detachLbFromSubnets answer with the subnets then attached', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'AttachLoadBalancerToSubnets', '<Subnets><member>subnet-5c11033e</member><member>subnet-dea770a9</member></Subnets>');
    expect(await conn.attachLbToSubnets('my-lb', ['subnet-dea770a9'])).toEqual(['subnet-5c11033e', 'subnet-dea770a9']);
    expect(wire.last.params).toEqual(sent('AttachLoadBalancerToSubnets', { LoadBalancerName: 'my-lb', 'Subnets.member.1': 'subnet-dea770a9' }));
    reply(wire, 'DetachLoadBalancerFromSubnets', '<Subnets><member>subnet-15aaab61</member></Subnets>');
    expect(await conn.detachLbFromSubnets('my-lb', ['subnet-0ecac448', 'subnet-5c11033e'])).toEqual(['subnet-15aaab61']);
    expect(wire.last.params).toEqual(sent('DetachLoadBalancerFromSubnets', {
      LoadBalancerName: 'my-lb', 'Subnets.member.1': 'subnet-0ecac448', 'Subnets.member.2': 'subnet-5c11033e',
    }));
  });

  test('applySecurityGroupsToLb answers with the groups then applied', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ApplySecurityGroupsToLoadBalancer', '<SecurityGroups><member>sg-fc448899</member></SecurityGroups>');
    expect(await conn.applySecurityGroupsToLb('my-lb', ['sg-fc448899'])).toEqual(['sg-fc448899']);
    expect(wire.last.params).toEqual(sent('ApplySecurityGroupsToLoadBalancer', { LoadBalancerName: 'my-lb', 'SecurityGroups.member.1': 'sg-fc448899' }));
  });
});

describe('zones, subnets and security groups on a LoadBalancer', () => {
  test('enableZones, disableZones, attachSubnets, detachSubnets and applySecurityGroups keep what AWS answers', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });

    reply(wire, 'EnableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1a</member><member>us-east-1c</member></AvailabilityZones>');
    await lb.enableZones('us-east-1c');
    expect(wire.last.params).toEqual(sent('EnableAvailabilityZonesForLoadBalancer', { LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1c' }));
    expect(lb.availabilityZones).toEqual(['us-east-1a', 'us-east-1c']);

    reply(wire, 'DisableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1c</member></AvailabilityZones>');
    await lb.disableZones(['us-east-1a']);
    expect(wire.last.params).toEqual(sent('DisableAvailabilityZonesForLoadBalancer', { LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1a' }));
    expect(lb.availabilityZones).toEqual(['us-east-1c']);

    reply(wire, 'AttachLoadBalancerToSubnets', '<Subnets><member>subnet-1</member><member>subnet-2</member></Subnets>');
    expect(await lb.attachSubnets('subnet-2')).toEqual(['subnet-1', 'subnet-2']);
    expect(wire.last.params).toEqual(sent('AttachLoadBalancerToSubnets', { LoadBalancerName: 'my-lb', 'Subnets.member.1': 'subnet-2' }));
    expect(lb.subnets).toEqual(['subnet-1', 'subnet-2']);

    reply(wire, 'DetachLoadBalancerFromSubnets', '<Subnets><member>subnet-2</member></Subnets>');
    expect(await lb.detachSubnets(['subnet-1'])).toEqual(['subnet-2']);
    expect(wire.last.params).toEqual(sent('DetachLoadBalancerFromSubnets', { LoadBalancerName: 'my-lb', 'Subnets.member.1': 'subnet-1' }));
    expect(lb.subnets).toEqual(['subnet-2']);

    reply(wire, 'ApplySecurityGroupsToLoadBalancer', '<SecurityGroups><member>sg-1</member><member>sg-2</member></SecurityGroups>');
    expect(await lb.applySecurityGroups(['sg-1', 'sg-2'])).toEqual(['sg-1', 'sg-2']);
    expect(wire.last.params).toEqual(sent('ApplySecurityGroupsToLoadBalancer', {
      LoadBalancerName: 'my-lb', 'SecurityGroups.member.1': 'sg-1', 'SecurityGroups.member.2': 'sg-2',
    }));
    expect(lb.securityGroups).toEqual(['sg-1', 'sg-2']);
    expect(wire.pending).toBe(0);
  });
});

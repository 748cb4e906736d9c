/**
 * boto2's ELB tutorial (seed 003), step for step, on the wire: create a load balancer
 * with two listeners in two zones, configure its health check, read its DNS name,
 * register and deregister instances, disable and enable zones, delete it.
 */
import { HealthCheck, InstanceInfo, LoadBalancer } from '../../src/elb';
import { elbOnWire, instancesResult, reply, sent } from '../helpers/elb';

describe("boto2's ELB tutorial", () => {
  test('create, health check, dns name, instances, zones, delete', async () => {
    const { wire, conn } = elbOnWire();

    const hc = new HealthCheck({ interval: 20, healthyThreshold: 3, unhealthyThreshold: 5, target: 'HTTP:8080/health' });
    expect(String(hc)).toBe('HealthCheck:HTTP:8080/health');
    expect(hc.timeout).toBe(5);

    const zones = ['us-east-1a', 'us-east-1b'];
    const ports = [[80, 8080, 'http'], [443, 8443, 'tcp']];
    reply(wire, 'CreateLoadBalancer', '<DNSName>my-lb-1234567890.us-east-1.elb.amazonaws.com</DNSName>');
    const lb = await conn.createLoadBalancer('my-lb', zones, ports);
    expect(wire.last.params).toEqual(sent('CreateLoadBalancer', {
      LoadBalancerName: 'my-lb',
      'Listeners.member.1.Protocol': 'HTTP',
      'Listeners.member.1.LoadBalancerPort': '80',
      'Listeners.member.1.InstancePort': '8080',
      'Listeners.member.2.Protocol': 'TCP',
      'Listeners.member.2.LoadBalancerPort': '443',
      'Listeners.member.2.InstancePort': '8443',
      'AvailabilityZones.member.1': 'us-east-1a',
      'AvailabilityZones.member.2': 'us-east-1b',
      Scheme: 'internet-facing',
    }));
    expect(lb).toBeInstanceOf(LoadBalancer);
    expect(lb.connection).toBe(conn);
    expect(String(lb)).toBe('LoadBalancer:my-lb');
    expect(lb.listeners.map(String)).toEqual(["(80, 8080, 'HTTP')", "(443, 8443, 'TCP')"]);
    expect(lb.listeners.map((l) => l.getTuple())).toEqual([[80, 8080, 'HTTP'], [443, 8443, 'TCP']]);
    expect(lb.availabilityZones).toEqual(zones);

    reply(wire, 'ConfigureHealthCheck', `<HealthCheck>
        <Interval>20</Interval><Target>HTTP:8080/health</Target><HealthyThreshold>3</HealthyThreshold>
        <Timeout>5</Timeout><UnhealthyThreshold>5</UnhealthyThreshold>
      </HealthCheck>`);
    const configured = await lb.configureHealthCheck(hc);
    expect(wire.last.params).toEqual(sent('ConfigureHealthCheck', {
      LoadBalancerName: 'my-lb',
      'HealthCheck.Target': 'HTTP:8080/health',
      'HealthCheck.Interval': '20',
      'HealthCheck.Timeout': '5',
      'HealthCheck.UnhealthyThreshold': '5',
      'HealthCheck.HealthyThreshold': '3',
    }));
    expect(String(configured)).toBe('HealthCheck:HTTP:8080/health');
    expect(lb.healthCheck).toBe(configured);

    expect(lb.dnsName).toBe('my-lb-1234567890.us-east-1.elb.amazonaws.com');

    const instanceIds = ['i-4f8cf126', 'i-0bb7ca62'];
    reply(wire, 'RegisterInstancesWithLoadBalancer', instancesResult(instanceIds));
    const registered = await lb.registerInstances(instanceIds);
    expect(wire.last.params).toEqual(sent('RegisterInstancesWithLoadBalancer', {
      LoadBalancerName: 'my-lb',
      'Instances.member.1.InstanceId': 'i-4f8cf126',
      'Instances.member.2.InstanceId': 'i-0bb7ca62',
    }));
    expect(registered.map(String)).toEqual(['InstanceInfo:i-4f8cf126', 'InstanceInfo:i-0bb7ca62']);
    expect(registered[0]).toBeInstanceOf(InstanceInfo);
    expect(lb.instances).toBe(registered);

    reply(wire, 'DeregisterInstancesFromLoadBalancer', instancesResult([]));
    expect(await lb.deregisterInstances(instanceIds)).toEqual([]);
    expect(wire.last.params).toEqual(sent('DeregisterInstancesFromLoadBalancer', {
      LoadBalancerName: 'my-lb',
      'Instances.member.1.InstanceId': 'i-4f8cf126',
      'Instances.member.2.InstanceId': 'i-0bb7ca62',
    }));
    expect(lb.instances).toEqual([]);

    reply(wire, 'DisableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1b</member></AvailabilityZones>');
    expect(await lb.disableZones(['us-east-1a'])).toEqual(['us-east-1b']);
    expect(wire.last.params).toEqual(sent('DisableAvailabilityZonesForLoadBalancer', { LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1a' }));
    expect(lb.availabilityZones).toEqual(['us-east-1b']);

    reply(wire, 'EnableAvailabilityZonesForLoadBalancer', '<AvailabilityZones><member>us-east-1b</member><member>us-east-1c</member></AvailabilityZones>');
    expect(await lb.enableZones(['us-east-1c'])).toEqual(['us-east-1b', 'us-east-1c']);
    expect(wire.last.params).toEqual(sent('EnableAvailabilityZonesForLoadBalancer', { LoadBalancerName: 'my-lb', 'AvailabilityZones.member.1': 'us-east-1c' }));
    expect(lb.availabilityZones).toEqual(['us-east-1b', 'us-east-1c']);

    reply(wire, 'DeleteLoadBalancer');
    expect(await lb.delete()).toBe(true);
    expect(wire.last.params).toEqual(sent('DeleteLoadBalancer', { LoadBalancerName: 'my-lb' }));

    expect(wire.requests).toHaveLength(7);
    expect(wire.pending).toBe(0);
  });
});

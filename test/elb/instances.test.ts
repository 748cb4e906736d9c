import { InstanceInfo, InstanceState, LoadBalancer } from '../../src/elb';
import { elbOnWire, instancesResult, reply, sent } from '../helpers/elb';

const HEALTH = `<InstanceStates>
    <member>
      <Description>N/A</Description>
      <InstanceId>i-4f8cf126</InstanceId>
      <State>InService</State>
      <ReasonCode>N/A</ReasonCode>
    </member>
    <member>
      <Description>Instance has failed at least the UnhealthyThreshold number of health checks consecutively.</Description>
      <InstanceId>i-0bb7ca62</InstanceId>
      <State>OutOfService</State>
      <ReasonCode>Instance</ReasonCode>
    </member>
  </InstanceStates>`;

describe('instances on the connection', () => {
  test('registerInstances sends the ids and answers with every registered instance', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'RegisterInstancesWithLoadBalancer', instancesResult(['i-207d9717', 'i-afefb49b', 'i-4f8cf126']));
    const now = await conn.registerInstances('my-lb', ['i-4f8cf126']);
    expect(wire.last.params).toEqual(sent('RegisterInstancesWithLoadBalancer', { LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126' }));
    expect(now.map(String)).toEqual(['InstanceInfo:i-207d9717', 'InstanceInfo:i-afefb49b', 'InstanceInfo:i-4f8cf126']);
    expect(now.map((i) => [i.id, i.state, i.connection === conn])).toEqual([['i-207d9717', undefined, true], ['i-afefb49b', undefined, true], ['i-4f8cf126', undefined, true]]);
  });

  test('registerInstances takes one id as a string, as boto2', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'RegisterInstancesWithLoadBalancer', instancesResult(['i-4f8cf126']));
    await conn.registerInstances('my-lb', 'i-4f8cf126');
    expect(wire.last.params).toEqual(sent('RegisterInstancesWithLoadBalancer', { LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126' }));
  });

  test('deregisterInstances answers with the instances still registered', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DeregisterInstancesFromLoadBalancer', instancesResult(['i-207d9717']));
    const now = await conn.deregisterInstances('my-lb', ['i-4f8cf126', 'i-0bb7ca62']);
    expect(wire.last.params).toEqual(sent('DeregisterInstancesFromLoadBalancer', {
      LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126', 'Instances.member.2.InstanceId': 'i-0bb7ca62',
    }));
    expect(now.map(String)).toEqual(['InstanceInfo:i-207d9717']);
    expect(now[0]).toBeInstanceOf(InstanceInfo);
  });

  test('describeInstanceHealth of every instance parses each state', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeInstanceHealth', HEALTH);
    const states = await conn.describeInstanceHealth('my-lb');
    expect(wire.last.params).toEqual(sent('DescribeInstanceHealth', { LoadBalancerName: 'my-lb' }));
    expect(states.map(String)).toEqual(['InstanceState:(i-4f8cf126,InService)', 'InstanceState:(i-0bb7ca62,OutOfService)']);
    const [up, down] = states as unknown as [InstanceState, InstanceState];
    expect(up).toBeInstanceOf(InstanceState);
    expect({ ...up.toJSON() }).toEqual({ description: 'N/A', state: 'InService', instanceId: 'i-4f8cf126', reasonCode: 'N/A' });
    expect({ ...down.toJSON() }).toEqual({
      description: 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.',
      state: 'OutOfService', instanceId: 'i-0bb7ca62', reasonCode: 'Instance',
    });
    expect(up.connection).toBe(conn);
    expect(up.loadBalancer).toBeUndefined();
  });

  test('describeInstanceHealth of named instances; an empty list asks about all, as boto2', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeInstanceHealth', HEALTH);
    await conn.describeInstanceHealth('my-lb', ['i-4f8cf126', 'i-0bb7ca62']);
    expect(wire.last.params).toEqual(sent('DescribeInstanceHealth', {
      LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126', 'Instances.member.2.InstanceId': 'i-0bb7ca62',
    }));
    reply(wire, 'DescribeInstanceHealth', HEALTH);
    await conn.describeInstanceHealth('my-lb', []);
    expect(wire.last.params).toEqual(sent('DescribeInstanceHealth', { LoadBalancerName: 'my-lb' }));
  });
});

describe('instances on a LoadBalancer', () => {
  test('registerInstances and deregisterInstances (one id as a string) keep the answer as instances', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'RegisterInstancesWithLoadBalancer', instancesResult(['i-4f8cf126']));
    const registered = await lb.registerInstances('i-4f8cf126');
    expect(wire.last.params).toEqual(sent('RegisterInstancesWithLoadBalancer', { LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126' }));
    expect(lb.instances).toBe(registered);
    expect(lb.instances.map(String)).toEqual(['InstanceInfo:i-4f8cf126']);
    reply(wire, 'DeregisterInstancesFromLoadBalancer', instancesResult([]));
    expect(await lb.deregisterInstances('i-4f8cf126')).toEqual([]);
    expect(wire.last.params).toEqual(sent('DeregisterInstancesFromLoadBalancer', { LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126' }));
    expect(lb.instances).toEqual([]);
  });

  test('getInstanceHealth points each state at the load balancer', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'DescribeInstanceHealth', HEALTH);
    const states = await lb.getInstanceHealth(['i-4f8cf126']);
    expect(wire.last.params).toEqual(sent('DescribeInstanceHealth', { LoadBalancerName: 'my-lb', 'Instances.member.1.InstanceId': 'i-4f8cf126' }));
    expect(states.map(String)).toEqual(['InstanceState:(i-4f8cf126,InService)', 'InstanceState:(i-0bb7ca62,OutOfService)']);
    expect(states.every((s) => s.loadBalancer === lb)).toBe(true);
    // The back-reference stays out of JSON, so a state still serialises.
    expect(JSON.parse(JSON.stringify(states[0]))).toEqual({ description: 'N/A', state: 'InService', instanceId: 'i-4f8cf126', reasonCode: 'N/A' });

    reply(wire, 'DescribeInstanceHealth', HEALTH);
    const all: string[] = [];
    for await (const s of lb.getInstanceHealth()) all.push(s.instanceId as string);
    expect(all).toEqual(['i-4f8cf126', 'i-0bb7ca62']);
    expect(wire.last.params).toEqual(sent('DescribeInstanceHealth', { LoadBalancerName: 'my-lb' }));
  });
});

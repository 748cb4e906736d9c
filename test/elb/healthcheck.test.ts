import { HealthCheck, LoadBalancer } from '../../src/elb';
import { elbOnWire, lbsResult, lbXml, reply, sent } from '../helpers/elb';

const ANSWER = (target: string, interval = 20): string => `<HealthCheck>
    <Interval>${interval}</Interval>
    <Target>${target}</Target>
    <HealthyThreshold>3</HealthyThreshold>
    <Timeout>5</Timeout>
    <UnhealthyThreshold>5</UnhealthyThreshold>
  </HealthCheck>`;

describe('health checks', () => {
  test("boto2's defaults: interval 30, timeout 5, healthy 3, unhealthy 5", () => {
    const hc = new HealthCheck({ target: 'TCP:80' });
    expect({ ...hc.toJSON() }).toEqual({ accessPoint: undefined, interval: 30, target: 'TCP:80', healthyThreshold: 3, timeout: 5, unhealthyThreshold: 5 });
    expect(String(hc)).toBe('HealthCheck:TCP:80');
    expect(String(new HealthCheck())).toBe('HealthCheck:None');
  });

  test('configureHealthCheck sends every field, answers with the new health check and binds the one given', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ConfigureHealthCheck', ANSWER('HTTP:8080/health'));
    const hc = new HealthCheck({ interval: 20, healthyThreshold: 3, unhealthyThreshold: 5, target: 'http:8080/health' });
    const answer = await conn.configureHealthCheck('my-lb', hc);
    expect(wire.last.params).toEqual(sent('ConfigureHealthCheck', {
      LoadBalancerName: 'my-lb',
      'HealthCheck.Target': 'HTTP:8080/health',
      'HealthCheck.Interval': '20',
      'HealthCheck.Timeout': '5',
      'HealthCheck.UnhealthyThreshold': '5',
      'HealthCheck.HealthyThreshold': '3',
    }));
    expect(answer).not.toBe(hc);
    expect({ ...answer.toJSON() }).toEqual({ accessPoint: 'my-lb', interval: 20, target: 'HTTP:8080/health', healthyThreshold: 3, timeout: 5, unhealthyThreshold: 5 });
    expect(answer.connection).toBe(conn);
    expect(hc.connection).toBe(conn);
    expect(hc.accessPoint).toBe('my-lb');
  });

  test('TCP and SSL targets have no path', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'ConfigureHealthCheck', ANSWER('SSL:443'));
    await conn.configureHealthCheck('my-lb', new HealthCheck({ target: 'ssl:443', interval: 10, timeout: 9, healthyThreshold: 10, unhealthyThreshold: 2 }));
    expect(wire.last.params).toEqual(sent('ConfigureHealthCheck', {
      LoadBalancerName: 'my-lb',
      'HealthCheck.Target': 'SSL:443',
      'HealthCheck.Interval': '10',
      'HealthCheck.Timeout': '9',
      'HealthCheck.UnhealthyThreshold': '2',
      'HealthCheck.HealthyThreshold': '10',
    }));
  });

  test('update() on a health check read from a load balancer sends its values and takes back the answer', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([lbXml()]));
    const [lb] = await conn.getAllLoadBalancers({ loadBalancerNames: ['my-loadbalancer'] });
    const hc = (lb as LoadBalancer).healthCheck as HealthCheck;
    hc.target = 'HTTPS:443/status';
    hc.interval = 30;
    hc.timeout = 10;
    reply(wire, 'ConfigureHealthCheck', `<HealthCheck><Interval>30</Interval><Target>HTTPS:443/status</Target><HealthyThreshold>2</HealthyThreshold><Timeout>10</Timeout><UnhealthyThreshold>10</UnhealthyThreshold></HealthCheck>`);
    expect(await hc.update()).toBe(true);
    expect(wire.last.params).toEqual(sent('ConfigureHealthCheck', {
      LoadBalancerName: 'my-loadbalancer',
      'HealthCheck.Target': 'HTTPS:443/status',
      'HealthCheck.Interval': '30',
      'HealthCheck.Timeout': '10',
      'HealthCheck.UnhealthyThreshold': '10',
      'HealthCheck.HealthyThreshold': '2',
    }));
    expect({ ...hc.toJSON() }).toEqual({ accessPoint: 'my-loadbalancer', interval: 30, target: 'HTTPS:443/status', healthyThreshold: 2, timeout: 10, unhealthyThreshold: 10 });
  });

  test('update() on a new health check does nothing, as boto2: resolves false and sends nothing', async () => {
    const { wire } = elbOnWire();
    expect(await new HealthCheck({ target: 'TCP:80' }).update()).toBe(false);
    expect(wire.requests).toHaveLength(0);
  });

  test('update() with a load balancer name but no connection says how to get one', async () => {
    await expect(new HealthCheck({ target: 'TCP:80', accessPoint: 'my-lb' }).update()).rejects.toThrow(/^HealthCheck:TCP:80 has no connection/);
  });

  test('LoadBalancer.configureHealthCheck keeps the answer as healthCheck', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    reply(wire, 'ConfigureHealthCheck', ANSWER('TCP:22', 60));
    const hc = await lb.configureHealthCheck(new HealthCheck({ target: 'TCP:22', interval: 60 }));
    expect(wire.last.params).toEqual(sent('ConfigureHealthCheck', {
      LoadBalancerName: 'my-lb',
      'HealthCheck.Target': 'TCP:22',
      'HealthCheck.Interval': '60',
      'HealthCheck.Timeout': '5',
      'HealthCheck.UnhealthyThreshold': '5',
      'HealthCheck.HealthyThreshold': '3',
    }));
    expect(lb.healthCheck).toBe(hc);
    expect([hc.target, hc.interval, hc.accessPoint]).toEqual(['TCP:22', 60, 'my-lb']);
  });
});

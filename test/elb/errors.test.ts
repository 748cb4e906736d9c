import { BotoServerError } from '../../src/core';
import { LoadBalancer } from '../../src/elb';
import { elbOnWire, lbsResult, reply, sent, smallLbXml } from '../helpers/elb';

describe('error answers', () => {
  test('LoadBalancerNotFound becomes a BotoServerError with status, errorCode, message and requestId', async () => {
    const { wire, conn } = elbOnWire();
    wire.replyQueryError(400, 'LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'nope'");
    const err = await conn.getAllLoadBalancers({ loadBalancerNames: ['nope'] }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    const e = err as BotoServerError;
    expect({ name: e.name, status: e.status, reason: e.reason, errorCode: e.errorCode, message: e.message, requestId: e.requestId }).toEqual({
      name: 'BotoServerError', status: 400, reason: 'Bad Request', errorCode: 'LoadBalancerNotFound',
      message: "There is no ACTIVE Load Balancer named 'nope'", requestId: 'req-err-1',
    });
    expect(String(e)).toBe("BotoServerError: 400 Bad Request LoadBalancerNotFound: There is no ACTIVE Load Balancer named 'nope'");
    expect(wire.requests).toHaveLength(1);
  });

  test('an error on a LoadBalancer method rejects and leaves its state as it was', async () => {
    const { wire, conn } = elbOnWire();
    const lb = new LoadBalancer({ connection: conn, name: 'my-lb' });
    lb.availabilityZones = ['us-east-1a'];
    wire.replyQueryError(400, 'ValidationError', 'Cannot remove all zones from a LoadBalancer');
    await expect(lb.disableZones('us-east-1a')).rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'ValidationError' });
    expect(lb.availabilityZones).toEqual(['us-east-1a']);
  });

  test('DuplicateLoadBalancerName on create', async () => {
    const { wire, conn } = elbOnWire();
    wire.replyQueryError(400, 'DuplicateLoadBalancerName', 'Load balancer name my-lb is already in use');
    await expect(conn.createLoadBalancer('my-lb', ['us-east-1a'], [[80, 80, 'http']]))
      .rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'DuplicateLoadBalancerName', message: 'Load balancer name my-lb is already in use' });
  });

  test('a 500 answer becomes a BotoServerError (no retry with maxAttempts 1)', async () => {
    const { wire, conn } = elbOnWire();
    wire.replyQueryError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.', 'Receiver');
    const err = await conn.deleteLoadBalancer('my-lb').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({
      status: 500, reason: 'Internal Server Error', errorCode: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error.', requestId: 'req-err-1',
    });
    expect(wire.requests).toHaveLength(1);
  });

  test('a Throttling answer is retried by the SDK (maxAttempts 3) and the call then succeeds', async () => {
    const { wire, conn } = elbOnWire(3);
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('load-balancer-prod')]));
    const page = await conn.getAllLoadBalancers({ loadBalancerNames: ['load-balancer-prod'] });
    expect(page.map(String)).toEqual(['LoadBalancer:load-balancer-prod']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeLoadBalancers', { 'LoadBalancerNames.member.1': 'load-balancer-prod' }),
      sent('DescribeLoadBalancers', { 'LoadBalancerNames.member.1': 'load-balancer-prod' }),
    ]);
    expect(wire.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
  });

  test('throttling on every attempt ends in a BotoServerError after maxAttempts', async () => {
    const { wire, conn } = elbOnWire(2);
    for (let i = 0; i < 2; i++) wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    await expect(conn.registerInstances('my-lb', ['i-4f8cf126'])).rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'Throttling', message: 'Rate exceeded' });
    expect(wire.requests).toHaveLength(2);
  });

  test('an error mid-way through paging rejects the for await loop after the pages before it', async () => {
    const { wire, conn } = elbOnWire();
    reply(wire, 'DescribeLoadBalancers', lbsResult([smallLbXml('lb-a')], 'marker-2'));
    wire.replyQueryError(400, 'LoadBalancerNotFound', 'gone');
    const seen: string[] = [];
    const walk = async (): Promise<void> => {
      for await (const lb of conn.getAllLoadBalancers()) seen.push(lb.name as string);
    };
    await expect(walk()).rejects.toMatchObject({ errorCode: 'LoadBalancerNotFound' });
    expect(seen).toEqual(['lb-a']);
  });

  test('an aborted call is not sent', async () => {
    const { wire, conn } = elbOnWire();
    const controller = new AbortController();
    controller.abort();
    await expect(conn.deleteLoadBalancer('my-lb', { signal: controller.signal })).rejects.toMatchObject({ name: 'BotoClientError' });
    expect(wire.requests).toHaveLength(0);
  });
});

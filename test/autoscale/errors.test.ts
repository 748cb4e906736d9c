import { BotoServerError } from '../../src/core';
import { AutoScalingGroup } from '../../src/autoscale';
import { asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

describe('error answers', () => {
  test('a 400 ValidationError becomes a BotoServerError with every field', async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(400, 'ValidationError', 'AutoScalingGroup name not found - no such group: nope');
    const err = await conn.deleteAutoScalingGroup('nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    const e = err as BotoServerError;
    expect({ name: e.name, status: e.status, reason: e.reason, errorCode: e.errorCode, message: e.message, requestId: e.requestId }).toEqual({
      name: 'BotoServerError', status: 400, reason: 'Bad Request', errorCode: 'ValidationError',
      message: 'AutoScalingGroup name not found - no such group: nope', requestId: 'req-err-1',
    });
    expect(e.cause).toBeDefined();
    expect(String(e)).toBe('BotoServerError: 400 Bad Request ValidationError: AutoScalingGroup name not found - no such group: nope');
    expect(wire.requests).toHaveLength(1);
  });

  test('AlreadyExists on create leaves the group unbound', async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(400, 'AlreadyExists', 'AutoScalingGroup by this name already exists - A group with the name my_group already exists');
    const ag = new AutoScalingGroup({ name: 'my_group', launchConfig: 'lc', minSize: 1, maxSize: 1, availabilityZones: ['us-east-1a'] });
    await expect(conn.createAutoScalingGroup(ag)).rejects.toMatchObject({ status: 400, errorCode: 'AlreadyExists' });
    expect(ag.connection).toBeUndefined();
  });

  test('a 500 answer becomes a BotoServerError (no retry with maxAttempts 1)', async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.', 'Receiver');
    const err = await conn.getAllGroups().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 500, reason: 'Internal Server Error', errorCode: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error.', requestId: 'req-err-1' });
    expect(wire.requests).toHaveLength(1);
  });

  test('a Throttling answer is retried by the SDK and the call then succeeds', async () => {
    const { wire, conn } = asOnWire(3);
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml()]));
    const page = await conn.getAllGroups({ names: ['my_group'] });
    expect(page.map(String)).toEqual(['AutoScaleGroup<my_group>']);
    expect(wire.requests).toHaveLength(2);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeAutoScalingGroups', { 'AutoScalingGroupNames.member.1': 'my_group' }),
      sent('DescribeAutoScalingGroups', { 'AutoScalingGroupNames.member.1': 'my_group' }),
    ]);
    expect(wire.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
  });

  test('throttling on every attempt ends in a BotoServerError after maxAttempts', async () => {
    const { wire, conn } = asOnWire(2);
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    wire.replyQueryError(400, 'Throttling', 'Rate exceeded');
    await expect(conn.setDesiredCapacity('g', 1)).rejects.toMatchObject({ name: 'BotoServerError', status: 400, errorCode: 'Throttling', message: 'Rate exceeded' });
    expect(wire.requests).toHaveLength(2);
  });
});

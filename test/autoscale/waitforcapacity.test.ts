import { BotoClientError, WaitTimeoutError } from '../../src/core';
import { AutoScalingGroup } from '../../src/autoscale';
import { asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

const pending = (n: number): { id: string; state: string }[] => Array.from({ length: n }, (_, i) => ({ id: `i-p${i}`, state: 'Pending' }));
/** Under fake timers: lets real I/O run until the waiter has scheduled its next poll. */
async function untilSleeping(): Promise<void> {
  for (let i = 0; i < 1000 && jest.getTimerCount() === 0; i += 1) await new Promise((r) => setImmediate(r));
}

const inService = (n: number): { id: string; state: string }[] => Array.from({ length: n }, (_, i) => ({ id: `i-s${i}`, state: 'InService' }));

describe('AutoScalingGroup.waitForCapacity', () => {
  test('polls until InService equals desired and resolves with the refreshed group', async () => {
    const { wire, conn } = asOnWire();
    const ag = new AutoScalingGroup({ name: 'my_group', launchConfig: 'lc', minSize: 2, maxSize: 4, connection: conn });
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 2, instances: pending(2) })]));
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 2, instances: [...inService(1), ...pending(1)] })]));
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 2, min: 2, instances: inService(2) })]));
    const out = await ag.waitForCapacity({ interval: 1, timeout: 5000 });
    expect(out).toBe(ag);
    expect(wire.requests.map((r) => r.params)).toEqual(Array(3).fill(sent('DescribeAutoScalingGroups', { 'AutoScalingGroupNames.member.1': 'my_group' })));
    expect(ag.instances?.map(String)).toEqual([
      'Instance<id:i-s0, state:InService, health:Healthy>',
      'Instance<id:i-s1, state:InService, health:Healthy>',
    ]);
    expect(ag.desiredCapacity).toBe(2);
    expect(ag.minSize).toBe(2);
    expect(ag.autoscalingGroupArn).toMatch(/autoScalingGroupName\/my_group$/);
    expect(ag.connection).toBe(conn);
    expect(wire.pending).toBe(0);
  });

  test('resolves at once for a group already at capacity, including 0 of 0', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 0, min: 0, instances: [] })]));
    const ag = new AutoScalingGroup({ name: 'my_group', connection: conn });
    await expect(ag.waitForCapacity({ interval: 1, timeout: 0 })).resolves.toBe(ag);
    expect(wire.requests).toHaveLength(1);
  });

  test('rejects with WaitTimeoutError naming the group, the counts and the time waited', async () => {
    const { wire, conn } = asOnWire();
    for (let i = 0; i < 200; i += 1) {
      reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 4, max: 4, instances: [...inService(2), ...pending(2)] })]));
    }
    const ag = new AutoScalingGroup({ name: 'my_group', connection: conn });
    const err = await ag.waitForCapacity({ interval: 5, timeout: 40 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toMatch(
      /^waitForCapacity of AutoScaleGroup<my_group> timed out after \d+ms \(timeout 40ms\): desired capacity 4, InService 2$/,
    );
    const elapsed = Number(/after (\d+)ms/.exec((err as Error).message)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(40);
    // How many polls fit in 40 ms depends on the machine's load; at least one always happens.
    expect(wire.requests.length).toBeGreaterThanOrEqual(1);
    expect(ag.desiredCapacity).toBe(4);
  });

  test('a group that is not found is polled until the timeout, which says so', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([]));
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([]));
    const ag = new AutoScalingGroup({ name: 'gone', connection: conn });
    await expect(ag.waitForCapacity({ interval: 10, timeout: 10 })).rejects.toThrow(
      /^waitForCapacity of AutoScaleGroup<gone> timed out after \d+ms \(timeout 10ms\): the group was not found$/,
    );
    // How many polls fit in 10 ms depends on the machine's load; at least one always happens.
    expect(wire.requests.length).toBeGreaterThanOrEqual(1);
  });

  test('formats long waits in seconds', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const { wire, conn } = asOnWire();
      for (let i = 0; i < 7; i += 1) reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 3, max: 4, instances: inService(1) })]));
      const ag = new AutoScalingGroup({ name: 'my_group', connection: conn });
      const waiting = ag.waitForCapacity({ timeout: 90_000 }).catch((e: unknown) => e);
      // Polls at 0, 15, 30, 45, 60, 75 and 90 s (the default interval), then gives up.
      for (let i = 0; i < 6; i += 1) {
        await untilSleeping();
        await jest.advanceTimersByTimeAsync(15_000);
      }
      const err = await waiting;
      expect(err).toBeInstanceOf(WaitTimeoutError);
      expect((err as Error).message).toBe('waitForCapacity of AutoScaleGroup<my_group> timed out after 90.0s (timeout 90.0s): desired capacity 3, InService 1');
      expect(wire.requests).toHaveLength(7);
    } finally {
      jest.useRealTimers();
    }
  });

  test('polls every 15 s by default', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const { wire, conn } = asOnWire();
      reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 1, instances: pending(1) })]));
      reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 1, instances: inService(1) })]));
      const ag = new AutoScalingGroup({ name: 'my_group', connection: conn });
      const waiting = ag.waitForCapacity();
      await untilSleeping();
      await jest.advanceTimersByTimeAsync(14_999);
      expect(wire.requests).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      await expect(waiting).resolves.toBe(ag);
      expect(wire.requests).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test('an abort signal stops the wait', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ desired: 2, instances: pending(2) })]));
    const ac = new AbortController();
    const ag = new AutoScalingGroup({ name: 'my_group', connection: conn });
    const waiting = ag.waitForCapacity({ interval: 60_000, timeout: 600_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toBe('waitForCapacity of AutoScaleGroup<my_group> aborted');
    expect((err as Error).cause).toBe(ac.signal.reason);
    expect(wire.requests).toHaveLength(1);
  });

  test('validation: name, timeout and interval; nothing sent', async () => {
    const { wire, conn } = asOnWire();
    await expect(new AutoScalingGroup({ connection: conn }).waitForCapacity()).rejects.toThrow(new BotoClientError('name is required'));
    const ag = new AutoScalingGroup({ name: 'g', connection: conn });
    await expect(ag.waitForCapacity({ timeout: -1 })).rejects.toThrow(new BotoClientError('timeout must be a non-negative integer, got -1'));
    await expect(ag.waitForCapacity({ interval: 0 })).rejects.toThrow(new BotoClientError('interval must be a positive integer, got 0'));
    await expect(ag.waitForCapacity({ interval: 0.5 })).rejects.toThrow(new BotoClientError('interval must be a positive integer, got 0.5'));
    expect(wire.requests).toHaveLength(0);
  });

  test('an error answer while polling rejects with it', async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(400, 'ValidationError', 'Rate exceeded? no: bad group');
    const ag = new AutoScalingGroup({ name: 'g', connection: conn });
    await expect(ag.waitForCapacity({ interval: 1 })).rejects.toMatchObject({ name: 'BotoServerError', errorCode: 'ValidationError' });
  });
});

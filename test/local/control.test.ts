/**
 * The control API on its own (src/local/control.ts), without an HTTP server: what it
 * answers, and that every change it makes goes through `record` (the journal's hook).
 */
import { SimClock } from '../../src/local/clock';
import { LocalCloud } from '../../src/local/cloud';
import type { Change } from '../../src/local/changes';
import { handleControl, type ControlContext } from '../../src/local/control';
import { T0 } from './helpers';

function context(recorded: Change[], errors: unknown[]): { ctx: ControlContext; cloud: LocalCloud } {
  const clock = new SimClock({ start: T0 });
  const cloud = new LocalCloud({ clock });
  const record = <T>(change: Change, fn: () => T): T => {
    recorded.push(change);
    return fn();
  };
  const ctx: ControlContext = {
    region: 'us-east-1', cloud, clock, record,
    setDemand: (group, demand) => record({ kind: 'demand', group, demand }, () => cloud.setDemand(group, demand)),
    spot: {
      interrupt: (group, count) => record({ kind: 'spot-interrupt', group, count }, () => cloud.spot.interrupt(group, count)),
      setCapacity: (zone, instanceType, available) => record({ kind: 'spot-capacity', zone, instanceType }, () => cloud.spot.setCapacity(zone, instanceType, available)),
    },
    sync: () => undefined,
    onError: (err) => errors.push(err),
    internalFailure: 'internal failure',
  };
  return { ctx, cloud };
}

async function ask(ctx: ControlContext, method: string, path: string, body?: unknown): Promise<{ status: number; value: unknown }> {
  let answer: { status: number; value: unknown } | undefined;
  await handleControl(ctx, method, path, Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)), (status, value) => {
    answer = { status, value };
  });
  if (answer === undefined) throw new Error('no answer');
  return answer;
}

describe('control API', () => {
  test('health, clock, a load (recorded), and the refusals', async () => {
    const recorded: Change[] = [];
    const errors: unknown[] = [];
    const { ctx, cloud } = context(recorded, errors);
    try {
      expect(await ask(ctx, 'GET', '/_botoscale/health')).toEqual({
        status: 200,
        value: { status: 'ok', region: 'us-east-1', accountId: cloud.accountId, time: new Date(T0).toISOString(), services: ['autoscaling', 'elasticloadbalancing', 'monitoring', 'ec2'] },
      });
      expect(await ask(ctx, 'GET', '/_botoscale/clock/')).toMatchObject({ status: 200, value: { now: new Date(T0).toISOString(), epochMillis: T0 } });
      expect(await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 80 })).toEqual({ status: 200, value: { group: 'web', cpu: 80 } });
      expect(recorded).toEqual([{ kind: 'load', group: 'web', cpu: 80 }]);
      expect(await ask(ctx, 'POST', '/_botoscale/load', '{')).toEqual({ status: 400, value: { error: { code: 'InvalidRequest', message: 'the body is not valid JSON' } } });
      expect(await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 101 })).toEqual({ status: 400, value: { error: { code: 'InvalidRequest', message: 'give "cpu": a number from 0 to 100' } } });
      expect(await ask(ctx, 'DELETE', '/_botoscale/clock')).toEqual({ status: 405, value: { error: { code: 'MethodNotAllowed', message: 'DELETE is not allowed on /_botoscale/clock' } } });
      expect((await ask(ctx, 'GET', '/_botoscale/nothing')).status).toBe(404);
      expect(recorded).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      cloud.dispose();
    }
  });
});

/**
 * The control API on its own (src/local/control.ts), without an HTTP server: what it
 * answers, and that every change it makes goes through `record` (the journal's hook).
 */
import { SimClock } from '../../src/local/clock';
import type { LocalCloud } from '../../src/local/cloud';
import { CloudSet } from '../../src/local/clouds';
import type { Change } from '../../src/local/changes';
import { handleControl, type ControlContext } from '../../src/local/control';
import { T0 } from './helpers';

function context(recorded: Change[], errors: unknown[]): { ctx: ControlContext; cloud: LocalCloud; clouds: CloudSet } {
  const clock = new SimClock({ start: T0 });
  const clouds = new CloudSet({ region: 'us-east-1', clock });
  const cloud = clouds.default;
  const record = <T>(change: Change, fn: () => T): T => {
    recorded.push(change);
    return fn();
  };
  const at = (region?: string): LocalCloud => (region === undefined ? cloud : clouds.get(region));
  const ctx: ControlContext = {
    clouds, record,
    setDemand: (group, demand, region) => record({ kind: 'demand', group, demand }, () => at(region).setDemand(group, demand)),
    spot: {
      interrupt: (group, count, region) => record({ kind: 'spot-interrupt', group, count }, () => at(region).spot.interrupt(group, count)),
      setCapacity: (zone, instanceType, available, region) => record({ kind: 'spot-capacity', zone, instanceType }, () => at(region).spot.setCapacity(zone, instanceType, available)),
    },
    sync: () => undefined,
    onError: (err) => errors.push(err),
    internalFailure: 'internal failure',
  };
  return { ctx, cloud, clouds };
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
    const { ctx, cloud, clouds } = context(recorded, errors);
    try {
      expect(await ask(ctx, 'GET', '/_botoscale/health')).toEqual({
        status: 200,
        value: { status: 'ok', region: 'us-east-1', regions: ['us-east-1'], accountId: cloud.accountId, time: new Date(T0).toISOString(), services: ['autoscaling', 'elasticloadbalancing', 'monitoring', 'ec2'] },
      });
      expect(await ask(ctx, 'GET', '/_botoscale/clock/')).toMatchObject({ status: 200, value: { now: new Date(T0).toISOString(), epochMillis: T0 } });
      expect(await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 80 })).toEqual({ status: 200, value: { group: 'web', cpu: 80 } });
      expect(recorded).toEqual([{ kind: 'load', region: 'us-east-1', group: 'web', cpu: 80 }]);
      expect(await ask(ctx, 'POST', '/_botoscale/load', '{')).toEqual({ status: 400, value: { error: { code: 'InvalidRequest', message: 'the body is not valid JSON' } } });
      expect(await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 101 })).toEqual({ status: 400, value: { error: { code: 'InvalidRequest', message: 'give "cpu": a number from 0 to 100' } } });
      expect(await ask(ctx, 'DELETE', '/_botoscale/clock')).toEqual({ status: 405, value: { error: { code: 'MethodNotAllowed', message: 'DELETE is not allowed on /_botoscale/clock' } } });
      expect((await ask(ctx, 'GET', '/_botoscale/nothing')).status).toBe(404);
      expect(recorded).toHaveLength(1);
      // A region names the cloud an input acts on; one botoscale local does not serve is refused, changing nothing.
      expect(await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 20, region: 'eu-west-1' })).toEqual({ status: 200, value: { group: 'web', cpu: 20 } });
      expect([clouds.regions(), clouds.find('eu-west-1')?.loadOf('web'), cloud.loadOf('web')]).toEqual([['eu-west-1', 'us-east-1'], 20, 80]);
      const refused = await ask(ctx, 'POST', '/_botoscale/load', { group: 'web', cpu: 20, region: 'mars-north-1' });
      expect(refused.status).toBe(400);
      expect((refused.value as { error: { message: string } }).error.message).toMatch(/^give "region": one of the regions botoscale local serves \(af-south-1, .*cn-north-1, .*us-west-2\), got "mars-north-1"$/);
      expect(recorded).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      clouds.dispose();
    }
  });
});

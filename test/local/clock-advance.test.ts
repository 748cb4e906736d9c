/**
 * Issue 13, failure 1: one clock advance must not freeze the server. An advance is capped
 * (MAX_ADVANCE_MS per call, a 400 naming the cap over it, a RangeError in code) and the
 * control API runs it in slices, so other requests are answered while it runs.
 */
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { MAX_ADVANCE_MS, SimClock } from '../../src/local/clock';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, raw, startTest, T0 } from './helpers';

let local: LocalEndpoint;

beforeAll(async () => {
  local = await startTest();
});

afterAll(async () => {
  await local.close();
});

const advance = (by: unknown) => raw(local.endpoint, { path: '/_botoscale/clock/advance', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by }) });

describe('the advance cap', () => {
  test('is 31 days per call', () => {
    expect(MAX_ADVANCE_MS).toBe(31 * 86_400_000);
  });

  test('an advance past it is answered 400 naming the cap, and time does not move', async () => {
    const before = local.clock.now();
    for (const by of [1e15, '32d', MAX_ADVANCE_MS + 1]) {
      const res = await advance(by);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({
        error: {
          code: 'InvalidRequest',
          message: `"by" must be at most 31d (2678400000 ms) per request, got ${typeof by === 'number' ? by : Number(parseInt(by, 10)) * 86_400_000} ms: advance in several requests`,
        },
      });
    }
    expect(local.clock.now()).toBe(before);
    const health = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' });
    expect(health.status).toBe(200);
  });

  test('in code, clock.advance past it throws a RangeError naming the cap', () => {
    const clock = new SimClock({ start: T0 });
    expect(() => clock.advance('32d')).toThrow(new RangeError('clock.advance: at most 31d (2678400000 ms) per call, got 2764800000 ms: advance in several calls'));
    expect(clock.now()).toBe(T0);
    clock.advance('31d');
    expect(clock.now()).toBe(T0 + MAX_ADVANCE_MS);
  });
});

describe('a long advance yields to other requests', () => {
  test('a describe sent while a 31-day advance runs is answered before the advance', async () => {
    const start = local.clock.now();
    const order: string[] = [];
    const long = advance('31d').then((res) => {
      order.push('advance');
      return res;
    });
    // Wait until the advance has begun (simulated time moved), then ask something else.
    while (local.clock.now() === start) await new Promise((r) => setImmediate(r));
    const groups = await new AutoScaling(clientConfig(local.endpoint)).describeAutoScalingGroups({});
    const during = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/clock' });
    order.push('describe');
    const seen = (JSON.parse(during.text) as { epochMillis: number }).epochMillis;
    const res = await long;
    expect(groups.AutoScalingGroups).toEqual([]);
    expect(order).toEqual(['describe', 'advance']);
    expect(seen).toBeGreaterThan(start);
    expect(seen).toBeLessThan(start + MAX_ADVANCE_MS);
    expect(res.status).toBe(200);
    expect(local.clock.now()).toBe(start + MAX_ADVANCE_MS);
  });

  test('advances sent together run one after the other, each by its own amount', async () => {
    const start = local.clock.now();
    const answers = await Promise.all([advance('2d'), advance('3d'), advance(60_000)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(local.clock.now()).toBe(start + 5 * 86_400_000 + 60_000);
  });
});

test('closing the server ends a long advance where it stands', async () => {
  const other = await startTest();
  const start = other.clock.now();
  const pending = raw(other.endpoint, { path: '/_botoscale/clock/advance', body: '{"by":"31d"}' }).then(
    (res) => res.status,
    () => 'connection closed',
  );
  while (other.clock.now() === start) await new Promise((r) => setImmediate(r));
  await other.close();
  await pending;
  const stopped = other.clock.now();
  await new Promise((r) => setTimeout(r, 20));
  expect(other.clock.now()).toBe(stopped);
  expect(stopped).toBeLessThan(start + MAX_ADVANCE_MS);
});

import { MAX_BODY_BYTES } from '../../src/cloudwatch';
import { BotoServerError } from '../../src/core';
import { cwOnWire, ok, replyError, target } from '../helpers/cloudwatch';

interface SentData {
  Namespace: string;
  MetricData: Record<string, unknown>[];
}

function sentData(json: unknown): SentData {
  return json as SentData;
}

describe('putMetricData', () => {
  test('one value', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    await expect(conn.putMetricData('MyApp', 'Requests', 5)).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricData'));
    expect(wire.last.json).toEqual({ Namespace: 'MyApp', MetricData: [{ MetricName: 'Requests', Value: 5 }] });
  });

  test('every option: timestamp (as epoch seconds), unit, dimensions, storage resolution; a numeric string value', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    await conn.putMetricData('MyApp', 'Latency', '0.125', {
      timestamp: new Date('2013-05-24T21:15:31.280Z'), unit: 'Seconds', dimensions: { Server: ['web-1', 'web-2'], Stage: 'prod' }, storageResolution: 1,
    });
    expect(wire.last.json).toEqual({
      Namespace: 'MyApp',
      MetricData: [{
        MetricName: 'Latency',
        Dimensions: [{ Name: 'Server', Value: 'web-1' }, { Name: 'Server', Value: 'web-2' }, { Name: 'Stage', Value: 'prod' }],
        Timestamp: 1369430131.28,
        Value: 0.125,
        Unit: 'Seconds',
        StorageResolution: 1,
      }],
    });
  });

  test('lists as boto2 takes them: one datapoint per item, an argument given once repeated for each', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    const t0 = new Date('2013-05-24T21:00:00Z');
    const t1 = new Date('2013-05-24T21:01:00Z');
    await conn.putMetricData('MyApp', ['Requests', 'Errors'], [120, 3], {
      timestamp: [t0, t1], unit: 'Count', dimensions: [{ Server: 'web-1' }, { Server: 'web-2' }],
    });
    expect(wire.last.json).toEqual({
      Namespace: 'MyApp',
      MetricData: [
        { MetricName: 'Requests', Value: 120, Timestamp: t0.getTime() / 1000, Unit: 'Count', Dimensions: [{ Name: 'Server', Value: 'web-1' }] },
        { MetricName: 'Errors', Value: 3, Timestamp: t1.getTime() / 1000, Unit: 'Count', Dimensions: [{ Name: 'Server', Value: 'web-2' }] },
      ],
    });
    ok(wire);
    await conn.putMetricData('MyApp', 'Requests', [1, 2, 3]);
    expect(wire.last.json).toEqual({
      Namespace: 'MyApp',
      MetricData: [{ MetricName: 'Requests', Value: 1 }, { MetricName: 'Requests', Value: 2 }, { MetricName: 'Requests', Value: 3 }],
    });
  });

  test('a statistic set instead of a value (boto2\'s samplecount key, or sampleCount)', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    await conn.putMetricData('MyApp', 'PageLoad', undefined, { statistics: { maximum: 30, minimum: 1, samplecount: 100, sum: 10000 }, unit: 'Milliseconds' });
    expect(wire.last.json).toEqual({
      Namespace: 'MyApp',
      MetricData: [{ MetricName: 'PageLoad', StatisticValues: { SampleCount: 100, Sum: 10000, Minimum: 1, Maximum: 30 }, Unit: 'Milliseconds' }],
    });
    ok(wire);
    await conn.putMetricData('MyApp', ['A', 'B'], undefined, {
      statistics: [{ maximum: '3', minimum: '1', sampleCount: '2', sum: '4' }, { maximum: 9, minimum: 9, sampleCount: 1, sum: 9 }],
    });
    expect(wire.last.json).toEqual({
      Namespace: 'MyApp',
      MetricData: [
        { MetricName: 'A', StatisticValues: { SampleCount: 2, Sum: 4, Minimum: 1, Maximum: 3 } },
        { MetricName: 'B', StatisticValues: { SampleCount: 1, Sum: 9, Minimum: 9, Maximum: 9 } },
      ],
    });
  });

  test('2,500 values go out as 3 requests of 1000, 1000 and 500, in order (gzipped by the SDK)', async () => {
    const { wire, conn, sizes } = cwOnWire();
    const values = Array.from({ length: 2500 }, (_, i) => i);
    for (let i = 0; i < 3; i++) ok(wire);
    await expect(conn.putMetricData('MyApp', 'Requests', values, { unit: 'Count' })).resolves.toBe(true);
    expect(wire.requests).toHaveLength(3);
    const batches = wire.requests.map((r) => sentData(r.json));
    expect(batches.map((b) => b.MetricData.length)).toEqual([1000, 1000, 500]);
    expect(batches.every((b) => b.Namespace === 'MyApp')).toBe(true);
    expect(batches.flatMap((b) => b.MetricData.map((d) => d.Value))).toEqual(values);
    expect(batches[2]?.MetricData[499]).toEqual({ MetricName: 'Requests', Value: 2499, Unit: 'Count' });
    expect(wire.requests.map((r) => r.headers['x-amz-target'])).toEqual([target('PutMetricData'), target('PutMetricData'), target('PutMetricData')]);
    expect(wire.requests.map((r) => r.headers['content-encoding'])).toEqual(['gzip', 'gzip', 'gzip']);
    expect(sizes.sent.every((n, i) => n < Buffer.byteLength(wire.requests[i]?.body ?? ''))).toBe(true);
  });

  test('requests also stay within 1 MB of body: 100 datapoints of 30 long dimensions each go out as 4 requests', async () => {
    const { wire, conn } = cwOnWire();
    const dims: Record<string, string> = {};
    for (let d = 0; d < 30; d++) dims[`Dimension${String(d).padStart(2, '0')}`] = `${d}`.padEnd(1024, 'v');
    for (let i = 0; i < 4; i++) ok(wire);
    await conn.putMetricData('MyApp', 'Wide', Array.from({ length: 100 }, (_, i) => i), { dimensions: dims });
    expect(wire.requests).toHaveLength(4);
    const bodies = wire.requests.map((r) => Buffer.byteLength(r.body));
    const counts = wire.requests.map((r) => sentData(r.json).MetricData.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(bodies.every((n) => n <= MAX_BODY_BYTES)).toBe(true);
    // Each full request had no room for one more datapoint.
    const perDatum = (bodies[0] as number) / (counts[0] as number);
    expect((bodies[0] as number) + perDatum).toBeGreaterThan(MAX_BODY_BYTES);
    expect(counts).toEqual([31, 31, 31, 7]);
    expect(wire.requests.flatMap((r) => sentData(r.json).MetricData.map((d) => d.Value))).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  test('the 1 MB split is exact against what the SDK sends: non-ASCII text, fractional timestamps, statistic sets and per-datapoint dimensions', async () => {
    const { wire, conn } = cwOnWire();
    const n = 100;
    const dims = Array.from({ length: n }, (_, i) => Object.fromEntries(Array.from({ length: 30 }, (_, d) => [`Dimensión${d}`, `${i}-${d}`.padEnd(500 + i, 'é')])));
    const names = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'Latència' : 'Requests'));
    const times = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2013, 4, 24, 21, 0, 0, i * 7)));
    const stats = Array.from({ length: n }, (_, i) => ({ maximum: i + 0.5, minimum: -i, samplecount: 3, sum: i * 1e20 }));
    for (let i = 0; i < 10; i++) ok(wire);
    await conn.putMetricData('Càrrega/App', names, undefined, { dimensions: dims, timestamp: times, statistics: stats, unit: 'Count' });
    const sent = wire.requests.map((r) => sentData(r.json));
    expect(sent.reduce((a, b) => a + b.MetricData.length, 0)).toBe(n);
    const bodies = wire.requests.map((r) => Buffer.byteLength(r.body));
    expect(bodies.length).toBeGreaterThan(2);
    bodies.forEach((bytes, i) => {
      expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
      const next = sent[i + 1]?.MetricData[0];
      // Greedy and exact: the first datapoint of the next request would not have fitted.
      if (next !== undefined) expect(bytes + 1 + Buffer.byteLength(JSON.stringify(next))).toBeGreaterThan(MAX_BODY_BYTES);
    });
    expect(sent[0]?.MetricData[1]).toMatchObject({ MetricName: 'Requests', Timestamp: 1369429200.007, StatisticValues: { Maximum: 1.5, Minimum: -1, SampleCount: 3, Sum: 1e20 } });
    expect(wire.pending).toBe(10 - bodies.length);
  });

  test('the 1 MB split is to the byte: a request of exactly 1,000,000 bytes is full, one more byte moves a datapoint to the next request', async () => {
    // Datapoints (with a timestamp the SDK writes as 1369429200.007) of 30 dimensions with values of 900 characters, then lengthened one
    // character at a time until the first k datapoints make a body of exactly MAX_BODY_BYTES.
    const base = Buffer.byteLength(JSON.stringify({ Namespace: 'MyApp', MetricData: [] }));
    const lengths = (): number[] => Array.from({ length: 30 }, () => 900);
    const datum = (lens: number[]): Record<string, unknown> => ({
      MetricName: 'Wide', Value: 1, Timestamp: 1369429200.007, Unit: 'Count', Dimensions: lens.map((l, d) => ({ Name: `D${String(d).padStart(2, '0')}`, Value: 'v'.repeat(l) })),
    });
    const full = Buffer.byteLength(JSON.stringify(datum(lengths())));
    const k = Math.floor((MAX_BODY_BYTES - base + 1) / (full + 1));
    const plan = Array.from({ length: k }, lengths);
    let missing = MAX_BODY_BYTES - (base + k * full + (k - 1));
    for (const lens of plan) {
      for (let d = 0; d < lens.length && missing > 0; d++) {
        const grow = Math.min(124, missing);
        lens[d] = (lens[d] as number) + grow;
        missing -= grow;
      }
    }
    const send = async (extraByte: boolean): Promise<number[]> => {
      const { wire, conn } = cwOnWire();
      const lens = plan.map((l) => [...l]);
      if (extraByte) (lens[k - 1] as number[])[29] = ((lens[k - 1] as number[])[29] as number) + 1;
      lens.push(lengths());
      const dims = lens.map((l) => Object.fromEntries((datum(l).Dimensions as { Name: string; Value: string }[]).map((x) => [x.Name, x.Value])));
      for (let i = 0; i < 3; i++) ok(wire);
      await conn.putMetricData('MyApp', 'Wide', 1, { dimensions: dims, timestamp: new Date(Date.UTC(2013, 4, 24, 21, 0, 0, 7)), unit: 'Count' });
      if (!extraByte) expect(Buffer.byteLength(wire.requests[0]?.body ?? '')).toBe(MAX_BODY_BYTES);
      return wire.requests.map((r) => sentData(r.json).MetricData.length);
    };
    expect(await send(false)).toEqual([k, 1]);
    expect(await send(true)).toEqual([k - 1, 2]);
  });

  test('a failing request rejects; the requests before it were sent, the ones after it are not', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    replyError(wire, 400, 'InvalidParameterValue', 'The value 1.0E400 for parameter MetricData.member.1.Value is invalid.', 'Sender', 'InvalidParameterValueException');
    const err = await conn.putMetricData('MyApp', 'Requests', Array.from({ length: 2001 }, (_, i) => i)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 400, errorCode: 'InvalidParameterValue', message: 'The value 1.0E400 for parameter MetricData.member.1.Value is invalid.' });
    expect(wire.requests).toHaveLength(2);
  });
});

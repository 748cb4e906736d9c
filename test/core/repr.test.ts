import { inspect } from 'node:util';
import { BotoClientError, BotoObject, DEFAULT_REGION, checkRegionName, inspectCustom, regionOfAwsHost, pyFloat } from '../../src/core';

class Thing extends BotoObject<{ name: string }> {
  name: string | undefined;
  size = 3;

  constructor(options: { connection?: { name: string }; name?: string } = {}) {
    super(options.connection);
    this.name = options.name;
  }

  toString(): string {
    return `Thing:${this.name ?? 'None'}`;
  }

  async use(): Promise<string> {
    return this.requireConnection().name;
  }
}

describe('BotoObject', () => {
  test('prints as its repr in String, template strings, util.inspect and console-style nesting', () => {
    const t = new Thing({ name: 'x' });
    expect([String(t), `${t}`, inspect(t), inspect([t, { t }])]).toEqual(['Thing:x', 'Thing:x', 'Thing:x', '[ Thing:x, { t: Thing:x } ]']);
    expect(inspectCustom).toBe(inspect.custom);
  });

  test('JSON has its data fields, never its connection', () => {
    const t = new Thing({ name: 'x', connection: { name: 'conn' } });
    expect(JSON.parse(JSON.stringify(t))).toEqual({ name: 'x', size: 3 });
    expect(Object.keys(t)).toEqual(['name', 'size']);
  });

  test('holds a connection that can be set later; without one, methods reject saying how to give one', async () => {
    const t = new Thing({ name: 'x' });
    expect(t.connection).toBeUndefined();
    await expect(t.use()).rejects.toThrow(new BotoClientError(
      "Thing:x has no connection: pass it to a connection's create call first, or give { connection } when constructing it",
    ));
    t.connection = { name: 'conn' };
    await expect(t.use()).resolves.toBe('conn');
  });
});

describe('pyFloat prints numbers as Python\'s str(float)', () => {
  // Expected texts are Python 3's own output for the same values.
  test.each<[number, string]>([
    [70, '70.0'], [0, '0.0'], [-0, '-0.0'], [-3, '-3.0'], [0.5, '0.5'], [70.25, '70.25'],
    [1e15, '1000000000000000.0'], [1e16, '1e+16'], [123456789012345678, '1.2345678901234568e+17'], [1e21, '1e+21'],
    [9999999999999998, '9999999999999998.0'], [2.5e300, '2.5e+300'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [1e-7, '1e-07'], [1.5e-5, '1.5e-05'], [0.1 + 0.2, '0.30000000000000004'],
    [-0.00012, '-0.00012'], [-1.5e-5, '-1.5e-05'],
    [Number.NaN, 'nan'], [Number.POSITIVE_INFINITY, 'inf'], [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%p → %s', (n, text) => {
    expect(pyFloat(n)).toBe(text);
  });
});

describe('regions', () => {
  test('the region an AWS host names, by the SDK\'s partitions and their DNS suffixes', () => {
    expect(regionOfAwsHost('autoscaling.us-west-2.amazonaws.com')).toBe('us-west-2');
    expect(regionOfAwsHost('elasticloadbalancing.cn-northwest-1.amazonaws.com.cn')).toBe('cn-northwest-1');
    expect(regionOfAwsHost('autoscaling.eusc-de-east-1.amazonaws.eu')).toBe('eusc-de-east-1');
    expect(regionOfAwsHost('autoscaling-fips.us-gov-west-1.amazonaws.com:443')).toBe('us-gov-west-1');
    expect(regionOfAwsHost('autoscaling.us-east-2.api.aws')).toBe('us-east-2');
    expect(regionOfAwsHost('vpce-0a1b-x.autoscaling.eu-west-1.vpce.amazonaws.com')).toBe('eu-west-1');
    expect(regionOfAwsHost('autoscaling.amazonaws.com')).toBe('us-east-1');
    expect(regionOfAwsHost('autoscaling.eu-west-1.example.com')).toBeUndefined();
    expect(regionOfAwsHost('127.0.0.1:4599')).toBeUndefined();
    expect(DEFAULT_REGION).toBe('us-east-1');
  });

  test('checkRegionName', () => {
    expect(checkRegionName('eu-west-1')).toBe('eu-west-1');
    expect(() => checkRegionName('EU-WEST-1')).toThrow(BotoClientError);
  });
});

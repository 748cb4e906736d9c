import { inspect } from 'node:util';
import { BotoServerError, ResultSet } from '../../src/core';

describe('ResultSet', () => {
  test('is an Array carrying the page marker', () => {
    const rs = ResultSet.fromPage(['a', 'b', 'c'], 'token-2');
    expect(rs).toBeInstanceOf(ResultSet);
    expect(rs).toBeInstanceOf(Array);
    expect(Array.isArray(rs)).toBe(true);
    expect(rs).toHaveLength(3);
    expect([rs[0], rs[2]]).toEqual(['a', 'c']);
    expect(rs.nextToken).toBe('token-2');
    expect(rs.isTruncated).toBe(true);
  });

  test('the last page has no token and is not truncated; an empty token counts as none', () => {
    expect(ResultSet.fromPage([1]).isTruncated).toBe(false);
    expect(ResultSet.fromPage([1], '').nextToken).toBeUndefined();
    expect(ResultSet.fromPage([1], '').isTruncated).toBe(false);
    expect(new ResultSet<number>().isTruncated).toBe(false);
  });

  test('fromPage accepts any iterable', () => {
    const rs = ResultSet.fromPage(new Set([3, 1, 2]).values());
    expect([...rs]).toEqual([3, 1, 2]);
  });

  test('map, filter, slice and concat return plain arrays', () => {
    const rs = ResultSet.fromPage([1, 2, 3, 4], 't');
    const results = [rs.map((x) => x * 2), rs.filter((x) => x % 2 === 0), rs.slice(1), rs.concat([5]), rs.flatMap((x) => [x])];
    for (const r of results) {
      expect(r).not.toBeInstanceOf(ResultSet);
      expect(Object.getPrototypeOf(r)).toBe(Array.prototype);
    }
    expect(results.map((r) => [...r])).toEqual([[2, 4, 6, 8], [2, 4], [2, 3, 4], [1, 2, 3, 4, 5], [1, 2, 3, 4]]);
  });

  test('nextToken and isTruncated are not enumerable, however nextToken is set', () => {
    const rs = ResultSet.fromPage(['x'], 'tok');
    expect(Object.keys(rs)).toEqual(['0']);
    expect(JSON.stringify(rs)).toBe('["x"]');
    expect({ ...rs }).toEqual({ 0: 'x' });
    const later = ResultSet.from(['y']) as ResultSet<string>;
    later.nextToken = 'set-later';
    expect(later.nextToken).toBe('set-later');
    expect(later.isTruncated).toBe(true);
    expect(Object.keys(later)).toEqual(['0']);
    const propertyNames: string[] = [];
    for (const key in later) propertyNames.push(key);
    expect(propertyNames).toEqual(['0']);
  });

  test('util.inspect prints it like a list, nested or not', () => {
    const rs = ResultSet.fromPage([1, 'two', { three: 3 }], 'tok');
    expect(inspect(rs)).toBe("[ 1, 'two', { three: 3 } ]");
    expect(inspect({ page: rs })).toBe("{ page: [ 1, 'two', { three: 3 } ] }");
    expect(inspect(ResultSet.fromPage([]))).toBe('[]');
    expect(inspect(ResultSet.fromPage([{ a: { b: { c: 1 } } }]), { depth: 0 })).toBe('[ [Object] ]');
    expect(inspect(ResultSet.fromPage(['x']), { showHidden: true })).toBe("[ 'x', [length]: 1 ]");
  });

  test('objects with a boto2 repr print as such inside it', () => {
    const item = { toString: () => 'Instance:i-1', [inspect.custom]: () => 'Instance:i-1' };
    expect(inspect(ResultSet.fromPage([item, item]))).toBe('[ Instance:i-1, Instance:i-1 ]');
  });

  test('the paging marker survives being a thrown-away copy: token of a copy is not shared', () => {
    const rs = ResultSet.fromPage([1], 'a');
    const copy = ResultSet.fromPage(rs, rs.nextToken);
    copy.nextToken = undefined;
    expect([rs.nextToken, copy.nextToken]).toEqual(['a', undefined]);
  });

  test('BotoServerError is what a repeated token gives (see paging tests)', () => {
    expect(new BotoServerError({ status: 200, reason: 'OK', errorCode: 'RepeatedNextToken', message: 'm' }).errorCode).toBe('RepeatedNextToken');
  });
});

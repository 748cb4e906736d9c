/**
 * The handlers' member readers: the protocol layer checks types first, so these answer
 * only a handler called directly with a stray type; each service still words the error
 * its own way.
 */
import * as shared from '../../src/local/input';
import { serviceError } from './helpers';

test('absent and null members are undefined; present ones are narrowed', () => {
  const input = { S: 's', N: 1.5, I: 2, B: true, D: new Date(1000), L: ['a'], O: { k: 'v' }, Z: null };
  const r = shared;
  expect([r.optString(input, 'S'), r.optInt(input, 'I'), r.optBool(input, 'B')]).toEqual(['s', 2, true]);
  expect([r.optStrings(input, 'L'), r.optObject(input, 'O'), r.optObjects({ X: [{}] }, 'X')]).toEqual([['a'], { k: 'v' }, [{}]]);
  expect([r.optString(input, 'Z'), r.optString(input, 'missing')]).toEqual([undefined, undefined]);
  expect(shared.optInts({ X: [1, 2] }, 'X')).toEqual([1, 2]);
});

test('EC2 and ELB: InvalidParameterValue saying what was expected', () => {
  expect(serviceError(() => shared.optInts({ Ports: [1.5] }, 'Ports'))).toEqual({ code: 'InvalidParameterValue', status: 400, message: 'Invalid value for parameter Ports: expected a list of integers' });
  expect(serviceError(() => shared.optObject({ Filter: [] }, 'Filter')).message).toBe('Invalid value for parameter Filter: expected a structure');
});

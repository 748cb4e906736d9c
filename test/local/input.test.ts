/**
 * The handlers' member readers: the protocol layer checks types first, so these answer
 * only a handler called directly with a stray type; each service still words the error
 * its own way.
 */
import * as cloudwatch from '../../src/local/cloudwatch/input';
import * as shared from '../../src/local/input';
import { serviceError } from './helpers';

test('absent and null members are undefined; present ones are narrowed', () => {
  const input = { S: 's', N: 1.5, I: 2, B: true, D: new Date(1000), L: ['a'], O: { k: 'v' }, Z: null };
  for (const r of [cloudwatch]) {
    expect([r.optString(input, 'S'), r.optNumber(input, 'N'), r.optInt(input, 'I'), r.optBool(input, 'B'), r.optDate(input, 'D')]).toEqual(['s', 1.5, 2, true, 1000]);
    expect([r.optStrings(input, 'L'), r.optObject(input, 'O'), r.optObjects({ X: [{}] }, 'X')]).toEqual([['a'], { k: 'v' }, [{}]]);
    expect([r.optString(input, 'Z'), r.optString(input, 'missing')]).toEqual([undefined, undefined]);
  }
  expect(shared.optInts({ X: [1, 2] }, 'X')).toEqual([1, 2]);
  expect(cloudwatch.optNumbers({ X: [1.5] }, 'X')).toEqual([1.5]);
});

test('CloudWatch: InvalidParameterValue quoting the value, MissingParameter', () => {
  expect(serviceError(() => cloudwatch.optNumber({ Value: 'x' }, 'Value'))).toEqual({ code: 'InvalidParameterValue', status: 400, message: 'The value x for parameter Value is invalid.' });
  expect(serviceError(() => cloudwatch.optStrings({ Names: 'x' }, 'Names')).message).toBe('The value [list] for parameter Names is invalid.');
  expect(serviceError(() => cloudwatch.optObject({ Metric: 'x' }, 'Metric')).message).toBe('The value [value] for parameter Metric is invalid.');
  expect(serviceError(() => cloudwatch.reqDate({}, 'StartTime'))).toEqual({ code: 'MissingParameter', status: 400, message: 'The parameter StartTime is required.' });
});

test('EC2 and ELB: InvalidParameterValue saying what was expected', () => {
  expect(serviceError(() => shared.optInts({ Ports: [1.5] }, 'Ports'))).toEqual({ code: 'InvalidParameterValue', status: 400, message: 'Invalid value for parameter Ports: expected a list of integers' });
  expect(serviceError(() => shared.optObject({ Filter: [] }, 'Filter')).message).toBe('Invalid value for parameter Filter: expected a structure');
});

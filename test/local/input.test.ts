/**
 * The handlers' member readers: the protocol layer checks types first, so these answer
 * only a handler called directly with a stray type; each service still words the error
 * its own way.
 */
import * as autoscale from '../../src/local/autoscale/input';
import * as shared from '../../src/local/input';
import { serviceError } from './helpers';

test('absent and null members are undefined; present ones are narrowed', () => {
  const input = { S: 's', N: 1.5, I: 2, B: true, D: new Date(1000), L: ['a'], O: { k: 'v' }, Z: null };
  for (const r of [autoscale]) {
    expect([r.optString(input, 'S'), r.optNumber(input, 'N'), r.optInt(input, 'I'), r.optBool(input, 'B'), r.optDate(input, 'D')]).toEqual(['s', 1.5, 2, true, 1000]);
    expect([r.optStrings(input, 'L'), r.optObject(input, 'O'), r.optObjects({ X: [{}] }, 'X')]).toEqual([['a'], { k: 'v' }, [{}]]);
    expect([r.optString(input, 'Z'), r.optString(input, 'missing')]).toEqual([undefined, undefined]);
  }
  expect(shared.optInts({ X: [1, 2] }, 'X')).toEqual([1, 2]);
});

test('Auto Scaling: ValidationError in AWS words', () => {
  expect(serviceError(() => autoscale.optInt({ DesiredCapacity: 1.5 }, 'DesiredCapacity'))).toEqual({
    code: 'ValidationError',
    status: 400,
    message: "1 validation error detected: Value at 'desiredCapacity' failed to satisfy constraint: Member must be an integer",
  });
  expect(serviceError(() => autoscale.optNumber({ Bound: Number.NaN }, 'Bound')).message).toBe("1 validation error detected: Value at 'bound' failed to satisfy constraint: Member must be a number");
  expect(serviceError(() => autoscale.optObjects({ Tags: ['x'] }, 'Tags')).message).toBe("1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must be a list of structures");
  expect(serviceError(() => autoscale.reqString({}, 'AutoScalingGroupName')).message).toBe(
    "1 validation error detected: Value null at 'autoScalingGroupName' failed to satisfy constraint: Member must not be null",
  );
});

test('EC2 and ELB: InvalidParameterValue saying what was expected', () => {
  expect(serviceError(() => shared.optInts({ Ports: [1.5] }, 'Ports'))).toEqual({ code: 'InvalidParameterValue', status: 400, message: 'Invalid value for parameter Ports: expected a list of integers' });
  expect(serviceError(() => shared.optObject({ Filter: [] }, 'Filter')).message).toBe('Invalid value for parameter Filter: expected a structure');
});

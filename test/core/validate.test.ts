import { BotoClientError, validate } from '../../src/core';

const {
  requireValue, checkInt, checkOneOf, checkLength, checkPattern, checkNonEmpty, checkMaxItems, toNumber, checkOrder, checkText, checkExclusive,
} = validate;

/** The BotoClientError message `fn` throws (failing the test if it throws anything else or nothing). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BotoClientError);
    expect((e as BotoClientError).reason).toBe((e as Error).message);
    return (e as Error).message;
  }
  throw new Error('expected a BotoClientError, nothing was thrown');
}

describe('requireValue', () => {
  test('returns a present value', () => {
    expect(requireValue('name', 'my_group')).toBe('my_group');
    expect(requireValue('minSize', 0)).toBe(0);
    expect(requireValue('flag', false)).toBe(false);
  });
  test.each([undefined, null, ''])('rejects %p', (value) => {
    expect(messageOf(() => requireValue('launchConfig', value))).toBe('launchConfig is required');
  });
});

describe('checkInt', () => {
  test('undefined passes; integers in range pass', () => {
    expect(checkInt('maxRecords', undefined, { min: 1, max: 100 })).toBeUndefined();
    expect([checkInt('n', 1, { min: 1, max: 100 }), checkInt('n', 100, { min: 1, max: 100 }), checkInt('n', -5)]).toEqual([1, 100, -5]);
  });
  test.each<[number, { min?: number; max?: number }, string]>([
    [0, { min: 1, max: 100 }, 'maxRecords must be an integer from 1 to 100, got 0'],
    [101, { min: 1, max: 100 }, 'maxRecords must be an integer from 1 to 100, got 101'],
    [-1, { min: 0 }, 'maxRecords must be a non-negative integer, got -1'],
    [0, { min: 1 }, 'maxRecords must be a positive integer, got 0'],
    [4, { min: 5 }, 'maxRecords must be an integer of at least 5, got 4'],
    [11, { max: 10 }, 'maxRecords must be an integer of at most 10, got 11'],
    [1.5, {}, 'maxRecords must be an integer, got 1.5'],
    [Number.NaN, { min: 0 }, 'maxRecords must be a non-negative integer, got NaN'],
    [Number.POSITIVE_INFINITY, {}, 'maxRecords must be an integer, got Infinity'],
  ])('%p with %p', (value, range, message) => {
    expect(messageOf(() => checkInt('maxRecords', value, range))).toBe(message);
  });
  test('a string from untyped JavaScript is shown quoted', () => {
    expect(messageOf(() => checkInt('minSize', '2' as unknown as number, { min: 0 }))).toBe('minSize must be a non-negative integer, got "2"');
  });
});

describe('checkOneOf', () => {
  const TYPES = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'] as const;
  test('undefined and allowed values pass', () => {
    expect(checkOneOf('adjustmentType', undefined, TYPES)).toBeUndefined();
    expect(checkOneOf('adjustmentType', 'ExactCapacity', TYPES)).toBe('ExactCapacity');
  });
  test('anything else, compared exactly', () => {
    expect(messageOf(() => checkOneOf('adjustmentType', 'exactcapacity', TYPES))).toBe(
      'adjustmentType must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity; got "exactcapacity"',
    );
    expect(messageOf(() => checkOneOf('healthCheckType', 3 as unknown as string, ['EC2', 'ELB']))).toBe('healthCheckType must be one of EC2, ELB; got 3');
  });
});

describe('checkLength', () => {
  test('undefined and lengths in range pass', () => {
    expect(checkLength('name', undefined, 255)).toBeUndefined();
    expect(checkLength('name', 'a', 255)).toBe('a');
    expect(checkLength('name', 'x'.repeat(255), 255)).toHaveLength(255);
    expect(checkLength('note', '', 10, 0)).toBe('');
  });
  test.each<[string, number, number, string]>([
    ['x'.repeat(256), 255, 1, 'name must be 1 to 255 characters long, got 256'],
    ['', 255, 1, 'name must be 1 to 255 characters long, got 0'],
    ['abc', 32, 5, 'name must be 5 to 32 characters long, got 3'],
  ])('length %#', (value, max, min, message) => {
    expect(messageOf(() => checkLength('name', value, max, min))).toBe(message);
  });
  test('a non-string', () => {
    expect(messageOf(() => checkLength('name', 42 as unknown as string, 255))).toBe('name must be a string, got 42');
    expect(messageOf(() => checkLength('name', ['a'] as unknown as string, 255))).toBe('name must be a string, got a list of 1');
  });
});

describe('checkPattern', () => {
  const LB = /^[A-Za-z0-9-]+$/;
  test('undefined and matches pass', () => {
    expect(checkPattern('name', undefined, LB, 'letters, digits and hyphens')).toBeUndefined();
    expect(checkPattern('name', 'my-lb-1', LB, 'letters, digits and hyphens')).toBe('my-lb-1');
  });
  test('anything else says what is allowed', () => {
    expect(messageOf(() => checkPattern('name', 'my_lb', LB, 'letters, digits and hyphens'))).toBe('name must be letters, digits and hyphens, got "my_lb"');
    expect(messageOf(() => checkPattern('name', null as unknown as string, LB, 'letters, digits and hyphens'))).toBe('name must be letters, digits and hyphens, got null');
    expect(messageOf(() => checkPattern('name', {} as unknown as string, LB, 'letters, digits and hyphens'))).toBe('name must be letters, digits and hyphens, got an object');
  });
});

describe('checkNonEmpty', () => {
  test('undefined and non-empty lists pass', () => {
    expect(checkNonEmpty('availabilityZones', undefined)).toBeUndefined();
    expect(checkNonEmpty('availabilityZones', ['us-east-1a'])).toEqual(['us-east-1a']);
  });
  test('an empty list, or not a list', () => {
    expect(messageOf(() => checkNonEmpty('availabilityZones', []))).toBe('availabilityZones must list at least one item');
    expect(messageOf(() => checkNonEmpty('availabilityZones', 'us-east-1a' as unknown as string[]))).toBe('availabilityZones must be a list, got "us-east-1a"');
  });
});

describe('checkMaxItems', () => {
  test('undefined and short lists pass', () => {
    expect(checkMaxItems('names', undefined, 50)).toBeUndefined();
    expect(checkMaxItems('names', Array(50).fill('n'), 50)).toHaveLength(50);
  });
  test('a longer list', () => {
    expect(messageOf(() => checkMaxItems('names', Array(51).fill('n'), 50))).toBe('names may list at most 50 items, got 51');
  });
});

describe('toNumber', () => {
  test('numbers and numeric strings, as the tutorial passes threshold=\'70\'', () => {
    expect([toNumber('threshold', undefined), toNumber('threshold', 70), toNumber('threshold', '70'), toNumber('threshold', ' 70.5 '), toNumber('threshold', '-1e3'), toNumber('threshold', '.5'), toNumber('threshold', '7.')]).toEqual(
      [undefined, 70, 70, 70.5, -1000, 0.5, 7],
    );
  });
  test.each<[unknown, string]>([
    ['', 'threshold must be a number or a numeric string, got ""'],
    ['   ', 'threshold must be a number or a numeric string, got "   "'],
    ['seventy', 'threshold must be a number or a numeric string, got "seventy"'],
    ['0x46', 'threshold must be a number or a numeric string, got "0x46"'],
    ['0b1', 'threshold must be a number or a numeric string, got "0b1"'],
    ['0o7', 'threshold must be a number or a numeric string, got "0o7"'],
    ['Infinity', 'threshold must be a number or a numeric string, got "Infinity"'],
    ['70%', 'threshold must be a number or a numeric string, got "70%"'],
    [Number.NaN, 'threshold must be a number or a numeric string, got NaN'],
    [Number.POSITIVE_INFINITY, 'threshold must be a number or a numeric string, got Infinity'],
    [true, 'threshold must be a number or a numeric string, got true'],
    [null, 'threshold must be a number or a numeric string, got null'],
    [[70], 'threshold must be a number or a numeric string, got a list of 1'],
  ])('%p', (value, message) => {
    expect(messageOf(() => toNumber('threshold', value as string))).toBe(message);
  });
});

describe('checkOrder', () => {
  test('min <= max passes, as does a missing side', () => {
    expect(() => checkOrder('minSize', 1, 'maxSize', 1)).not.toThrow();
    expect(() => checkOrder('minSize', 5, 'maxSize', undefined)).not.toThrow();
    expect(() => checkOrder('minSize', undefined, 'maxSize', 0)).not.toThrow();
  });
  test('min > max names both', () => {
    expect(messageOf(() => checkOrder('minSize', 5, 'maxSize', 4))).toBe('minSize (5) must not be greater than maxSize (4)');
  });
});

describe('checkText', () => {
  test('strings as they are, finite numbers in decimal', () => {
    expect([checkText('v', 'running'), checkText('v', ''), checkText('v', 16), checkText('v', 0.5)]).toEqual(['running', '', '16', '0.5']);
  });
  test.each<[unknown, string]>([
    [null, 'filters["state"] must be a string or a number, got null'],
    [undefined, 'filters["state"] must be a string or a number, got undefined'],
    [true, 'filters["state"] must be a string or a number, got true'],
    [{}, 'filters["state"] must be a string or a number, got an object'],
    [Number.NaN, 'filters["state"] must be a string or a number, got NaN'],
  ])('%p', (value, message) => {
    expect(messageOf(() => checkText('filters["state"]', value))).toBe(message);
  });
});

describe('checkExclusive', () => {
  test('one or neither passes; both names them', () => {
    expect(() => checkExclusive('maxResults', 5, 'instanceIds', undefined)).not.toThrow();
    expect(() => checkExclusive('maxResults', undefined, 'instanceIds', ['i-1'])).not.toThrow();
    expect(() => checkExclusive('maxResults', undefined, 'instanceIds', undefined)).not.toThrow();
    expect(messageOf(() => checkExclusive('maxResults', 5, 'instanceIds', ['i-1']))).toBe('maxResults and instanceIds cannot be given together');
  });
});

/**
 * Input checks run before a request is sent. Each throws a {@link BotoClientError} whose
 * message names the field and what is allowed, in one wording shared by every service.
 *
 * @module
 */
import { BotoClientError } from './errors';

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Throws unless `value` is present (not `undefined`, `null` or `''`). */
export function requireValue<T>(field: string, value: T | undefined | null): T {
  if (value === undefined || value === null || (value as unknown) === '') {
    throw new BotoClientError(`${field} is required`);
  }
  return value;
}

/** Integer bounds; either side may be open. */
export interface IntRange {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
}

function describeRange({ min, max }: IntRange): string {
  if (min === 0 && max === undefined) return 'a non-negative integer';
  if (min === 1 && max === undefined) return 'a positive integer';
  if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return 'an integer';
}

/** Throws unless `value` is undefined or an integer within `range`. */
export function checkInt(field: string, value: number | undefined, range: IntRange = {}): number | undefined {
  if (value === undefined) return undefined;
  const ok = typeof value === 'number' && Number.isInteger(value)
    && (range.min === undefined || value >= range.min)
    && (range.max === undefined || value <= range.max);
  if (!ok) throw new BotoClientError(`${field} must be ${describeRange(range)}, got ${show(value)}`);
  return value;
}

/** Throws unless `value` is undefined or one of `allowed` (compared exactly). */
export function checkOneOf<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new BotoClientError(`${field} must be one of ${allowed.join(', ')}; got ${show(value)}`);
  }
  return value as T;
}

/** Throws unless the string `value` is undefined or from `min` to `max` characters long. */
export function checkLength(field: string, value: string | undefined, max: number, min = 1): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BotoClientError(`${field} must be a string, got ${show(value)}`);
  if (value.length < min || value.length > max) {
    throw new BotoClientError(`${field} must be ${min} to ${max} characters long, got ${value.length}`);
  }
  return value;
}

/** Throws unless `value` is undefined or a string matching `pattern`; `allowed` says in words what matches. */
export function checkPattern(field: string, value: string | undefined, pattern: RegExp, allowed: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new BotoClientError(`${field} must be ${allowed}, got ${show(value)}`);
  }
  return value;
}

/** Throws if `list` is given but empty: AWS needs at least one item. */
export function checkNonEmpty<T>(field: string, list: readonly T[] | undefined): readonly T[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new BotoClientError(`${field} must be a list, got ${show(list)}`);
  if (list.length === 0) throw new BotoClientError(`${field} must list at least one item`);
  return list;
}

/** Throws if `list` has more than `max` items. */
export function checkMaxItems<T>(field: string, list: readonly T[] | undefined, max: number): readonly T[] | undefined {
  if (list !== undefined && list.length > max) {
    throw new BotoClientError(`${field} may list at most ${max} items, got ${list.length}`);
  }
  return list;
}

// Decimal notation only, as Python's float() reads it: Number() would also take
// '0x46', '0b1' and '0o7', which boto2 rejects.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number given as a number or a numeric string (boto2's tutorials pass
 * `threshold='70'`); anything else throws.
 */
export function toNumber(field: string, value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new BotoClientError(`${field} must be a number or a numeric string, got ${show(value)}`);
  }
  return n;
}

/** Throws unless `min <= max`, naming both fields. */
export function checkOrder(minField: string, min: number | undefined, maxField: string, max: number | undefined): void {
  if (min !== undefined && max !== undefined && min > max) {
    throw new BotoClientError(`${minField} (${min}) must not be greater than ${maxField} (${max})`);
  }
}

/** Throws unless `value` is a string or a finite number; returns it as text (a number in decimal). */
export function checkText(field: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new BotoClientError(`${field} must be a string or a number, got ${show(value)}`);
}

/** Throws if both fields are given: AWS accepts one or the other. */
export function checkExclusive(fieldA: string, a: unknown, fieldB: string, b: unknown): void {
  if (a !== undefined && b !== undefined) {
    throw new BotoClientError(`${fieldA} and ${fieldB} cannot be given together`);
  }
}

/**
 * Reading members of a parsed request in the EC2 and ELB handlers. The protocol layer
 * has already checked types against the model; these narrow the values for TypeScript
 * and answer a stray type (a handler called directly) with a 400 instead of a crash.
 *
 * @module
 */
import { ServiceError } from './errors';
import type { WireObject, WireValue } from './types';

function wrong(name: string, what: string): ServiceError {
  return new ServiceError('InvalidParameterValue', `Invalid value for parameter ${name}: expected ${what}`, 400);
}

/** Whether a wire value is a structure. */
export function isStructure(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** An optional string member. */
export function optString(input: WireObject, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrong(name, 'a string');
  return v;
}

/** An optional integer member. */
export function optInt(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrong(name, 'an integer');
  return v;
}

/** An optional boolean member. */
export function optBool(input: WireObject, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw wrong(name, 'a boolean');
  return v;
}

/** An optional list of strings. */
export function optStrings(input: WireObject, name: string): string[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw wrong(name, 'a list of strings');
  return v as string[];
}

/** An optional structure. */
export function optObject(input: WireObject, name: string): WireObject | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!isStructure(v)) throw wrong(name, 'a structure');
  return v;
}

/** An optional list of structures. */
export function optObjects(input: WireObject, name: string): WireObject[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(isStructure)) throw wrong(name, 'a list of structures');
  return v as WireObject[];
}

/** An optional list of integers. */
export function optInts(input: WireObject, name: string): number[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((n) => typeof n !== 'number' || !Number.isInteger(n))) throw wrong(name, 'a list of integers');
  return v as number[];
}

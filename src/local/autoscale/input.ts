/**
 * Reading members of a parsed request. The protocol layer has already checked required
 * members and types against the model; these narrow the values for TypeScript and
 * still answer a stray type with a `ValidationError` instead of a crash.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { validation } from './errors';

function wrongType(name: string, what: string): Error {
  return validation(`1 validation error detected: Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must be ${what}`);
}

/** An optional string member. */
export function optString(input: WireObject, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrongType(name, 'a string');
  return v;
}

/** A required string member. */
export function reqString(input: WireObject, name: string): string {
  const v = optString(input, name);
  if (v === undefined) throw validation(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return v;
}

/** An optional integer member. */
export function optInt(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrongType(name, 'an integer');
  return v;
}

/** A required integer member. */
export function reqInt(input: WireObject, name: string): number {
  const v = optInt(input, name);
  if (v === undefined) throw validation(`1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return v;
}

/** An optional number member (double). */
export function optNumber(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || Number.isNaN(v)) throw wrongType(name, 'a number');
  return v;
}

/** An optional boolean member. */
export function optBool(input: WireObject, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw wrongType(name, 'a boolean');
  return v;
}

/** An optional timestamp member. */
export function optDate(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw wrongType(name, 'a timestamp');
  return v.getTime();
}

function isObject(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** An optional list of strings. */
export function optStrings(input: WireObject, name: string): string[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw wrongType(name, 'a list of strings');
  return v as string[];
}

/** An optional list of structures. */
export function optObjects(input: WireObject, name: string): WireObject[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(isObject)) throw wrongType(name, 'a list of structures');
  return v as WireObject[];
}

/** An optional structure. */
export function optObject(input: WireObject, name: string): WireObject | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw wrongType(name, 'a structure');
  return v;
}

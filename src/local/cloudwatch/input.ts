/**
 * Reading members of a parsed CloudWatch request. The protocol layer has checked
 * required members and types against the model; these narrow the values and answer a
 * stray type with CloudWatch's `InvalidParameterValue` / `MissingParameter` instead of
 * a crash.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { invalidValue, missingParameter } from './errors';
import type { DimensionRecord } from './model';

function wrong(name: string, v: WireValue): Error {
  return invalidValue(`The value ${String(v)} for parameter ${name} is invalid.`);
}

function absent(v: WireValue): v is null | undefined {
  return v === undefined || v === null;
}

/** An optional string member. */
export function optString(input: WireObject, name: string): string | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (typeof v !== 'string') throw wrong(name, v);
  return v;
}

/** A required string member. */
export function reqString(input: WireObject, name: string): string {
  const v = optString(input, name);
  if (v === undefined) throw missingParameter(`The parameter ${name} is required.`);
  return v;
}

/** An optional number member. */
export function optNumber(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (typeof v !== 'number') throw wrong(name, v);
  return v;
}

/** An optional integer member. */
export function optInt(input: WireObject, name: string): number | undefined {
  const v = optNumber(input, name);
  if (v !== undefined && !Number.isInteger(v)) throw wrong(name, v);
  return v;
}

/** A required integer member. */
export function reqInt(input: WireObject, name: string): number {
  const v = optInt(input, name);
  if (v === undefined) throw missingParameter(`The parameter ${name} is required.`);
  return v;
}

/** An optional boolean member. */
export function optBool(input: WireObject, name: string): boolean | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (typeof v !== 'boolean') throw wrong(name, v);
  return v;
}

/** An optional timestamp member, in ms. */
export function optDate(input: WireObject, name: string): number | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw wrong(name, v);
  return v.getTime();
}

/** A required timestamp member, in ms. */
export function reqDate(input: WireObject, name: string): number {
  const v = optDate(input, name);
  if (v === undefined) throw missingParameter(`The parameter ${name} is required.`);
  return v;
}

/** An optional list of strings. */
export function optStrings(input: WireObject, name: string): string[] | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw wrong(name, '[list]');
  return v as string[];
}

/** An optional list of numbers. */
export function optNumbers(input: WireObject, name: string): number[] | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'number')) throw wrong(name, '[list]');
  return v as number[];
}

function isObject(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** An optional structure. */
export function optObject(input: WireObject, name: string): WireObject | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (!isObject(v)) throw wrong(name, '[value]');
  return v;
}

/** An optional list of structures. */
export function optObjects(input: WireObject, name: string): WireObject[] | undefined {
  const v = input[name];
  if (absent(v)) return undefined;
  if (!Array.isArray(v) || !v.every(isObject)) throw wrong(name, '[list]');
  return v as WireObject[];
}

/** Dimensions (Name and Value each). */
export function dimensions(input: WireObject, name = 'Dimensions'): DimensionRecord[] | undefined {
  return optObjects(input, name)?.map((d) => ({ name: reqString(d, 'Name'), value: reqString(d, 'Value') }));
}

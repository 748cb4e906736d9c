/**
 * Reading members of a parsed CloudWatch request. The protocol layer has checked
 * required members and types against the model; these narrow the values and answer a
 * stray type with CloudWatch's `InvalidParameterValue` / `MissingParameter` instead of
 * a crash.
 *
 * @module
 */
import { memberReaders } from '../input';
import type { WireObject } from '../types';
import { invalidValue, missingParameter } from './errors';
import type { DimensionRecord } from './model';

export const { optString, reqString, optNumber, optInt, reqInt, optBool, optDate, reqDate, optStrings, optNumbers, optObject, optObjects } = memberReaders({
  wrong: (name, _what, shown) => invalidValue(`The value ${shown} for parameter ${name} is invalid.`),
  missing: (name) => missingParameter(`The parameter ${name} is required.`),
});

/** Dimensions (Name and Value each). */
export function dimensions(input: WireObject, name = 'Dimensions'): DimensionRecord[] | undefined {
  return optObjects(input, name)?.map((d) => ({ name: reqString(d, 'Name'), value: reqString(d, 'Value') }));
}

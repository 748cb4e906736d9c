/**
 * Auto Scaling's readers of request members (see {@link memberReaders}): a stray type or
 * a missing member is a `ValidationError` in AWS's words.
 *
 * @module
 */
import { memberReaders } from '../input';
import { validation } from './errors';

const member = (name: string): string => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

export const { optString, reqString, optInt, reqInt, optNumber, optBool, optDate, optStrings, optObjects, optObject } = memberReaders({
  wrong: (name, what) => validation(`1 validation error detected: Value at '${member(name)}' failed to satisfy constraint: Member must be ${what}`),
  missing: (name) => validation(`1 validation error detected: Value null at '${member(name)}' failed to satisfy constraint: Member must not be null`),
});

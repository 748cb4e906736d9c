/**
 * Reading members of a parsed request in the handlers. The protocol layer has already
 * checked required members and types against the model; these narrow the values for
 * TypeScript and answer a stray type (a handler called directly) with the service's own
 * 4xx error instead of a crash. Each service words those errors its own way, so it builds
 * its readers with {@link memberReaders}.
 *
 * @module
 */
import { commonError } from './errors';
import type { WireObject, WireValue } from './types';

/** How a service words a member of the wrong type, and a required member that is missing. */
export interface MemberErrors {
  /**
   * A member of the wrong type: `what` says what was expected (`a string`), `shown` is the
   * value as a message may quote it (`[list]` for a list, `[value]` for a structure).
   */
  wrong(name: string, what: string, shown: string): Error;
  /** A required member that is absent. */
  missing(name: string): Error;
}

/** The readers of one service. */
export interface MemberReaders {
  optString(input: WireObject, name: string): string | undefined;
  reqString(input: WireObject, name: string): string;
  optNumber(input: WireObject, name: string): number | undefined;
  optInt(input: WireObject, name: string): number | undefined;
  reqInt(input: WireObject, name: string): number;
  optBool(input: WireObject, name: string): boolean | undefined;
  /** A timestamp, in ms. */
  optDate(input: WireObject, name: string): number | undefined;
  reqDate(input: WireObject, name: string): number;
  optStrings(input: WireObject, name: string): string[] | undefined;
  optNumbers(input: WireObject, name: string): number[] | undefined;
  optInts(input: WireObject, name: string): number[] | undefined;
  optObject(input: WireObject, name: string): WireObject | undefined;
  optObjects(input: WireObject, name: string): WireObject[] | undefined;
}

/** Whether a wire value is a structure. */
export function isStructure(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const isNumber = (v: WireValue): v is number => typeof v === 'number' && Number.isFinite(v);
const isInteger = (v: WireValue): v is number => typeof v === 'number' && Number.isInteger(v);

/** Readers that throw `errors`' wording. */
export function memberReaders(errors: MemberErrors): MemberReaders {
  const scalar = <T>(is: (v: WireValue) => v is WireValue & T, what: string) => (input: WireObject, name: string): T | undefined => {
    const v = input[name];
    if (v === undefined || v === null) return undefined;
    if (!is(v)) throw errors.wrong(name, what, String(v));
    return v;
  };
  const list = <T>(is: (v: WireValue) => boolean, what: string) => (input: WireObject, name: string): T[] | undefined => {
    const v = input[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every(is)) throw errors.wrong(name, what, '[list]');
    return v as T[];
  };
  const required = <T>(read: (input: WireObject, name: string) => T | undefined) => (input: WireObject, name: string): T => {
    const v = read(input, name);
    if (v === undefined) throw errors.missing(name);
    return v;
  };
  const optString = scalar<string>((v): v is string => typeof v === 'string', 'a string');
  const optInt = scalar<number>(isInteger, 'an integer');
  const optDate = (input: WireObject, name: string): number | undefined => {
    const v = input[name];
    if (v === undefined || v === null) return undefined;
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw errors.wrong(name, 'a timestamp', String(v));
    return v.getTime();
  };
  return {
    optString,
    reqString: required(optString),
    optNumber: scalar<number>(isNumber, 'a number'),
    optInt,
    reqInt: required(optInt),
    optBool: scalar<boolean>((v): v is boolean => typeof v === 'boolean', 'a boolean'),
    optDate,
    reqDate: required(optDate),
    optStrings: list<string>((v) => typeof v === 'string', 'a list of strings'),
    optNumbers: list<number>(isNumber, 'a list of numbers'),
    optInts: list<number>(isInteger, 'a list of integers'),
    optObject: (input, name) => {
      const v = input[name];
      if (v === undefined || v === null) return undefined;
      if (!isStructure(v)) throw errors.wrong(name, 'a structure', '[value]');
      return v;
    },
    optObjects: list<WireObject>(isStructure, 'a list of structures'),
  };
}

/** EC2's and ELB's readers: a stray type is `InvalidParameterValue`. */
export const { optString, optInt, optInts, optBool, optStrings, optObject, optObjects } = memberReaders({
  wrong: (name, what) => commonError('InvalidParameterValue', `Invalid value for parameter ${name}: expected ${what}`),
  missing: (name) => commonError('MissingParameter', `The request must contain the parameter ${name}`),
});

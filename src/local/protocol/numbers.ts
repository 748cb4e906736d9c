/**
 * The one place numbers on the wire are read, for the query protocols (text) and AWS JSON
 * (JSON numbers) alike, so that the same value is accepted or refused whichever way it
 * arrives.
 *
 * The query services (Auto Scaling, ELB, CloudWatch, EC2) are Java services: an integer
 * parameter is read as `Integer.parseInt`/`Long.parseLong` read it
 * (https://docs.oracle.com/javase/8/docs/api/java/lang/Integer.html#parseInt-java.lang.String-):
 * an optional `+` or `-` and ASCII digits, nothing else (so `+1` is 1 and `-0` is 0, while
 * ` 1`, `1.0` and `0x1` are refused), within the type's range. A double is the decimal
 * form every SDK writes (`12`, `-0.5`, `1.5E7`); values beyond a double's range (`1e309`)
 * and the special values are refused: CloudWatch documents that "special values (for
 * example, NaN, +Infinity, -Infinity) are not supported"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html),
 * and no other number these services take has a meaning for them. Integers beyond
 * ±(2^53 − 1), which JavaScript cannot hold exactly, are refused rather than rounded.
 *
 * @module
 */

/** The numeric shape types of the models. */
export type NumberType = 'integer' | 'long' | 'double' | 'float';

/** Java's `int` range. */
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

const INTEGER_TEXT = /^[+-]?[0-9]+$/;
const DOUBLE_TEXT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function isIntegral(type: NumberType): boolean {
  return type === 'integer' || type === 'long';
}

/** Whether `n` (already a number) is a value of `type`: an integer in range, or a finite double. */
export function fitsNumberType(n: number, type: NumberType): boolean {
  if (!isIntegral(type)) return Number.isFinite(n);
  if (!Number.isSafeInteger(n)) return false;
  return type === 'long' || (n >= INT_MIN && n <= INT_MAX);
}

/** `-0` as `0`: Java's integers have no negative zero, and a double's sign of zero means nothing here. */
function normal(n: number): number {
  return n === 0 ? 0 : n;
}

/** A query parameter's text as a number of `type`; undefined when the service would refuse it. */
export function parseNumberText(text: string, type: NumberType): number | undefined {
  const syntax = isIntegral(type) ? INTEGER_TEXT : DOUBLE_TEXT;
  if (!syntax.test(text)) return undefined;
  const n = Number(text);
  return fitsNumberType(n, type) ? normal(n) : undefined;
}

/**
 * A JSON value as a number of `type`; undefined when the service would refuse it. A JSON
 * number too large for a double (`1e309`) arrives from `JSON.parse` as Infinity and is
 * refused here like its query twin.
 */
export function readJsonNumber(value: unknown, type: NumberType): number | undefined {
  if (typeof value !== 'number') return undefined;
  return fitsNumberType(value, type) ? normal(value) : undefined;
}

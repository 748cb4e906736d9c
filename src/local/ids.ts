/**
 * AWS-shaped identifiers: instance ids, UUIDs, request ids, ARNs. While an
 * {@link IdRecorder} is active (the `--state` journal arms one around each change and
 * each clock step), every id made goes through it, so replaying the journal hands out
 * the same ids again.
 *
 * @module
 */
import { randomInt, randomUUID } from 'node:crypto';

/** Sees every id made while it is active: records it, or hands back one recorded before. */
export interface IdRecorder {
  /** The id to use: `make()`'s, recorded, or one replayed from a journal. */
  next(make: () => string): string;
}

let active: IdRecorder | undefined;

/** Runs `fn` with `recorder` seeing every id it makes (nested calls restore the outer one). */
export function withIdRecorder<T>(recorder: IdRecorder | undefined, fn: () => T): T {
  const outer = active;
  active = recorder;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

function issue(make: () => string): string {
  return active === undefined ? make() : active.next(make);
}

/** `i-` followed by 17 lowercase hex digits, as EC2 issues today. */
export function instanceId(): string {
  return issue(() => `i-${hex17()}`);
}

/**
 * 17 random hex digits. From randomUUID, which draws from a pooled buffer: a randomBytes
 * call per id was a tenth of the time of launching thousands of instances.
 */
function hex17(): string {
  const u = randomUUID();
  return u.slice(0, 8) + u.slice(9, 13) + u.slice(15, 18) + u.slice(24, 26);
}

/** A prefixed 17-hex-digit id: `sg-…`, `ami-…`, `subnet-…`, `vpc-…`. */
export function resourceId(prefix: string): string {
  return issue(() => `${prefix}-${hex17()}`);
}

/** A random UUID, as AWS uses for request ids, activity ids and policy ARNs. */
export function uuid(): string {
  return issue(() => randomUUID());
}

/** A random whole number from `min` (inclusive) to `max` (exclusive), such as the digits of an ELB DNS name. */
export function randomNumber(min: number, max: number): number {
  return Number(issue(() => String(randomInt(min, max))));
}

/** The fake account every simulated resource belongs to. */
export const ACCOUNT_ID = '123456789012';

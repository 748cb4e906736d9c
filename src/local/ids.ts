/**
 * AWS-shaped identifiers: instance ids, UUIDs, request ids, ARNs.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

/** `i-` followed by 17 lowercase hex digits, as EC2 issues today. */
export function instanceId(): string {
  return `i-${hex17()}`;
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
  return `${prefix}-${hex17()}`;
}

/** A random UUID, as AWS uses for request ids, activity ids and policy ARNs. */
export function uuid(): string {
  return randomUUID();
}

/** The fake account every simulated resource belongs to. */
export const ACCOUNT_ID = '123456789012';

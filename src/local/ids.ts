/**
 * AWS-shaped identifiers: instance ids, UUIDs, request ids, ARNs.
 *
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** `i-` followed by 17 lowercase hex digits, as EC2 issues today. */
export function instanceId(): string {
  return `i-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** A prefixed 17-hex-digit id: `sg-…`, `ami-…`, `subnet-…`, `vpc-…`. */
export function resourceId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** A random UUID, as AWS uses for request ids, activity ids and policy ARNs. */
export function uuid(): string {
  return randomUUID();
}

/** The fake account every simulated resource belongs to. */
export const ACCOUNT_ID = '123456789012';

/**
 * The answer of a call that only acknowledges (boto2's `boto.ec2.autoscale.request.Request`).
 *
 * @module
 */
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/**
 * The key of `AutoScaleConnection`'s `SetDesiredCapacity` call that resolves with its
 * {@link Request}: `group.setCapacity()` answers with it, as boto2's `set_capacity` does,
 * where `conn.setDesiredCapacity()` resolves `true`, as boto2's `set_desired_capacity`.
 * @internal
 */
export const SET_CAPACITY: unique symbol = Symbol('SetDesiredCapacity with its Request');

/**
 * What a create, update, delete or other acknowledging call resolves with: the AWS
 * request id, for support tickets and CloudTrail look-ups. boto2 returns a `Request`
 * from some of these calls and `True` from others; botoscale returns a `Request` from
 * all of them (a failure rejects, so there is no `False`). Prints as `Request:ID`.
 */
export class Request extends BotoObject<AutoScaleConnection> {
  /** The AWS request id (`''` when the answer carried none). */
  requestId: string;

  constructor(options: { connection?: AutoScaleConnection; requestId?: string } = {}) {
    checkNew(Request, arguments);
    super(options.connection);
    this.requestId = options.requestId ?? '';
  }

  /** Builds one from an SDK answer's `$metadata`. @internal */
  static fromSdk(connection: AutoScaleConnection, metadata: { requestId?: string } | undefined): Request {
    return new Request({ connection, requestId: metadata?.requestId });
  }

  toString(): string {
    return `Request:${this.requestId}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Request, {
  new: '{connection, requestId}',
});

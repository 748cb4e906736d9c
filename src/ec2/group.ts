/**
 * boto2's `Group` of `boto.ec2.group`: a security group an instance or reservation is in.
 *
 * @module
 */
import type { GroupIdentifier } from '@aws-sdk/client-ec2';
import { inspectCustom } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Group}. */
export interface GroupOptions {
  /** The security group's id (`sg-…`). */
  id?: string;
  /** The security group's name. */
  name?: string;
}

/**
 * A security group reference. boto2 gives it no repr of its own; botoscale prints it as
 * `Group:sg-…` (or `Group:NAME` when the id is unknown).
 */
export class Group {
  /** The security group's id (`sg-…`). */
  id: string | undefined;
  /** The security group's name. */
  name: string | undefined;

  constructor(options: GroupOptions = {}) {
    checkNew(Group, arguments);
    this.id = options.id;
    this.name = options.name;
  }

  /** @internal */
  static fromSdk(g: GroupIdentifier): Group {
    return new Group({ id: g.GroupId, name: g.GroupName });
  }

  /** `Group:sg-…`. */
  toString(): string {
    return `Group:${this.id ?? this.name ?? 'None'}`;
  }

  /** Prints as `toString()` does. */
  [inspectCustom](): string {
    return this.toString();
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Group, {
  new: '{id, name}',
});

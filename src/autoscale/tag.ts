/**
 * boto2's `Tag` of `boto.ec2.autoscale.tag`.
 *
 * @module
 */
import type { Tag as SdkTag, TagDescription } from '@aws-sdk/client-auto-scaling';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import type { Request } from './request';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Tag}, boto2's keyword arguments. */
export interface TagOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The tag's key. */
  key?: string;
  /** The tag's value. */
  value?: string;
  /** Whether instances launched later get the tag; default false, as boto2. */
  propagateAtLaunch?: boolean;
  /** The group's name. */
  resourceId?: string;
  /** Default `auto-scaling-group`, the only type AWS has. */
  resourceType?: string;
}

/** A key/value tag on a group. Prints as `Tag(KEY=VALUE)`. */
export class Tag extends BotoObject<AutoScaleConnection> {
  /** The tag's key. */
  key: string | undefined;
  /** The tag's value. */
  value: string | undefined;
  /** Whether instances launched later get the tag. */
  propagateAtLaunch: boolean;
  /** The group's name. */
  resourceId: string | undefined;
  /** `auto-scaling-group`. */
  resourceType: string;

  constructor(options: TagOptions = {}) {
    checkNew(Tag, arguments);
    super(options.connection);
    this.key = options.key;
    this.value = options.value;
    this.propagateAtLaunch = options.propagateAtLaunch ?? false;
    this.resourceId = options.resourceId;
    this.resourceType = options.resourceType ?? 'auto-scaling-group';
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, t: TagDescription): Tag {
    return new Tag({
      connection,
      key: t.Key,
      value: t.Value,
      propagateAtLaunch: t.PropagateAtLaunch ?? false,
      resourceId: t.ResourceId,
      resourceType: t.ResourceType,
    });
  }

  /** The SDK shape sent for this tag (boto2's `build_params`). @internal */
  toSdk(): SdkTag & { Key: string } {
    return {
      ResourceId: this.resourceId,
      ResourceType: this.resourceType,
      Key: this.key as string,
      Value: this.value,
      PropagateAtLaunch: this.propagateAtLaunch,
    };
  }

  toString(): string {
    return `Tag(${pyStr(this.key)}=${pyStr(this.value)})`;
  }

  /** Deletes this tag from its group. */
  async delete(options?: CallOptions): Promise<Request> {
    return this.requireConnection().deleteTags([this], options);
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Tag, {
  new: '{connection, key, value, propagateAtLaunch, resourceId, resourceType}',
  toSdk: '',
  delete: '{signal}',
});

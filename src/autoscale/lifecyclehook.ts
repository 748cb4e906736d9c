/**
 * Lifecycle hooks (not in boto2): a hook holds a group's launching or terminating
 * instances in `Pending:Wait` / `Terminating:Wait` until `conn.completeLifecycleAction()`
 * or its heartbeat timeout, when its default result applies.
 *
 * @module
 */
import type { LifecycleHook as SdkLifecycleHook, LifecycleHookSpecification } from '@aws-sdk/client-auto-scaling';
import type { CallOptions } from '../core/connection';
import { BotoObject, pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';
import { LIFECYCLE_ACTION_RESULTS as RULES_RESULTS, LIFECYCLE_TRANSITIONS as RULES_TRANSITIONS } from '../core/rules/aws-rules';
import type { AutoScaleConnection } from './connection';
import type { Request } from './request';

/** The transitions a hook can hold (DescribeLifecycleHookTypes). */
export const LIFECYCLE_TRANSITIONS = RULES_TRANSITIONS;
/** The results of a lifecycle action (CompleteLifecycleAction, a hook's `defaultResult`). */
export const LIFECYCLE_ACTION_RESULTS = RULES_RESULTS;

/** Constructor options of {@link LifecycleHook}. */
export interface LifecycleHookOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The hook's name (letters, digits, `-`, `_`, `/`; at most 255). */
  name?: string;
  /** The group's name. */
  asGroup?: string;
  /** `autoscaling:EC2_INSTANCE_LAUNCHING` or `autoscaling:EC2_INSTANCE_TERMINATING` (required to create it). */
  transition?: string;
  /** Seconds an action may wait without a heartbeat: 30 to 7200 (AWS's default 3600). */
  heartbeatTimeout?: number;
  /** What happens on timeout: `CONTINUE` or `ABANDON` (AWS's default). */
  defaultResult?: string;
  /** The SNS topic or SQS queue told of each action. */
  notificationTargetArn?: string;
  /** The role that lets Auto Scaling publish to the target. */
  roleArn?: string;
  /** Text passed along with each notification. */
  notificationMetadata?: string;
  /** Most seconds an instance can wait, whatever the heartbeats (read from AWS). */
  globalTimeout?: number;
}

/** A group's lifecycle hook (`conn.getAllLifecycleHooks(group)`). Prints as `LifecycleHook:NAME`. */
export class LifecycleHook extends BotoObject<AutoScaleConnection> {
  /** The hook's name. */
  name: string | undefined;
  /** The group's name. */
  asGroup: string | undefined;
  /** The transition it holds. */
  transition: string | undefined;
  /** Seconds an action may wait without a heartbeat. */
  heartbeatTimeout: number | undefined;
  /** `CONTINUE` or `ABANDON` on timeout. */
  defaultResult: string | undefined;
  /** The notification target's ARN. */
  notificationTargetArn: string | undefined;
  /** The role's ARN. */
  roleArn: string | undefined;
  /** Text passed along with each notification. */
  notificationMetadata: string | undefined;
  /** Most seconds an instance can wait. */
  globalTimeout: number | undefined;

  constructor(options: LifecycleHookOptions = {}) {
    checkNew(LifecycleHook, arguments);
    super(options.connection);
    this.name = options.name;
    this.asGroup = options.asGroup;
    this.transition = options.transition;
    this.heartbeatTimeout = options.heartbeatTimeout;
    this.defaultResult = options.defaultResult;
    this.notificationTargetArn = options.notificationTargetArn;
    this.roleArn = options.roleArn;
    this.notificationMetadata = options.notificationMetadata;
    this.globalTimeout = options.globalTimeout;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, h: SdkLifecycleHook): LifecycleHook {
    return new LifecycleHook({
      connection,
      name: h.LifecycleHookName,
      asGroup: h.AutoScalingGroupName,
      transition: h.LifecycleTransition,
      heartbeatTimeout: h.HeartbeatTimeout,
      defaultResult: h.DefaultResult,
      notificationTargetArn: h.NotificationTargetARN,
      roleArn: h.RoleARN,
      notificationMetadata: h.NotificationMetadata,
      globalTimeout: h.GlobalTimeout,
    });
  }

  /** The hook as CreateAutoScalingGroup's LifecycleHookSpecificationList takes it. @internal */
  toSpecification(): LifecycleHookSpecification {
    return {
      LifecycleHookName: this.name,
      LifecycleTransition: this.transition,
      HeartbeatTimeout: this.heartbeatTimeout,
      DefaultResult: this.defaultResult,
      NotificationTargetARN: this.notificationTargetArn,
      RoleARN: this.roleArn,
      NotificationMetadata: this.notificationMetadata,
    };
  }

  /** Deletes the hook; actions it still holds are completed first (ABANDON on launch, CONTINUE on termination). */
  async delete(options?: CallOptions): Promise<Request> {
    return this.requireConnection().deleteLifecycleHook(this.asGroup as string, this.name as string, options);
  }

  toString(): string {
    return `LifecycleHook:${pyStr(this.name)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(LifecycleHook, {
  new: '{connection, name, asGroup, transition, heartbeatTimeout, defaultResult, notificationTargetArn, roleArn, notificationMetadata, globalTimeout}',
  delete: '{signal}',
});

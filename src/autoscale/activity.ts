/**
 * boto2's `Activity` of `boto.ec2.autoscale.activity`.
 *
 * @module
 */
import type { Activity as SdkActivity } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Activity}. */
export interface ActivityOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The activity id. */
  activityId?: string;
  /** The group's name. */
  groupName?: string;
  /** When it starts or started. */
  startTime?: Date;
  /** When it ends or ended. */
  endTime?: Date;
  /** Percentage done, 0 to 100. */
  progress?: number;
  /** `Successful`, `InProgress`, `Failed`, ... */
  statusCode?: string;
  /** Why it happened. */
  cause?: string;
  /** What it does. */
  description?: string;
  /** More about the status. */
  statusMessage?: string;
  /** Details (a JSON text from AWS). */
  details?: string;
}

/**
 * A scaling activity: an instance launched or terminated. Prints as boto2's repr,
 * `Activity<ID>: For group:GROUP, progress:STATUS_MESSAGE, cause:CAUSE` (boto2 shows the
 * status message after `progress:`; the percentage is in `progress`).
 */
export class Activity extends BotoObject<AutoScaleConnection> {
  /** The activity id. */
  activityId: string | undefined;
  /** The group's name. */
  groupName: string | undefined;
  /** When it started. */
  startTime: Date | undefined;
  /** When it ended, once it has. */
  endTime: Date | undefined;
  /** Percentage done, 0 to 100. */
  progress: number | undefined;
  /** `Successful`, `InProgress`, `Failed`, ... */
  statusCode: string | undefined;
  /** Why it happened. */
  cause: string | undefined;
  /** What it does. */
  description: string | undefined;
  /** More about the status, when AWS gives it. */
  statusMessage: string | undefined;
  /** Details (a JSON text from AWS). */
  details: string | undefined;

  constructor(options: ActivityOptions = {}) {
    checkNew(Activity, arguments);
    super(options.connection);
    this.activityId = options.activityId;
    this.groupName = options.groupName;
    this.startTime = options.startTime;
    this.endTime = options.endTime;
    this.progress = options.progress;
    this.statusCode = options.statusCode;
    this.cause = options.cause;
    this.description = options.description;
    this.statusMessage = options.statusMessage;
    this.details = options.details;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, a: Partial<SdkActivity>): Activity {
    return new Activity({
      connection,
      activityId: a.ActivityId,
      groupName: a.AutoScalingGroupName,
      startTime: a.StartTime,
      endTime: a.EndTime,
      progress: a.Progress,
      statusCode: a.StatusCode,
      cause: a.Cause,
      description: a.Description,
      statusMessage: a.StatusMessage,
      details: a.Details,
    });
  }

  toString(): string {
    return `Activity<${pyStr(this.activityId)}>: For group:${pyStr(this.groupName)}, progress:${pyStr(this.statusMessage)}, cause:${pyStr(this.cause)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Activity, {
  new: '{connection, activityId, groupName, startTime, endTime, progress, statusCode, cause, description, statusMessage, details}',
});

/**
 * boto2's `ScheduledUpdateGroupAction` of `boto.ec2.autoscale.scheduled`.
 *
 * @module
 */
import type { ScheduledUpdateGroupAction as SdkScheduledUpdateGroupAction } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link ScheduledUpdateGroupAction}. */
export interface ScheduledUpdateGroupActionOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The name. */
  name?: string;
  /** The action's ARN. */
  actionArn?: string;
  /** The group's name. */
  asGroup?: string;
  /** When it runs (deprecated by AWS in favour of `startTime`). */
  time?: Date;
  /** When it starts or started. */
  startTime?: Date;
  /** When it ends or ended. */
  endTime?: Date;
  /** Cron-style recurrence, e.g. `0 10 * * *`. */
  recurrence?: string;
  /** The desired capacity it sets. */
  desiredCapacity?: number;
  /** The maximum size it sets. */
  maxSize?: number;
  /** The minimum size it sets. */
  minSize?: number;
}

/** A scheduled change of a group's sizes (`getAllScheduledActions()`). Prints as `ScheduledUpdateGroupAction:NAME`. */
export class ScheduledUpdateGroupAction extends BotoObject<AutoScaleConnection> {
  /** The action's name. */
  name: string | undefined;
  /** The action's ARN. */
  actionArn: string | undefined;
  /** The group's name. */
  asGroup: string | undefined;
  /** When it runs (deprecated by AWS in favour of `startTime`). */
  time: Date | undefined;
  /** When it (first) runs. */
  startTime: Date | undefined;
  /** When a recurring action stops. */
  endTime: Date | undefined;
  /** Cron-style recurrence, e.g. `0 10 * * *`. */
  recurrence: string | undefined;
  /** The desired capacity it sets. */
  desiredCapacity: number | undefined;
  /** The maximum size it sets. */
  maxSize: number | undefined;
  /** The minimum size it sets. */
  minSize: number | undefined;

  constructor(options: ScheduledUpdateGroupActionOptions = {}) {
    checkNew(ScheduledUpdateGroupAction, arguments);
    super(options.connection);
    this.name = options.name;
    this.actionArn = options.actionArn;
    this.asGroup = options.asGroup;
    this.time = options.time;
    this.startTime = options.startTime;
    this.endTime = options.endTime;
    this.recurrence = options.recurrence;
    this.desiredCapacity = options.desiredCapacity;
    this.maxSize = options.maxSize;
    this.minSize = options.minSize;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, a: SdkScheduledUpdateGroupAction): ScheduledUpdateGroupAction {
    return new ScheduledUpdateGroupAction({
      connection,
      name: a.ScheduledActionName,
      actionArn: a.ScheduledActionARN,
      asGroup: a.AutoScalingGroupName,
      time: a.Time,
      startTime: a.StartTime,
      endTime: a.EndTime,
      recurrence: a.Recurrence,
      desiredCapacity: a.DesiredCapacity,
      maxSize: a.MaxSize,
      minSize: a.MinSize,
    });
  }

  toString(): string {
    return `ScheduledUpdateGroupAction:${pyStr(this.name)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(ScheduledUpdateGroupAction, {
  new: '{connection, name, actionArn, asGroup, time, startTime, endTime, recurrence, desiredCapacity, maxSize, minSize}',
});

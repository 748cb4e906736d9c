/**
 * A notification configuration as DescribeNotificationConfigurations lists it (boto2 had
 * no reader for them): one group, one SNS topic, one notification type.
 *
 * @module
 */
import type { NotificationConfiguration as SdkNotificationConfiguration } from '@aws-sdk/client-auto-scaling';
import { BotoObject, pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';
import type { AutoScaleConnection } from './connection';

/** Constructor options of {@link NotificationConfiguration}. */
export interface NotificationConfigurationOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The group's name. */
  groupName?: string;
  /** The SNS topic's ARN. */
  topicArn?: string;
  /** The event, e.g. `autoscaling:EC2_INSTANCE_LAUNCH`. */
  notificationType?: string;
}

/** One event of one group sent to one topic (`conn.getAllNotificationConfigurations()`). Prints as `NotificationConfiguration:GROUP:TYPE`. */
export class NotificationConfiguration extends BotoObject<AutoScaleConnection> {
  /** The group's name. */
  groupName: string | undefined;
  /** The SNS topic's ARN. */
  topicArn: string | undefined;
  /** The event. */
  notificationType: string | undefined;

  constructor(options: NotificationConfigurationOptions = {}) {
    checkNew(NotificationConfiguration, arguments);
    super(options.connection);
    this.groupName = options.groupName;
    this.topicArn = options.topicArn;
    this.notificationType = options.notificationType;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, n: SdkNotificationConfiguration): NotificationConfiguration {
    return new NotificationConfiguration({ connection, groupName: n.AutoScalingGroupName, topicArn: n.TopicARN, notificationType: n.NotificationType });
  }

  toString(): string {
    return `NotificationConfiguration:${pyStr(this.groupName)}:${pyStr(this.notificationType)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(NotificationConfiguration, {
  new: '{connection, groupName, topicArn, notificationType}',
});

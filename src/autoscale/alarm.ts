/**
 * boto2's `Alarm` of `boto.ec2.autoscale.policy`: a CloudWatch alarm that runs a scaling policy.
 *
 * @module
 */
import type { Alarm as SdkAlarm } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** A CloudWatch alarm attached to a scaling policy, as a policy lists it. Prints as `Alarm:NAME`. */
export class Alarm extends BotoObject<AutoScaleConnection> {
  /** The alarm name. */
  name: string | undefined;
  /** The alarm's ARN. */
  alarmArn: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; name?: string; alarmArn?: string } = {}) {
    checkNew(Alarm, arguments);
    super(options.connection);
    this.name = options.name;
    this.alarmArn = options.alarmArn;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, a: SdkAlarm): Alarm {
    return new Alarm({ connection, name: a.AlarmName, alarmArn: a.AlarmARN });
  }

  toString(): string {
    return `Alarm:${pyStr(this.name)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Alarm, {
  new: '{connection, name, alarmArn}',
});

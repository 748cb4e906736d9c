/**
 * boto2's `ScalingPolicy` of `boto.ec2.autoscale.policy`.
 *
 * @module
 */
import type { ScalingPolicy as SdkScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { CallOptions } from '../core/connection';
import { BotoObject } from '../core/repr';
import { Alarm } from './alarm';
import type { AutoScaleConnection } from './connection';
import type { Request } from './request';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link ScalingPolicy}, boto2's keyword arguments. */
export interface ScalingPolicyOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The policy's name. */
  name?: string;
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity`. */
  adjustmentType?: string;
  /** The group's name. */
  asName?: string;
  /** How much to adjust by (negative to scale in), in the unit `adjustmentType` says. */
  scalingAdjustment?: number;
  /** Seconds after a scaling activity before another may start. */
  cooldown?: number;
  /** The least number of instances to change by; only with `PercentChangeInCapacity`. */
  minAdjustmentStep?: number;
}

/**
 * How a group scales when the policy runs (usually from a CloudWatch alarm). Prints as
 * `ScalingPolicy(NAME group:GROUP adjustment:TYPE)`.
 *
 * `policyArn` is set once the policy exists: by `createScalingPolicy(policy)` on the object
 * passed, and on policies from `getAllPolicies()`.
 */
export class ScalingPolicy extends BotoObject<AutoScaleConnection> {
  /** The policy's name. */
  name: string | undefined;
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity`. */
  adjustmentType: string | undefined;
  /** The group's name. */
  asName: string | undefined;
  /** How much to adjust by. */
  scalingAdjustment: number | undefined;
  /** Seconds after a scaling activity before another may start. */
  cooldown: number | undefined;
  /** The least number of instances to change by (with `PercentChangeInCapacity`). */
  minAdjustmentStep: number | undefined;
  /** The policy's ARN: what a CloudWatch alarm's `alarmActions` takes. */
  policyArn: string | undefined;
  /** The CloudWatch alarms that run this policy. */
  alarms: Alarm[];

  constructor(options: ScalingPolicyOptions = {}) {
    checkNew(ScalingPolicy, arguments);
    super(options.connection);
    this.name = options.name;
    this.adjustmentType = options.adjustmentType;
    this.asName = options.asName;
    this.scalingAdjustment = options.scalingAdjustment;
    this.cooldown = options.cooldown;
    this.minAdjustmentStep = options.minAdjustmentStep;
    this.policyArn = undefined;
    this.alarms = [];
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, p: SdkScalingPolicy): ScalingPolicy {
    const out = new ScalingPolicy({
      connection,
      name: p.PolicyName,
      adjustmentType: p.AdjustmentType,
      asName: p.AutoScalingGroupName,
      scalingAdjustment: p.ScalingAdjustment,
      cooldown: p.Cooldown,
      minAdjustmentStep: p.MinAdjustmentStep,
    });
    out.policyArn = p.PolicyARN;
    out.alarms = (p.Alarms ?? []).map((a) => Alarm.fromSdk(connection, a));
    return out;
  }

  toString(): string {
    return `ScalingPolicy(${pyStr(this.name)} group:${pyStr(this.asName)} adjustment:${pyStr(this.adjustmentType)})`;
  }

  /** Deletes this policy (by its name, in its group). */
  async delete(options?: CallOptions): Promise<Request> {
    return this.requireConnection().deletePolicy(this.name as string, { autoscaleGroup: this.asName, signal: options?.signal });
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(ScalingPolicy, {
  new: '{connection, name, adjustmentType, asName, scalingAdjustment, cooldown, minAdjustmentStep}',
  delete: '{signal}',
});

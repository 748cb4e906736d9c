/**
 * boto2's `AdjustmentType` of `boto.ec2.autoscale.policy`.
 *
 * @module
 */
import type { AdjustmentType as SdkAdjustmentType } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** The adjustment types a simple scaling policy accepts. */
export { ADJUSTMENT_TYPES } from '../core/rules/aws-rules';

/** One adjustment type (`getAllAdjustmentTypes()`). Prints as `AdjustmentType:NAME`. */
export class AdjustmentType extends BotoObject<AutoScaleConnection> {
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity`. */
  adjustmentType: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; adjustmentType?: string } = {}) {
    checkNew(AdjustmentType, arguments);
    super(options.connection);
    this.adjustmentType = options.adjustmentType;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, a: SdkAdjustmentType): AdjustmentType {
    return new AdjustmentType({ connection, adjustmentType: a.AdjustmentType });
  }

  toString(): string {
    return `AdjustmentType:${pyStr(this.adjustmentType)}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AdjustmentType, {
  new: '{connection, adjustmentType}',
});

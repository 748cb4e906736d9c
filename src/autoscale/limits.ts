/**
 * boto2's `AccountLimits` of `boto.ec2.autoscale.limits`.
 *
 * @module
 */
import type { DescribeAccountLimitsAnswer } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** The account's Auto Scaling quotas and use (`getAccountLimits()`). Prints as `AccountLimits: [GROUPS, CONFIGS]`. */
export class AccountLimits extends BotoObject<AutoScaleConnection> {
  /** How many groups the account may have. */
  maxAutoscalingGroups: number | undefined;
  /** How many launch configurations the account may have. */
  maxLaunchConfigurations: number | undefined;
  /** How many groups the account has. */
  numberOfAutoscalingGroups: number | undefined;
  /** How many launch configurations the account has. */
  numberOfLaunchConfigurations: number | undefined;
  /** The AWS request id of the answer. */
  requestId: string | undefined;

  constructor(options: {
    connection?: AutoScaleConnection; maxAutoscalingGroups?: number; maxLaunchConfigurations?: number;
    numberOfAutoscalingGroups?: number; numberOfLaunchConfigurations?: number; requestId?: string;
  } = {}) {
    checkNew(AccountLimits, arguments);
    super(options.connection);
    this.maxAutoscalingGroups = options.maxAutoscalingGroups;
    this.maxLaunchConfigurations = options.maxLaunchConfigurations;
    this.numberOfAutoscalingGroups = options.numberOfAutoscalingGroups;
    this.numberOfLaunchConfigurations = options.numberOfLaunchConfigurations;
    this.requestId = options.requestId;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, out: DescribeAccountLimitsAnswer & { $metadata?: { requestId?: string } }): AccountLimits {
    return new AccountLimits({
      connection,
      maxAutoscalingGroups: out.MaxNumberOfAutoScalingGroups,
      maxLaunchConfigurations: out.MaxNumberOfLaunchConfigurations,
      numberOfAutoscalingGroups: out.NumberOfAutoScalingGroups,
      numberOfLaunchConfigurations: out.NumberOfLaunchConfigurations,
      requestId: out.$metadata?.requestId,
    });
  }

  toString(): string {
    return `AccountLimits: [${pyStr(this.maxAutoscalingGroups)}, ${pyStr(this.maxLaunchConfigurations)}]`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AccountLimits, {
  new: '{connection, maxAutoscalingGroups, maxLaunchConfigurations, numberOfAutoscalingGroups, numberOfLaunchConfigurations, requestId}',
});

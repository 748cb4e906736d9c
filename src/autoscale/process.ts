/**
 * Scaling processes (boto2's `ProcessType` and `SuspendedProcess` of `boto.ec2.autoscale.group`).
 *
 * @module
 */
import type { ProcessType as SdkProcessType, SuspendedProcess as SdkSuspendedProcess } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** A scaling process that can be suspended and resumed (`Launch`, `Terminate`, ...). Prints as `ProcessType(NAME)`. */
export class ProcessType extends BotoObject<AutoScaleConnection> {
  /** The process name. */
  processName: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; processName?: string } = {}) {
    checkNew(ProcessType, arguments);
    super(options.connection);
    this.processName = options.processName;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, p: SdkProcessType): ProcessType {
    return new ProcessType({ connection, processName: p.ProcessName });
  }

  toString(): string {
    return `ProcessType(${pyStr(this.processName)})`;
  }
}

/** A process suspended on a group, and why. Prints as `SuspendedProcess(NAME, REASON)`. */
export class SuspendedProcess extends BotoObject<AutoScaleConnection> {
  /** The process name. */
  processName: string | undefined;
  /** Why it is suspended (AWS's `SuspensionReason`). */
  reason: string | undefined;

  constructor(options: { connection?: AutoScaleConnection; processName?: string; reason?: string } = {}) {
    checkNew(SuspendedProcess, arguments);
    super(options.connection);
    this.processName = options.processName;
    this.reason = options.reason;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, p: SdkSuspendedProcess): SuspendedProcess {
    return new SuspendedProcess({ connection, processName: p.ProcessName, reason: p.SuspensionReason });
  }

  toString(): string {
    return `SuspendedProcess(${pyStr(this.processName)}, ${pyStr(this.reason)})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(ProcessType, {
  new: '{connection, processName}',
});
declareSignatures(SuspendedProcess, {
  new: '{connection, processName, reason}',
});

/**
 * An instance registered with a load balancer (boto2's `boto.ec2.instanceinfo.InstanceInfo`).
 *
 * @module
 */
import type { Instance as SdkInstance } from '@aws-sdk/client-elastic-load-balancing';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link InstanceInfo}, boto2's keyword arguments. */
export interface InstanceInfoOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The EC2 instance id. */
  id?: string;
  /** The instance's state, when known (ELB answers give ids only). */
  state?: string;
}

/**
 * An EC2 instance as a load balancer lists it: `LoadBalancer.instances`, and what
 * `registerInstances` / `deregisterInstances` answer with. Prints as `InstanceInfo:i-...`.
 */
export class InstanceInfo extends BotoObject<ELBConnection> {
  /** The EC2 instance id. */
  id: string | undefined;
  /** The instance's state; ELB answers do not carry it, so it stays `undefined` there, as in boto2. */
  state: string | undefined;

  constructor(options: InstanceInfoOptions = {}) {
    checkNew(InstanceInfo, arguments);
    super(options.connection);
    this.id = options.id;
    this.state = options.state;
  }

  /** Builds one from an SDK `Instance`. @internal */
  static fromSdk(connection: ELBConnection, instance: SdkInstance): InstanceInfo {
    return new InstanceInfo({ connection, id: instance.InstanceId });
  }

  toString(): string {
    return `InstanceInfo:${this.id ?? 'None'}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(InstanceInfo, {
  new: '{connection, id, state}',
});

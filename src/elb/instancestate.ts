/**
 * The health of an instance behind a load balancer (boto2's `boto.ec2.elb.instancestate`).
 *
 * @module
 */
import type { InstanceState as SdkInstanceState } from '@aws-sdk/client-elastic-load-balancing';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import type { LoadBalancer } from './loadbalancer';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link InstanceState}, boto2's keyword arguments. */
export interface InstanceStateOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The load balancer the instance is registered with. */
  loadBalancer?: LoadBalancer;
  /** Why the instance is in its state, in words. */
  description?: string;
  /** `InService`, `OutOfService` or `Unknown`. */
  state?: string;
  /** The EC2 instance id. */
  instanceId?: string;
  /** Whose side an `OutOfService` state comes from: `ELB` or `Instance`. */
  reasonCode?: string;
}

/**
 * One instance's health as its load balancer sees it (`describeInstanceHealth`,
 * `LoadBalancer.getInstanceHealth`). Prints as `InstanceState:(i-4f8cf126,InService)`.
 */
export class InstanceState extends BotoObject<ELBConnection> {
  /** Why the instance is in its state, in words. */
  description: string | undefined;
  /** `InService`, `OutOfService` or `Unknown`. */
  state: string | undefined;
  /** The EC2 instance id. */
  instanceId: string | undefined;
  /** Whose side an `OutOfService` state comes from: `ELB` or `Instance`; `N/A` otherwise. */
  reasonCode: string | undefined;
  // Kept out of enumeration: the load balancer lists objects that point back at it.
  #loadBalancer: LoadBalancer | undefined;

  constructor(options: InstanceStateOptions = {}) {
    checkNew(InstanceState, arguments);
    super(options.connection);
    this.#loadBalancer = options.loadBalancer;
    this.description = options.description;
    this.state = options.state;
    this.instanceId = options.instanceId;
    this.reasonCode = options.reasonCode;
  }

  /** The load balancer the instance is registered with (set by `LoadBalancer.getInstanceHealth`). */
  get loadBalancer(): LoadBalancer | undefined {
    return this.#loadBalancer;
  }

  /** Sets the load balancer the instance is registered with. */
  set loadBalancer(loadBalancer: LoadBalancer | undefined) {
    this.#loadBalancer = loadBalancer;
  }

  /** Builds one from a `DescribeInstanceHealth` answer. @internal */
  static fromSdk(connection: ELBConnection, s: SdkInstanceState): InstanceState {
    return new InstanceState({
      connection,
      description: s.Description,
      state: s.State,
      instanceId: s.InstanceId,
      reasonCode: s.ReasonCode,
    });
  }

  toString(): string {
    return `InstanceState:(${this.instanceId ?? 'None'},${this.state ?? 'None'})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(InstanceState, {
  new: '{connection, loadBalancer, description, state, instanceId, reasonCode}',
});

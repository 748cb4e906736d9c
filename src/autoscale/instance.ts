/**
 * boto2's `Instance` of `boto.ec2.autoscale.instance`.
 *
 * @module
 */
import type { AutoScalingInstanceDetails, Instance as SdkInstance } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import { launchTemplateFromSdk, type GroupLaunchTemplate } from './grouplaunch';
import type { AutoScaleConnection } from './connection';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Instance}. */
export interface InstanceOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The EC2 instance id. */
  instanceId?: string;
  /** `Healthy` or `Unhealthy`. */
  healthStatus?: string;
  /** The launch configuration it was launched from. */
  launchConfigName?: string;
  /** The launch template and version it was launched from (not in boto2). */
  launchTemplate?: GroupLaunchTemplate;
  /** `Pending`, `InService`, `Terminating`, ... */
  lifecycleState?: string;
  /** Its instance type, such as `m5.large` (not in boto2). */
  instanceType?: string;
  /** The capacity units it counts for in a group with weighted instance types (not in boto2). */
  weightedCapacity?: number;
  /** Its availability zone. */
  availabilityZone?: string;
  /** The group's name. */
  groupName?: string;
}

/**
 * An instance of a group, as Auto Scaling sees it. Prints as
 * `Instance<id:ID, state:STATE, health:HEALTH>`, with ` group:NAME` before the `>` when the
 * group is known (`getAllAutoscalingInstances()`; a group's own `instances` don't carry it).
 */
export class Instance extends BotoObject<AutoScaleConnection> {
  /** The EC2 instance id. */
  instanceId: string | undefined;
  /** `Healthy` or `Unhealthy`. */
  healthStatus: string | undefined;
  /** The launch configuration it was launched from. */
  launchConfigName: string | undefined;
  /** The launch template and version it was launched from, `{ id, name, version }` (not in boto2). */
  launchTemplate: GroupLaunchTemplate | undefined;
  /** `Pending`, `InService`, `Terminating`, ... */
  lifecycleState: string | undefined;
  /**
   * Its instance type, such as `m5.large` (not in boto2). Whether it is a spot instance
   * Auto Scaling does not say: EC2's `Instance.instanceLifecycle` does.
   */
  instanceType: string | undefined;
  /** The capacity units it counts for in a group with weighted instance types (not in boto2). */
  weightedCapacity: number | undefined;
  /** Its availability zone. */
  availabilityZone: string | undefined;
  /** Its group's name, when the answer says. */
  groupName: string | undefined;

  constructor(options: InstanceOptions = {}) {
    checkNew(Instance, arguments);
    super(options.connection);
    this.instanceId = options.instanceId;
    this.healthStatus = options.healthStatus;
    this.launchConfigName = options.launchConfigName;
    this.launchTemplate = options.launchTemplate;
    this.lifecycleState = options.lifecycleState;
    this.instanceType = options.instanceType;
    this.weightedCapacity = options.weightedCapacity;
    this.availabilityZone = options.availabilityZone;
    this.groupName = options.groupName;
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, i: SdkInstance | AutoScalingInstanceDetails): Instance {
    return new Instance({
      connection,
      instanceId: i.InstanceId,
      healthStatus: i.HealthStatus,
      launchConfigName: i.LaunchConfigurationName,
      launchTemplate: launchTemplateFromSdk(i.LaunchTemplate),
      lifecycleState: i.LifecycleState,
      instanceType: i.InstanceType,
      weightedCapacity: i.WeightedCapacity === undefined ? undefined : Number(i.WeightedCapacity),
      availabilityZone: i.AvailabilityZone,
      groupName: 'AutoScalingGroupName' in i ? i.AutoScalingGroupName : undefined,
    });
  }

  toString(): string {
    const group = this.groupName ? ` group:${this.groupName}` : '';
    return `Instance<id:${pyStr(this.instanceId)}, state:${pyStr(this.lifecycleState)}, health:${pyStr(this.healthStatus)}${group}>`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Instance, {
  new: '{connection, instanceId, healthStatus, launchConfigName, launchTemplate, lifecycleState, instanceType, weightedCapacity, availabilityZone, groupName}',
});

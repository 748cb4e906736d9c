/**
 * What a plan is: ordered actions, each saying what changes (for people) and what to
 * call (for `apply`), as plain data.
 *
 * @module
 */
import type {
  AlarmSpec, DrainingSpec, GroupSettings, HealthCheckSpec, LaunchConfigSpec, LifecycleHookSpec, ListenerSpec, LoadBalancerSpec, PolicySpec, ScheduledSpec, SpotSpec, StickinessSpec,
  TagSpec,
} from '../model/types';

/**
 * Kinds of resources, in dependency order. An existing group's lifecycle hooks come before
 * its update, so that they hold the launches the update starts (a new group's hooks are
 * created with it).
 */
export const RESOURCE_ORDER = [
  'launch_configuration', 'launch_template', 'load_balancer', 'lifecycle_hook', 'group', 'tags', 'notification', 'scheduled_action', 'policy', 'alarm',
] as const;

/** A kind of resource. */
export type ResourceType = (typeof RESOURCE_ORDER)[number];

/** What happens to a resource. */
export type ActionType = 'create' | 'update' | 'replace' | 'delete';

/** One changed field: `field: old → new` (`old` undefined on create, `new` undefined on delete). */
export interface FieldChange {
  /** The field, as the file names it where it has a name there. */
  field: string;
  /** Value before. */
  old?: unknown;
  /** Value after. */
  new?: unknown;
}

/** A group as `CreateAutoScalingGroup` makes it: on a launch template, or on a launch configuration. */
export interface GroupCreate extends GroupSettings {
  /** Launch configuration name (a group on one). */
  launchConfigName?: string;
  /** Launch template name (a group on one, following its default version). */
  launchTemplateName?: string;
  /** Spot settings: the group gets a mixed instances policy on `launchTemplateName`. */
  spot?: SpotSpec;
  /** Capacity rebalancing. */
  capacityRebalance?: boolean;
  /** Desired capacity (AWS starts at `minSize` when undefined). */
  desiredCapacity?: number;
  /** Termination policies. */
  terminationPolicies?: string[];
  /** Lifecycle hooks created with the group, so that launch hooks hold its first instances. */
  lifecycleHooks?: LifecycleHookSpec[];
}

/**
 * A group moving from its launch configuration to a launch template: the template is
 * made from the launch configuration field by field (unless it exists already), gets a
 * version with the file's settings when they differ, and the group is switched to it.
 * Instances already running are kept.
 */
export interface LaunchMigration {
  /** The launch configuration the group is on. */
  fromLaunchConfig: string;
  /** Whether the template must be made (false when it exists already). */
  createTemplate: boolean;
  /** The file's settings, when they differ from what the template will launch. */
  spec?: LaunchConfigSpec;
}

/** The settings `UpdateAutoScalingGroup` changes (only those given). */
export interface GroupUpdate {
  /** Launch configuration name. */
  launchConfigName?: string;
  /** Launch template name (the group then follows its default version). */
  launchTemplateName?: string;
  /** What to do first when the group moves from a launch configuration to the template. */
  migrate?: LaunchMigration;
  /** Spot settings: a mixed instances policy on `launchTemplateName`, sent whole. */
  spot?: SpotSpec;
  /** Capacity rebalancing. */
  capacityRebalance?: boolean;
  /** Fewest instances. */
  minSize?: number;
  /** Most instances. */
  maxSize?: number;
  /** Desired capacity. */
  desiredCapacity?: number;
  /** Zones. */
  zones?: string[];
  /** Subnets. */
  subnets?: string[];
  /** `EC2` or `ELB`. */
  healthCheckType?: string;
  /** Seconds. */
  healthCheckPeriod?: number;
  /** Seconds. */
  defaultCooldown?: number;
  /** Termination policies. */
  terminationPolicies?: string[];
  /** Load balancers to attach (AttachLoadBalancers, before any are detached). */
  attachLoadBalancers?: string[];
  /** Load balancers to detach (DetachLoadBalancers). */
  detachLoadBalancers?: string[];
}

/** One step of bringing an existing load balancer in line. */
export type LoadBalancerStep =
  | { step: 'addListeners'; listeners: ListenerSpec[] }
  | { step: 'removeListeners'; ports: number[] }
  | { step: 'enableZones'; zones: string[] }
  | { step: 'disableZones'; zones: string[] }
  | { step: 'attachSubnets'; subnets: string[] }
  | { step: 'detachSubnets'; subnets: string[] }
  | { step: 'setSecurityGroups'; securityGroups: string[] }
  | { step: 'healthCheck'; healthCheck: HealthCheckSpec }
  | { step: 'stickiness'; stickiness: StickinessSpec; replacePolicy: boolean; ports: number[] }
  | { step: 'removeStickiness'; ports: number[]; deletePolicy: boolean }
  | { step: 'crossZone'; enabled: boolean }
  | { step: 'connectionDraining'; draining: DrainingSpec }
  | { step: 'marker' };

/** What `apply` calls for an action. */
export type Operation =
  | { kind: 'createLaunchConfig'; name: string; spec: LaunchConfigSpec; replace: boolean }
  | { kind: 'deleteLaunchConfig'; name: string }
  | { kind: 'createLaunchTemplate'; name: string; spec: LaunchConfigSpec }
  | { kind: 'createLaunchTemplateVersion'; name: string; spec: LaunchConfigSpec; httpTokens?: string; keep: number }
  | { kind: 'deleteLaunchTemplate'; name: string }
  | { kind: 'createLoadBalancer'; spec: LoadBalancerSpec; replace: boolean }
  | { kind: 'updateLoadBalancer'; name: string; steps: LoadBalancerStep[] }
  | { kind: 'deleteLoadBalancer'; name: string }
  | { kind: 'createGroup'; group: GroupCreate }
  | { kind: 'updateGroup'; name: string; set: GroupUpdate }
  | { kind: 'deleteGroup'; name: string }
  | { kind: 'setTags'; group: string; tags: TagSpec[] }
  | { kind: 'deleteTags'; group: string; tags: TagSpec[] }
  | { kind: 'putNotification'; group: string; topic: string; previous?: string[] }
  | { kind: 'deleteNotification'; group: string; topic: string }
  | { kind: 'putLifecycleHook'; spec: LifecycleHookSpec; replace: boolean }
  | { kind: 'deleteLifecycleHook'; group: string; name: string }
  | { kind: 'putScheduledAction'; spec: ScheduledSpec }
  | { kind: 'deleteScheduledAction'; group: string; name: string }
  | { kind: 'putPolicy'; spec: PolicySpec }
  | { kind: 'deletePolicy'; group: string; name: string }
  | { kind: 'putAlarm'; spec: AlarmSpec }
  | { kind: 'deleteAlarm'; name: string };

/** One action of a plan. */
export interface PlannedAction {
  /** create, update, replace or delete. */
  action: ActionType;
  /** The kind of resource. */
  resource: ResourceType;
  /** The resource's name (for tags and notifications, the group's). */
  name: string;
  /** The group it belongs to, if any. */
  group?: string;
  /** What changes, field by field. */
  changes: FieldChange[];
  /** Why, when it is not obvious (e.g. "capacity changed in the file"). */
  note?: string;
  /** Terminates instances: needs confirmation unless `--yes`. */
  destructive?: boolean;
  /** What apply calls. */
  op: Operation;
}

/** A resource gone from the file and kept because `--prune` was not given. */
export interface KeptResource {
  /** The kind of resource. */
  resource: ResourceType;
  /** Its name. */
  name: string;
  /** Its group, if any. */
  group?: string;
}

/** The ordered actions that bring AWS in line with the file. */
export interface Plan {
  /** Creates and updates in dependency order, then deletes in reverse order. */
  actions: PlannedAction[];
  /** What `--prune` would delete. */
  kept: KeptResource[];
  /** Things worth knowing that are not actions. */
  warnings: string[];
}

/** Options of the planner. */
export interface PlanOptions {
  /** Delete what autoscalectl created and the file no longer has. */
  prune?: boolean;
  /** Set every group's desired capacity to the file's `capacity`. */
  resetCapacity?: boolean;
  /** Move groups still on launch configurations (and whose file does not say `launch`) to launch templates. */
  migrate?: boolean;
}

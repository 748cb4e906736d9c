/**
 * boto2's `AutoScalingGroup` of `boto.ec2.autoscale.group`, plus `waitForCapacity()`.
 *
 * @module
 */
import type { AutoScalingGroup as SdkAutoScalingGroup, LaunchTemplateSpecification as SdkLaunchTemplateSpecification, MixedInstancesPolicy as SdkMixedInstancesPolicy } from '@aws-sdk/client-auto-scaling';
import type { CallOptions } from '../core/connection';
import { BotoClientError, WaitTimeoutError } from '../core/errors';
import { BotoObject } from '../core/repr';
import { PagedRequest, ResultSet } from '../core/resultset';
import { checkInt, requireValue } from '../core/validate';
import type { Activity } from './activity';
import type { AutoScaleConnection, DeleteAutoScalingGroupOptions, EnterStandbyOptions, GetAllActivitiesOptions, ScalingProcessesOptions } from './connection';
import { Instance } from './instance';
import { LaunchConfiguration } from './launchconfig';
import { groupLaunchTemplate, launchTemplateFromSdk, launchTemplateLabel, launchTemplateToSdk, type GroupLaunchTemplate, type LaunchTemplateInput } from './grouplaunch';
import { EnabledMetric } from './metrics';
import { checkCapacityRebalance, mixedInstancesPolicy, mixedPolicyFromSdk, mixedPolicyLabel, mixedPolicyToSdk, type MixedInstancesPolicy, type MixedInstancesPolicyInput } from './mixed';
import { SuspendedProcess } from './process';
import { SET_CAPACITY, type Request } from './request';
import { Tag } from './tag';
import type { LifecycleHook } from './lifecyclehook';
import { pyStr } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';

/** What a group launches from: a launch configuration, a launch template or a mixed instances policy. */
type LaunchSource = 'configuration' | 'template' | 'mixed';

/** The option naming each launch source, for errors. */
const LAUNCH_FIELDS: Readonly<Record<LaunchSource, string>> = { configuration: 'launchConfig', template: 'launchTemplate', mixed: 'mixedInstancesPolicy' };

/** The members of CreateAutoScalingGroup and UpdateAutoScalingGroup that say what a group launches from. */
export interface LaunchToSend {
  /** A launch configuration's name. */
  LaunchConfigurationName?: string;
  /** A launch template and version. */
  LaunchTemplate?: SdkLaunchTemplateSpecification;
  /** A mixed instances policy. */
  MixedInstancesPolicy?: SdkMixedInstancesPolicy;
}

/** Constructor options of {@link AutoScalingGroup}, boto2's keyword arguments. */
export interface AutoScalingGroupOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The group's name (required to create it). */
  name?: string;
  /** boto2's older spelling of `name`, used by its tutorial. */
  groupName?: string;
  /** The launch configuration, or its name (to create the group, give this, `launchTemplate` or `instanceId`). */
  launchConfig?: LaunchConfiguration | string;
  /**
   * The launch template: a `LaunchTemplate`, its name, or `{ name | id, version }` with
   * version a number, `$Latest` or `$Default` (the default). Not in boto2.
   */
  launchTemplate?: LaunchTemplateInput;
  /**
   * A launch template with several instance types and an on-demand/spot split, in place
   * of `launchConfig` or `launchTemplate`: `{ launchTemplate, overrides: [{ instanceType,
   * weightedCapacity }], onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity,
   * spotAllocationStrategy, onDemandAllocationStrategy, spotMaxPrice, spotInstancePools }`.
   * Not in boto2.
   */
  mixedInstancesPolicy?: MixedInstancesPolicyInput;
  /** Whether Auto Scaling replaces spot instances at an elevated risk of interruption before they go. Not in boto2. */
  capacityRebalance?: boolean;
  /** Zones the group spans; a new group needs these or `vpcZoneIdentifier`. */
  availabilityZones?: string[];
  /** Classic load balancers to register instances with (set at creation only). */
  loadBalancers?: string[];
  /** Seconds after a scaling activity before another may start. */
  defaultCooldown?: number;
  /** boto2's older spelling of `defaultCooldown`. */
  cooldown?: number;
  /** Where health comes from: `EC2` or `ELB`. */
  healthCheckType?: string;
  /** Seconds after launch before health checks count. */
  healthCheckPeriod?: number;
  /** A cluster placement group. */
  placementGroup?: string;
  /** Subnet ids, as a list or a comma-separated string (a list is joined with commas, as boto2). */
  vpcZoneIdentifier?: string | string[];
  /** How many instances the group should run. */
  desiredCapacity?: number;
  /** The fewest instances (required to create the group). */
  minSize?: number;
  /** The most instances (required to create the group). */
  maxSize?: number;
  /** Tags (set at creation by `createAutoScalingGroup`). */
  tags?: Tag[];
  /**
   * Lifecycle hooks created with the group (set at creation by `createAutoScalingGroup`), so
   * that a launch hook holds the group's first instances too: one put after the group is
   * created holds only later launches. Each needs its `name` and `transition`. Not in boto2.
   */
  lifecycleHooks?: LifecycleHook[];
  /** Termination policy names, e.g. `['OldestInstance', 'Default']`. */
  terminationPolicies?: string[];
  /** An EC2 instance whose settings the new group copies. */
  instanceId?: string;
}

/** Options of {@link AutoScalingGroup.getActivities}. */
export interface GetActivitiesOptions extends CallOptions {
  /** Only these activities (at most 50). */
  activityIds?: string[];
  /** Page size, 1 to 100; default 50, as boto2. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScalingGroup.waitForCapacity}. */
export interface WaitForCapacityOptions extends CallOptions {
  /** Milliseconds to wait in all before rejecting; default 600000 (10 minutes). */
  timeout?: number;
  /** Milliseconds between polls; default 15000. */
  interval?: number;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): BotoClientError => new BotoClientError(`${what} aborted`, { cause: signal?.reason });
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * An Auto Scaling group: instances kept between `minSize` and `maxSize`, launched from a
 * launch configuration or a launch template. Prints as `AutoScaleGroup<NAME>`, with the
 * launch template when it has one.
 */
export class AutoScalingGroup extends BotoObject<AutoScaleConnection> {
  /** The group's name. */
  name: string | undefined;
  /** The fewest instances. */
  minSize: number | undefined;
  /** The most instances. */
  maxSize: number | undefined;
  /** When AWS created it. */
  createdTime: Date | undefined;
  /** Seconds after a scaling activity before another may start. */
  defaultCooldown: number | undefined;
  /** The launch configuration's name. */
  launchConfigName: string | undefined;
  /**
   * The launch template and version (`{ id, name, version }`), for a group on one. To
   * switch a group read from AWS between a launch configuration and a template, set the
   * one it should use and `update()`: the other is then cleared.
   */
  launchTemplate: GroupLaunchTemplate | undefined;
  /**
   * The mixed instances policy (launch template, instance types, on-demand/spot split),
   * for a group on one; switching works as for `launchTemplate`.
   */
  mixedInstancesPolicy: MixedInstancesPolicy | undefined;
  /** Whether capacity rebalancing is on (spot instances at risk replaced before they go). */
  capacityRebalance: boolean | undefined;
  /** How many instances the group should run. */
  desiredCapacity: number | undefined;
  /** Classic load balancer names. */
  loadBalancers: string[];
  /** Availability zones. */
  availabilityZones: string[];
  /** Seconds after launch before health checks count. */
  healthCheckPeriod: number | undefined;
  /** `EC2` or `ELB`. */
  healthCheckType: string | undefined;
  /** The cluster placement group. */
  placementGroup: string | undefined;
  /** The group's ARN. */
  autoscalingGroupArn: string | undefined;
  /** Subnet ids, comma-separated. */
  vpcZoneIdentifier: string | undefined;
  /** The group's instances (from AWS; `undefined` on a group built locally). */
  instances: Instance[] | undefined;
  /** Tags. */
  tags: Tag[] | undefined;
  /** The lifecycle hooks to create the group with (AWS's describe of a group does not list them: `conn.getAllLifecycleHooks(group)` does). */
  lifecycleHooks: LifecycleHook[] | undefined;
  /** Termination policy names. */
  terminationPolicies: string[];
  /** The instance the group was created from. */
  instanceId: string | undefined;
  /** Metrics whose collection is enabled. */
  enabledMetrics: EnabledMetric[];
  /** Suspended scaling processes. */
  suspendedProcesses: SuspendedProcess[];
  /** Which of the two AWS said the group launches from, when it was read from AWS or last sent. */
  #launchSentOrRead: LaunchSource | undefined;

  constructor(options: AutoScalingGroupOptions = {}) {
    checkNew(AutoScalingGroup, arguments);
    super(options.connection);
    this.name = options.name || options.groupName;
    this.minSize = options.minSize;
    this.maxSize = options.maxSize;
    this.createdTime = undefined;
    this.defaultCooldown = options.defaultCooldown ?? options.cooldown;
    this.launchConfigName = options.launchConfig instanceof LaunchConfiguration ? options.launchConfig.name : options.launchConfig;
    this.launchTemplate = groupLaunchTemplate('launchTemplate', options.launchTemplate);
    this.mixedInstancesPolicy = mixedInstancesPolicy('mixedInstancesPolicy', options.mixedInstancesPolicy);
    this.capacityRebalance = checkCapacityRebalance('capacityRebalance', options.capacityRebalance);
    this.desiredCapacity = options.desiredCapacity;
    this.loadBalancers = [...(options.loadBalancers ?? [])];
    this.availabilityZones = [...(options.availabilityZones ?? [])];
    this.healthCheckPeriod = options.healthCheckPeriod;
    this.healthCheckType = options.healthCheckType;
    this.placementGroup = options.placementGroup;
    this.autoscalingGroupArn = undefined;
    this.vpcZoneIdentifier = Array.isArray(options.vpcZoneIdentifier) ? options.vpcZoneIdentifier.join(',') : options.vpcZoneIdentifier;
    this.instances = undefined;
    this.tags = options.tags && options.tags.length > 0 ? options.tags : undefined;
    this.lifecycleHooks = options.lifecycleHooks && options.lifecycleHooks.length > 0 ? options.lifecycleHooks : undefined;
    this.terminationPolicies = [...(options.terminationPolicies ?? [])];
    this.instanceId = options.instanceId;
    this.enabledMetrics = [];
    this.suspendedProcesses = [];
  }

  /** @internal */
  static fromSdk(connection: AutoScaleConnection, g: SdkAutoScalingGroup): AutoScalingGroup {
    const out = new AutoScalingGroup({
      connection,
      name: g.AutoScalingGroupName,
      launchConfig: g.LaunchConfigurationName,
      availabilityZones: g.AvailabilityZones,
      loadBalancers: g.LoadBalancerNames,
      defaultCooldown: g.DefaultCooldown,
      healthCheckType: g.HealthCheckType,
      healthCheckPeriod: g.HealthCheckGracePeriod,
      placementGroup: g.PlacementGroup,
      vpcZoneIdentifier: g.VPCZoneIdentifier || undefined,
      desiredCapacity: g.DesiredCapacity,
      minSize: g.MinSize,
      maxSize: g.MaxSize,
      terminationPolicies: g.TerminationPolicies,
    });
    out.launchTemplate = launchTemplateFromSdk(g.LaunchTemplate);
    out.mixedInstancesPolicy = mixedPolicyFromSdk(g.MixedInstancesPolicy);
    out.capacityRebalance = g.CapacityRebalance;
    out.#launchSentOrRead = out.mixedInstancesPolicy !== undefined ? 'mixed' : out.launchTemplate !== undefined ? 'template' : out.launchConfigName ? 'configuration' : undefined;
    out.createdTime = g.CreatedTime;
    out.autoscalingGroupArn = g.AutoScalingGroupARN;
    out.instances = (g.Instances ?? []).map((i) => Instance.fromSdk(connection, i));
    out.tags = (g.Tags ?? []).map((t) => Tag.fromSdk(connection, t));
    out.enabledMetrics = (g.EnabledMetrics ?? []).map((m) => EnabledMetric.fromSdk(connection, m));
    out.suspendedProcesses = (g.SuspendedProcesses ?? []).map((p) => SuspendedProcess.fromSdk(connection, p));
    return out;
  }

  /** boto2's older name of `defaultCooldown`. */
  get cooldown(): number | undefined {
    return this.defaultCooldown;
  }

  /** Sets `defaultCooldown` (boto2's older name). */
  set cooldown(value: number | undefined) {
    this.defaultCooldown = value;
  }

  /**
   * boto2's `AutoScaleGroup<NAME>`; a group on a launch template adds it:
   * `AutoScaleGroup<NAME, LaunchTemplate:web($Default)>`; a group on a mixed instances
   * policy adds its split and types: `AutoScaleGroup<NAME, Mixed:LaunchTemplate:web($Default)
   * on-demand 2+25% spot 75% [m5.large c5.large]>`.
   */
  toString(): string {
    const template = this.launchTemplate === undefined ? '' : `, ${launchTemplateLabel(this.launchTemplate)}`;
    const mixed = this.mixedInstancesPolicy === undefined ? '' : `, Mixed:${mixedPolicyLabel(this.mixedInstancesPolicy)}`;
    return `AutoScaleGroup<${pyStr(this.name)}${template}${mixed}>`;
  }

  /**
   * What the group launches from, as CreateAutoScalingGroup and UpdateAutoScalingGroup
   * take it: one of a launch configuration, a launch template or a mixed instances policy.
   * With two of them set on a group read from AWS (or sent before), the one AWS did not
   * report is the change asked for (a switch); otherwise more than one is an error.
   * @internal
   */
  launchToSend(creating: boolean): LaunchToSend {
    // Plain-JS callers may assign a LaunchTemplate, a name or a loose policy here: read them as the constructor does.
    const template = groupLaunchTemplate('launchTemplate', this.launchTemplate as LaunchTemplateInput | undefined);
    const mixed = mixedInstancesPolicy('mixedInstancesPolicy', this.mixedInstancesPolicy);
    const given: Record<LaunchSource, LaunchToSend | undefined> = {
      configuration: this.launchConfigName ? { LaunchConfigurationName: this.launchConfigName } : undefined,
      template: template === undefined ? undefined : { LaunchTemplate: launchTemplateToSdk(template) },
      mixed: mixed === undefined ? undefined : { MixedInstancesPolicy: mixedPolicyToSdk(mixed) },
    };
    const set = (Object.keys(given) as LaunchSource[]).filter((k) => given[k] !== undefined);
    if (set.length <= 1) return set.length === 0 ? {} : (given[set[0] as LaunchSource] as LaunchToSend);
    const known = this.#launchSentOrRead;
    if (!creating && set.length === 2 && known !== undefined && set.includes(known)) {
      return given[set.find((k) => k !== known) as LaunchSource] as LaunchToSend;
    }
    throw new BotoClientError(`give one of launchConfig, launchTemplate or mixedInstancesPolicy, not ${set.map((k) => LAUNCH_FIELDS[k]).join(' and ')}: a group launches from one of them`);
  }

  /** Records what a successful create or update sent, clearing the others. @internal */
  launchSent(sent: LaunchToSend): void {
    if (sent.MixedInstancesPolicy !== undefined) {
      this.mixedInstancesPolicy = mixedInstancesPolicy('mixedInstancesPolicy', this.mixedInstancesPolicy);
      this.launchTemplate = undefined;
      this.launchConfigName = undefined;
      this.#launchSentOrRead = 'mixed';
    } else if (sent.LaunchTemplate !== undefined) {
      this.launchTemplate = groupLaunchTemplate('launchTemplate', this.launchTemplate as LaunchTemplateInput | undefined);
      this.launchConfigName = undefined;
      this.mixedInstancesPolicy = undefined;
      this.#launchSentOrRead = 'template';
    } else if (sent.LaunchConfigurationName !== undefined) {
      this.launchTemplate = undefined;
      this.mixedInstancesPolicy = undefined;
      this.#launchSentOrRead = 'configuration';
    }
  }

  /** Sets the group's desired capacity (`SetDesiredCapacity`). */
  async setCapacity(capacity: number, options?: CallOptions): Promise<Request> {
    return this.requireConnection()[SET_CAPACITY](this, capacity, { signal: options?.signal });
  }

  /** Sends this object's sizes, zones, health check and other settings to AWS (`UpdateAutoScalingGroup`). */
  async update(options?: CallOptions): Promise<Request> {
    return this.requireConnection().updateAutoScalingGroup(this, options);
  }

  /** Sets `minSize`, `maxSize` and `desiredCapacity` to 0 and updates, so AWS terminates every instance. */
  async shutdownInstances(options?: CallOptions): Promise<Request> {
    const conn = this.requireConnection();
    this.minSize = 0;
    this.maxSize = 0;
    this.desiredCapacity = 0;
    return conn.updateAutoScalingGroup(this, options);
  }

  /** Deletes the group; with `forceDelete`, also when it still has instances or activities. */
  async delete(options: DeleteAutoScalingGroupOptions = {}): Promise<Request> {
    return this.requireConnection().deleteAutoScalingGroup(this, options);
  }

  /** The group's scaling activities, newest first (`await` for a page of 50, `for await` for all). */
  getActivities(options: GetActivitiesOptions = {}): PagedRequest<Activity> {
    const conn = this.connection;
    if (conn === undefined) {
      // Reject when awaited, like every other call, rather than throwing here.
      return new PagedRequest(async () => {
        this.requireConnection();
        return ResultSet.fromPage<Activity>([]);
      });
    }
    const query: GetAllActivitiesOptions = { ...options, maxRecords: options.maxRecords ?? 50 };
    return conn.getAllActivities(this, query);
  }

  /** Sends SNS notifications to `topic` for the given event types. */
  async putNotificationConfiguration(topic: string, notificationTypes: string[], options?: CallOptions): Promise<Request> {
    return this.requireConnection().putNotificationConfiguration(this, topic, notificationTypes, options);
  }

  /** Stops the notifications to `topic`. */
  async deleteNotificationConfiguration(topic: string, options?: CallOptions): Promise<Request> {
    return this.requireConnection().deleteNotificationConfiguration(this, topic, options);
  }

  /** Adds classic load balancers to the group (not in boto2); its InService instances are registered with them. */
  async attachLoadBalancers(loadBalancerNames: string[], options?: CallOptions): Promise<Request> {
    const out = await this.requireConnection().attachLoadBalancers(this, loadBalancerNames, options);
    this.loadBalancers = [...new Set([...this.loadBalancers, ...loadBalancerNames])];
    return out;
  }

  /** Removes classic load balancers from the group (not in boto2); its instances are deregistered from them. */
  async detachLoadBalancers(loadBalancerNames: string[], options?: CallOptions): Promise<Request> {
    const out = await this.requireConnection().detachLoadBalancers(this, loadBalancerNames, options);
    this.loadBalancers = this.loadBalancers.filter((n) => !loadBalancerNames.includes(n));
    return out;
  }

  /** Puts InService instances in Standby (not in boto2); `shouldDecrementDesiredCapacity` defaults to true. */
  async enterStandby(instanceIds: string[], options: EnterStandbyOptions = {}): Promise<Activity[]> {
    return this.requireConnection().enterStandby(this, instanceIds, options);
  }

  /** Brings Standby instances back into service (not in boto2), raising the desired capacity. */
  async exitStandby(instanceIds: string[], options?: CallOptions): Promise<Activity[]> {
    return this.requireConnection().exitStandby(this, instanceIds, options);
  }

  /** Suspends scaling processes (all of them when none are named). */
  async suspendProcesses(options: ScalingProcessesOptions = {}): Promise<Request> {
    return this.requireConnection().suspendProcesses(this, options);
  }

  /** Resumes scaling processes (all of them when none are named). */
  async resumeProcesses(options: ScalingProcessesOptions = {}): Promise<Request> {
    return this.requireConnection().resumeProcesses(this, options);
  }

  /**
   * Polls the group until as many of its instances are `InService` as its desired
   * capacity, then resolves with this group, refreshed from AWS. Rejects with a
   * `WaitTimeoutError` (naming the group, the counts and the time waited) after `timeout`.
   */
  async waitForCapacity(options: WaitForCapacityOptions = {}): Promise<this> {
    const conn = this.requireConnection();
    const name = requireValue('name', this.name);
    const timeout = checkInt('timeout', options.timeout, { min: 0 }) ?? 600_000;
    const interval = checkInt('interval', options.interval, { min: 1 }) ?? 15_000;
    const what = `waitForCapacity of ${this.toString()}`;
    const started = Date.now();
    for (;;) {
      if (options.signal?.aborted) throw new BotoClientError(`${what} aborted`, { cause: options.signal.reason });
      const [fresh] = await conn.getAllGroups({ names: [name], signal: options.signal });
      let state: string;
      if (fresh === undefined) {
        state = 'the group was not found';
      } else {
        Object.assign(this, fresh);
        this.#launchSentOrRead = fresh.#launchSentOrRead;
        const inService = (this.instances ?? []).filter((i) => i.lifecycleState === 'InService').length;
        if (inService === this.desiredCapacity) return this;
        state = `desired capacity ${pyStr(this.desiredCapacity)}, InService ${inService}`;
      }
      const elapsed = Date.now() - started;
      if (elapsed >= timeout) {
        throw new WaitTimeoutError(`${what} timed out after ${formatMs(elapsed)} (timeout ${formatMs(timeout)}): ${state}`);
      }
      await sleep(Math.min(interval, timeout - elapsed), options.signal, what);
    }
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AutoScalingGroup, {
  new: '{connection, name, groupName, launchConfig, launchTemplate, mixedInstancesPolicy, capacityRebalance, availabilityZones, loadBalancers, defaultCooldown, cooldown, healthCheckType, healthCheckPeriod, placementGroup, vpcZoneIdentifier, desiredCapacity, minSize, maxSize, tags, lifecycleHooks, terminationPolicies, instanceId}',
  setCapacity: 'capacity, {signal}',
  update: '{signal}',
  shutdownInstances: '{signal}',
  delete: '[forceDelete], {signal}',
  getActivities: 'paged: [activityIds, maxRecords], {nextToken, signal}',
  putNotificationConfiguration: 'topic, notificationTypes, {signal}',
  deleteNotificationConfiguration: 'topic, {signal}',
  suspendProcesses: '[scalingProcesses], {signal}',
  resumeProcesses: '[scalingProcesses], {signal}',
  waitForCapacity: '{timeout, interval, signal}',
  attachLoadBalancers: 'loadBalancerNames, {signal}',
  detachLoadBalancers: 'loadBalancerNames, {signal}',
  enterStandby: 'instanceIds, {shouldDecrementDesiredCapacity, signal}',
  exitStandby: 'instanceIds, {signal}',
});

/**
 * Carrying out a plan through botoscale, one action at a time, in the plan's order. On
 * the first failure it stops and reports what was applied and what was not; every action
 * is safe to plan again, so running the same file again finishes the job.
 *
 * @module
 */
import { AutoScalingGroup, BlockDeviceMapping, Ebs, LaunchConfiguration, LifecycleHook, ScalingPolicy, Tag, type MixedInstancesPolicyInput } from '../../autoscale';
import { MetricAlarm } from '../../cloudwatch';
import { LaunchTemplate, type MetadataOptions } from '../../ec2';
import { HealthCheck, type ComplexListenerTuple, type ListenerTuple } from '../../elb';
import { LB_MARKER_POLICY, LB_STICKINESS_POLICY, NOTIFICATION_TYPES } from '../model/naming';
import {
  stateKey, type AlarmSpec, type CurrentState, type LaunchConfigSpec, type LifecycleHookSpec, type ListenerSpec, type LoadBalancerSpec, type PolicySpec, type ScheduledSpec, type SpotSpec,
  type TagSpec,
} from '../model/types';
import type { GroupCreate, GroupUpdate, LaunchMigration, LoadBalancerStep, Operation, Plan, PlannedAction } from '../plan/types';
import type { Clients } from './clients';

/** What happens to one action while applying. */
export interface ProgressEvent {
  /** `start`, `done` or `failed`. */
  phase: 'start' | 'done' | 'failed';
  /** The action. */
  action: PlannedAction;
  /** 1-based position in the plan. */
  index: number;
  /** How many actions the plan has. */
  total: number;
  /** Milliseconds it took (`done` and `failed`). */
  ms?: number;
  /** The error (`failed`). */
  error?: unknown;
}

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  /** Told about every action as it starts and ends. */
  progress?: (event: ProgressEvent) => void;
  /** Aborts the calls. */
  signal?: AbortSignal;
  /** Waits between polls of a group being deleted; default: real time. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds between polls of a group being deleted; default 5000. */
  pollInterval?: number;
  /** Milliseconds to wait for a group to be deleted; default 900000 (15 minutes). */
  deleteTimeout?: number;
}

/** What an apply did. */
export interface ApplyResult {
  /** Actions carried out, in order. */
  applied: PlannedAction[];
  /** Actions not carried out (after a failure), the failed one first. */
  notApplied: PlannedAction[];
  /** The failure, if one stopped the apply. */
  failed?: { action: PlannedAction; error: unknown };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sdkTags(group: string, tags: readonly TagSpec[]): Tag[] {
  return tags.map((t) => new Tag({ key: t.key, value: t.value, propagateAtLaunch: t.propagateAtLaunch, resourceId: group }));
}

function launchConfiguration(name: string, spec: LaunchConfigSpec): LaunchConfiguration {
  return new LaunchConfiguration({
    name,
    imageId: spec.imageId,
    keyName: spec.keyName,
    securityGroups: spec.securityGroups,
    userData: spec.userData,
    instanceType: spec.instanceType,
    spotPrice: spec.spotPrice,
    instanceMonitoring: spec.instanceMonitoring,
    instanceProfileName: spec.iamInstanceProfile,
    blockDeviceMappings: spec.blockDevices.map((b) => new BlockDeviceMapping({
      deviceName: b.deviceName,
      virtualName: b.virtualName,
      noDevice: b.noDevice,
      ebs: b.snapshotId === undefined && b.volumeSize === undefined && b.volumeType === undefined && b.deleteOnTermination === undefined
        && b.iops === undefined && b.encrypted === undefined
        ? undefined
        : new Ebs({ snapshotId: b.snapshotId, volumeSize: b.volumeSize, volumeType: b.volumeType, deleteOnTermination: b.deleteOnTermination, iops: b.iops, encrypted: b.encrypted }),
    })),
  });
}

/** A launch template (or a new version of one) launching what `spec` says. */
/**
 * A group's mixed instances policy from the file's `spot`, on the group's template at
 * `$Default`. On an update, no `max_price` is sent as `''`, which removes one set before.
 */
function mixedInstancesPolicy(template: string, spot: SpotSpec, updating: boolean): MixedInstancesPolicyInput {
  return {
    launchTemplate: { name: template, version: '$Default' },
    overrides: spot.instanceTypes.map((t) => (t.weight === undefined ? { instanceType: t.type } : { instanceType: t.type, weightedCapacity: t.weight })),
    onDemandBaseCapacity: spot.onDemandBase,
    onDemandPercentageAboveBaseCapacity: spot.onDemandPercentage,
    spotAllocationStrategy: spot.allocation,
    ...(spot.maxPrice !== undefined ? { spotMaxPrice: spot.maxPrice } : updating ? { spotMaxPrice: '' } : {}),
  };
}

function launchTemplate(name: string, spec: LaunchConfigSpec, httpTokens: string | undefined): LaunchTemplate {
  const lc = launchConfiguration(name, spec);
  const metadataOptions: MetadataOptions = { httpTokens: httpTokens === 'optional' ? 'optional' : 'required' };
  return LaunchTemplate.fromLaunchConfiguration(lc, { metadataOptions });
}

/** Listeners as botoscale's tuples: simple ones, and complex ones (with an instance protocol). */
function listenerTuples(listeners: readonly ListenerSpec[]): { simple: ListenerTuple[]; complex: ComplexListenerTuple[] } {
  const simple: ListenerTuple[] = [];
  const complex: ComplexListenerTuple[] = [];
  for (const l of listeners) {
    if (l.instanceProtocol !== undefined) {
      complex.push(l.sslCertificateId === undefined
        ? [l.loadBalancerPort, l.instancePort, l.protocol, l.instanceProtocol]
        : [l.loadBalancerPort, l.instancePort, l.protocol, l.instanceProtocol, l.sslCertificateId]);
    } else {
      simple.push(l.sslCertificateId === undefined ? [l.loadBalancerPort, l.instancePort, l.protocol] : [l.loadBalancerPort, l.instancePort, l.protocol, l.sslCertificateId]);
    }
  }
  return { simple, complex };
}

/** Applies plans through one set of connections. */
class Applier {
  /** Policy ARNs by `stateKey(group, name)`: known ones, then the ones created. */
  readonly #arns = new Map<string, string>();

  constructor(readonly clients: Clients, current: CurrentState, readonly options: ApplyOptions) {
    for (const [key, p] of current.policies) this.#arns.set(key, p.arn);
  }

  get #call(): { signal?: AbortSignal } {
    return this.options.signal === undefined ? {} : { signal: this.options.signal };
  }

  async waitUntilDeleted(name: string): Promise<void> {
    const sleep = this.options.sleep ?? defaultSleep;
    const interval = this.options.pollInterval ?? 5000;
    const timeout = this.options.deleteTimeout ?? 900_000;
    for (let waited = 0; ; waited += interval) {
      const [g] = await this.clients.autoscale.getAllGroups({ names: [name], ...this.#call });
      if (g === undefined) return;
      if (waited >= timeout) throw new Error(`group ${name} was still being deleted after ${Math.round(timeout / 1000)} s`);
      await sleep(interval);
    }
  }

  async deleteGroup(name: string): Promise<void> {
    const group = new AutoScalingGroup({ connection: this.clients.autoscale, name });
    await group.shutdownInstances(this.#call);
    await group.delete({ forceDelete: true, ...this.#call });
    await this.waitUntilDeleted(name);
  }

  async createGroup(g: GroupCreate): Promise<void> {
    const template = g.launchTemplateName === undefined ? undefined : { name: g.launchTemplateName, version: '$Default' as const };
    const group = new AutoScalingGroup({
      name: g.name,
      launchConfig: g.launchConfigName,
      launchTemplate: g.spot === undefined ? template : undefined,
      mixedInstancesPolicy: g.spot === undefined || template === undefined ? undefined : mixedInstancesPolicy(template.name, g.spot, false),
      capacityRebalance: g.capacityRebalance,
      minSize: g.minSize,
      maxSize: g.maxSize,
      desiredCapacity: g.desiredCapacity,
      availabilityZones: g.zones,
      vpcZoneIdentifier: g.subnets.length > 0 ? g.subnets : undefined,
      loadBalancers: g.loadBalancers,
      healthCheckType: g.healthCheckType,
      healthCheckPeriod: g.healthCheckPeriod,
      defaultCooldown: g.defaultCooldown,
      terminationPolicies: g.terminationPolicies,
      tags: sdkTags(g.name, g.tags),
      lifecycleHooks: g.lifecycleHooks?.map((h) => lifecycleHook(h)),
    });
    await this.clients.autoscale.createAutoScalingGroup(group, this.#call);
  }

  /**
   * Adds a version launching `spec`, makes it the default (groups on `$Default` launch
   * from it from now on), and, with `keep`, deletes all but the newest `keep` versions.
   */
  async templateVersion(name: string, spec: LaunchConfigSpec, httpTokens: string | undefined, keep?: number): Promise<void> {
    const { ec2 } = this.clients;
    const version = await ec2.createLaunchTemplateVersion(name, launchTemplate(name, spec, httpTokens), this.#call);
    if (version.versionNumber === undefined) throw new Error(`launch template ${name}: EC2 did not say which version it created`);
    await ec2.setDefaultLaunchTemplateVersion(name, version.versionNumber, this.#call);
    if (keep === undefined || version.versionNumber <= keep) return;
    const numbers: number[] = [];
    for await (const v of ec2.getLaunchTemplateVersions(name, { maxVersion: version.versionNumber - keep, maxResults: 200, ...this.#call })) {
      if (v.versionNumber !== undefined) numbers.push(v.versionNumber);
    }
    for (let i = 0; i < numbers.length; i += 200) await ec2.deleteLaunchTemplateVersions(name, numbers.slice(i, i + 200), this.#call);
  }

  /** Makes a group's launch template from the launch configuration it is on, field by field (the template keeps its IMDS setting). */
  async migrate(group: string, template: string, m: LaunchMigration): Promise<void> {
    if (m.createTemplate) {
      const [lc] = await this.clients.autoscale.getAllLaunchConfigurations({ names: [m.fromLaunchConfig], ...this.#call });
      if (lc === undefined) throw new Error(`group ${group}: launch configuration ${m.fromLaunchConfig} was not found, so no launch template can be made from it`);
      await this.clients.ec2.createLaunchTemplate(LaunchTemplate.fromLaunchConfiguration(lc, { name: template }), this.#call);
    }
    if (m.spec !== undefined) await this.templateVersion(template, m.spec, undefined);
  }

  async updateGroup(name: string, s: GroupUpdate): Promise<void> {
    if (s.migrate !== undefined && s.launchTemplateName !== undefined) await this.migrate(name, s.launchTemplateName, s.migrate);
    const { attachLoadBalancers, detachLoadBalancers, ...settings } = s;
    // New load balancers first, so instances are never behind none of the file's.
    if (attachLoadBalancers !== undefined) await this.clients.autoscale.attachLoadBalancers(name, attachLoadBalancers, this.#call);
    if (detachLoadBalancers !== undefined) await this.clients.autoscale.detachLoadBalancers(name, detachLoadBalancers, this.#call);
    if (Object.values(settings).every((v) => v === undefined)) return;
    const template = s.launchTemplateName;
    const group = new AutoScalingGroup({
      connection: this.clients.autoscale,
      name,
      launchConfig: s.launchConfigName,
      launchTemplate: template === undefined || s.spot !== undefined ? undefined : { name: template, version: '$Default' },
      mixedInstancesPolicy: template === undefined || s.spot === undefined ? undefined : mixedInstancesPolicy(template, s.spot, true),
      capacityRebalance: s.capacityRebalance,
      minSize: s.minSize,
      maxSize: s.maxSize,
      desiredCapacity: s.desiredCapacity,
      availabilityZones: s.zones,
      vpcZoneIdentifier: s.subnets,
      healthCheckType: s.healthCheckType,
      healthCheckPeriod: s.healthCheckPeriod,
      defaultCooldown: s.defaultCooldown,
      terminationPolicies: s.terminationPolicies,
    });
    await group.update(this.#call);
  }

  /** Policies on each listener port of a load balancer. */
  async listenerPolicies(name: string): Promise<Map<number, string[]>> {
    const lb = (await this.clients.elb.getAllLoadBalancers({ loadBalancerNames: [name], ...this.#call }))[0];
    return new Map((lb?.listeners ?? []).map((l) => [l.loadBalancerPort, [...l.policyNames]]));
  }

  /** Puts the stickiness policy on the ports; `fresh`: the load balancer was just created (nothing to read). */
  async stickiness(name: string, step: Extract<LoadBalancerStep, { step: 'stickiness' }>, fresh: boolean): Promise<void> {
    const { elb } = this.clients;
    const policies = fresh ? new Map<number, string[]>() : await this.listenerPolicies(name);
    const without = (port: number): string[] => (policies.get(port) ?? []).filter((p) => p !== LB_STICKINESS_POLICY);
    if (step.replacePolicy) {
      for (const [port, names] of policies) {
        if (names.includes(LB_STICKINESS_POLICY)) await elb.setLbPoliciesOfListener(name, port, without(port), this.#call);
      }
      await elb.deleteLbPolicy(name, LB_STICKINESS_POLICY, this.#call);
    }
    const exists = !fresh && !step.replacePolicy && [...policies.values()].some((names) => names.includes(LB_STICKINESS_POLICY));
    if (!exists) {
      if (step.stickiness.type === 'lb') await elb.createLbCookieStickinessPolicy(step.stickiness.expiration, name, LB_STICKINESS_POLICY, this.#call);
      else await elb.createAppCookieStickinessPolicy(step.stickiness.cookieName, name, LB_STICKINESS_POLICY, this.#call);
    }
    for (const port of step.ports) await elb.setLbPoliciesOfListener(name, port, [...without(port), LB_STICKINESS_POLICY], this.#call);
  }

  async loadBalancerStep(name: string, step: LoadBalancerStep, fresh = false): Promise<void> {
    const { elb } = this.clients;
    const call = this.#call;
    switch (step.step) {
      case 'addListeners': {
        const { simple, complex } = listenerTuples(step.listeners);
        await elb.createLoadBalancerListeners(name, simple, { complexListeners: complex, ...call });
        return;
      }
      case 'removeListeners':
        await elb.deleteLoadBalancerListeners(name, step.ports, call);
        return;
      case 'enableZones':
        await elb.enableAvailabilityZones(name, step.zones, call);
        return;
      case 'disableZones':
        await elb.disableAvailabilityZones(name, step.zones, call);
        return;
      case 'attachSubnets':
        await elb.attachLbToSubnets(name, step.subnets, call);
        return;
      case 'detachSubnets':
        await elb.detachLbFromSubnets(name, step.subnets, call);
        return;
      case 'setSecurityGroups':
        await elb.applySecurityGroupsToLb(name, step.securityGroups, call);
        return;
      case 'healthCheck': {
        const h = step.healthCheck;
        await elb.configureHealthCheck(name, new HealthCheck({
          target: h.target, interval: h.interval, timeout: h.timeout, healthyThreshold: h.healthyThreshold, unhealthyThreshold: h.unhealthyThreshold,
        }), call);
        return;
      }
      case 'stickiness':
        await this.stickiness(name, step, fresh);
        return;
      case 'removeStickiness': {
        const policies = step.ports.length > 0 ? await this.listenerPolicies(name) : new Map<number, string[]>();
        for (const port of step.ports) {
          await elb.setLbPoliciesOfListener(name, port, (policies.get(port) ?? []).filter((p) => p !== LB_STICKINESS_POLICY), call);
        }
        if (step.deletePolicy) await elb.deleteLbPolicy(name, LB_STICKINESS_POLICY, call);
        return;
      }
      case 'crossZone':
        await elb.modifyLbAttribute(name, 'crossZoneLoadBalancing', step.enabled, call);
        return;
      case 'connectionDraining': {
        const d = step.draining;
        await elb.modifyLbAttribute(name, 'connectionDraining', d.timeout === undefined ? { enabled: d.enabled } : { enabled: d.enabled, timeout: d.timeout }, call);
        return;
      }
      case 'marker':
        await elb.createLbCookieStickinessPolicy(undefined, name, LB_MARKER_POLICY, call);
        return;
    }
  }

  async createLoadBalancer(spec: LoadBalancerSpec): Promise<void> {
    const { simple, complex } = listenerTuples(spec.listeners);
    await this.clients.elb.createLoadBalancer(spec.name, spec.zones, simple, {
      subnets: spec.subnets, securityGroups: spec.securityGroups, scheme: spec.scheme, complexListeners: complex, ...this.#call,
    });
    // The mark first: once it exists, a re-run after a failure below treats the load
    // balancer as autoscalectl's and finishes it.
    const steps: LoadBalancerStep[] = [{ step: 'marker' }];
    if (spec.healthCheck !== undefined) steps.push({ step: 'healthCheck', healthCheck: spec.healthCheck });
    const httpPorts = spec.listeners.filter((l) => l.protocol === 'HTTP' || l.protocol === 'HTTPS').map((l) => l.loadBalancerPort);
    if (spec.stickiness !== undefined) steps.push({ step: 'stickiness', stickiness: spec.stickiness, replacePolicy: false, ports: httpPorts });
    if (spec.crossZone === true) steps.push({ step: 'crossZone', enabled: true });
    if (spec.connectionDraining?.enabled === true) steps.push({ step: 'connectionDraining', draining: spec.connectionDraining });
    for (const s of steps) await this.loadBalancerStep(spec.name, s, true);
  }

  /** Puts a scheduled action, its times as dates. */
  async putScheduledAction(s: ScheduledSpec): Promise<void> {
    const { autoscale } = this.clients;
    const call = this.#call;
    await autoscale.createScheduledGroupAction(s.group, s.name, {
      recurrence: s.recurrence,
      startTime: s.startTime === undefined ? undefined : new Date(s.startTime),
      endTime: s.endTime === undefined ? undefined : new Date(s.endTime),
      minSize: s.minSize,
      maxSize: s.maxSize,
      desiredCapacity: s.desiredCapacity,
      ...call,
    });
  }

  /** Puts a scaling policy and remembers its ARN for the alarms that follow. */
  async putPolicy(p: PolicySpec): Promise<void> {
    const { autoscale } = this.clients;
    const call = this.#call;
    const policy = p.policyType === 'TargetTrackingScaling'
      ? new ScalingPolicy({ name: p.name, asName: p.group, policyType: p.policyType, estimatedInstanceWarmup: p.warmup, targetTrackingConfiguration: p.tracking })
      : new ScalingPolicy({
        name: p.name, asName: p.group, policyType: p.policyType, adjustmentType: p.adjustmentType, scalingAdjustment: p.scalingAdjustment, cooldown: p.cooldown,
        minAdjustmentStep: p.minAdjustmentStep, stepAdjustments: p.steps, metricAggregationType: p.aggregation, estimatedInstanceWarmup: p.warmup,
      });
    await autoscale.createScalingPolicy(policy, call);
    if (policy.policyArn !== undefined) this.#arns.set(stateKey(p.group, p.name), policy.policyArn);
  }

  /** Puts an alarm whose action is its policy's ARN (known or just created). */
  async putAlarm(a: AlarmSpec): Promise<void> {
    const { cloudwatch } = this.clients;
    const call = this.#call;
    const arn = this.#arns.get(stateKey(a.group, a.policy));
    if (arn === undefined) throw new Error(`policy ${a.policy} of group ${a.group} has no ARN: it was neither found nor created`);
    await cloudwatch.putMetricAlarm(new MetricAlarm({
      name: a.name,
      metric: a.metric,
      namespace: a.namespace,
      statistic: a.statistic,
      comparison: a.comparison,
      threshold: a.threshold,
      period: a.period,
      evaluationPeriods: a.evaluationPeriods,
      unit: a.unit,
      dimensions: a.dimensions,
      datapointsToAlarm: a.datapointsToAlarm,
      treatMissingData: a.treatMissingData,
      alarmActions: [arn],
    }), call);
  }

  /** Runs one operation. */
  async run(op: Operation): Promise<void> {
    const { autoscale, cloudwatch, elb } = this.clients;
    const call = this.#call;
    switch (op.kind) {
      case 'createLaunchConfig':
        if (op.replace) await autoscale.deleteLaunchConfiguration(op.name, call);
        await autoscale.createLaunchConfiguration(launchConfiguration(op.name, op.spec), call);
        return;
      case 'deleteLaunchConfig':
        await autoscale.deleteLaunchConfiguration(op.name, call);
        return;
      case 'createLaunchTemplate':
        await this.clients.ec2.createLaunchTemplate(launchTemplate(op.name, op.spec, undefined), call);
        return;
      case 'createLaunchTemplateVersion':
        await this.templateVersion(op.name, op.spec, op.httpTokens, op.keep);
        return;
      case 'deleteLaunchTemplate':
        await this.clients.ec2.deleteLaunchTemplate(op.name, call);
        return;
      case 'createLoadBalancer':
        if (op.replace) await elb.deleteLoadBalancer(op.spec.name, call);
        await this.createLoadBalancer(op.spec);
        return;
      case 'updateLoadBalancer':
        for (const step of op.steps) await this.loadBalancerStep(op.name, step);
        return;
      case 'deleteLoadBalancer':
        await elb.deleteLoadBalancer(op.name, call);
        return;
      case 'createGroup':
        await this.createGroup(op.group);
        return;
      case 'updateGroup':
        await this.updateGroup(op.name, op.set);
        return;
      case 'deleteGroup':
        await this.deleteGroup(op.name);
        return;
      case 'setTags':
        await autoscale.createOrUpdateTags(sdkTags(op.group, op.tags), call);
        return;
      case 'deleteTags':
        await autoscale.deleteTags(sdkTags(op.group, op.tags), call);
        return;
      case 'putNotification':
        await autoscale.putNotificationConfiguration(op.group, op.topic, [...NOTIFICATION_TYPES], call);
        for (const previous of op.previous ?? []) if (previous !== op.topic) await autoscale.deleteNotificationConfiguration(op.group, previous, call);
        return;
      case 'deleteNotification':
        await autoscale.deleteNotificationConfiguration(op.group, op.topic, call);
        return;
      case 'putLifecycleHook':
        if (op.replace) await autoscale.deleteLifecycleHook(op.spec.group, op.spec.name, call);
        await autoscale.createLifecycleHook(lifecycleHook(op.spec, true), call);
        return;
      case 'deleteLifecycleHook':
        await autoscale.deleteLifecycleHook(op.group, op.name, call);
        return;
      case 'putScheduledAction':
        await this.putScheduledAction(op.spec);
        return;
      case 'deleteScheduledAction':
        await autoscale.deleteScheduledAction(op.name, { autoscaleGroup: op.group, ...call });
        return;
      case 'putPolicy':
        await this.putPolicy(op.spec);
        return;
      case 'deletePolicy':
        await autoscale.deletePolicy(op.name, { autoscaleGroup: op.group, ...call });
        return;
      case 'putAlarm':
        await this.putAlarm(op.spec);
        return;
      case 'deleteAlarm':
        await cloudwatch.deleteAlarms([op.name], call);
        return;
    }
  }
}

/**
 * A hook from the planner's model: every member the file manages is sent; for
 * PutLifecycleHook (`put`), an absent notification target as `''`, which removes the one
 * AWS has ("If you specify an empty string, this overrides the current ARN").
 */
function lifecycleHook(h: LifecycleHookSpec, put = false): LifecycleHook {
  return new LifecycleHook({
    name: h.name,
    asGroup: h.group,
    transition: h.transition,
    heartbeatTimeout: h.heartbeatTimeout,
    defaultResult: h.defaultResult,
    notificationTargetArn: h.notificationTargetArn ?? (put ? '' : undefined),
    roleArn: h.roleArn,
    notificationMetadata: h.notificationMetadata,
  });
}

/** How many alarms one DeleteAlarms call takes. */
const ALARMS_PER_DELETE = 100;

/**
 * Carries out `plan` (made from `current`) in order. Consecutive alarm deletions go in
 * one call. Resolves with what was applied; on a failure, stops there and resolves with
 * the failure and the rest not applied (it never rejects for an AWS error).
 */
export async function applyPlan(clients: Clients, plan: Plan, current: CurrentState, options: ApplyOptions = {}): Promise<ApplyResult> {
  const applier = new Applier(clients, current, options);
  const actions = plan.actions;
  const applied: PlannedAction[] = [];
  const total = actions.length;
  for (let i = 0; i < actions.length;) {
    const first = actions[i] as PlannedAction;
    // A run of alarm deletions is one DeleteAlarms call.
    const batch = [first];
    if (first.op.kind === 'deleteAlarm') {
      let j = i + 1;
      while (j < actions.length && actions[j]?.op.kind === 'deleteAlarm' && batch.length < ALARMS_PER_DELETE) batch.push(actions[j++] as PlannedAction);
    }
    batch.forEach((action, k) => options.progress?.({ phase: 'start', action, index: i + k + 1, total }));
    const started = Date.now();
    try {
      if (batch.length > 1) {
        await clients.cloudwatch.deleteAlarms(batch.map((a) => a.name), options.signal === undefined ? {} : { signal: options.signal });
      } else {
        await applier.run(first.op);
      }
    } catch (error) {
      const ms = Date.now() - started;
      batch.forEach((action, k) => options.progress?.({ phase: 'failed', action, index: i + k + 1, total, ms, error }));
      return { applied, notApplied: actions.slice(i), failed: { action: first, error } };
    }
    const ms = Date.now() - started;
    batch.forEach((action, k) => {
      applied.push(action);
      options.progress?.({ phase: 'done', action, index: i + k + 1, total, ms });
    });
    i += batch.length;
  }
  return { applied, notApplied: [] };
}

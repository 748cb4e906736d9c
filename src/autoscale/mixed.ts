/**
 * A group's mixed instances policy (not in boto2): one launch template, the instance types
 * that may replace its own (overrides, optionally weighted), and how capacity divides
 * between on-demand and spot. Read from what a user gives, checked before anything is
 * sent, turned into Auto Scaling's `MixedInstancesPolicy` and back, and labelled for the
 * group's repr.
 *
 * The rules are AWS's, from the API Reference's `InstancesDistribution` and
 * `LaunchTemplateOverrides` (Amazon EC2 Auto Scaling API Reference) and the User Guide's
 * "Auto Scaling groups with multiple instance types and purchase options"; the lengths
 * (`InstanceType` 1–255, `WeightedCapacity` 1–32, `SpotMaxPrice` 0–255 characters) are the
 * service model's (`XmlStringMaxLen255`, `XmlStringMaxLen32`, `MixedInstanceSpotPrice`).
 *
 * @module
 */
import type { LaunchTemplateOverrides, MixedInstancesPolicy as SdkMixedInstancesPolicy } from '@aws-sdk/client-auto-scaling';
import { BotoClientError } from '../core/errors';
import { MAX_INSTANCE_TYPES, MIXED_INSTANCES_LIMITS, ON_DEMAND_ALLOCATION_STRATEGIES, SPOT_ALLOCATION_STRATEGIES } from '../core/rules/aws-rules';
import { AUTOSCALING } from '../core/rules/generated';
import { checkInt, checkLength, checkMaxItems, checkOneOf, checkText } from '../core/validate';
import { groupLaunchTemplate, launchTemplateFromSdk, launchTemplateLabel, launchTemplateToSdk, type GroupLaunchTemplate, type LaunchTemplateInput } from './grouplaunch';

export { MAX_INSTANCE_TYPES, ON_DEMAND_ALLOCATION_STRATEGIES, SPOT_ALLOCATION_STRATEGIES };
/** `WeightedCapacity`'s range. */
const WEIGHT_RANGE = MIXED_INSTANCES_LIMITS.weightedCapacity;
/** `SpotInstancePools`' range, valid only with `lowest-price`. */
const POOLS_RANGE = MIXED_INSTANCES_LIMITS.spotInstancePools;
/** `SpotMaxPrice`'s least value; `''` removes a maximum set before. */
const MIN_SPOT_PRICE = MIXED_INSTANCES_LIMITS.minSpotPrice;

/** One instance type a mixed instances policy may launch, and the capacity units it counts for. */
export interface InstanceTypeOverride {
  /** Such as `m5.large`. */
  instanceType: string;
  /** Capacity units one instance of this type counts for, 1 to 999; give it for all types or none. */
  weightedCapacity?: number;
}

/** An {@link InstanceTypeOverride} as given: the weight may be a string, as AWS writes it. */
export interface InstanceTypeOverrideInput {
  /** Such as `m5.large`. */
  instanceType: string;
  /** Capacity units, 1 to 999 (a number or its decimal string). */
  weightedCapacity?: number | string;
}

/** How a {@link MixedInstancesPolicy} may be given: as read back, or with looser spellings. */
export interface MixedInstancesPolicyInput {
  /** The launch template: a `LaunchTemplate`, its name, or `{ name | id, version }`. */
  launchTemplate: LaunchTemplateInput;
  /** The instance types, in priority order: `'m5.large'` or `{ instanceType, weightedCapacity }`. */
  overrides?: Array<string | InstanceTypeOverrideInput>;
  /** The first this many capacity units are on-demand (AWS's default 0). */
  onDemandBaseCapacity?: number;
  /** Percent of the capacity above the base that is on-demand, 0 to 100 (AWS's default 100). */
  onDemandPercentageAboveBaseCapacity?: number;
  /** `price-capacity-optimized`, `capacity-optimized`, `capacity-optimized-prioritized` or `lowest-price`. */
  spotAllocationStrategy?: string;
  /** `prioritized` (the overrides' order) or `lowest-price`. */
  onDemandAllocationStrategy?: string;
  /** Highest spot price per hour, at least 0.001; `''` removes one set before (AWS then caps at the on-demand price). */
  spotMaxPrice?: string | number;
  /** With `lowest-price` spot only: how many of the cheapest pools to spread over, 1 to 20. */
  spotInstancePools?: number;
}

/** A group's mixed instances policy, as botoscale holds it and AWS describes it. */
export interface MixedInstancesPolicy {
  /** The launch template and version, `{ id, name, version }`. */
  launchTemplate: GroupLaunchTemplate;
  /** The instance types, in priority order. */
  overrides: InstanceTypeOverride[];
  /** The first this many capacity units are on-demand. */
  onDemandBaseCapacity?: number;
  /** Percent of the capacity above the base that is on-demand. */
  onDemandPercentageAboveBaseCapacity?: number;
  /** How spot pools are chosen. */
  spotAllocationStrategy?: string;
  /** How on-demand instance types are chosen. */
  onDemandAllocationStrategy?: string;
  /** Highest spot price per hour, as text (`''`: no maximum). */
  spotMaxPrice?: string;
  /** How many pools `lowest-price` spreads over. */
  spotInstancePools?: number;
}

const OPTION_NAMES: ReadonlySet<string> = new Set([
  'launchTemplate', 'overrides', 'onDemandBaseCapacity', 'onDemandPercentageAboveBaseCapacity',
  'spotAllocationStrategy', 'onDemandAllocationStrategy', 'spotMaxPrice', 'spotInstancePools',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readWeight(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number') throw new BotoClientError(`${field} must be an integer from ${WEIGHT_RANGE.min} to ${WEIGHT_RANGE.max}, got ${JSON.stringify(value)}`);
  return checkInt(field, n, WEIGHT_RANGE);
}

function readOverride(field: string, item: unknown): InstanceTypeOverride {
  const given = typeof item === 'string' ? { instanceType: item } : item;
  if (!isPlainObject(given)) throw new BotoClientError(`${field} must be an instance type or { instanceType, weightedCapacity }, got ${Array.isArray(item) ? 'a list' : JSON.stringify(item)}`);
  for (const key of Object.keys(given)) {
    if (key !== 'instanceType' && key !== 'weightedCapacity') throw new BotoClientError(`${field} has an unknown key ${key}: give instanceType and weightedCapacity`);
  }
  const instanceType = given.instanceType;
  if (typeof instanceType !== 'string') throw new BotoClientError(`${field}.instanceType is required (such as 'm5.large')`);
  checkLength(`${field}.instanceType`, instanceType, AUTOSCALING.XmlStringMaxLen255.max);
  const weightedCapacity = readWeight(`${field}.weightedCapacity`, given.weightedCapacity);
  return weightedCapacity === undefined ? { instanceType } : { instanceType, weightedCapacity };
}

function readOverrides(field: string, list: unknown): InstanceTypeOverride[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new BotoClientError(`${field} must be a list of instance types, got ${JSON.stringify(list)}`);
  checkMaxItems(field, list, MAX_INSTANCE_TYPES);
  const out = list.map((item, i) => readOverride(`${field}[${i}]`, item));
  const weighted = out.filter((o) => o.weightedCapacity !== undefined).length;
  if (weighted > 0 && weighted < out.length) {
    throw new BotoClientError(`${field}: give weightedCapacity for every instance type or for none (${weighted} of ${out.length} have one)`);
  }
  const types = out.map((o) => o.instanceType);
  const dup = types.find((t, i) => types.indexOf(t) !== i);
  if (dup !== undefined) throw new BotoClientError(`${field} lists ${dup} twice: each instance type may be listed once`);
  return out;
}

function readSpotMaxPrice(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = checkText(field, value);
  if (text === '') return '';
  checkLength(field, text, AUTOSCALING.MixedInstanceSpotPrice.max, AUTOSCALING.MixedInstanceSpotPrice.min);
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < MIN_SPOT_PRICE) {
    throw new BotoClientError(`${field} must be a price per hour of at least ${MIN_SPOT_PRICE}, or '' to remove the maximum, got ${JSON.stringify(value)}`);
  }
  return text;
}

/**
 * The mixed instances policy from what a user gave (or a policy read back, given again),
 * checked; `field` names it in errors.
 */
export function mixedInstancesPolicy(field: string, input: MixedInstancesPolicyInput | MixedInstancesPolicy | undefined): MixedInstancesPolicy | undefined {
  if (input === undefined || input === null) return undefined;
  if (!isPlainObject(input)) throw new BotoClientError(`${field} must be an object { launchTemplate, overrides, ... }, got ${Array.isArray(input) ? 'a list' : JSON.stringify(input)}`);
  for (const key of Object.keys(input)) {
    if (!OPTION_NAMES.has(key)) throw new BotoClientError(`${field} has an unknown key ${key}: allowed are ${[...OPTION_NAMES].join(', ')}`);
  }
  const launchTemplate = groupLaunchTemplate(`${field}.launchTemplate`, input.launchTemplate as LaunchTemplateInput);
  if (launchTemplate === undefined) throw new BotoClientError(`${field}.launchTemplate is required: a mixed instances policy launches from a launch template`);
  const policy: MixedInstancesPolicy = { launchTemplate, overrides: readOverrides(`${field}.overrides`, input.overrides) };
  const base = checkInt(`${field}.onDemandBaseCapacity`, input.onDemandBaseCapacity, { min: 0 });
  const percent = checkInt(`${field}.onDemandPercentageAboveBaseCapacity`, input.onDemandPercentageAboveBaseCapacity, MIXED_INSTANCES_LIMITS.onDemandPercentage);
  const spot = checkOneOf(`${field}.spotAllocationStrategy`, input.spotAllocationStrategy, SPOT_ALLOCATION_STRATEGIES);
  const onDemand = checkOneOf(`${field}.onDemandAllocationStrategy`, input.onDemandAllocationStrategy, ON_DEMAND_ALLOCATION_STRATEGIES);
  const pools = checkInt(`${field}.spotInstancePools`, input.spotInstancePools, POOLS_RANGE);
  if (pools !== undefined && spot !== undefined && spot !== 'lowest-price') {
    throw new BotoClientError(`${field}.spotInstancePools is valid only with spotAllocationStrategy 'lowest-price', not '${spot}': leave it out`);
  }
  const maxPrice = readSpotMaxPrice(`${field}.spotMaxPrice`, input.spotMaxPrice);
  if (base !== undefined) policy.onDemandBaseCapacity = base;
  if (percent !== undefined) policy.onDemandPercentageAboveBaseCapacity = percent;
  if (spot !== undefined) policy.spotAllocationStrategy = spot;
  if (onDemand !== undefined) policy.onDemandAllocationStrategy = onDemand;
  if (maxPrice !== undefined) policy.spotMaxPrice = maxPrice;
  if (pools !== undefined) policy.spotInstancePools = pools;
  return policy;
}

/** Auto Scaling's `MixedInstancesPolicy` for CreateAutoScalingGroup and UpdateAutoScalingGroup. */
export function mixedPolicyToSdk(p: MixedInstancesPolicy): SdkMixedInstancesPolicy {
  const overrides: LaunchTemplateOverrides[] = p.overrides.map((o) => (
    o.weightedCapacity === undefined ? { InstanceType: o.instanceType } : { InstanceType: o.instanceType, WeightedCapacity: String(o.weightedCapacity) }
  ));
  return {
    LaunchTemplate: {
      LaunchTemplateSpecification: launchTemplateToSdk(p.launchTemplate),
      ...(overrides.length > 0 ? { Overrides: overrides } : {}),
    },
    InstancesDistribution: {
      OnDemandBaseCapacity: p.onDemandBaseCapacity,
      OnDemandPercentageAboveBaseCapacity: p.onDemandPercentageAboveBaseCapacity,
      SpotAllocationStrategy: p.spotAllocationStrategy,
      OnDemandAllocationStrategy: p.onDemandAllocationStrategy,
      SpotMaxPrice: p.spotMaxPrice,
      SpotInstancePools: p.spotInstancePools,
    },
  };
}

/** The policy as DescribeAutoScalingGroups gives it (weights read as numbers). */
export function mixedPolicyFromSdk(p: SdkMixedInstancesPolicy | undefined): MixedInstancesPolicy | undefined {
  const launchTemplate = launchTemplateFromSdk(p?.LaunchTemplate?.LaunchTemplateSpecification);
  if (p === undefined || launchTemplate === undefined) return undefined;
  const d = p.InstancesDistribution ?? {};
  const out: MixedInstancesPolicy = {
    launchTemplate,
    overrides: (p.LaunchTemplate?.Overrides ?? []).filter((o) => o.InstanceType !== undefined).map((o) => (
      o.WeightedCapacity === undefined ? { instanceType: o.InstanceType as string } : { instanceType: o.InstanceType as string, weightedCapacity: Number(o.WeightedCapacity) }
    )),
  };
  if (d.OnDemandBaseCapacity !== undefined) out.onDemandBaseCapacity = d.OnDemandBaseCapacity;
  if (d.OnDemandPercentageAboveBaseCapacity !== undefined) out.onDemandPercentageAboveBaseCapacity = d.OnDemandPercentageAboveBaseCapacity;
  if (d.SpotAllocationStrategy !== undefined) out.spotAllocationStrategy = d.SpotAllocationStrategy;
  if (d.OnDemandAllocationStrategy !== undefined) out.onDemandAllocationStrategy = d.OnDemandAllocationStrategy;
  if (d.SpotMaxPrice !== undefined) out.spotMaxPrice = d.SpotMaxPrice;
  if (d.SpotInstancePools !== undefined) out.spotInstancePools = d.SpotInstancePools;
  return out;
}

/**
 * The policy for a group's repr: the template, the on-demand/spot split and the types,
 * such as `LaunchTemplate:web($Default) on-demand 2+25% spot 75% [m5.large c5.large m4.large]`
 * (weights as `c5.xlarge*2`). AWS's defaults (base 0, 100% on-demand) stand in for unset values.
 */
export function mixedPolicyLabel(p: MixedInstancesPolicy): string {
  const base = p.onDemandBaseCapacity ?? 0;
  const percent = p.onDemandPercentageAboveBaseCapacity ?? 100;
  const types = p.overrides.map((o) => (o.weightedCapacity === undefined ? o.instanceType : `${o.instanceType}*${o.weightedCapacity}`));
  const list = types.length === 0 ? '' : ` [${types.join(' ')}]`;
  return `${launchTemplateLabel(p.launchTemplate)} on-demand ${base}+${percent}% spot ${100 - percent}%${list}`;
}

/** Checks `capacityRebalance`: a boolean when given. */
export function checkCapacityRebalance(field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new BotoClientError(`${field} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

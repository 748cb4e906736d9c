/**
 * Mixed instances policies (Amazon EC2 Auto Scaling User Guide, "Auto Scaling groups with
 * multiple instance types and purchase options"): reading and checking the policy,
 * describing it back, and deciding each launch of such a group — on-demand or spot, which
 * instance type (override) and so how many capacity units it counts for.
 *
 * - Split: the first `OnDemandBaseCapacity` units are on-demand; of the units above the
 *   base, `OnDemandPercentageAboveBaseCapacity` percent are on-demand, the on-demand count
 *   rounded up (a fraction goes to on-demand), the rest spot.
 * - Weights: `WeightedCapacity` gives an override's capacity units; the desired capacity
 *   is counted in units and Auto Scaling launches until it is met, "even if this results
 *   in an overage" (LaunchTemplateOverrides.WeightedCapacity, API Reference), so it exceeds
 *   the desired capacity by less than the largest weight.
 * - On-demand strategies: `prioritized` takes the overrides in order; `lowest-price` the
 *   cheapest per unit in {@link ON_DEMAND_PRICES}.
 * - Spot strategies: `lowest-price` spreads over the `SpotInstancePools` cheapest pools of
 *   the zone; `capacity-optimized` takes the pool with the most spot capacity left;
 *   `capacity-optimized-prioritized` the first override among the pools with the most
 *   capacity; `price-capacity-optimized` the cheapest of the pools with capacity left.
 *   Pools that have none are skipped.
 *
 * @module
 */
import type { InstancesDistribution, LaunchTemplateOverrides, LaunchTemplateSpecification, MixedInstancesPolicy } from '@aws-sdk/client-auto-scaling';
import type { Checked } from '../typed';
import { MAX_INSTANCE_TYPES, ON_DEMAND_ALLOCATION_STRATEGIES, SPOT_ALLOCATION_STRATEGIES } from '../../core/rules/aws-rules';
import { validation } from './errors';
import { groupTemplate } from './launchtemplates';
import type { InstanceRecord, MixedPolicyRecord, OverrideRecord, TemplateRefRecord } from './model';
import type { AutoScalingState } from './state';


/**
 * botoscale local's price table: on-demand dollars per hour for the types the docs and
 * tutorials use; spot costs {@link SPOT_DISCOUNT} of it, a little less in each later zone
 * (so lowest-price has a deterministic answer). Types not listed cost $0.10 per vCPU-ish
 * unit: {@link DEFAULT_PRICE}.
 */
export const ON_DEMAND_PRICES: Readonly<Record<string, number>> = {
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3.large': 0.0832,
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'm5.2xlarge': 0.384,
  'c5.large': 0.085,
  'c5.xlarge': 0.17,
  'c5.2xlarge': 0.34,
  'c5.4xlarge': 0.68,
  'r5.large': 0.126,
  'm4.large': 0.1,
  'm1.small': 0.044,
};
/** Price of a type not in {@link ON_DEMAND_PRICES}. */
export const DEFAULT_PRICE = 0.1;
/** Spot price as a fraction of the on-demand price. */
export const SPOT_DISCOUNT = 0.3;

/** On-demand price per hour of a type. */
export function onDemandPrice(instanceType: string): number {
  return ON_DEMAND_PRICES[instanceType] ?? DEFAULT_PRICE;
}

/** Spot price per hour of a pool: zone index i (0 for `…a`) takes 1% off per letter. */
export function spotPrice(instanceType: string, zone: string): number {
  const letter = zone.charCodeAt(zone.length - 1) - 'a'.charCodeAt(0);
  return onDemandPrice(instanceType) * SPOT_DISCOUNT * (1 - 0.01 * Math.max(0, letter));
}

function readOverrides(state: AutoScalingState, list: ReadonlyArray<Checked<LaunchTemplateOverrides>>): OverrideRecord[] {
  if (list.length > MAX_INSTANCE_TYPES) throw validation(`The number of Overrides, ${list.length}, exceeds the limit of ${MAX_INSTANCE_TYPES} instance types.`);
  const out = list.map((o) => {
    if (o.InstanceRequirements !== undefined) {
      throw validation('InstanceRequirements (attribute-based instance type selection) is not simulated by botoscale local: list InstanceType overrides.');
    }
    const type = o.InstanceType;
    if (type === undefined) throw validation('Each override in Overrides must specify an InstanceType.');
    const rec: OverrideRecord = { instanceType: type };
    const weight = o.WeightedCapacity;
    if (weight !== undefined) {
      if (!/^[0-9]+$/.test(weight) || Number(weight) < 1 || Number(weight) > 999) {
        throw validation(`WeightedCapacity ${weight} for instance type ${type} is invalid: it must be a whole number from 1 to 999.`);
      }
      rec.weightedCapacity = weight;
    }
    if (o.LaunchTemplateSpecification !== undefined) rec.launchTemplate = groupTemplate(state, o.LaunchTemplateSpecification);
    return rec;
  });
  const weighted = out.filter((o) => o.weightedCapacity !== undefined).length;
  if (weighted > 0 && weighted < out.length) {
    throw validation('If you specify WeightedCapacity for one instance type in Overrides, you must specify it for all of them.');
  }
  const types = out.map((o) => o.instanceType);
  const dup = types.find((t, i) => types.indexOf(t) !== i);
  if (dup !== undefined) throw validation(`Duplicate instance type ${dup} in Overrides: each instance type can be listed once.`);
  return out;
}

function oneOf(value: string | undefined, allowed: readonly string[], name: string): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw validation(`Invalid ${name} ${value}. Valid values are: ${allowed.join(', ')}.`);
  }
}

/** Reads and checks a MixedInstancesPolicy as CreateAutoScalingGroup/UpdateAutoScalingGroup give it. */
export function readMixedPolicy(state: AutoScalingState, raw: Checked<MixedInstancesPolicy>, current?: MixedPolicyRecord): MixedPolicyRecord {
  const lt = raw.LaunchTemplate;
  const spec = lt?.LaunchTemplateSpecification;
  let template: TemplateRefRecord | undefined = current?.launchTemplate;
  if (spec !== undefined) template = groupTemplate(state, spec);
  if (template === undefined) throw validation('MixedInstancesPolicy must contain a LaunchTemplate with a LaunchTemplateSpecification.');
  const overrides = lt?.Overrides !== undefined ? readOverrides(state, lt.Overrides) : (current?.overrides ?? []);
  const d = raw.InstancesDistribution ?? {};
  const onDemandStrategy = d.OnDemandAllocationStrategy;
  const spotStrategy = d.SpotAllocationStrategy;
  oneOf(onDemandStrategy, ON_DEMAND_ALLOCATION_STRATEGIES, 'OnDemandAllocationStrategy');
  oneOf(spotStrategy, SPOT_ALLOCATION_STRATEGIES, 'SpotAllocationStrategy');
  const base = d.OnDemandBaseCapacity;
  const percent = d.OnDemandPercentageAboveBaseCapacity;
  const pools = d.SpotInstancePools;
  const maxPrice = d.SpotMaxPrice;
  if (base !== undefined && base < 0) throw validation(`OnDemandBaseCapacity must be greater than or equal to 0, got ${base}.`);
  if (percent !== undefined && (percent < 0 || percent > 100)) throw validation(`OnDemandPercentageAboveBaseCapacity must be between 0 and 100, got ${percent}.`);
  const policy: MixedPolicyRecord = {
    launchTemplate: template,
    overrides,
    onDemandAllocationStrategy: onDemandStrategy ?? current?.onDemandAllocationStrategy ?? 'prioritized',
    onDemandBaseCapacity: base ?? current?.onDemandBaseCapacity ?? 0,
    onDemandPercentageAboveBaseCapacity: percent ?? current?.onDemandPercentageAboveBaseCapacity ?? 100,
    spotAllocationStrategy: spotStrategy ?? current?.spotAllocationStrategy ?? 'lowest-price',
  };
  if (policy.spotAllocationStrategy === 'lowest-price') {
    const n = pools ?? current?.spotInstancePools ?? 2;
    if (n < 1 || n > 20) throw validation(`SpotInstancePools must be between 1 and 20, got ${n}.`);
    policy.spotInstancePools = n;
  } else if (pools !== undefined) {
    throw validation(`SpotInstancePools is valid only with the lowest-price SpotAllocationStrategy, not ${policy.spotAllocationStrategy}.`);
  }
  const price = maxPrice ?? current?.spotMaxPrice;
  if (price !== undefined && price !== '') {
    if (!/^[0-9]+(\.[0-9]+)?$/.test(price) || Number(price) <= 0) throw validation(`SpotMaxPrice ${price} is invalid: give a price per hour greater than 0, or an empty string for the On-Demand price.`);
    policy.spotMaxPrice = price;
  }
  return policy;
}

/** The MixedInstancesPolicy structure DescribeAutoScalingGroups returns. */
export function mixedPolicyShape(p: MixedPolicyRecord): MixedInstancesPolicy {
  const template = (t: TemplateRefRecord): LaunchTemplateSpecification => ({ LaunchTemplateId: t.id, LaunchTemplateName: t.name, Version: t.version });
  const distribution: InstancesDistribution = {
    OnDemandAllocationStrategy: p.onDemandAllocationStrategy,
    OnDemandBaseCapacity: p.onDemandBaseCapacity,
    OnDemandPercentageAboveBaseCapacity: p.onDemandPercentageAboveBaseCapacity,
    SpotAllocationStrategy: p.spotAllocationStrategy,
  };
  if (p.spotInstancePools !== undefined) distribution.SpotInstancePools = p.spotInstancePools;
  if (p.spotMaxPrice !== undefined) distribution.SpotMaxPrice = p.spotMaxPrice;
  return {
    LaunchTemplate: {
      LaunchTemplateSpecification: template(p.launchTemplate),
      Overrides: p.overrides.map((o) => {
        const out: LaunchTemplateOverrides = { InstanceType: o.instanceType };
        if (o.weightedCapacity !== undefined) out.WeightedCapacity = o.weightedCapacity;
        if (o.launchTemplate !== undefined) out.LaunchTemplateSpecification = template(o.launchTemplate);
        return out;
      }),
    },
    InstancesDistribution: distribution,
  };
}

/** The capacity units an instance counts for (1 without weights). */
export function unitsOf(i: InstanceRecord): number {
  return i.weightedCapacity === undefined ? 1 : Number(i.weightedCapacity);
}

/** The on-demand units a mixed group of `desired` units should have. */
export function onDemandTarget(p: MixedPolicyRecord, desired: number): number {
  if (desired <= p.onDemandBaseCapacity) return desired;
  return p.onDemandBaseCapacity + Math.ceil(((desired - p.onDemandBaseCapacity) * p.onDemandPercentageAboveBaseCapacity) / 100);
}

/** One launch of a mixed group: what to launch where. */
export interface MixedLaunch {
  spot: boolean;
  zone: string;
  override?: OverrideRecord;
}

/** What the choice needs to know about the group and the market. */
export interface MarketView {
  /** Spot capacity left in a pool; undefined: no limit. */
  spotCapacity(zone: string, instanceType: string): number | undefined;
  /** The instance type the policy's template gives (when it has no overrides). */
  templateType: string;
}

function price(o: OverrideRecord, zone: string, spot: boolean): number {
  const perInstance = spot ? spotPrice(o.instanceType, zone) : onDemandPrice(o.instanceType);
  return perInstance / Number(o.weightedCapacity ?? '1');
}

function byPrice(list: OverrideRecord[], zone: string, spot: boolean): OverrideRecord[] {
  return [...list].sort((a, b) => price(a, zone, spot) - price(b, zone, spot));
}

/** The spot override a strategy picks in a zone, among the pools that have capacity; undefined: none has. */
function chooseSpot(p: MixedPolicyRecord, overrides: OverrideRecord[], zone: string, market: MarketView, running: readonly InstanceRecord[]): OverrideRecord | undefined {
  const left = (o: OverrideRecord): number => market.spotCapacity(zone, o.instanceType) ?? Infinity;
  const open = overrides.filter((o) => left(o) > 0);
  if (open.length === 0) return undefined;
  switch (p.spotAllocationStrategy) {
    case 'capacity-optimized': {
      const most = Math.max(...open.map(left));
      return open.find((o) => left(o) === most);
    }
    case 'capacity-optimized-prioritized': {
      const most = Math.max(...open.map(left));
      return open.find((o) => left(o) === most || left(o) === Infinity);
    }
    case 'price-capacity-optimized':
      return byPrice(open, zone, true)[0];
    default: {
      // lowest-price: the N cheapest pools of the zone, the one with the fewest of the group's spot instances.
      const pools = byPrice(open, zone, true).slice(0, p.spotInstancePools ?? 2);
      const count = (o: OverrideRecord): number => running.filter((i) => i.lifecycle === 'Spot' && i.availabilityZone === zone && i.instanceType === o.instanceType).length;
      return [...pools].sort((a, b) => count(a) - count(b))[0];
    }
  }
}

/**
 * The next launch of a mixed group: on-demand while it has fewer on-demand units than
 * {@link onDemandTarget}, spot otherwise; the zone with the fewest instances that has a
 * pool to launch into (`zones` in the order to try). When no pool has spot capacity the
 * first zone and override are returned, so that EC2's refusal is recorded.
 */
export function chooseLaunch(p: MixedPolicyRecord, desired: number, running: readonly InstanceRecord[], zones: readonly string[], market: MarketView): MixedLaunch | undefined {
  const onDemandUnits = running.filter((i) => i.lifecycle !== 'Spot').reduce((n, i) => n + unitsOf(i), 0);
  const spot = onDemandUnits >= onDemandTarget(p, desired);
  const overrides: OverrideRecord[] = p.overrides.length > 0 ? p.overrides : [{ instanceType: market.templateType }];
  for (const zone of zones) {
    if (!spot) {
      const pick = p.onDemandAllocationStrategy === 'lowest-price' ? byPrice(overrides, zone, false)[0] : overrides[0];
      return pick === undefined ? undefined : { spot, zone, ...(p.overrides.length > 0 ? { override: pick } : {}) };
    }
    const pick = chooseSpot(p, overrides, zone, market, running);
    if (pick !== undefined) return { spot, zone, ...(p.overrides.length > 0 ? { override: pick } : {}) };
  }
  // No pool has spot capacity: the launch is still asked for, and EC2's refusal is what the activity shows.
  const first = zones[0];
  return first === undefined ? undefined : { spot, zone: first, ...(p.overrides[0] !== undefined ? { override: p.overrides[0] } : {}) };
}

/**
 * A group's spot settings in a plan: what differs between the file's `spot` and the
 * group's mixed instances policy, in the file's words (`spot.on_demand_percentage: 25 →
 * 50`). Such changes are in-place group updates: the group and its capacity are kept.
 *
 * @module
 */
import type { MixedState, SpotInstanceType, SpotSpec } from '../model/types';
import type { FieldChange } from './types';

/** `m5.large` or, weighted, `c5.xlarge*2`. */
function typeText(t: SpotInstanceType): string {
  return t.weight === undefined ? t.type : `${t.type}*${t.weight}`;
}

/** What differs between the group's policy (`undefined`: it has none) and the file's `spot`. */
export function spotChanges(have: MixedState | undefined, want: SpotSpec): FieldChange[] {
  const out: FieldChange[] = [];
  const field = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) out.push({ field: `spot.${name}`, old: a, new: b });
  };
  field('on_demand_base', have?.onDemandBase, want.onDemandBase);
  field('on_demand_percentage', have?.onDemandPercentage, want.onDemandPercentage);
  const haveTypes = have?.instanceTypes.map(typeText);
  const wantTypes = want.instanceTypes.map(typeText);
  if (haveTypes === undefined || haveTypes.join(',') !== wantTypes.join(',')) out.push({ field: 'spot.instance_types', old: haveTypes, new: wantTypes });
  field('allocation', have?.allocation, want.allocation);
  field('max_price', have?.maxPrice, want.maxPrice);
  return out;
}

/** The file's `spot` in one line, for a group that stops using it: `on-demand 2+25%, [m5.large, c5.large]`. */
export function spotSummary(m: MixedState): string {
  return `on-demand ${m.onDemandBase}+${m.onDemandPercentage}%, ${m.allocation}, [${m.instanceTypes.map(typeText).join(', ')}]`;
}

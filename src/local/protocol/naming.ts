/**
 * How the query protocols name members on the wire: `Tags.member.1.Key` for Auto
 * Scaling, ELB and CloudWatch; `Filter.1.Value.1` (capitalised location names) for EC2.
 *
 * @module
 */
import { upperFirst, type MemberRef, type Shape } from './model';

/** The two flavours of the query protocol. */
export type QueryFlavour = 'query' | 'ec2';

/** The query key of a structure member. */
export function memberKey(flavour: QueryFlavour, ref: MemberRef, name: string): string {
  if (flavour === 'ec2') {
    if (ref.queryName !== undefined) return ref.queryName;
    if (ref.locationName !== undefined) return upperFirst(ref.locationName);
    return name;
  }
  return ref.locationName ?? name;
}

/** Whether a list or map is flattened (EC2 lists always are). */
export function isFlattened(flavour: QueryFlavour, ref: MemberRef, shape: Shape): boolean {
  if (flavour === 'ec2' && shape.type === 'list') return true;
  return ref.flattened === true || shape.flattened === true;
}

/** The segment between a non-flattened list's name and its indexes (`member`). */
export function listItemSegment(shape: Shape): string {
  return shape.member?.locationName ?? 'member';
}

/** The query key of a list item: `Tags.member.1` or `InstanceId.1`. */
export function listItemKey(flavour: QueryFlavour, ref: MemberRef, shape: Shape, prefix: string, index: number): string {
  return isFlattened(flavour, ref, shape) ? `${prefix}.${index}` : `${prefix}.${listItemSegment(shape)}.${index}`;
}

/** The query keys of a map entry. */
export interface EntryKeys {
  /** `Attributes.entry.1.key`. */
  key: string;
  /** `Attributes.entry.1.value`. */
  value: string;
}

/** The query keys of a map entry's key and value: `Attributes.entry.1.key`. */
export function mapEntryKeys(flavour: QueryFlavour, ref: MemberRef, shape: Shape, prefix: string, index: number): EntryKeys {
  const base = isFlattened(flavour, ref, shape) ? `${prefix}.${index}` : `${prefix}.entry.${index}`;
  return { key: `${base}.${shape.key?.locationName ?? 'key'}`, value: `${base}.${shape.value?.locationName ?? 'value'}` };
}

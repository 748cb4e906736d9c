/**
 * boto2's filters dict for EC2's Describe calls: `{ 'instance-state-name': 'running',
 * 'tag:Name': ['a', 'b'] }`, sent as `Filter.N.Name` / `Filter.N.Value.M`.
 *
 * @module
 */
import type { Filter } from '@aws-sdk/client-ec2';
import { BotoClientError } from '../core/errors';
import { checkNonEmpty, checkText } from '../core/validate';

/** One filter value, or a list of them (a number is sent as its decimal text). */
export type FilterValue = string | number | readonly (string | number)[];

/** boto2's filters dict: filter name → value or list of values. */
export type Filters = Readonly<Record<string, FilterValue>>;

/**
 * The SDK's filter list for a filters dict, in the dict's order. As in boto2, `_` in a
 * name becomes `-` (`instance_state_name` → `instance-state-name`) except in `tag:` names.
 * @internal
 */
export function buildFilters(filters: Filters | undefined): Filter[] | undefined {
  if (filters === undefined) return undefined;
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
    throw new BotoClientError('filters must be an object of filter name → value or list of values');
  }
  return Object.entries(filters).map(([name, value]) => {
    const field = `filters[${JSON.stringify(name)}]`;
    const values = Array.isArray(value) ? (checkNonEmpty(field, value) as readonly unknown[]) : [value];
    return {
      Name: name.startsWith('tag:') ? name : name.replace(/_/g, '-'),
      Values: values.map((v) => checkText(field, v)),
    };
  });
}

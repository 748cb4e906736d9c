/**
 * EC2's `Filter.N.Name` / `Filter.N.Value.M` filters: each filter must match (values of
 * one filter are alternatives), values may use `*` and `?` wildcards, `tag:KEY`,
 * `tag-key` and `tag-value` look at tags, and an unknown filter name is an error.
 *
 * @module
 */
import type { Filter as FilterInput } from '@aws-sdk/client-ec2';
import { awsError } from '../errors';

/** One filter of a request. */
export interface Filter {
  /** Filter name (`instance-state-name`, `tag:Name`). */
  name: string;
  /** Values, any of which matches; `*` and `?` are wildcards. */
  values: string[];
}

/** How to read each filterable field of an item. */
export type FilterFields<T> = Record<string, (item: T) => string | number | boolean | readonly string[] | undefined>;

/** A request's `Filters`, each with a name. */
export function readFilters(filters: readonly FilterInput[] | undefined): Filter[] {
  return (filters ?? []).map((f) => {
    if (f.Name === undefined) throw awsError('ec2', 'InvalidParameterValue', 'The filter name must not be empty');
    return { name: f.Name, values: f.Values ?? [] };
  });
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) {
      re += (glob[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A compiled filter set for items of type T. */
export class FilterSet<T> {
  readonly #tests: Array<(item: T) => boolean> = [];

  /**
   * Compiles `filters` for items with `fields`; `tags` (when the items have tags) enables
   * `tag:KEY`, `tag-key` and `tag-value`. Throws EC2's error for an unknown filter name.
   */
  constructor(filters: readonly Filter[], fields: FilterFields<T>, tags?: (item: T) => ReadonlyArray<{ key: string; value: string }>) {
    for (const f of filters) {
      const patterns = f.values.map(globToRegExp);
      const matchesAny = (candidates: readonly string[]): boolean => candidates.some((c) => patterns.some((p) => p.test(c)));
      if (tags !== undefined && f.name.startsWith('tag:')) {
        const key = f.name.slice(4);
        this.#tests.push((item) => matchesAny(tags(item).filter((t) => t.key === key).map((t) => t.value)));
      } else if (tags !== undefined && f.name === 'tag-key') {
        this.#tests.push((item) => matchesAny(tags(item).map((t) => t.key)));
      } else if (tags !== undefined && f.name === 'tag-value') {
        this.#tests.push((item) => matchesAny(tags(item).map((t) => t.value)));
      } else {
        const field = Object.prototype.hasOwnProperty.call(fields, f.name) ? fields[f.name] : undefined;
        if (field === undefined) throw awsError('ec2', 'InvalidParameterValue', `The filter '${f.name}' is invalid`);
        this.#tests.push((item) => {
          const v = field(item);
          if (v === undefined) return false;
          return matchesAny(Array.isArray(v) ? v : [String(v)]);
        });
      }
    }
  }

  /** Whether an item passes every filter. */
  matches(item: T): boolean {
    return this.#tests.every((t) => t(item));
  }
}

/**
 * Metric dimensions (boto2's `boto.ec2.cloudwatch.dimension`): given as boto2 takes them,
 * `{ name: value }` or `{ name: [value, ...] }`, and read back as a {@link Dimension}.
 *
 * @module
 */
import type { Dimension as SdkDimension, DimensionFilter as SdkDimensionFilter } from '@aws-sdk/client-cloudwatch';
import { pyList, pyStrRepr } from '../core/repr';
import { inspectCustom } from '../core/repr';
import { checkLength, checkMaxItems, requireValue } from '../core/validate';
import { checkNew, declareSignatures } from '../core/signature';

/**
 * Dimensions as boto2 takes them: each name with one value or a list of values, e.g.
 * `{ AutoScalingGroupName: 'my_group' }` or `{ InstanceId: ['i-0123456', 'i-0123457'] }`.
 */
export type Dimensions = Readonly<Record<string, string | readonly string[]>>;

/**
 * Dimension filters of `listMetrics`: as {@link Dimensions}, and a name given `null` (or
 * `undefined`, `''`, `[]`) matches every metric with that dimension, whatever its value.
 */
export type DimensionFilters = Readonly<Record<string, string | readonly string[] | null | undefined>>;

/**
 * The dimensions of a metric or an alarm as AWS describes them: each name with the list of
 * its values, as boto2's `Dimension` dict (`alarm.dimensions.AutoScalingGroupName` is
 * `['my_group']`). Prints as boto2 prints it: `{'AutoScalingGroupName': ['my_group']}`.
 */
export class Dimension {
  /** The values of each dimension name. */
  [name: string]: string[];

  /** @param dimensions names with one value or a list of values */
  constructor(dimensions: Dimensions = {}) {
    checkNew(Dimension, arguments);
    for (const [name, value] of Object.entries(dimensions)) {
      // defineProperty: a dimension may be named `__proto__` or `constructor`.
      Object.defineProperty(this, name, { value: typeof value === 'string' ? [value] : [...value], enumerable: true, writable: true, configurable: true });
    }
  }

  /** Builds one from the `Dimensions` of an AWS answer (repeated names collect their values). @internal */
  static fromSdk(list: readonly SdkDimension[] | undefined): Dimension {
    const out = new Dimension();
    for (const d of list ?? []) {
      const name = d.Name ?? '';
      if (Object.prototype.hasOwnProperty.call(out, name)) (out[name] as string[]).push(d.Value ?? '');
      else Object.defineProperty(out, name, { value: [d.Value ?? ''], enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** Python's repr of the dict boto2 holds. */
  [inspectCustom](): string {
    return dimensionRepr(this);
  }
}

/** Python's repr of a dimensions dict: `{'AutoScalingGroupName': ['my_group']}`. @internal */
export function dimensionRepr(dimensions: Dimensions): string {
  const items = Object.entries(dimensions).map(([k, v]) => `${pyStrRepr(k)}: ${typeof v === 'string' ? pyStrRepr(v) : pyList(v)}`);
  return `{${items.join(', ')}}`;
}

// Dimension's index signature leaves no room to declare toString in the class body.
Object.defineProperty(Dimension.prototype, 'toString', {
  value: function toString(this: Dimension): string {
    return dimensionRepr(this);
  },
  enumerable: false,
  writable: true,
  configurable: true,
});

/**
 * Dimensions as AWS takes them, each checked: names 1 to 255 characters, values 1 to
 * 1024, at most `max` name/value pairs. Undefined when there are none.
 * @internal
 */
export function toSdkDimensions(field: string, dimensions: Dimensions | undefined, max: number): SdkDimension[] | undefined {
  if (dimensions === undefined || dimensions === null) return undefined;
  const out: SdkDimension[] = [];
  for (const [name, value] of Object.entries(dimensions)) {
    checkLength(`${field} name`, name, 255);
    const values = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(values) || values.length === 0) requireValue(`${field}.${name}`, undefined);
    values.forEach((v, i) => {
      const where = typeof value === 'string' ? `${field}.${name}` : `${field}.${name}[${i}]`;
      checkLength(where, requireValue(where, v), 1024);
      out.push({ Name: name, Value: v });
    });
  }
  checkMaxItems(field, out, max);
  return out.length === 0 ? undefined : out;
}

/**
 * Dimension filters as `ListMetrics` takes them: a name alone where no value was given,
 * as boto2 sends it. Undefined when there are none.
 * @internal
 */
export function toSdkDimensionFilters(field: string, filters: DimensionFilters | undefined, max: number): SdkDimensionFilter[] | undefined {
  if (filters === undefined || filters === null) return undefined;
  const out: SdkDimensionFilter[] = [];
  for (const [name, value] of Object.entries(filters)) {
    checkLength(`${field} name`, name, 255);
    const values = value === null || value === undefined || value === '' ? [] : typeof value === 'string' ? [value] : value;
    if (values.length === 0) out.push({ Name: name });
    values.forEach((v, i) => {
      const where = typeof value === 'string' ? `${field}.${name}` : `${field}.${name}[${i}]`;
      out.push({ Name: name, Value: checkLength(where, requireValue(where, v), 1024) });
    });
  }
  checkMaxItems(field, out, max);
  return out.length === 0 ? undefined : out;
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Dimension, {
  new: 'dimensions?:object',
});

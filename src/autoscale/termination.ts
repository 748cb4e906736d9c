/**
 * boto2's `TerminationPolicies` (of `boto.ec2.autoscale.policy` and `.group`): the
 * termination policy names a group accepts.
 *
 * @module
 */
import { inspectCustom } from '../core/repr';
import { pyList } from '../core/repr';

/**
 * The termination policies AWS offers (`getTerminationPolicies()`): a list of names,
 * usable as a group's `terminationPolicies`. Prints as a Python list, as boto2's does:
 * `['OldestInstance', 'Default']`.
 */
export class TerminationPolicies extends Array<string> {
  /** map(), filter() and friends return plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** A list holding `names`. */
  static fromNames(names: Iterable<string>): TerminationPolicies {
    const list = new TerminationPolicies();
    for (const name of names) list.push(name);
    return list;
  }

  /** boto2's repr: the Python list of the names. */
  override toString(): string {
    return pyList(this);
  }

  /** Prints as boto2's repr in `console.log` and the REPL. */
  [inspectCustom](): string {
    return this.toString();
  }
}

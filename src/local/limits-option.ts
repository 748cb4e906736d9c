/**
 * The `--limits` option of `botoscale local`: `groups=…,launch-configurations=…,
 * load-balancers=…,vcpus=…` (any of them, in any order) read into {@link LocalLimits}.
 *
 * @module
 */
import { InvalidArgumentError } from 'commander';
import type { LocalLimits } from './cloud';

/** The option's names, and the {@link LocalLimits} member each sets. */
const NAMES: Readonly<Record<string, keyof LocalLimits>> = {
  groups: 'autoScalingGroups',
  'launch-configurations': 'launchConfigurations',
  'load-balancers': 'loadBalancers',
  vcpus: 'vcpus',
};

const USAGE = 'give name=number pairs separated by commas, the names being groups, launch-configurations, load-balancers and vcpus (groups=500,vcpus=4096)';

/** Reads `groups=500,vcpus=4096` into limits; throws commander's InvalidArgumentError naming what is wrong. */
export function parseLimits(value: string): LocalLimits {
  const limits: LocalLimits = {};
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const key = Object.prototype.hasOwnProperty.call(NAMES, name) ? NAMES[name] : undefined;
    if (eq < 0 || key === undefined) throw new InvalidArgumentError(`unknown limit '${name}': ${USAGE}.`);
    if (limits[key] !== undefined) throw new InvalidArgumentError(`the limit ${name} is given twice.`);
    const text = pair.slice(eq + 1).trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`the limit ${name} must be a whole number, 0 or more, got '${text}'.`);
    limits[key] = n;
  }
  return limits;
}

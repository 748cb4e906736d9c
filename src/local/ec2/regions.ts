/**
 * The regions botoscale local serves: those of the `aws` and `aws-cn` partitions in the
 * AWS SDK's endpoint data (src/core/rules/sdk-regions.ts, the client's list too), so the
 * server refuses a request signed for any other and the simulated EC2 reports them; their
 * availability zones, and their DNS names, which end in `amazonaws.com.cn` in China.
 *
 * @module
 */
import { DEFAULT_ENABLED_REGIONS, dnsSuffixOf, regionsOf } from '../../core/rules/aws-rules';

/** Regions enabled in every account. */
export const STANDARD_REGIONS: readonly string[] = DEFAULT_ENABLED_REGIONS;

/** Regions an account must opt in to: every other region of the `aws` partition the SDK lists. */
export const OPT_IN_REGIONS: readonly string[] = regionsOf('aws').filter((r) => !DEFAULT_ENABLED_REGIONS.includes(r));

/**
 * The regions of the `aws-cn` partition, operated apart from the others: their ARNs start
 * `arn:aws-cn:` and their endpoints and DNS names end in `amazonaws.com.cn`.
 */
export const CHINA_REGIONS: readonly string[] = regionsOf('aws-cn');

const KNOWN = new Set([...STANDARD_REGIONS, ...OPT_IN_REGIONS, ...CHINA_REGIONS]);

/** What a region's name looks like (`us-east-1`, `ap-southeast-4`, `cn-northwest-1`). */
export const REGION_NAME = /^[a-z]+(?:-[a-z]+)+-\d+$/;

/**
 * Whether a SigV4 credential scope's region names a region at all. boto 2 derives the
 * scope from the endpoint's host name when none is set (`0` for `127.0.0.1`,
 * `localhost`): such a scope names no region, and botoscale local serves it in its
 * default region; a region-shaped name it does not serve is refused.
 */
export function namesRegion(scopeRegion: string): boolean {
  return REGION_NAME.test(scopeRegion);
}

/** Whether botoscale local serves `region` (a request signed for another is refused). */
export function isKnownRegion(region: string): boolean {
  return KNOWN.has(region);
}

/** Every region botoscale local serves, sorted. */
export function knownRegions(): string[] {
  return [...KNOWN].sort();
}


const DIRECTIONS: Record<string, string> = {
  east: 'e', west: 'w', north: 'n', south: 's', central: 'c',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

/** `us-east-1` → `use1`, the prefix of zone ids (`use1-az1`). */
export function regionAbbreviation(region: string): string {
  const parts = region.split('-');
  if (parts.length < 3) return region.replace(/-/g, '');
  const [geo, direction, n] = parts as [string, string, string];
  return `${geo}${DIRECTIONS[direction] ?? direction.charAt(0)}${n}`;
}

/** The zones of a region: a, b, c (and d, e in us-east-1). */
export function zonesOf(region: string): string[] {
  const letters = region === 'us-east-1' ? ['a', 'b', 'c', 'd', 'e'] : ['a', 'b', 'c'];
  return letters.map((l) => `${region}${l}`);
}

/** The DNS suffix of private names: `ec2.internal` in us-east-1, `REGION.compute.internal` elsewhere. */
export function privateDnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

/**
 * The DNS suffix of public names: `compute-1.amazonaws.com` in us-east-1,
 * `REGION.compute.amazonaws.com` elsewhere (`REGION.compute.amazonaws.com.cn` in China).
 */
export function publicDnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.${dnsSuffixOf(region)}`;
}

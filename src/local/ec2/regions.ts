/**
 * The regions botoscale local serves (one list: the server refuses a request signed for
 * any other, and the simulated EC2 reports them), their availability zones, and their DNS
 * names, which end in `amazonaws.com.cn` in the China regions.
 *
 * @module
 */
import { partitionOf } from '../../core/rules/aws-rules';

/** Regions enabled in every account. */
export const STANDARD_REGIONS: readonly string[] = [
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
  'ca-central-1', 'eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'sa-east-1',
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];

/** Regions an account must opt in to. */
export const OPT_IN_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'eu-central-2', 'eu-south-1',
  'eu-south-2', 'me-central-1', 'me-south-1',
];

/**
 * The regions of the `aws-cn` partition, operated apart from the others: their ARNs start
 * `arn:aws-cn:` and their endpoints and DNS names end in `amazonaws.com.cn`.
 */
export const CHINA_REGIONS: readonly string[] = ['cn-north-1', 'cn-northwest-1'];

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

/** The domain of a region's endpoints and DNS names: `amazonaws.com.cn` in China, `amazonaws.com` elsewhere. */
export function dnsDomainOf(region: string): string {
  return partitionOf(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
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
  return region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.${dnsDomainOf(region)}`;
}

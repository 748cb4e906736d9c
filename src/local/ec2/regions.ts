/**
 * The regions and availability zones the simulated EC2 reports.
 *
 * @module
 */

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

/** The DNS suffix of public names: `compute-1.amazonaws.com` in us-east-1, `REGION.compute.amazonaws.com` elsewhere. */
export function publicDnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`;
}

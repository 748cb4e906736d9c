/**
 * EC2's On-Demand instance quotas, which AWS measures in vCPUs: the vCPUs of an instance
 * type, the quota bucket its family belongs to, and the running total per bucket that a
 * launch may not take past the account's limit.
 *
 * AWS: "Amazon EC2 On-Demand Instance quotas are managed in terms of the number of virtual
 * central processing units (vCPUs) that your running On-Demand Instances are using"; the
 * Standard bucket is "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances"
 * (https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html). A
 * launch past it fails with `VcpuLimitExceeded`. vCPUs per type: the EC2 instance type
 * specifications (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html, `co.html`,
 * `mo.html`, `ac.html` and, for previous generations, `pg.html`).
 *
 * @module
 */
import { awsError } from '../errors';

/**
 * The simulated account's quota per bucket when none is given: 1,152 vCPUs, an account
 * whose limits have been raised (AWS starts new accounts far lower and raises them on
 * request), so the tutorials, tests and demos never meet it while a runaway group stops
 * after 1,152 vCPUs (1,152 `m1.small` or 576 `t3.micro` instances).
 */
export const DEFAULT_VCPU_LIMIT = 1152;

/** vCPUs of the instance types the project uses and common ones, from AWS's specifications. */
const VCPUS: Readonly<Record<string, number>> = {
  // Previous generation (pg.html): the boto2 tutorials' types.
  'm1.small': 1, 'm1.medium': 1, 'm1.large': 2, 'm1.xlarge': 4,
  'm3.medium': 1, 'm3.large': 2, 'm3.xlarge': 4, 'm3.2xlarge': 8,
  'c1.medium': 2, 'c1.xlarge': 8,
  'c3.large': 2, 'c3.xlarge': 4, 'c3.2xlarge': 8, 'c3.4xlarge': 16, 'c3.8xlarge': 32,
  // Burstable (gp.html): T2 below medium has one vCPU, T3/T3a/T4g two.
  't2.nano': 1, 't2.micro': 1, 't2.small': 1, 't2.medium': 2, 't2.large': 2, 't2.xlarge': 4, 't2.2xlarge': 8,
  't3.nano': 2, 't3.micro': 2, 't3.small': 2, 't3.medium': 2, 't3.large': 2, 't3.xlarge': 4, 't3.2xlarge': 8,
  't3a.nano': 2, 't3a.micro': 2, 't3a.small': 2, 't3a.medium': 2, 't3a.large': 2,
  't4g.nano': 2, 't4g.micro': 2, 't4g.small': 2, 't4g.medium': 2, 't4g.large': 2,
  // Current generation whose sizes break the `large` = 2 rule.
  'm5.metal': 96, 'c5.9xlarge': 36, 'c5.18xlarge': 72, 'c5.metal': 96, 'p3.2xlarge': 8, 'p3.8xlarge': 32, 'p3.16xlarge': 64,
};

/**
 * vCPUs of a type: from the table, else from AWS's size naming for current generations
 * (`large` 2, `xlarge` 4, `Nxlarge` 4N, smaller sizes 2); a type whose
 * size says nothing (the simulation accepts any `family.size`) counts 1.
 */
export function vcpusOf(instanceType: string): number {
  const known = VCPUS[instanceType];
  if (known !== undefined) return known;
  const size = instanceType.slice(instanceType.indexOf('.') + 1);
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const n = /^(\d+)xlarge$/.exec(size);
  if (n !== null) return 4 * Number(n[1]);
  if (['nano', 'micro', 'small', 'medium'].includes(size)) return 2;
  return 1;
}

/** Families with their own quota, by name prefix, longest first; every other family is Standard. */
const OTHER_BUCKETS: ReadonlyArray<readonly [string, string]> = [
  ['inf', 'Inf'], ['trn', 'Trn'], ['hpc', 'HPC'], ['dl', 'DL'], ['vt', 'G and VT'],
  ['f', 'F'], ['g', 'G and VT'], ['p', 'P'], ['x', 'X'],
];

/** The On-Demand quota bucket of a type: `Standard` (A, C, D, H, I, M, R, T, Z), or F, G and VT, P, X, Inf, DL, Trn, HPC. */
export function quotaBucketOf(instanceType: string): string {
  const family = instanceType.slice(0, Math.max(0, instanceType.indexOf('.')));
  for (const [prefix, bucket] of OTHER_BUCKETS) {
    if (family.startsWith(prefix) && /^\d/.test(family.slice(prefix.length))) return bucket;
  }
  return 'Standard';
}

/** The message AWS answers `VcpuLimitExceeded` with (and Auto Scaling's failed activity starts with). */
export function vcpuLimitMessage(limit: number): string {
  return `You have requested more vCPU capacity than your current vCPU limit of ${limit} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`;
}

/** The vCPUs in use per bucket, against one limit per bucket. */
export class VcpuQuota {
  /** vCPUs each bucket may use. */
  readonly limit: number;
  readonly #used = new Map<string, number>();

  constructor(limit = DEFAULT_VCPU_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`the vCPU limit must be a whole number of vCPUs, 0 or more, got ${String(limit)}`);
    this.limit = limit;
  }

  /** How many instances of a type fit (at most `wanted`). */
  fits(instanceType: string, wanted: number): number {
    const free = this.limit - this.used(quotaBucketOf(instanceType));
    return Math.max(0, Math.min(wanted, Math.floor(free / vcpusOf(instanceType))));
  }

  /** Throws AWS's `VcpuLimitExceeded` unless `count` instances of a type fit. */
  check(instanceType: string, count = 1): void {
    if (this.fits(instanceType, count) < count) throw awsError('ec2', 'VcpuLimitExceeded', vcpuLimitMessage(this.limit));
  }

  /** Counts a launched instance of a type. */
  add(instanceType: string): void {
    const b = quotaBucketOf(instanceType);
    this.#used.set(b, this.used(b) + vcpusOf(instanceType));
  }

  /** Stops counting an instance that no longer runs. */
  remove(instanceType: string): void {
    const b = quotaBucketOf(instanceType);
    this.#used.set(b, Math.max(0, this.used(b) - vcpusOf(instanceType)));
  }

  /** Forgets every count (before a restore recounts). */
  clear(): void {
    this.#used.clear();
  }

  /** vCPUs in use in a bucket. */
  used(bucket: string): number {
    return this.#used.get(bucket) ?? 0;
  }
}

/**
 * Regions and their endpoints, as boto2's `RegionInfo`. The regions are the AWS SDK's own
 * (its partition data, in {@link SDK_PARTITIONS}); botoscale keeps no list or host names
 * of its own.
 *
 * @module
 */
import { BotoClientError } from './errors';
import { inspectCustom } from './repr';
import { SDK_PARTITIONS } from './rules/sdk-regions';

/** Every region the AWS SDK knows, partition by partition (`aws`, `aws-cn`, `aws-eusc`, ...), in its order. */
export const KNOWN_REGIONS: readonly string[] = SDK_PARTITIONS.flatMap((p) => p.regions);

/** boto2's default region. */
export const DEFAULT_REGION = 'us-east-1';

/** A {@link RegionInfo} as JSON. */
export interface RegionInfoJSON {
  /** Region name. */
  name: string;
  /** Endpoint host name or URL. */
  endpoint: string;
}

/** A region of one service: its name, its endpoint host, and a way to connect to it. */
export class RegionInfo<C = unknown> {
  /** Region name, such as `us-west-2`. */
  readonly name: string;
  /**
   * The endpoint given when this `RegionInfo` was made (a host name or URL), or `undefined`
   * when it is the SDK's for the region: a connection to this region then lets the SDK
   * resolve it (with FIPS and dual-stack as set up).
   */
  readonly explicitEndpoint: string | undefined;
  readonly #resolveEndpoint: (() => string) | undefined;
  readonly #connect: ((options?: object) => C) | undefined;

  /**
   * @param name Region name.
   * @param endpoint The endpoint host or URL; or a function giving the host the SDK resolves
   *   (called when `endpoint` is first read), for a region whose endpoint is the SDK's.
   * @param connect Makes a connection to this region.
   */
  constructor(name: string, endpoint: string | (() => string), connect?: (region: RegionInfo<C>, options?: object) => C) {
    this.name = name;
    this.explicitEndpoint = typeof endpoint === 'string' ? endpoint : undefined;
    this.#resolveEndpoint = typeof endpoint === 'string' ? undefined : endpoint;
    this.#connect = connect && ((options?: object) => connect(this, options));
  }

  /** Endpoint host name or URL of the service in this region. */
  get endpoint(): string {
    return this.explicitEndpoint ?? (this.#resolveEndpoint as () => string)();
  }

  /** A connection to the service in this region (boto2's `RegionInfo.connect()`). */
  connect(options?: object): C {
    if (this.#connect === undefined) {
      throw new BotoClientError(`${this.toString()} has no connection class to connect with`);
    }
    return this.#connect(options);
  }

  /** boto2's repr: `RegionInfo:us-east-1`. */
  toString(): string {
    return `RegionInfo:${this.name}`;
  }

  /** Prints as `toString()` does. */
  [inspectCustom](): string {
    return this.toString();
  }

  /** The name and endpoint. */
  toJSON(): RegionInfoJSON {
    return { name: this.name, endpoint: this.endpoint };
  }
}

/** Throws a {@link BotoClientError} listing the known regions unless `name` is one. */
export function checkRegionName(name: string): string {
  if (!KNOWN_REGIONS.includes(name)) {
    throw new BotoClientError(`unknown region ${JSON.stringify(name)}; known regions: ${KNOWN_REGIONS.join(', ')}`);
  }
  return name;
}

const LEGACY_US_EAST_1_HOST = /^[a-z0-9-]+\.amazonaws\.com$/;

/**
 * The region an AWS endpoint host names, by the SDK's partitions: a label that is one of
 * a partition's regions, in a host under that partition's DNS suffix
 * (`autoscaling.eu-west-1.amazonaws.com` → `eu-west-1`, `autoscaling-fips.us-gov-west-1.amazonaws.com`
 * → `us-gov-west-1`); `autoscaling.amazonaws.com` (boto2's old global form) → `us-east-1`.
 */
export function regionOfAwsHost(host: string): string | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const labels = name.split('.');
  for (const partition of SDK_PARTITIONS) {
    const underSuffix = [partition.dnsSuffix, partition.dualStackDnsSuffix].some((suffix) => name.endsWith(`.${suffix}`));
    const region = underSuffix ? labels.find((label) => partition.regions.includes(label)) : undefined;
    if (region !== undefined) return region;
  }
  return LEGACY_US_EAST_1_HOST.test(name) ? DEFAULT_REGION : undefined;
}

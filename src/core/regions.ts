/**
 * Regions and their endpoints, as boto2's `RegionInfo`.
 *
 * @module
 */
import { BotoClientError } from './errors';
import { inspectCustom } from './repr';

/** The AWS regions botoscale knows endpoints for. */
export const KNOWN_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
  'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
];

/** boto2's default region. */
export const DEFAULT_REGION = 'us-east-1';

/** The endpoint host of a service in a region: `autoscaling.eu-west-1.amazonaws.com`. */
export function defaultEndpointHost(endpointPrefix: string, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${endpointPrefix}.${region}.${suffix}`;
}

/** A region of one service: its name, its endpoint host, and a way to connect to it. */
export class RegionInfo<C = unknown> {
  /** Region name, such as `us-west-2`. */
  readonly name: string;
  /** Endpoint host name or URL of the service in this region. */
  readonly endpoint: string;
  readonly #connect: ((options?: object) => C) | undefined;

  constructor(name: string, endpoint: string, connect?: (region: RegionInfo<C>, options?: object) => C) {
    this.name = name;
    this.endpoint = endpoint;
    this.#connect = connect && ((options?: object) => connect(this, options));
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
}

/** Throws a {@link BotoClientError} listing the known regions unless `name` is one. */
export function checkRegionName(name: string): string {
  if (!KNOWN_REGIONS.includes(name)) {
    throw new BotoClientError(`unknown region ${JSON.stringify(name)}; known regions: ${KNOWN_REGIONS.join(', ')}`);
  }
  return name;
}

/**
 * What each service module builds from its {@link ServiceSpec}: `regions()` and
 * `connectToRegion()`, as boto2's per-service modules have them.
 *
 * @module
 */
import type { ConnectionArgs, ConnectionOptions, ServiceSpec } from './connection';
import { cachedRuleset, sdkHost } from './endpoints';
import { checkRegionName, KNOWN_REGIONS, RegionInfo } from './regions';

/** A connection class's constructor as boto2 calls it: keys, then options. */
export type ConnectionFactory<C> = (options: ConnectionOptions) => C;

/** `regions()` and `connectToRegion()` for one service. */
export interface RegionFunctions<C> {
  /** Every region the AWS SDK knows, each able to `connect()`; `endpoint` is the SDK's plain (not FIPS, not dual-stack) host there. */
  regions(): RegionInfo<C>[];
  /** A connection to the named region; an unknown name is a `BotoClientError` listing the known ones. */
  connectToRegion(regionName: string, options?: Omit<ConnectionOptions, 'region'>): C;
}

/** The part of a {@link ServiceSpec} the region functions use. */
export type RegionSpec = Pick<ServiceSpec<unknown>, 'endpointPrefix' | 'endpointRuleset'>;

/** Builds a service module's region functions from its spec and connection factory. */
export function regionFunctions<C>(spec: RegionSpec, create: ConnectionFactory<C>): RegionFunctions<C> {
  const connect = (region: RegionInfo<C>, options?: object): C => create({ ...(options as ConnectionOptions), region });
  const host = (name: string) => (): string =>
    sdkHost(cachedRuleset(spec.endpointRuleset), spec.endpointPrefix, name, { useFipsEndpoint: false, useDualstackEndpoint: false });
  const info = (name: string): RegionInfo<C> => new RegionInfo<C>(name, host(name), connect);
  return {
    regions: () => KNOWN_REGIONS.map(info),
    connectToRegion: (regionName, options) => info(checkRegionName(regionName)).connect(options),
  };
}

/**
 * Normalises boto2-style constructor arguments: `(accessKey, secretKey, options)`, or just
 * `(options)`.
 */
export function connectionArgs(
  awsAccessKeyIdOrOptions?: string | ConnectionOptions,
  awsSecretAccessKey?: string,
  options?: ConnectionOptions,
): ConnectionArgs {
  if (typeof awsAccessKeyIdOrOptions === 'object' && awsAccessKeyIdOrOptions !== null) {
    return { options: awsAccessKeyIdOrOptions };
  }
  return { awsAccessKeyId: awsAccessKeyIdOrOptions, awsSecretAccessKey, options };
}

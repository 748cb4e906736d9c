/**
 * A connection's settings, resolved from its options, the environment and the boto
 * config: region, endpoint, credentials, the FIPS / dual-stack variant and the request
 * timeout, each with where it came from. A pure function of its inputs (the SDK's
 * host for a region is asked of the `service`), so the precedence rules the README
 * documents ("Connections, regions and credentials") are tested on their own.
 *
 * @module
 */
import type { BotoConfig } from './config';
import type { ConnectionArgs, ConnectionOptions, ConnectionProvenance } from './connection';
import { isLoopbackUrl, resolveCredentials, type CredentialsInput } from './credentials';
import { endpointVariant, type EndpointVariant } from './endpoints';
import { checkRegionName, DEFAULT_REGION, regionOfAwsHost, RegionInfo } from './regions';
import { botoSocketTimeout, checkRequestTimeout, DEFAULT_REQUEST_TIMEOUT_MS } from './timeout';

/** What settings resolution needs to know of a service. */
export interface SettingsService {
  /** boto config `[Boto]` key for the default region name. */
  botoRegionKey: string;
  /** boto config `[Boto]` key for the default endpoint. */
  botoEndpointKey: string;
  /** Suffix of the service's `AWS_ENDPOINT_URL_<X>` variable: `AUTO_SCALING`, ... */
  envEndpointName: string;
  /** The host the SDK resolves for the service in `region` with the variant; throws (a `BotoClientError`) where the partition has none. */
  sdkHost(region: string, variant: EndpointVariant): string;
}

/** A connection's resolved settings. */
export interface ConnectionSettings {
  /** The region to sign for. */
  region: string;
  /** The endpoint given (option, region, boto config or environment), as given (a URL or a host name); `undefined`: the SDK resolves it. */
  endpoint: string | undefined;
  /** The FIPS / dual-stack variant to ask the SDK for (`undefined` members: the SDK reads its shared config). */
  variant: EndpointVariant;
  /** False when an `env` option replaces process.env: the SDK must not read endpoint settings elsewhere. */
  ownEnv: boolean;
  /** Credentials or a credential provider. */
  credentials: CredentialsInput;
  /** The access key id, when known up front. */
  accessKeyId: string | undefined;
  /** Where region, endpoint and credentials came from. */
  provenance: ConnectionProvenance;
  /** The host the SDK resolves, when a FIPS or dual-stack variant was asked for (checked up front). */
  resolvedHost: string | undefined;
  /** Milliseconds each attempt of a call may wait for its answer. */
  requestTimeout: number;
}

/** `endpoint` as a URL: a bare host name is `https://`. */
export function toUrl(endpoint: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}

/** `host[:port]` of an endpoint URL or host name. */
export function hostOf(endpoint: string): string {
  try {
    return new URL(toUrl(endpoint)).host;
  } catch {
    return endpoint;
  }
}

/**
 * Resolves a connection's settings from its arguments, `env` (the whole environment) and
 * the boto config, in the order {@link ConnectionOptions} documents.
 */
export function resolveSettings(service: SettingsService, args: ConnectionArgs, env: NodeJS.ProcessEnv, boto: BotoConfig): ConnectionSettings {
  const options = args.options ?? {};
  const region = resolveRegion(service, options, env, boto);
  const endpoint = resolveEndpoint(service, options, env, boto, region);
  // An AWS endpoint names its region, and SigV4 must sign for that region: boto2's
  // tutorial has users set only `autoscale_endpoint`, and boto2 signs for the host's region.
  const endpointRegion = endpoint.url === undefined ? undefined : regionOfAwsHost(hostOf(endpoint.url));
  if (endpointRegion !== undefined && (region.source === 'environment' || region.source === 'default')) {
    region.name = endpointRegion;
    region.source = 'endpoint';
  }
  const creds = resolveCredentials(
    {
      awsAccessKeyId: args.awsAccessKeyId,
      awsSecretAccessKey: args.awsSecretAccessKey,
      securityToken: options.securityToken,
      credentials: options.credentials,
      profile: options.profile,
      loopbackEndpoint: endpoint.url !== undefined && isLoopbackUrl(toUrl(endpoint.url)),
    },
    boto,
    env,
  );
  // The SDK reads process.env and its shared config for what it is not given. An `env`
  // option is the whole environment: then nothing is left to the SDK to find elsewhere.
  const ownEnv = env === process.env;
  const asked = endpointVariant(options, env);
  const variant: EndpointVariant = endpoint.url !== undefined ? { useFipsEndpoint: undefined, useDualstackEndpoint: undefined }
    : ownEnv ? asked : { useFipsEndpoint: asked.useFipsEndpoint ?? false, useDualstackEndpoint: asked.useDualstackEndpoint ?? false };
  // A FIPS or dual-stack endpoint the partition does not have is bad input: said now, not at the first call.
  const resolvedHost = variant.useFipsEndpoint === true || variant.useDualstackEndpoint === true ? service.sdkHost(region.name, variant) : undefined;
  return {
    region: region.name,
    endpoint: endpoint.url,
    variant,
    ownEnv,
    credentials: creds.credentials,
    accessKeyId: creds.accessKeyId,
    provenance: { region: region.source, endpoint: endpoint.source, credentials: creds.source },
    resolvedHost,
    requestTimeout: options.requestTimeout === undefined
      ? (botoSocketTimeout(boto.get('Boto', 'http_socket_timeout')) ?? DEFAULT_REQUEST_TIMEOUT_MS)
      : checkRequestTimeout(options.requestTimeout),
  };
}

interface RegionChoice {
  name: string;
  source: ConnectionProvenance['region'];
  /** The endpoint of a `RegionInfo` given as the region. */
  endpoint?: string | undefined;
}

/** The region before the endpoint's host is considered: option → boto config → `AWS_REGION` → `AWS_DEFAULT_REGION` → `us-east-1`. */
function resolveRegion(service: SettingsService, options: ConnectionOptions, env: NodeJS.ProcessEnv, boto: BotoConfig): RegionChoice {
  if (options.region instanceof RegionInfo) return { name: options.region.name, source: 'option', endpoint: options.region.explicitEndpoint };
  if (options.region !== undefined) return { name: options.endpoint === undefined ? checkRegionName(options.region) : options.region, source: 'option' };
  const botoRegion = boto.get('Boto', service.botoRegionKey);
  if (botoRegion !== undefined) return { name: botoRegion, source: 'boto config' };
  const envRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (envRegion) return { name: envRegion, source: 'environment' };
  return { name: DEFAULT_REGION, source: 'default' };
}

/**
 * The endpoint given: option → a `RegionInfo`'s (unless it is the SDK's own host for the
 * region) → boto config (unless a region was given) → `AWS_ENDPOINT_URL_<SERVICE>` →
 * `AWS_ENDPOINT_URL`; none: the SDK resolves it.
 */
function resolveEndpoint(
  service: SettingsService,
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
  boto: BotoConfig,
  region: RegionChoice,
): { url: string | undefined; source: ConnectionProvenance['endpoint'] } {
  if (options.endpoint !== undefined) return { url: options.endpoint, source: 'option' };
  if (region.endpoint !== undefined && !isSdkDefaultHost(service, region.endpoint, region.name)) return { url: region.endpoint, source: 'region' };
  const botoEndpoint = boto.get('Boto', service.botoEndpointKey);
  if (botoEndpoint !== undefined && region.source !== 'option') return { url: botoEndpoint, source: 'boto config' };
  const envEndpoint = env[`AWS_ENDPOINT_URL_${service.envEndpointName}`] || env.AWS_ENDPOINT_URL;
  if (envEndpoint) return { url: envEndpoint, source: 'environment' };
  return { url: undefined, source: 'default' };
}

/** Whether `endpoint` is the SDK's plain host for the region, as EC2's DescribeRegions gives. */
function isSdkDefaultHost(service: SettingsService, endpoint: string, region: string): boolean {
  try {
    return hostOf(endpoint) === service.sdkHost(region, { useFipsEndpoint: false, useDualstackEndpoint: false });
  } catch {
    return false;
  }
}

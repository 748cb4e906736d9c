/**
 * The connection base every service shares (boto2's `AWSQueryConnection`): region,
 * endpoint and credential resolution, lazy creation of the AWS SDK v3 client, and
 * translation of SDK errors into botoscale's.
 *
 * @module
 */
import type { AutoScalingClientConfig } from '@aws-sdk/client-auto-scaling';
import type { Logger } from '@smithy/types';
import { BotoConfig } from './config';
import { isLoopbackUrl, resolveCredentials, type CredentialsInput, type CredentialSource } from './credentials';
import { BotoClientError, fromSdkError } from './errors';
import { checkRegionName, DEFAULT_REGION, defaultEndpointHost, RegionInfo } from './regions';
import { inspectCustom } from './repr';
import { botoSocketTimeout, checkRequestTimeout, DEFAULT_REQUEST_TIMEOUT_MS, TimeoutHandler, timeoutError, type HandlerInput } from './timeout';

/** The SDK's request handler option (an `HttpHandler`, or options for the default Node one). */
export type RequestHandlerInput = AutoScalingClientConfig['requestHandler'];

/**
 * Options every connection accepts. What is not given is found in this order, the first
 * source that has a value winning:
 *
 * - **region**: `region` → boto config `[Boto] <svc>_region_name` → the region an AWS
 *   endpoint host names (`autoscaling.eu-west-1.amazonaws.com`, from `endpoint`, the boto
 *   config or the environment) → `AWS_REGION` → `AWS_DEFAULT_REGION` → `us-east-1`.
 * - **endpoint**: `endpoint` → the endpoint of a `RegionInfo` given as `region` → boto config
 *   `[Boto] <svc>_endpoint` (skipped when `region` is given) → `AWS_ENDPOINT_URL_<SERVICE>` →
 *   `AWS_ENDPOINT_URL` → `https://<prefix>.<region>.amazonaws.com`.
 * - **credentials**: the access key arguments (with `securityToken`) → `credentials` →
 *   `profile` (boto config `[profile NAME]`, else the AWS shared files) → boto config
 *   `[Credentials]` → `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` →
 *   the rest of the AWS SDK's chain (`AWS_PROFILE`, shared credentials and config files,
 *   SSO, process, web identity, container and instance metadata).
 *
 * The boto config is `BOTO_CONFIG`, else the files of `BOTO_PATH`, else `/etc/boto.cfg` and
 * `~/.boto`, read as boto2 reads them. Every environment variable is read from `env`.
 */
export interface ConnectionOptions {
  /** Region name or a {@link RegionInfo} (from `regions()`); see the README for the fallback order. */
  region?: string | RegionInfo;
  /** Endpoint URL (or host name) to talk to instead of AWS's, e.g. `botoscale local`'s. */
  endpoint?: string;
  /** Credentials or any AWS SDK credential provider. */
  credentials?: CredentialsInput;
  /** A profile: `[profile NAME]` of the boto config, else of the AWS shared config files. */
  profile?: string;
  /** Session token to go with explicit keys (boto2's `security_token`). */
  securityToken?: string;
  /** Attempts per call, including the first (the SDK's retry strategy; default 3). */
  maxAttempts?: number;
  /** Passed to the SDK client: a custom `HttpHandler` or Node handler options. */
  requestHandler?: RequestHandlerInput;
  /**
   * Milliseconds each attempt of a call may wait for its answer (boto2's
   * `http_socket_timeout`): `requestTimeout` → boto config `[Boto] http_socket_timeout`
   * (seconds) → 70 s. It wins over the request handler's own setting; a call whose every
   * attempt timed out rejects with a `BotoServerError` whose `errorCode` is `RequestTimeout`.
   */
  requestTimeout?: number;
  /** Passed to the SDK client. */
  logger?: Logger;
  /** The boto config to use instead of reading boto2's files (mostly for tests). */
  botoConfig?: BotoConfig;
  /** The environment to read (`AWS_REGION`, `AWS_ENDPOINT_URL`, `BOTO_CONFIG`, ...); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Per-call options shared by every method that sends a request. */
export interface CallOptions {
  /** Aborts the call (passed to the SDK as `abortSignal`). */
  signal?: AbortSignal;
  /** Milliseconds each attempt of this call may wait for its answer, instead of the connection's `requestTimeout`. */
  requestTimeout?: number;
}

/** The SDK per-call options built from {@link CallOptions}. */
export interface SdkCallOptions {
  /** The call's `signal`. */
  abortSignal?: AbortSignal;
  /** The call's `requestTimeout`, per attempt. */
  requestTimeout?: number;
}

/** The SDK client config a connection builds. */
export interface SdkClientConfig {
  /** Region to sign for. */
  region: string;
  /** Endpoint URL (always set by botoscale). */
  endpoint?: string;
  /** Credentials or a credential provider. */
  credentials: CredentialsInput;
  /** Attempts per call. */
  maxAttempts?: number;
  /** The request handler. */
  requestHandler?: RequestHandlerInput;
  /** The SDK logger. */
  logger?: Logger;
}

/** What a service module tells the base about its service. */
export interface ServiceSpec<Client> {
  /** boto2's module name: `autoscale`, `cloudwatch`, `elb`, `ec2`. */
  name: string;
  /** First label of the AWS endpoint host: `autoscaling`, `monitoring`, ... */
  endpointPrefix: string;
  /** Suffix of the service's `AWS_ENDPOINT_URL_<X>` variable: `AUTO_SCALING`, ... */
  envEndpointName: string;
  /** boto config `[Boto]` key for the default region name. */
  botoRegionKey: string;
  /** boto config `[Boto]` key for the default endpoint. */
  botoEndpointKey: string;
  /** Creates the SDK client (loads the SDK module on first use). */
  createClient(config: SdkClientConfig): Promise<Client>;
}

/** Where a connection's settings came from, for debugging set-ups. */
export interface ConnectionProvenance {
  /** Where the region came from. */
  region: 'option' | 'boto config' | 'endpoint' | 'environment' | 'default';
  /** Where the endpoint came from. */
  endpoint: 'option' | 'region' | 'boto config' | 'environment' | 'default';
  /** Where the credentials came from. */
  credentials: CredentialSource;
}

function toUrl(endpoint: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}

const AWS_HOST = /(?:^|\.)(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;
const LEGACY_US_EAST_1_HOST = /^[a-z0-9-]+\.amazonaws\.com$/;

/** The region an AWS endpoint host names (`autoscaling.eu-west-1.amazonaws.com` → `eu-west-1`). */
function regionOfAwsHost(host: string): string | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const match = AWS_HOST.exec(name);
  if (match?.groups !== undefined) return match.groups.region;
  return LEGACY_US_EAST_1_HOST.test(name) ? DEFAULT_REGION : undefined;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(toUrl(endpoint)).host;
  } catch {
    return endpoint;
  }
}

function abortError(signal: AbortSignal): BotoClientError {
  const reason: unknown = signal.reason;
  // Not `instanceof Error`: the DOMException may come from another realm.
  const message = typeof reason === 'object' && reason !== null ? (reason as { message?: unknown }).message : undefined;
  const text = typeof message === 'string' ? message : reason === undefined ? 'aborted' : String(reason);
  return new BotoClientError(`request aborted before it was sent: ${text}`, { cause: reason });
}

/** Explicit constructor inputs of a connection, as boto2's positional arguments. */
export interface ConnectionArgs {
  /** The access key id argument. */
  awsAccessKeyId?: string;
  /** The secret access key argument. */
  awsSecretAccessKey?: string;
  /** The options argument. */
  options?: ConnectionOptions;
}

/** What a service's SDK client must offer the connection base. */
export interface DestroyableClient {
  /** Releases the client's sockets. */
  destroy(): void;
}

/**
 * Base of every service connection. Builds the SDK client on the first call, so that
 * creating a connection (and importing botoscale) stays cheap. A subclass's constructor
 * must accept `(options)` alone (as {@link connectionArgs} arranges), which is how
 * `conn.region.connect()` makes another connection of the same class.
 */
export abstract class AWSConnection<Client extends DestroyableClient> {
  /** The region this connection talks to. */
  readonly region: RegionInfo<this>;
  /** Host name of the endpoint (boto2's `host`). */
  readonly host: string;
  /** Where region, endpoint and credentials came from. */
  readonly provenance: ConnectionProvenance;
  /** The access key id in use, when known up front. */
  readonly awsAccessKeyId: string | undefined;
  /** Milliseconds each attempt of a call waits for its answer (see {@link ConnectionOptions.requestTimeout}). */
  readonly requestTimeout: number;

  readonly #spec: ServiceSpec<Client>;
  readonly #config: SdkClientConfig;
  readonly #endpointUrl: string;
  #client: Promise<Client> | undefined;

  protected constructor(spec: ServiceSpec<Client>, args: ConnectionArgs) {
    const options = args.options ?? {};
    const env = options.env ?? process.env;
    const boto = options.botoConfig ?? BotoConfig.load(env);
    this.#spec = spec;

    let regionName: string;
    let regionSource: ConnectionProvenance['region'];
    let regionEndpoint: string | undefined;
    if (options.region instanceof RegionInfo) {
      regionName = options.region.name;
      regionEndpoint = options.region.endpoint;
      regionSource = 'option';
    } else if (options.region !== undefined) {
      regionName = options.endpoint === undefined ? checkRegionName(options.region) : options.region;
      regionSource = 'option';
    } else if (boto.get('Boto', spec.botoRegionKey) !== undefined) {
      regionName = boto.get('Boto', spec.botoRegionKey) as string;
      regionSource = 'boto config';
    } else if (env.AWS_REGION || env.AWS_DEFAULT_REGION) {
      regionName = (env.AWS_REGION || env.AWS_DEFAULT_REGION) as string;
      regionSource = 'environment';
    } else {
      regionName = DEFAULT_REGION;
      regionSource = 'default';
    }

    let endpoint: string | undefined;
    let endpointSource: ConnectionProvenance['endpoint'];
    const botoEndpoint = boto.get('Boto', spec.botoEndpointKey);
    const envEndpoint = env[`AWS_ENDPOINT_URL_${spec.envEndpointName}`] || env.AWS_ENDPOINT_URL;
    if (options.endpoint !== undefined) {
      endpoint = options.endpoint;
      endpointSource = 'option';
    } else if (regionEndpoint !== undefined && regionEndpoint !== defaultEndpointHost(spec.endpointPrefix, regionName)) {
      endpoint = regionEndpoint;
      endpointSource = 'region';
    } else if (botoEndpoint !== undefined && regionSource !== 'option') {
      endpoint = botoEndpoint;
      endpointSource = 'boto config';
    } else if (envEndpoint) {
      endpoint = envEndpoint;
      endpointSource = 'environment';
    } else {
      endpointSource = 'default';
    }

    // An AWS endpoint names its region, and SigV4 must sign for that region: boto2's
    // tutorial has users set only `autoscale_endpoint`, and boto2 signs for the host's region.
    const endpointRegion = endpoint === undefined ? undefined : regionOfAwsHost(hostOf(endpoint));
    if (endpointRegion !== undefined && (regionSource === 'environment' || regionSource === 'default')) {
      regionName = endpointRegion;
      regionSource = 'endpoint';
    }

    const creds = resolveCredentials(
      {
        awsAccessKeyId: args.awsAccessKeyId,
        awsSecretAccessKey: args.awsSecretAccessKey,
        securityToken: options.securityToken,
        credentials: options.credentials,
        profile: options.profile,
        loopbackEndpoint: endpoint !== undefined && isLoopbackUrl(toUrl(endpoint)),
      },
      boto,
      env,
    );

    this.host = endpoint === undefined ? defaultEndpointHost(spec.endpointPrefix, regionName) : hostOf(endpoint);
    // As boto2's conn.region.connect(): every service connection takes (options) alone.
    const Same = this.constructor as new (options: ConnectionOptions) => this;
    this.region = new RegionInfo<this>(regionName, endpoint ?? this.host, (region, more) => new Same({ ...(more as ConnectionOptions), region }));
    this.provenance = { region: regionSource, endpoint: endpointSource, credentials: creds.source };
    this.awsAccessKeyId = creds.accessKeyId;
    this.#endpointUrl = endpoint === undefined ? `https://${this.host}` : toUrl(endpoint);
    this.requestTimeout = options.requestTimeout === undefined
      ? (botoSocketTimeout(boto.get('Boto', 'http_socket_timeout')) ?? DEFAULT_REQUEST_TIMEOUT_MS)
      : checkRequestTimeout(options.requestTimeout);
    this.#config = {
      region: regionName,
      // Always explicit: left to itself the SDK would also read AWS_ENDPOINT_URL* from
      // process.env (even when the env option says otherwise) and endpoint_url from the
      // shared config, sending requests somewhere other than the host this connection reports.
      endpoint: this.#endpointUrl,
      credentials: creds.credentials,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      requestHandler: new TimeoutHandler(options.requestHandler as HandlerInput, this.requestTimeout) as RequestHandlerInput,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    };
  }

  /** The endpoint URL requests go to. */
  get endpoint(): string {
    return this.#endpointUrl;
  }

  /** The underlying AWS SDK v3 client, created on first use. */
  client(): Promise<Client> {
    this.#client ??= this.#spec.createClient(this.#config);
    return this.#client;
  }

  /**
   * Sends one request through the SDK client and turns SDK errors into
   * {@link BotoServerError} / {@link BotoClientError}.
   * @internal
   */
  protected async call<R>(send: (client: Client, options: SdkCallOptions) => Promise<R>, options?: CallOptions): Promise<R> {
    let client: Client;
    try {
      client = await this.client();
    } catch (err) {
      this.#client = undefined;
      const message = typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message : String(err);
      throw new BotoClientError(`could not create the AWS SDK client: ${message}`, { cause: err });
    }
    const sdkOptions: SdkCallOptions = {};
    if (options?.signal !== undefined) sdkOptions.abortSignal = options.signal;
    if (options?.requestTimeout !== undefined) sdkOptions.requestTimeout = checkRequestTimeout(options.requestTimeout);
    try {
      // The SDK leaves abort checks to the request handler, and a custom handler may not
      // make any: an already aborted call must not be sent at all.
      if (options?.signal?.aborted) throw abortError(options.signal);
      return await send(client, sdkOptions);
    } catch (err) {
      throw timeoutError(err, this.#endpointUrl) ?? fromSdkError(err);
    }
  }

  /** Releases the SDK client's sockets. The connection can still be used; it makes a new client. */
  close(): void {
    const client = this.#client;
    this.#client = undefined;
    void client?.then((c) => c.destroy(), () => undefined);
  }

  /** boto2's repr: `AutoScaleConnection:autoscaling.us-east-1.amazonaws.com`. */
  toString(): string {
    return `${this.constructor.name}:${this.host}`;
  }

  /** Prints as `toString()` does. */
  [inspectCustom](): string {
    return this.toString();
  }

  /** Host, region, access key id and provenance; never the secret. */
  toJSON(): Record<string, unknown> {
    return { host: this.host, region: this.region.name, awsAccessKeyId: this.awsAccessKeyId, provenance: this.provenance };
  }
}

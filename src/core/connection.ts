/**
 * The connection base every service shares (boto2's `AWSQueryConnection`): its options
 * (region, endpoint and credentials, resolved by `settings.ts`), lazy creation of the AWS
 * SDK v3 client, and translation of SDK errors into botoscale's.
 *
 * @module
 */
import type { AutoScalingClientConfig } from '@aws-sdk/client-auto-scaling';
import type { AbsoluteLocation, BuildHandlerOptions, BuildMiddleware, Logger } from '@smithy/types';
import { BotoConfig } from './config';
import type { CredentialsInput, CredentialSource } from './credentials';
import { BotoClientError, fromSdkError } from './errors';
import { cachedRuleset, sdkHost, type EndpointRuleset, type EndpointVariant } from './endpoints';
import { RegionInfo } from './regions';
import { inspectCustom } from './repr';
import { declareSignatures } from './signature';
import { hostOf, resolveSettings, toUrl } from './settings';
import { checkRequestTimeout, TimeoutHandler, timeoutError, type HandlerInput } from './timeout';

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
 *   `AWS_ENDPOINT_URL` → the AWS SDK's own resolution for the region: its partitions, FIPS
 *   and dual-stack from `useFipsEndpoint` / `useDualstackEndpoint`, else
 *   `AWS_USE_FIPS_ENDPOINT` / `AWS_USE_DUALSTACK_ENDPOINT`, else the shared config file
 *   (`use_fips_endpoint`, `use_dualstack_endpoint`, `endpoint_url`), which the SDK reads on
 *   the first call: `host` shows what the first call used from then on.
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
  /** Use the service's FIPS endpoint (the SDK's `useFipsEndpoint`; default `AWS_USE_FIPS_ENDPOINT`, then the shared config). */
  useFipsEndpoint?: boolean;
  /** Use the service's dual-stack endpoint (the SDK's `useDualstackEndpoint`; default `AWS_USE_DUALSTACK_ENDPOINT`, then the shared config). */
  useDualstackEndpoint?: boolean;
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
  /**
   * The environment to read (`AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_USE_FIPS_ENDPOINT`, `BOTO_CONFIG`, ...);
   * default `process.env`. Given, it is the whole environment: the SDK is then told not to read
   * endpoint URLs or FIPS / dual-stack settings from process.env or its shared config.
   */
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
  /** Endpoint URL, when one was given; else the SDK resolves it. */
  endpoint?: string;
  /** FIPS endpoint, when an option or the environment says; else the SDK reads its shared config. */
  useFipsEndpoint?: boolean;
  /** Dual-stack endpoint, as `useFipsEndpoint`. */
  useDualstackEndpoint?: boolean;
  /** Set when an `env` option replaces process.env: the SDK must not read endpoint URLs from process.env or its shared config. */
  ignoreConfiguredEndpointUrls?: boolean;
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
  /**
   * The SDK client's endpoint ruleset, loaded synchronously (it loads the SDK client's
   * module, so it is called only when a host must be known before the first call).
   */
  endpointRuleset(): EndpointRuleset;
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
  /** The client's middleware stack: the connection notes the host each request is built for. */
  middlewareStack: HostWatchableStack;
}

/** The part of the SDK's middleware stack the connection uses. */
export interface HostWatchableStack {
  /** Adds a build-step middleware. */
  add(middleware: BuildMiddleware<object, object>, options: BuildHandlerOptions & AbsoluteLocation): void;
}

/** `host[:port]` of an SDK `HttpRequest`. */
function requestHost(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { hostname, port } = request as { hostname?: unknown; port?: unknown };
  if (typeof hostname !== 'string' || hostname === '') return undefined;
  return typeof port === 'number' ? `${hostname}:${port}` : hostname;
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
  /** Where region, endpoint and credentials came from. */
  readonly provenance: ConnectionProvenance;
  /** The access key id in use, when known up front. */
  readonly awsAccessKeyId: string | undefined;
  /** Milliseconds each attempt of a call waits for its answer (see {@link ConnectionOptions.requestTimeout}). */
  readonly requestTimeout: number;

  readonly #spec: ServiceSpec<Client>;
  readonly #config: SdkClientConfig;
  /** The host of an endpoint that was given; `undefined` when the SDK resolves it. */
  readonly #givenHost: string | undefined;
  readonly #givenUrl: string | undefined;
  readonly #variant: EndpointVariant;
  /** The host the SDK resolved for the region, before any call. */
  #resolvedHost: string | undefined;
  /** The host the last request was built for (the SDK's own choice, shared config included). */
  #sentHost: string | undefined;
  #client: Promise<Client> | undefined;

  protected constructor(spec: ServiceSpec<Client>, args: ConnectionArgs) {
    const options = args.options ?? {};
    const env = options.env ?? process.env;
    this.#spec = spec;
    const settings = resolveSettings(
      {
        botoRegionKey: spec.botoRegionKey,
        botoEndpointKey: spec.botoEndpointKey,
        envEndpointName: spec.envEndpointName,
        sdkHost: (region, variant) => this.#sdkHost(region, variant),
      },
      args,
      env,
      options.botoConfig ?? BotoConfig.load(env),
    );
    this.#givenUrl = settings.endpoint === undefined ? undefined : toUrl(settings.endpoint);
    this.#givenHost = settings.endpoint === undefined ? undefined : hostOf(settings.endpoint);
    this.#variant = settings.variant;
    this.#resolvedHost = settings.resolvedHost;
    // As boto2's conn.region.connect(): every service connection takes (options) alone.
    const Same = this.constructor as new (options: ConnectionOptions) => this;
    this.region = new RegionInfo<this>(settings.region, settings.endpoint ?? (() => this.host), (region, more) => new Same({ ...(more as ConnectionOptions), region }));
    this.provenance = settings.provenance;
    this.awsAccessKeyId = settings.accessKeyId;
    this.requestTimeout = settings.requestTimeout;
    this.#config = {
      region: settings.region,
      // Given only when one was: otherwise the SDK resolves it (partitions, FIPS,
      // dual-stack, its shared config), and the connection notes the host it used.
      ...(this.#givenUrl === undefined ? {} : { endpoint: this.#givenUrl }),
      ...(this.#variant.useFipsEndpoint === undefined ? {} : { useFipsEndpoint: this.#variant.useFipsEndpoint }),
      ...(this.#variant.useDualstackEndpoint === undefined ? {} : { useDualstackEndpoint: this.#variant.useDualstackEndpoint }),
      ...(settings.ownEnv ? {} : { ignoreConfiguredEndpointUrls: true }),
      credentials: settings.credentials,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      requestHandler: new TimeoutHandler(options.requestHandler as HandlerInput, this.requestTimeout) as RequestHandlerInput,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    };
  }

  /**
   * Host name of the endpoint (boto2's `host`): the one given, else the one the SDK
   * resolves for the region (computed from the SDK's endpoint ruleset with the FIPS and
   * dual-stack options and environment variables); once a call was made, the host the SDK
   * used, which also reflects settings only its shared config file holds.
   */
  get host(): string {
    return this.#givenHost ?? this.#sentHost ?? (this.#resolvedHost ??= this.#sdkHost(this.region.name));
  }

  /** The endpoint URL requests go to. */
  get endpoint(): string {
    return this.#givenUrl ?? `https://${this.host}`;
  }

  #sdkHost(region: string, variant: EndpointVariant = this.#variant): string {
    return sdkHost(cachedRuleset(this.#spec.endpointRuleset), this.#spec.endpointPrefix, region, variant);
  }

  /** The underlying AWS SDK v3 client, created on first use. */
  client(): Promise<Client> {
    this.#client ??= this.#spec.createClient(this.#config).then((client) => {
      client.middlewareStack.add(
        (next) => async (args) => {
          if (this.#givenHost === undefined) this.#sentHost = requestHost(args.request) ?? this.#sentHost;
          return next(args);
        },
        { step: 'build', name: 'botoscaleSentHost', override: true },
      );
      return client;
    });
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
      throw timeoutError(err, this.endpoint) ?? fromSdkError(err);
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

// Run-time argument checks (src/core/signature.ts): what every connection class inherits.
declareSignatures(AWSConnection, {
  client: '',
  close: '',
});

/**
 * The host the AWS SDK resolves for a service in a region, computed synchronously with the
 * SDK client's own endpoint ruleset (partition, DNS suffix, FIPS, dual-stack), so that a
 * connection can print its host before it sends anything; and the FIPS / dual-stack
 * settings from options and environment, read as the SDK reads them.
 *
 * @module
 */
import { BotoClientError } from './errors';

/** The endpoint parameters every botoscale service's ruleset takes. */
export interface EndpointRulesetParams {
  /** The SDK's rulesets take named parameters of these types. */
  [name: string]: string | boolean | string[] | undefined;
  /** Region name. */
  Region: string;
  /** Use the FIPS endpoint. */
  UseFIPS: boolean;
  /** Use the dual-stack (IPv4 and IPv6) endpoint. */
  UseDualStack: boolean;
}

/** What an endpoint ruleset resolves. */
export interface ResolvedEndpoint {
  /** The endpoint URL. */
  url: URL;
}

/** An SDK client's endpoint ruleset resolver (its `config.endpointProvider`). */
export type EndpointRuleset = (params: EndpointRulesetParams) => ResolvedEndpoint;

/** The part of an SDK client's resolved config {@link rulesetOf} reads. */
export interface RulesetConfig {
  /** The client's endpoint ruleset resolver. */
  endpointProvider: EndpointRuleset;
}

/** What {@link rulesetOf} needs of an SDK client made only to read its ruleset. */
export interface RulesetSource {
  /** The resolved client config. */
  config: RulesetConfig;
  /** Releases the client. */
  destroy(): void;
}

/** The ruleset of a client made for the purpose (never used to send), which it then releases. */
export function rulesetOf(client: RulesetSource): EndpointRuleset {
  const ruleset = client.config.endpointProvider;
  client.destroy();
  return ruleset;
}

/** The FIPS and dual-stack choice for a connection. */
export interface EndpointVariant {
  /** `true`/`false` when given by an option or the environment; `undefined` leaves it to the SDK (its shared config file). */
  useFipsEndpoint: boolean | undefined;
  /** As `useFipsEndpoint`, for dual-stack. */
  useDualstackEndpoint: boolean | undefined;
}

/** Reads `AWS_USE_FIPS_ENDPOINT`-style variables as the SDK does: `true`, `false`, or unset. */
function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new BotoClientError(`${name} must be "true" or "false", not ${JSON.stringify(value)}`);
}

/** The option, else the environment variable the SDK reads; `undefined` when neither says. */
export function endpointVariant(
  options: { useFipsEndpoint?: boolean; useDualstackEndpoint?: boolean },
  env: NodeJS.ProcessEnv,
): EndpointVariant {
  for (const key of ['useFipsEndpoint', 'useDualstackEndpoint'] as const) {
    const value: unknown = options[key];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new BotoClientError(`${key} must be true or false, not ${JSON.stringify(value)}`);
    }
  }
  return {
    useFipsEndpoint: options.useFipsEndpoint ?? envFlag(env, 'AWS_USE_FIPS_ENDPOINT'),
    useDualstackEndpoint: options.useDualstackEndpoint ?? envFlag(env, 'AWS_USE_DUALSTACK_ENDPOINT'),
  };
}

/**
 * The host the SDK resolves for the service in `region` with the variant (`false` where
 * unset). A combination the partition does not offer is a {@link BotoClientError} with
 * the SDK's words.
 */
export function sdkHost(ruleset: EndpointRuleset, serviceName: string, region: string, variant: EndpointVariant): string {
  const params = { Region: region, UseFIPS: variant.useFipsEndpoint ?? false, UseDualStack: variant.useDualstackEndpoint ?? false };
  try {
    return ruleset(params).url.host;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new BotoClientError(`no ${serviceName} endpoint in ${region} with useFipsEndpoint ${params.UseFIPS} and useDualstackEndpoint ${params.UseDualStack}: ${message}`, { cause: err });
  }
}

const loaded = new WeakMap<() => EndpointRuleset, EndpointRuleset>();

/** `load()`'s ruleset, loaded once per process (loading it loads the SDK client's module). */
export function cachedRuleset(load: () => EndpointRuleset): EndpointRuleset {
  let ruleset = loaded.get(load);
  if (ruleset === undefined) {
    ruleset = load();
    loaded.set(load, ruleset);
  }
  return ruleset;
}

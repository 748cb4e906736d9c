/**
 * Where a connection's credentials come from, in the documented order: explicit
 * arguments, then boto2's config files, then the AWS SDK's own provider chain.
 *
 * @module
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { BotoConfig } from './config';
import { BotoClientError } from './errors';

/** Credentials as accepted by a connection: fixed keys or any AWS SDK credential provider. */
export type CredentialsInput = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** What was used to pick the credentials (never the secret itself). */
export type CredentialSource =
  | 'arguments' | 'credentials option' | 'boto config' | 'boto config profile' | 'environment' | 'sdk profile' | 'sdk chain'
  | 'sdk chain, else local placeholder';

/** The explicit inputs a connection was given. */
export interface CredentialInputs {
  /** Access key id given as an argument. */
  awsAccessKeyId?: string;
  /** Secret access key given as an argument. */
  awsSecretAccessKey?: string;
  /** Session token to go with the keys. */
  securityToken?: string;
  /** The `credentials` option. */
  credentials?: CredentialsInput;
  /** The `profile` option. */
  profile?: string;
  /** Whether the endpoint is on this machine (botoscale local), where any key is accepted. */
  loopbackEndpoint?: boolean;
}

/** The resolved credentials (or provider) and where they came from. */
export interface ResolvedCredentials {
  /** Where they came from. */
  source: CredentialSource;
  /** The access key id when known up front (for display; the secret is never kept here). */
  accessKeyId?: string;
  /** What the SDK client is given. */
  credentials: CredentialsInput;
}

// Keys botoscale found itself are handed over as a provider (a closure), never as an
// object holding the secret, so that printing what resolveCredentials returns, or the SDK
// client's config, cannot show it.
function fixed(accessKeyId: string, secretAccessKey: string, sessionToken?: string): AwsCredentialIdentityProvider {
  const identity: AwsCredentialIdentity = sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  return async () => identity;
}

// Loaded on first use so that importing botoscale does not load the provider chain.
function lazyProvider(make: (mod: typeof import('@aws-sdk/credential-providers')) => AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let provider: AwsCredentialIdentityProvider | undefined;
  return async (props) => {
    provider ??= make(await import('@aws-sdk/credential-providers'));
    return provider(props);
  };
}

/** The SDK's file and profile settings as the environment read gives them. */
function sdkFileSettings(env: NodeJS.ProcessEnv, profile?: string): { profile?: string; filepath?: string; configFilepath?: string } {
  const p = profile ?? (env.AWS_PROFILE || undefined);
  return {
    ...(p === undefined ? {} : { profile: p }),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
  };
}

/**
 * Picks credentials: explicit keys, `credentials`, `profile` (boto config `[profile NAME]`,
 * else the AWS shared files), boto config `[Credentials]`, then the AWS SDK's chain, which
 * reads `env` (default `process.env`): `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` /
 * `AWS_SESSION_TOKEN` (skipped when `AWS_PROFILE` is set, as the SDK does), `AWS_PROFILE`,
 * `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`, then SSO, process, web identity,
 * container and instance metadata.
 */
export function resolveCredentials(inputs: CredentialInputs, config: BotoConfig, env: NodeJS.ProcessEnv = process.env): ResolvedCredentials {
  const { awsAccessKeyId, awsSecretAccessKey } = inputs;
  if (awsAccessKeyId !== undefined && awsSecretAccessKey !== undefined) {
    return { source: 'arguments', accessKeyId: awsAccessKeyId, credentials: fixed(awsAccessKeyId, awsSecretAccessKey, inputs.securityToken) };
  }
  if (awsAccessKeyId !== undefined || awsSecretAccessKey !== undefined) {
    // Falling through to other credentials would silently use a different account.
    throw new BotoClientError(awsAccessKeyId === undefined ? 'awsAccessKeyId is required with awsSecretAccessKey' : 'awsSecretAccessKey is required with awsAccessKeyId');
  }
  if (inputs.credentials !== undefined) {
    const c = inputs.credentials;
    return { source: 'credentials option', accessKeyId: typeof c === 'function' ? undefined : c.accessKeyId, credentials: c };
  }
  if (inputs.profile !== undefined) {
    const section = `profile ${inputs.profile}`;
    const id = config.get(section, 'aws_access_key_id');
    const secret = config.get(section, 'aws_secret_access_key');
    if (id !== undefined && secret !== undefined) {
      return { source: 'boto config profile', accessKeyId: id, credentials: fixed(id, secret, config.get(section, 'aws_security_token')) };
    }
    const settings = sdkFileSettings(env, inputs.profile);
    return { source: 'sdk profile', credentials: lazyProvider((m) => m.fromIni(settings)) };
  }
  const id = config.get('Credentials', 'aws_access_key_id');
  const secret = config.get('Credentials', 'aws_secret_access_key');
  if (id !== undefined && secret !== undefined) {
    return { source: 'boto config', accessKeyId: id, credentials: fixed(id, secret, config.get('Credentials', 'aws_security_token')) };
  }
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY && !env.AWS_PROFILE) {
    return { source: 'environment', accessKeyId: env.AWS_ACCESS_KEY_ID, credentials: fixed(env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN || undefined) };
  }
  const settings = sdkFileSettings(env);
  const chain = lazyProvider((m) => m.fromNodeProviderChain(settings));
  if (inputs.loopbackEndpoint === true) return { source: 'sdk chain, else local placeholder', credentials: orLocalPlaceholder(chain) };
  return { source: 'sdk chain', credentials: chain };
}

/**
 * Keys that are no secret, for an endpoint on this machine when no credentials are set
 * up anywhere: botoscale local accepts any key, so trying it from a fresh machine's REPL
 * needs no AWS account and no made-up keys. A local endpoint started with `--auth` still
 * refuses them.
 */
export const LOCAL_PLACEHOLDER_KEYS: Readonly<AwsCredentialIdentity> = Object.freeze({ accessKeyId: 'botoscale-local', secretAccessKey: 'botoscale-local' });

function orLocalPlaceholder(chain: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return async (props) => {
    try {
      return await chain(props);
    } catch (err) {
      if ((err as { name?: unknown } | undefined)?.name !== 'CredentialsProviderError') throw err;
      return { ...LOCAL_PLACEHOLDER_KEYS };
    }
  };
}

/** Whether an endpoint URL's host is this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

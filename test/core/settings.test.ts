/**
 * resolveSettings on its own: the precedence rules of the README's "Connections, regions
 * and credentials" for region, endpoint, credentials, the FIPS / dual-stack variant and
 * the request timeout, with the source each setting came from.
 *
 * @module
 */
import { BotoConfig, type BotoConfigSections } from '../../src/core/config';
import type { ConnectionOptions } from '../../src/core/connection';
import { BotoClientError } from '../../src/core/errors';
import type { EndpointVariant } from '../../src/core/endpoints';
import { RegionInfo } from '../../src/core/regions';
import { resolveSettings, type SettingsService } from '../../src/core/settings';

/** A service whose SDK hosts are `autoscaling[-fips].<region>.amazonaws.com`, and which has no dual-stack host. */
const service: SettingsService = {
  botoRegionKey: 'autoscale_region_name',
  botoEndpointKey: 'autoscale_endpoint',
  envEndpointName: 'AUTO_SCALING',
  sdkHost(region: string, variant: EndpointVariant): string {
    if (variant.useDualstackEndpoint === true) throw new BotoClientError(`no dual-stack endpoint in ${region}`);
    return `autoscaling${variant.useFipsEndpoint === true ? '-fips' : ''}.${region}.amazonaws.com`;
  },
};

function resolve(options: ConnectionOptions = {}, env: NodeJS.ProcessEnv = {}, boto: BotoConfigSections = {}, keys: { id?: string; secret?: string } = {}) {
  return resolveSettings(service, { awsAccessKeyId: keys.id, awsSecretAccessKey: keys.secret, options }, env, new BotoConfig(boto));
}

const BOTO_REGION = { Boto: { autoscale_region_name: 'eu-west-1' } };
const ENV_REGIONS = { AWS_REGION: 'ap-southeast-2', AWS_DEFAULT_REGION: 'sa-east-1' };

describe('region', () => {
  it('is the option first, over the boto config and the environment', () => {
    const s = resolve({ region: 'us-west-2' }, ENV_REGIONS, BOTO_REGION);
    expect([s.region, s.provenance.region]).toEqual(['us-west-2', 'option']);
  });

  it('is the name of a RegionInfo given as the option', () => {
    const s = resolve({ region: new RegionInfo('eu-central-1', 'autoscaling.eu-central-1.amazonaws.com') }, ENV_REGIONS);
    expect([s.region, s.provenance.region]).toEqual(['eu-central-1', 'option']);
  });

  it('refuses an unknown region name given without an endpoint, and takes any with one', () => {
    expect(() => resolve({ region: 'mars-1' })).toThrow('unknown region "mars-1"; known regions: ');
    expect(resolve({ region: 'mars-1', endpoint: 'http://127.0.0.1:4599' }).region).toBe('mars-1');
  });

  it('is the boto config [Boto] <svc>_region_name next, over the environment', () => {
    const s = resolve({}, ENV_REGIONS, BOTO_REGION);
    expect([s.region, s.provenance.region]).toEqual(['eu-west-1', 'boto config']);
  });

  it('is AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', () => {
    expect([resolve({}, ENV_REGIONS).region, resolve({}, ENV_REGIONS).provenance.region]).toEqual(['ap-southeast-2', 'environment']);
    expect(resolve({}, { AWS_DEFAULT_REGION: 'sa-east-1' }).region).toBe('sa-east-1');
    const s = resolve();
    expect([s.region, s.provenance.region]).toEqual(['us-east-1', 'default']);
  });

  it('is the region an AWS endpoint host names, over the environment and the default', () => {
    const s = resolve({}, { ...ENV_REGIONS, AWS_ENDPOINT_URL: 'https://autoscaling.eu-west-3.amazonaws.com' });
    expect([s.region, s.provenance.region]).toEqual(['eu-west-3', 'endpoint']);
    expect(resolve({}, {}, { Boto: { autoscale_endpoint: 'autoscaling.eu-north-1.amazonaws.com' } }).region).toBe('eu-north-1');
  });

  it('is not the endpoint host\'s when given as an option or in the boto config', () => {
    expect(resolve({ region: 'us-west-2', endpoint: 'autoscaling.eu-west-3.amazonaws.com' }).region).toBe('us-west-2');
    expect(resolve({ endpoint: 'autoscaling.eu-west-3.amazonaws.com' }, {}, BOTO_REGION).region).toBe('eu-west-1');
  });

  it('is not changed by an endpoint that names no AWS region', () => {
    expect(resolve({ endpoint: 'http://127.0.0.1:4599' }, ENV_REGIONS).region).toBe('ap-southeast-2');
  });
});

describe('endpoint', () => {
  const ENV_ENDPOINTS = { AWS_ENDPOINT_URL_AUTO_SCALING: 'http://localhost:1001', AWS_ENDPOINT_URL: 'http://localhost:1002' };
  const BOTO_ENDPOINT = { Boto: { autoscale_endpoint: 'http://localhost:1003' } };

  it('is the option first, as given', () => {
    const s = resolve({ endpoint: 'proxy.example.com' }, ENV_ENDPOINTS, BOTO_ENDPOINT);
    expect([s.endpoint, s.provenance.endpoint]).toEqual(['proxy.example.com', 'option']);
  });

  it('is a RegionInfo\'s endpoint next, unless it is the SDK\'s own host for the region', () => {
    const own = resolve({ region: new RegionInfo('eu-west-1', 'http://localhost:1004') }, ENV_ENDPOINTS, BOTO_ENDPOINT);
    expect([own.endpoint, own.provenance.endpoint]).toEqual(['http://localhost:1004', 'region']);
    const sdks = resolve({ region: new RegionInfo('eu-west-1', 'autoscaling.eu-west-1.amazonaws.com') });
    expect([sdks.endpoint, sdks.provenance.endpoint]).toEqual([undefined, 'default']);
  });

  it('is the boto config [Boto] <svc>_endpoint next, skipped when a region is given', () => {
    const s = resolve({}, ENV_ENDPOINTS, BOTO_ENDPOINT);
    expect([s.endpoint, s.provenance.endpoint]).toEqual(['http://localhost:1003', 'boto config']);
    const withRegion = resolve({ region: 'us-west-2' }, ENV_ENDPOINTS, BOTO_ENDPOINT);
    expect([withRegion.endpoint, withRegion.provenance.endpoint]).toEqual(['http://localhost:1001', 'environment']);
  });

  it('is AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL', () => {
    expect(resolve({}, ENV_ENDPOINTS).endpoint).toBe('http://localhost:1001');
    expect(resolve({}, { AWS_ENDPOINT_URL: 'http://localhost:1002' }).endpoint).toBe('http://localhost:1002');
  });

  it('is left to the SDK when none is given', () => {
    const s = resolve({ region: 'eu-west-1' });
    expect([s.endpoint, s.provenance.endpoint, s.resolvedHost]).toEqual([undefined, 'default', undefined]);
  });
});

describe('FIPS and dual-stack', () => {
  it('come from the options, over AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT', () => {
    const s = resolve({ useFipsEndpoint: false }, { AWS_USE_FIPS_ENDPOINT: 'true' });
    expect(s.variant).toEqual({ useFipsEndpoint: false, useDualstackEndpoint: false });
    const fips = resolve({ region: 'us-west-2', useFipsEndpoint: true });
    expect([fips.variant.useFipsEndpoint, fips.resolvedHost]).toEqual([true, 'autoscaling-fips.us-west-2.amazonaws.com']);
  });

  it('come from the environment when the options say nothing', () => {
    const s = resolve({ region: 'us-west-2' }, { AWS_USE_FIPS_ENDPOINT: 'true' });
    expect([s.variant.useFipsEndpoint, s.resolvedHost]).toEqual([true, 'autoscaling-fips.us-west-2.amazonaws.com']);
  });

  it('are left to the SDK\'s shared config only when the environment is process.env', () => {
    expect(resolve({ region: 'us-west-2' }).variant).toEqual({ useFipsEndpoint: false, useDualstackEndpoint: false });
    expect(resolve({ region: 'us-west-2' }).ownEnv).toBe(false);
    const own = resolveSettings(service, { options: { region: 'us-west-2' } }, process.env, new BotoConfig());
    expect(own.ownEnv).toBe(true);
  });

  it('do not apply to an endpoint that was given', () => {
    expect(resolve({ endpoint: 'http://127.0.0.1:4599', useFipsEndpoint: true }).variant).toEqual({ useFipsEndpoint: undefined, useDualstackEndpoint: undefined });
  });

  it('refuse, up front, a variant the partition does not have, and a value that is not a boolean', () => {
    expect(() => resolve({ useDualstackEndpoint: true })).toThrow('no dual-stack endpoint in us-east-1');
    expect(() => resolve({ useFipsEndpoint: 'yes' as unknown as boolean })).toThrow('useFipsEndpoint must be true or false, not "yes"');
  });
});

describe('credentials', () => {
  const BOTO_CREDS = { Credentials: { aws_access_key_id: 'BOTOKEY', aws_secret_access_key: 'botosecret' } };
  const ENV_CREDS = { AWS_ACCESS_KEY_ID: 'ENVKEY', AWS_SECRET_ACCESS_KEY: 'envsecret' };

  it('are the access key arguments first', () => {
    const s = resolve({ credentials: { accessKeyId: 'OPTKEY', secretAccessKey: 'x' } }, ENV_CREDS, BOTO_CREDS, { id: 'ARGKEY', secret: 'argsecret' });
    expect([s.accessKeyId, s.provenance.credentials]).toEqual(['ARGKEY', 'arguments']);
  });

  it('refuse a key id without its secret, and the reverse', () => {
    expect(() => resolve({}, ENV_CREDS, {}, { id: 'ARGKEY' })).toThrow('awsSecretAccessKey is required with awsAccessKeyId');
    expect(() => resolve({}, ENV_CREDS, {}, { secret: 's' })).toThrow('awsAccessKeyId is required with awsSecretAccessKey');
  });

  it('are the credentials option next, then a boto config profile', () => {
    const option = resolve({ credentials: { accessKeyId: 'OPTKEY', secretAccessKey: 'x' }, profile: 'dev' }, ENV_CREDS, BOTO_CREDS);
    expect([option.accessKeyId, option.provenance.credentials]).toEqual(['OPTKEY', 'credentials option']);
    const profile = resolve({ profile: 'dev' }, ENV_CREDS, { ...BOTO_CREDS, 'profile dev': { aws_access_key_id: 'DEVKEY', aws_secret_access_key: 'devsecret' } });
    expect([profile.accessKeyId, profile.provenance.credentials]).toEqual(['DEVKEY', 'boto config profile']);
  });

  it('are the boto config [Credentials] next, then the environment, then the SDK chain', () => {
    expect(resolve({}, ENV_CREDS, BOTO_CREDS).provenance.credentials).toBe('boto config');
    const env = resolve({}, ENV_CREDS);
    expect([env.accessKeyId, env.provenance.credentials]).toEqual(['ENVKEY', 'environment']);
    const chain = resolve();
    expect([chain.accessKeyId, chain.provenance.credentials]).toEqual([undefined, 'sdk chain']);
  });

  it('fall back to the local placeholder only for an endpoint on this machine', () => {
    expect(resolve({ endpoint: 'http://127.0.0.1:4599' }).provenance.credentials).toBe('sdk chain, else local placeholder');
    expect(resolve({}, { AWS_ENDPOINT_URL: 'http://localhost:4599' }).provenance.credentials).toBe('sdk chain, else local placeholder');
    expect(resolve({ endpoint: 'https://proxy.example.com' }).provenance.credentials).toBe('sdk chain');
  });
});

describe('request timeout', () => {
  it('is the option, then the boto config http_socket_timeout (seconds), then 70 s', () => {
    const boto = { Boto: { http_socket_timeout: '5' } };
    expect(resolve({ requestTimeout: 1234 }, {}, boto).requestTimeout).toBe(1234);
    expect(resolve({}, {}, boto).requestTimeout).toBe(5000);
    expect(resolve().requestTimeout).toBe(70_000);
  });

  it('refuses a value that is not a positive number', () => {
    expect(() => resolve({ requestTimeout: 0 })).toThrow(BotoClientError);
  });
});

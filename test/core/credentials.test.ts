/**
 * Credential resolution, in the documented order: explicit keys → `credentials` option →
 * `profile` (boto config `[profile NAME]`, else the AWS shared files) → boto config
 * `[Credentials]` → the AWS SDK's chain (AWS_ACCESS_KEY_ID…, AWS_PROFILE, the shared
 * credentials and config files, …). Each case is checked on the wire: the key id in the
 * Authorization header of the request sent.
 */
import { AutoScaleConnection } from '../../src/autoscale';
import { BotoClientError, BotoConfig, type ConnectionOptions } from '../../src/core';
import { isLoopbackUrl } from '../../src/core/credentials';
import { WireMock } from '../helpers/wire';
import { replyLimits, signedKeyId } from './conns';
import { tempFile } from './tmp';

const SECRET = 'credTestSECRET/abcdefghijklmnopqrstuvwxyz01';

function conn(id?: string, secret?: string, options: ConnectionOptions = {}): { conn: AutoScaleConnection; wire: WireMock } {
  const wire = new WireMock();
  const c = new AutoScaleConnection(id, secret, { env: {}, botoConfig: new BotoConfig(), maxAttempts: 1, requestHandler: wire.handler, ...options });
  return { conn: c, wire };
}

async function keyUsed(c: AutoScaleConnection, wire: WireMock): Promise<{ keyId: string | undefined; token: string | undefined }> {
  replyLimits(wire);
  await c.getAccountLimits();
  return { keyId: signedKeyId(wire.last.headers), token: wire.last.headers['x-amz-security-token'] };
}

describe('explicit arguments come first', () => {
  test('keys given to the constructor, as in the tutorial', async () => {
    const { conn: c, wire } = conn('AKIDARGS', SECRET, {
      botoConfig: new BotoConfig({ Credentials: { aws_access_key_id: 'AKIDBOTO', aws_secret_access_key: 'x' } }),
      env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'y' },
    });
    expect(c.provenance.credentials).toBe('arguments');
    expect(c.awsAccessKeyId).toBe('AKIDARGS');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDARGS', token: undefined });
  });

  test('securityToken goes with them (boto2\'s security_token)', async () => {
    const { conn: c, wire } = conn('ASIATEMP', SECRET, { securityToken: 'session-token-1' });
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'ASIATEMP', token: 'session-token-1' });
  });

  test('the credentials option: fixed keys or any SDK provider', async () => {
    const a = conn(undefined, undefined, { credentials: { accessKeyId: 'AKIDOBJ', secretAccessKey: SECRET } });
    expect(a.conn.provenance.credentials).toBe('credentials option');
    expect(a.conn.awsAccessKeyId).toBe('AKIDOBJ');
    expect(await keyUsed(a.conn, a.wire)).toEqual({ keyId: 'AKIDOBJ', token: undefined });
    let calls = 0;
    const b = conn(undefined, undefined, { credentials: async () => { calls += 1; return { accessKeyId: 'AKIDFN', secretAccessKey: SECRET, sessionToken: 'tok' }; } });
    expect(b.conn.awsAccessKeyId).toBeUndefined();
    expect(await keyUsed(b.conn, b.wire)).toEqual({ keyId: 'AKIDFN', token: 'tok' });
    expect(calls).toBe(1);
  });

  test('an access key id without its secret (or the reverse) is a BotoClientError, not another account\'s keys', () => {
    const boto = new BotoConfig({ Credentials: { aws_access_key_id: 'AKIDBOTO', aws_secret_access_key: 'x' } });
    expect(() => new AutoScaleConnection('AKIDONLY', undefined, { botoConfig: boto, env: {} })).toThrow(new BotoClientError('awsSecretAccessKey is required with awsAccessKeyId'));
    expect(() => new AutoScaleConnection(undefined, SECRET, { botoConfig: boto, env: {} })).toThrow(new BotoClientError('awsAccessKeyId is required with awsSecretAccessKey'));
  });
});

describe('then profiles', () => {
  test('[profile NAME] of the boto config', async () => {
    const file = tempFile('boto.cfg', `[Credentials]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = x\n\n[profile dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = ${SECRET}\naws_security_token = dev-token\n`);
    const { conn: c, wire } = conn(undefined, undefined, { profile: 'dev', botoConfig: undefined, env: { BOTO_CONFIG: file } });
    expect(c.provenance.credentials).toBe('boto config profile');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDDEV', token: 'dev-token' });
  });

  test('else that profile of the AWS shared credentials file', async () => {
    const creds = tempFile('credentials', `[default]\naws_access_key_id = AKIDSHAREDDEFAULT\naws_secret_access_key = x\n\n[staging]\naws_access_key_id = AKIDSTAGING\naws_secret_access_key = ${SECRET}\n`);
    const { conn: c, wire } = conn(undefined, undefined, { profile: 'staging', env: { AWS_SHARED_CREDENTIALS_FILE: creds, AWS_CONFIG_FILE: '/nonexistent/config' } });
    expect(c.provenance.credentials).toBe('sdk profile');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDSTAGING', token: undefined });
  });
});

describe('then the boto config [Credentials]', () => {
  test('read from BOTO_CONFIG; it outranks the environment', async () => {
    const file = tempFile('boto.cfg', `[Credentials]\naws_access_key_id = AKIDBOTOFILE\naws_secret_access_key = ${SECRET}\n`);
    const { conn: c, wire } = conn(undefined, undefined, { botoConfig: undefined, env: { BOTO_CONFIG: file, AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'y' } });
    expect(c.provenance.credentials).toBe('boto config');
    expect(c.awsAccessKeyId).toBe('AKIDBOTOFILE');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDBOTOFILE', token: undefined });
  });

  test('with aws_security_token', async () => {
    const { conn: c, wire } = conn(undefined, undefined, {
      botoConfig: new BotoConfig({ Credentials: { aws_access_key_id: 'ASIABOTO', aws_secret_access_key: SECRET, aws_security_token: 'boto-token' } }),
    });
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'ASIABOTO', token: 'boto-token' });
  });

  test('only the id, or only the secret, in the file is not enough: the SDK chain is next', async () => {
    const { conn: c, wire } = conn(undefined, undefined, {
      botoConfig: new BotoConfig({ Credentials: { aws_access_key_id: 'AKIDHALF' } }),
      env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: SECRET },
    });
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDENV', token: undefined });
  });
});

describe('then the AWS SDK chain', () => {
  test('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', async () => {
    const { conn: c, wire } = conn(undefined, undefined, { env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: 'env-token' } });
    expect(c.provenance.credentials).toBe('environment');
    expect(c.awsAccessKeyId).toBe('AKIDENV');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDENV', token: 'env-token' });
  });

  test('the shared credentials file (AWS_SHARED_CREDENTIALS_FILE), default profile', async () => {
    const creds = tempFile('credentials', `[default]\naws_access_key_id = AKIDSHARED\naws_secret_access_key = ${SECRET}\n`);
    const { conn: c, wire } = conn(undefined, undefined, { env: { AWS_SHARED_CREDENTIALS_FILE: creds, AWS_CONFIG_FILE: '/nonexistent/config' } });
    expect(c.provenance.credentials).toBe('sdk chain');
    expect(c.awsAccessKeyId).toBeUndefined();
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDSHARED', token: undefined });
  });

  test('AWS_PROFILE picks the profile, and then (as in the SDK) the key variables are skipped', async () => {
    const creds = tempFile('credentials', `[default]\naws_access_key_id = AKIDSHAREDDEFAULT\naws_secret_access_key = x\n[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ${SECRET}\n`);
    const { conn: c, wire } = conn(undefined, undefined, {
      env: { AWS_PROFILE: 'ci', AWS_SHARED_CREDENTIALS_FILE: creds, AWS_CONFIG_FILE: '/nonexistent/config', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'y' },
    });
    expect(c.provenance.credentials).toBe('sdk chain');
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDCI', token: undefined });
  });

  test('keys in the AWS config file (AWS_CONFIG_FILE) under [profile NAME]', async () => {
    const config = tempFile('config', `[profile ops]\naws_access_key_id = AKIDCONFIGFILE\naws_secret_access_key = ${SECRET}\nregion = eu-west-1\n`);
    const { conn: c, wire } = conn(undefined, undefined, { env: { AWS_PROFILE: 'ops', AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' } });
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDCONFIGFILE', token: undefined });
  });

  describe('from process.env when no env option is given', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    });

    test('AWS_ACCESS_KEY_ID in process.env', async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDPROCESS';
      process.env.AWS_SECRET_ACCESS_KEY = SECRET;
      const wire = new WireMock();
      const c = new AutoScaleConnection({ requestHandler: wire.handler, maxAttempts: 1 });
      expect(c.provenance.credentials).toBe('environment');
      expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDPROCESS', token: undefined });
    });

    test('AWS_SHARED_CREDENTIALS_FILE in process.env', async () => {
      process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile('credentials', `[default]\naws_access_key_id = AKIDPROCESSFILE\naws_secret_access_key = ${SECRET}\n`);
      const wire = new WireMock();
      const c = new AutoScaleConnection({ requestHandler: wire.handler, maxAttempts: 1 });
      expect(c.provenance.credentials).toBe('sdk chain');
      expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDPROCESSFILE', token: undefined });
    });
  });

  test('no credentials anywhere: a BotoClientError, and nothing is sent', async () => {
    const { conn: c, wire } = conn(undefined, undefined, { env: { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_CONFIG_FILE: '/nonexistent/config' } });
    replyLimits(wire);
    const err = await c.getAccountLimits().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toMatch(/^no AWS credentials found: /);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('an endpoint on this machine (botoscale local) with no credentials set up', () => {
  const nowhere = { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_CONFIG_FILE: '/nonexistent/config' };

  test('signs with placeholder keys instead of failing', async () => {
    for (const endpoint of ['http://127.0.0.1:4599', 'http://localhost:4599', 'http://[::1]:4599']) {
      const { conn: c, wire } = conn(undefined, undefined, { env: nowhere, endpoint });
      expect(c.provenance.credentials).toBe('sdk chain, else local placeholder');
      expect(await keyUsed(c, wire)).toEqual({ keyId: 'botoscale-local', token: undefined });
    }
  });

  test('still prefers credentials that are set up', async () => {
    const file = tempFile('credentials', '[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n');
    const { conn: c, wire } = conn(undefined, undefined, { env: { ...nowhere, AWS_SHARED_CREDENTIALS_FILE: file }, endpoint: 'http://127.0.0.1:4599' });
    expect(await keyUsed(c, wire)).toEqual({ keyId: 'AKIDFILE', token: undefined });
  });

  test('a remote endpoint still needs real credentials', async () => {
    const { conn: c, wire } = conn(undefined, undefined, { env: nowhere, endpoint: 'http://10.1.2.3:4599' });
    expect(c.provenance.credentials).toBe('sdk chain');
    replyLimits(wire);
    expect(await c.getAccountLimits().catch((e: unknown) => (e as Error).message)).toMatch(/^no AWS credentials found: /);
  });

  test('isLoopbackUrl', () => {
    expect(['http://127.0.0.1:1', 'http://127.1.2.3', 'http://localhost', 'http://api.localhost:9', 'http://[::1]:4599'].map(isLoopbackUrl)).toEqual([true, true, true, true, true]);
    expect(['http://10.0.0.1', 'https://autoscaling.us-east-1.amazonaws.com', 'http://127.0.0.1.example.com', 'not a url'].map(isLoopbackUrl)).toEqual([false, false, false, false]);
  });
});

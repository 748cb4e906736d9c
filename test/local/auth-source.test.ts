/**
 * --auth-file FILE and BOTOSCALE_LOCAL_AUTH as the safe alternatives to --auth (issue 13,
 * failure 6): precedence, clear errors that never echo the secret, the warning when
 * listening beyond loopback without auth, and the secret absent from the command line.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import type { LocalEndpoint } from '../../src/local';
import { AuthSourceError, chooseAuth, isLoopback, readAuthFile } from '../../src/local/auth-source';
import { main } from '../../src/local/cli';
import { clientConfig, raw } from './helpers';

const ROOT = join(__dirname, '../..');
const SECRET = 'file-secret-do-not-print';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'botoscale-auth-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof AuthSourceError) return err.message;
    throw err;
  }
  throw new Error('did not throw');
}

describe('reading the key pair', () => {
  test('an auth file holds one line KEY:SECRET; a final line break and blanks around it are fine', () => {
    for (const content of [`AKIDFILE:${SECRET}`, `AKIDFILE:${SECRET}\n`, `  AKIDFILE:${SECRET}\r\n`]) {
      expect(readAuthFile(file('ok', content))).toEqual({ accessKeyId: 'AKIDFILE', secretAccessKey: SECRET });
    }
  });

  test('a bad auth file is a clear error that names the file and never shows its content', () => {
    const shape = (p: string) => `--auth-file ${p} must hold one line, KEY:SECRET, an access key id and its secret separated by a colon`;
    for (const content of ['', '\n', SECRET, `AKIDFILE:${SECRET}\nsecond-line`, `AKIDFILE:`, `:${SECRET}`, `AKID FILE:${SECRET}`, `AKIDFILE:${SECRET}${'x'.repeat(5000)}`]) {
      const p = file('bad', content);
      const message = thrown(() => readAuthFile(p));
      expect(message).toBe(shape(p));
      expect(message).not.toContain(SECRET);
    }
    expect(thrown(() => readAuthFile(join(dir, 'missing')))).toBe(`--auth-file ${join(dir, 'missing')} cannot be read (ENOENT)`);
    expect(thrown(() => readAuthFile(dir))).toBe(`--auth-file ${dir} cannot be read (EISDIR)`);
  });

  test('--auth wins over --auth-file, which wins over BOTOSCALE_LOCAL_AUTH; a bad variable is an error', () => {
    const f = file('pair', `AKIDFILE:${SECRET}\n`);
    expect(chooseAuth({ flag: 'AKIDFLAG:flag-secret', file: f, env: 'AKIDENV:env-secret' })).toEqual({ credentials: { accessKeyId: 'AKIDFLAG', secretAccessKey: 'flag-secret' }, source: '--auth' });
    expect(chooseAuth({ file: f, env: 'AKIDENV:env-secret' })).toEqual({ credentials: { accessKeyId: 'AKIDFILE', secretAccessKey: SECRET }, source: '--auth-file' });
    expect(chooseAuth({ env: 'AKIDENV:env-secret' })).toEqual({ credentials: { accessKeyId: 'AKIDENV', secretAccessKey: 'env-secret' }, source: 'BOTOSCALE_LOCAL_AUTH' });
    expect(chooseAuth({ env: '' })).toBeUndefined();
    expect(chooseAuth({})).toBeUndefined();
    // The lower sources are not read when a higher one is given.
    expect(chooseAuth({ flag: 'AKIDFLAG:flag-secret', file: join(dir, 'missing'), env: 'garbage' })?.source).toBe('--auth');
    expect(thrown(() => chooseAuth({ env: 'env-secret-without-key' }))).toBe('BOTOSCALE_LOCAL_AUTH takes KEY:SECRET, an access key id and its secret separated by a colon');
  });

  test('loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect([h, isLoopback(h)]).toEqual([h, true]);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '::ffff:10.0.0.1']) expect([h, isLoopback(h)]).toEqual([h, false]);
  });
});

interface Run {
  code: Promise<number>;
  out: string[];
  err: string[];
  signals: EventEmitter;
  listening: Promise<LocalEndpoint>;
}

function start(argv: string[], env: Record<string, string> = {}): Run {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  let onListening: (l: LocalEndpoint) => void = () => undefined;
  const listening = new Promise<LocalEndpoint>((resolve) => (onListening = resolve));
  const code = main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), signals, onListening, env });
  return { code, out, err, signals, listening };
}

async function stop(run: Run): Promise<void> {
  run.signals.emit('SIGTERM');
  expect(await run.code).toBe(0);
}

async function groupsWith(endpoint: string, accessKeyId: string, secretAccessKey: string): Promise<number | string> {
  try {
    const out = await new AutoScaling(clientConfig(endpoint, { accessKeyId, secretAccessKey })).describeAutoScalingGroups({});
    return out.AutoScalingGroups?.length ?? 0;
  } catch (err) {
    return (err as Error).name;
  }
}

describe('botoscale local with each source', () => {
  test('--auth-file: requests signed with the pair pass, others are refused; nothing printed shows the secret', async () => {
    const run = start(['local', '--port', '0', '--auth-file', file('pair', `AKIDFILE:${SECRET}\n`)]);
    const local = await run.listening;
    expect(await groupsWith(local.endpoint, 'AKIDFILE', SECRET)).toBe(0);
    expect(await groupsWith(local.endpoint, 'AKIDFILE', 'wrong')).toBe('SignatureDoesNotMatch');
    expect(run.out).toContain('auth: every request must be signed (SigV4) with the configured key pair\n');
    await stop(run);
    expect(run.err).toEqual([]);
    expect(run.out.join('')).not.toContain(SECRET);
  });

  test('BOTOSCALE_LOCAL_AUTH, and the precedence as the server applies it', async () => {
    const byEnv = start(['local', '--port', '0'], { BOTOSCALE_LOCAL_AUTH: 'AKIDENV:env-secret' });
    const local = await byEnv.listening;
    expect(await groupsWith(local.endpoint, 'AKIDENV', 'env-secret')).toBe(0);
    expect(await groupsWith(local.endpoint, 'AKIDFILE', SECRET)).toBe('InvalidClientTokenId');
    await stop(byEnv);
    expect(byEnv.err).toEqual([]);
    const fileWins = start(['local', '--port', '0', '--auth-file', file('pair', `AKIDFILE:${SECRET}\n`)], { BOTOSCALE_LOCAL_AUTH: 'AKIDENV:env-secret' });
    const second = await fileWins.listening;
    expect(await groupsWith(second.endpoint, 'AKIDFILE', SECRET)).toBe(0);
    expect(await groupsWith(second.endpoint, 'AKIDENV', 'env-secret')).toBe('InvalidClientTokenId');
    await stop(fileWins);
    const flagWins = start(['local', '--port', '0', '--auth', 'AKIDFLAG:flag-secret', '--auth-file', file('pair', `AKIDFILE:${SECRET}\n`)]);
    const third = await flagWins.listening;
    expect(await groupsWith(third.endpoint, 'AKIDFLAG', 'flag-secret')).toBe(0);
    await stop(flagWins);
    expect(flagWins.err).toEqual(['botoscale local: note: --auth shows the secret to every user of this machine (ps); --auth-file FILE or BOTOSCALE_LOCAL_AUTH keep it off the command line\n']);
  });

  test('a bad file or variable exits 1 naming the source, never the secret', async () => {
    const bad = file('bad', `AKIDFILE:${SECRET}\nmore`);
    const run = start(['local', '--port', '0', '--auth-file', bad]);
    expect(await run.code).toBe(1);
    expect(run.err).toEqual([`botoscale local: --auth-file ${bad} must hold one line, KEY:SECRET, an access key id and its secret separated by a colon\n`]);
    const envRun = start(['local', '--port', '0'], { BOTOSCALE_LOCAL_AUTH: SECRET });
    expect(await envRun.code).toBe(1);
    expect(envRun.err).toEqual(['botoscale local: BOTOSCALE_LOCAL_AUTH takes KEY:SECRET, an access key id and its secret separated by a colon\n']);
    expect([...run.out, ...run.err, ...envRun.out, ...envRun.err].join('')).not.toContain(SECRET);
  });

  test('listening beyond loopback without auth is warned about; with auth it is not', async () => {
    const open = start(['local', '--port', '0', '--host', '0.0.0.0']);
    await open.listening;
    await stop(open);
    expect(open.err).toEqual([
      'botoscale local: warning: listening on 0.0.0.0 without auth: anyone who can reach it can change the simulated cloud and its clock; give --auth-file FILE or set BOTOSCALE_LOCAL_AUTH\n',
    ]);
    const guarded = start(['local', '--port', '0', '--host', '0.0.0.0', '--auth-file', file('pair', `AKIDFILE:${SECRET}\n`)]);
    await guarded.listening;
    await stop(guarded);
    expect(guarded.err).toEqual([]);
    const loop = start(['local', '--port', '0', '--host', 'localhost']);
    await loop.listening;
    await stop(loop);
    expect(loop.err).toEqual([]);
  });
});

describe('the secret stays off the command line', () => {
  function command(): string[] {
    const dist = join(ROOT, 'dist/local/cli.js');
    const source = join(ROOT, 'src/local/cli.ts');
    const sources = ['cli.ts', 'auth-source.ts'].map((f) => statSync(join(ROOT, 'src/local', f)).mtimeMs);
    if (existsSync(dist) && sources.every((m) => statSync(dist).mtimeMs >= m)) return [dist];
    return ['-r', join(__dirname, 'fixtures/ts-register.js'), source];
  }

  test('with --auth-file, /proc/<pid>/cmdline does not contain the secret, and the server checks it', async () => {
    const pair = file('pair', `AKIDFILE:${SECRET}\n`);
    const child = spawn(process.execPath, [...command(), 'local', '--port', '0', '--auth-file', pair], { stdio: 'pipe', env: { ...process.env, BOTOSCALE_LOCAL_AUTH: '' } });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1] !== undefined) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
      });
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
      expect(cmdline.split('\0')).toContain(pair);
      expect(cmdline).not.toContain(SECRET);
      expect((await raw(endpoint, { method: 'GET', path: '/_botoscale/health' })).status).toBe(403);
      expect(await groupsWith(endpoint, 'AKIDFILE', SECRET)).toBe(0);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).not.toContain(SECRET);
  }, 20_000);
});

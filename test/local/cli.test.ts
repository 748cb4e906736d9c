/**
 * The `botoscale` command: `botoscale local` with its options, in-process through
 * main(argv) and as a real process (the built bin when it is up to date, the source
 * otherwise), printing its endpoint and closing cleanly on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/local/cli';
import type { LocalEndpoint } from '../../src/local';
import { readStateFile } from '../../src/local/store';
import { query, raw, xmlText } from './helpers';

const ROOT = join(__dirname, '../..');

interface Run {
  code: Promise<number>;
  out: string[];
  err: string[];
  signals: EventEmitter;
  listening: Promise<LocalEndpoint>;
}

function start(argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  let onListening: (l: LocalEndpoint) => void = () => undefined;
  const listening = new Promise<LocalEndpoint>((resolve) => (onListening = resolve));
  const code = main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), signals, onListening });
  return { code, out, err, signals, listening };
}

describe('main(argv)', () => {
  test('the bin file starts with the node shebang', () => {
    expect(readFileSync(join(ROOT, 'src/local/cli.ts'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('botoscale local prints its endpoint, serves, and closes on SIGTERM', async () => {
    const run = start(['local', '--port', '0']);
    const local = await run.listening;
    expect(run.out).toEqual([`botoscale local listening on http://127.0.0.1:${local.port} (region us-east-1)\n`]);
    expect(local.clock.running).toBe(true);
    expect((await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' })).status).toBe(200);
    run.signals.emit('SIGTERM');
    expect(await run.code).toBe(0);
    expect(run.out[1]).toBe('botoscale local: SIGTERM, shutting down\n');
    expect(run.err).toEqual([]);
    await expect(fetch(`${local.endpoint}/_botoscale/health`)).rejects.toThrow();
    expect(run.signals.listenerCount('SIGINT') + run.signals.listenerCount('SIGTERM')).toBe(0);
  });

  test('--no-launch-configurations serves a new-account endpoint: CreateLaunchConfiguration answers UnsupportedOperation', async () => {
    const run = start(['local', '--port', '0', '--no-launch-configurations']);
    const local = await run.listening;
    try {
      expect(run.out).toEqual([
        `botoscale local listening on http://127.0.0.1:${local.port} (region us-east-1)\n`,
        'launch configurations: refused as in a new AWS account (use launch templates)\n',
      ]);
      const answer = await query(local.endpoint, { Action: 'CreateLaunchConfiguration', Version: '2011-01-01', LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
      expect([answer.status, xmlText(answer.text, 'Code'), xmlText(answer.text, 'Message')]).toEqual([
        400,
        'UnsupportedOperation',
        'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.',
      ]);
    } finally {
      run.signals.emit('SIGTERM');
      expect(await run.code).toBe(0);
    }
    const help = start(['local', '--help']);
    expect(await help.code).toBe(0);
    expect(help.out.join('')).toContain('--no-launch-configurations');
  });

  test('--state, --speed, --region and --auth', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-cli-'));
    try {
      const file = join(dir, 'cloud.json');
      const run = start(['local', '--port', '0', '--host', '127.0.0.1', '--state', file, '--speed', '60', '--region', 'eu-west-1', '--auth', 'AKIDCLI:cli-secret']);
      const local = await run.listening;
      expect(run.out).toEqual([
        `botoscale local listening on http://127.0.0.1:${local.port} (region eu-west-1)\n`,
        `state file: ${file}\n`,
        'clock: 60x real time\n',
        'auth: every request must be signed (SigV4) with the configured key pair\n',
      ]);
      expect(run.out.join('')).not.toContain('cli-secret');
      expect([local.cloud.region, local.clock.speed]).toEqual(['eu-west-1', 60]);
      expect((await raw(local.endpoint, { method: 'GET', path: '/_botoscale/health' })).status).toBe(403);
      local.clock.advance('1m');
      run.signals.emit('SIGINT');
      expect(await run.code).toBe(0);
      expect(run.out[4]).toBe('botoscale local: SIGINT, shutting down\n');
      expect(readStateFile(file)?.region).toBe('eu-west-1');
      expect(readStateFile(file)?.cloud.clock.now).toBe(local.clock.now());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad options exit 1 with a message (never echoing the secret); help and version exit 0', async () => {
    const cases: Array<[string[], string]> = [
      [['local', '--port', 'http'], "error: option '--port <port>' argument 'http' is invalid. a port is a whole number from 0 to 65535 (0 picks a free one).\n"],
      [['local', '--port', '70000'], "error: option '--port <port>' argument '70000' is invalid. a port is a whole number from 0 to 65535 (0 picks a free one).\n"],
      [['local', '--speed', '0'], "error: option '--speed <n>' argument '0' is invalid. the speed is a positive number (2 runs the clock twice as fast as real time).\n"],
      [['local', '--region', 'moon'], "error: option '--region <region>' argument 'moon' is invalid. a region looks like us-east-1.\n"],
      [['local', '--port', '0', '--auth', 'only-a-secret-no-colon'], 'botoscale local: --auth takes KEY:SECRET, an access key id and its secret separated by a colon\n'],
      [['local', '--port', '0', '--auth', 'AKID:'], 'botoscale local: --auth takes KEY:SECRET, an access key id and its secret separated by a colon\n'],
      [['launch'], "error: unknown command 'launch'\n"],
    ];
    for (const [argv, message] of cases) {
      const run = start(argv);
      expect({ argv, code: await run.code, err: run.err.join('') }).toEqual({ argv, code: 1, err: message });
    }
    const help = start(['local', '--help']);
    expect(await help.code).toBe(0);
    expect(help.out.join('').replace(/\s+/g, ' ')).toContain('--auth <KEY:SECRET> accept only requests signed (SigV4) with this key pair');
    const ver = start(['--version']);
    expect(await ver.code).toBe(0);
    expect(ver.out).toEqual([`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`]);
  });

  test('a port in use and an unusable state file exit 1 naming the problem', async () => {
    const first = start(['local', '--port', '0']);
    const local = await first.listening;
    const busy = start(['local', '--port', String(local.port)]);
    expect(await busy.code).toBe(1);
    expect(busy.err).toEqual([`botoscale local: port ${local.port} on 127.0.0.1 is already in use; choose another with --port (0 picks a free one)\n`]);
    first.signals.emit('SIGTERM');
    expect(await first.code).toBe(0);
    const bad = start(['local', '--port', '0', '--state', join(ROOT, 'package.json')]);
    expect(await bad.code).toBe(1);
    expect(bad.err).toEqual([`botoscale local: ${join(ROOT, 'package.json')} is not a botoscale local state file of version 1, 2 or 3\n`]);
  });
});

describe('--state', () => {
  test('a second server on the same file exits 1 naming it; a last write that fails on SIGTERM exits 1 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-cli-'));
    try {
      const file = join(dir, 'cloud.json');
      const first = start(['local', '--port', '0', '--state', file]);
      await first.listening;
      const second = start(['local', '--port', '0', '--state', file]);
      expect(await second.code).toBe(1);
      expect(second.err).toEqual([`botoscale local: state file ${file} is in use by another botoscale local (process ${process.pid}); stop it or use another file\n`]);
      // A non-empty directory where the state file was: the last snapshot cannot be renamed over it (as root too).
      rmSync(file);
      mkdirSync(file);
      writeFileSync(join(file, 'in-the-way'), '');
      first.signals.emit('SIGTERM');
      expect(await first.code).toBe(1);
      expect(first.err.join('')).toMatch(new RegExp(`^botoscale local: cannot write state file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on close \\(.+\\); its journal ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.journal keeps what was acknowledged\n$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the botoscale bin as a process', () => {
  function command(): string[] {
    const dist = join(ROOT, 'dist/local/cli.js');
    const source = join(ROOT, 'src/local/cli.ts');
    if (existsSync(dist) && statSync(dist).mtimeMs >= statSync(source).mtimeMs) return [dist];
    return ['-r', join(__dirname, 'fixtures/ts-register.js'), source];
  }

  test('prints the endpoint, serves, and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [...command(), 'local', '--port', '0'], { stdio: 'pipe' });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^botoscale local listening on (http:\/\/127\.0\.0\.1:\d+) \(region us-east-1\)\n/.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
    });
    const health = await raw(endpoint, { method: 'GET', path: '/_botoscale/health' });
    expect(health.status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/botoscale local: SIGINT, shutting down\n$/);
  }, 20_000);
});

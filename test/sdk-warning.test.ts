/**
 * The AWS SDK prints a nine-line NodeVersionSupportWarning once per process on Node
 * older than 22. botoscale's own commands (autoscalectl, botoscale local) must not print
 * it; a user's own program that uses botoscale is left alone (the README says how to
 * silence it there). Each process runs the built files with `process.version` set to a
 * Node 20 one by a preload, so the check means the same on Node 22.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocal, type LocalEndpoint } from '../src/local';

const ROOT = resolve(__dirname, '..');
const WARNING = 'NodeVersionSupportWarning';
let dir = '';
let preload = '';
let local: LocalEndpoint;

beforeAll(async () => {
  for (const bin of ['dist/index.js', 'dist/ctl/cli.js', 'dist/local/cli.js']) {
    if (!existsSync(join(ROOT, bin))) throw new Error(`${bin} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  dir = mkdtempSync(join(tmpdir(), 'botoscale-warning-'));
  preload = join(dir, 'node20.js');
  writeFileSync(preload, "Object.defineProperty(process, 'version', { value: 'v20.20.2' });\n");
  local = await startLocal({ port: 0 });
});

afterAll(async () => {
  await local.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The environment of a user's shell: no opt-out set, no AWS or boto set-up of the developer's. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, BOTO_CONFIG: join(dir, 'no-boto.cfg'), AWS_CONFIG_FILE: join(dir, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'), AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1' };
  return env;
}

/** Runs `node -r preload ...args` to its end; its exit code, stdout and stderr. */
function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['-r', preload, ...args], { cwd: dir, env: userEnv(), timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

test('a user\'s own program that uses botoscale gets the SDK\'s warning, as with the SDK alone', async () => {
  const script = join(dir, 'user.js');
  writeFileSync(script, `
    const { connectAutoscale } = require(${JSON.stringify(join(ROOT, 'dist/index.js'))});
    const conn = connectAutoscale({ endpoint: ${JSON.stringify(local.endpoint)} });
    conn.getAllGroups().then((groups) => console.log(String(conn), groups.length));
  `);
  const r = await runNode([script]);
  expect(r.stdout).toMatch(/^AutoScaleConnection:127\.0\.0\.1:\d+ 0\n$/);
  expect(r.stderr).toContain(WARNING);
  expect(r.stderr).toContain('will require node >=22');
}, 60_000);

test('autoscalectl does not print it, though it calls AWS through the SDK', async () => {
  const config = join(dir, 'autoscale.yaml');
  writeFileSync(config, 'groups:\n  web:\n    min_size: 1\n    max_size: 2\n    ami: ami-12345678\n    zones: [us-east-1a]\n');
  const r = await runNode([join(ROOT, 'dist/ctl/cli.js'), 'plan', config, '--endpoint', local.endpoint]);
  expect(r.stdout).toContain('create group web');
  expect(r.stderr).not.toContain(WARNING);
  expect(r.stderr).not.toContain('node >=22');
}, 60_000);

test('botoscale local does not print it', async () => {
  const child = spawn(process.execPath, ['-r', preload, join(ROOT, 'dist/local/cli.js'), 'local', '--port', '0'], { cwd: dir, env: userEnv() });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  await new Promise<void>((listening, failed) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('listening on')) listening();
    });
    child.on('exit', (code) => failed(new Error(`botoscale local exited (${String(code)}) before listening: ${stderr}`)));
  });
  // How it shuts down is test/local/cli.test.ts's business; here only what it printed matters.
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  child.kill('SIGTERM');
  await exited;
  expect(stdout).toMatch(/^botoscale local listening on http:\/\/127\.0\.0\.1:\d+ /);
  expect(stderr).not.toContain(WARNING);
}, 60_000);

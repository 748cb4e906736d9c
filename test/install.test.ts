/**
 * Installing botoscale from its repository, as a user of another project does:
 * `npm install git+file://<this repository>#<HEAD>` in a fresh project. npm clones the
 * commit (so this checks what is committed, not the working tree), installs it with its
 * dev dependencies, runs `prepare` (the build) and installs the packed result. Then
 * `require('botoscale')`, `import('botoscale')` and both commands must work, and what was
 * installed must be what `npm pack` ships. npm uses its cache first (`--prefer-offline`):
 * `npm ci` has put every locked package there. This is the slowest test (about a minute).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const NPM_TIMEOUT_MS = 420_000;
let project = '';
let installed = '';

/** The commit to install: the repository's HEAD. */
function head(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch (err) {
    throw new Error(`${ROOT} must be a git checkout for this test (it installs botoscale with npm install git+file://): ${String(err)}`);
  }
}

/** A user's environment for npm: their PATH, HOME and npm cache and registry, nothing of the outer npm run. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const key of ['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return env;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeout = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd: project, env, timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'botoscale-install-'));
  installed = join(project, 'node_modules', 'botoscale');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-botoscale', private: true }));
  const spec = `git+file://${ROOT}#${head()}`;
  const npm = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', spec], npmEnv(), NPM_TIMEOUT_MS);
  if (npm.code !== 0) throw new Error(`npm install ${spec} failed (${String(npm.code)}):\n${npm.stdout}\n${npm.stderr}`);
}, NPM_TIMEOUT_MS + 10_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

const nodeEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: project, BOTO_CONFIG: join(project, 'no-boto.cfg'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });

test('npm built dist from the clone: the package has the build, the sources its maps point at, and the LICENSE', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { name: string; version: string };
  expect(pkg.name).toBe('botoscale');
  for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/core/connection.js.map', 'src/core/connection.ts', 'LICENSE', 'README.md']) {
    expect({ file, exists: existsSync(join(installed, file)) }).toEqual({ file, exists: true });
  }
  expect(existsSync(join(installed, 'test'))).toBe(false);
  expect(existsSync(join(installed, 'node_modules', 'typescript'))).toBe(false);
});

test('require(\'botoscale\') and import(\'botoscale\') both work from the project', async () => {
  writeFileSync(join(project, 'both.cjs'), `
    const cjs = require('botoscale');
    const conn = cjs.connectAutoscale({ region: 'eusc-de-east-1', env: {} });
    import('botoscale').then((esm) => import('botoscale/elb').then((elb) => {
      console.log(JSON.stringify({
        cjs: [typeof cjs.connectAutoscale, String(conn)],
        esm: [typeof esm.connectAutoscale, esm.autoscale.AutoScaleConnection === cjs.autoscale.AutoScaleConnection, String(esm.connectCloudwatch({ env: {} }))],
        subpath: String(elb.connectToRegion('ap-southeast-6', { env: {} })),
      }));
    }));
  `);
  writeFileSync(join(project, 'esm.mjs'), "import { connectEc2 } from 'botoscale';\nimport { createRequire } from 'node:module';\nconst { connectElb } = createRequire(import.meta.url)('botoscale');\nconsole.log(String(connectEc2({ env: {} })), String(connectElb({ env: {} })));\n");
  const both = await run(process.execPath, ['both.cjs'], nodeEnv());
  expect(both.stderr).toBe('');
  expect(JSON.parse(both.stdout)).toEqual({
    cjs: ['function', 'AutoScaleConnection:autoscaling.eusc-de-east-1.amazonaws.eu'],
    esm: ['function', true, 'CloudWatchConnection:monitoring.us-east-1.amazonaws.com'],
    subpath: 'ELBConnection:elasticloadbalancing.ap-southeast-6.amazonaws.com',
  });
  const esm = await run(process.execPath, ['esm.mjs'], nodeEnv());
  expect([esm.stdout, esm.stderr]).toEqual(['EC2Connection:ec2.us-east-1.amazonaws.com ELBConnection:elasticloadbalancing.us-east-1.amazonaws.com\n', '']);
}, 60_000);

test('the commands run straight from node_modules/.bin: their files are executable', async () => {
  for (const bin of ['botoscale', 'autoscalectl']) {
    expect({ bin, executable: (statSync(join(project, 'node_modules', '.bin', bin)).mode & 0o111) === 0o111 }).toEqual({ bin, executable: true });
  }
  const local = await run(join(project, 'node_modules', '.bin', 'botoscale'), ['local', '--help'], nodeEnv());
  expect([local.code, local.stderr]).toEqual([0, '']);
  expect(local.stdout).toMatch(/^Usage: botoscale local \[options\]/);
  const ctl = await run(join(project, 'node_modules', '.bin', 'autoscalectl'), ['--help'], nodeEnv());
  expect([ctl.code, ctl.stderr]).toEqual([0, '']);
  expect(ctl.stdout).toMatch(/^Usage: autoscalectl /);
}, 60_000);

/**
 * The README's quick start, exactly as written (the fenced block after
 * `<!-- quick-start -->`, read from README.md so the two cannot drift): run by Node as
 * `quick-start.mjs` in a project that depends on the built botoscale, against botoscale
 * local with AWS_ENDPOINT_URL as the README says (its clock runs faster than the
 * README's `npx botoscale local`, so the wait for the instances to go takes less than a
 * second), leaving nothing behind; and type-checked as TypeScript, as the README claims.
 * The launch template section (the block after `<!-- launch-templates -->`) likewise: run
 * against botoscale local in new-account mode, and type-checked.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { AutoScaleConnection } from '../src/autoscale';
import { CloudWatchConnection } from '../src/cloudwatch';
import { ELBConnection } from '../src/elb';
import { startLocal, type LocalEndpoint } from '../src/local';

const ROOT = resolve(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The fenced block after the marker line in a Markdown text. */
function blockAfter(markdown: string, marker: string): { lang: string; code: string } {
  const lines = markdown.split('\n');
  const at = lines.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker} line`);
  const fence = /^```(\w*)$/.exec(lines[at + 1] ?? '');
  if (fence === null) throw new Error(`a fenced block must follow ${marker} in README.md`);
  const end = lines.indexOf('```', at + 2);
  if (end < 0) throw new Error(`the block after ${marker} in README.md is not closed`);
  return { lang: fence[1] as string, code: `${lines.slice(at + 2, end).join('\n')}\n` };
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const quickStart = blockAfter(README, '<!-- quick-start -->');
const launchTemplates = blockAfter(README, '<!-- launch-templates -->');
let project = '';
let local: LocalEndpoint;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  project = mkdtempSync(join(tmpdir(), 'botoscale-readme-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'botoscale'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'quick-start', private: true }));
  writeFileSync(join(project, 'quick-start.mjs'), quickStart.code);
  // TypeScript as written; run as the JavaScript TypeScript makes of it (types removed, nothing else).
  writeFileSync(join(project, 'launch-templates.mjs'), ts.transpileModule(launchTemplates.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  local = await startLocal({ port: 0, speed: 60 });
});

afterAll(async () => {
  await local?.close();
  rmSync(project, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: project, env, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

test('the block is the JavaScript the README says it is', () => {
  expect(quickStart.lang).toBe('js');
  expect(quickStart.code).toContain("from 'botoscale'");
  expect(quickStart.code).toContain('await ag.shutdownInstances();');
});

test('it runs as written against botoscale local and leaves nothing behind', async () => {
  // A user's shell: the endpoint from the README, no AWS set-up (botoscale local needs none).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: project, AWS_ENDPOINT_URL: local.endpoint,
    BOTO_CONFIG: join(project, 'no-boto.cfg'), AWS_CONFIG_FILE: join(project, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(project, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const r = await run(['quick-start.mjs'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^\[\n {2}Activity<[\w-]+>: For group:my_group, progress:/);
  expect(r.stdout).toContain('\nAutoScaleGroup<my_group>\n');

  const options = { endpoint: local.endpoint, env: {} };
  const left = {
    groups: (await new AutoScaleConnection(options).getAllGroups()).length,
    launchConfigurations: (await new AutoScaleConnection(options).getAllLaunchConfigurations()).length,
    loadBalancers: (await new ELBConnection(options).getAllLoadBalancers()).length,
    alarms: (await new CloudWatchConnection(options).describeAlarms()).length,
  };
  expect(left).toEqual({ groups: 0, launchConfigurations: 0, loadBalancers: 0, alarms: 0 });
}, 120_000);

test('the launch template section runs as written against botoscale local in new-account mode', async () => {
  const newAccount = await startLocal({ port: 0, speed: 60, launchConfigurations: false });
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: project, AWS_ENDPOINT_URL: newAccount.endpoint,
      BOTO_CONFIG: join(project, 'no-boto.cfg'), AWS_CONFIG_FILE: join(project, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(project, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    expect(launchTemplates.lang).toBe('ts');
    const r = await run(['launch-templates.mjs'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [group] = await new AutoScaleConnection({ endpoint: newAccount.endpoint, env: {} }).getAllGroups({ names: ['web'] });
    expect(group?.launchTemplate).toEqual(expect.objectContaining({ name: 'web', version: '$Default' }));
    expect(group?.minSize).toBe(2);
  } finally {
    await newAccount.close();
  }
}, 120_000);

test('both blocks type-check as TypeScript against the built declarations', async () => {
  writeFileSync(join(project, 'quick-start.mts'), quickStart.code);
  writeFileSync(join(project, 'launch-templates.mts'), launchTemplates.code);
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: 'ES2022', lib: ['ES2022'], module: 'node16', moduleResolution: 'node16',
      typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'],
    },
    files: ['quick-start.mts', 'launch-templates.mts'],
  }));
  const r = await run([TSC, '-p', 'tsconfig.json'], { PATH: process.env.PATH });
  expect(`${r.stdout}${r.stderr}`).toBe('');
  expect(r.code).toBe(0);
}, 180_000);

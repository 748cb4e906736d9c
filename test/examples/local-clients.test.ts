/**
 * The clients docs/local.md points at botoscale local: botoscale and the raw SDK v3
 * (examples/local-clients.ts), boto 2 and boto3 (examples/local-clients.py) and the
 * AWS CLI (examples/local-clients.sh), each run against a botoscale local.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { localClients } from '../../examples/local-clients';
import { capture } from './harness';
import { DEBIAN_PYTHON, requirePythonModule } from '../helpers/python';

const run = promisify(execFile);
const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** The AWS CLI is no package the suite installs: its test runs where it is, and shows as skipped elsewhere. */
function hasAwsCli(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('botoscale and the SDK v3 client, the control API, a state file and --auth', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-local-'));
  try {
    const { value, transcript } = await capture(() => localClients(join(dir, 'state.json')));
    const printed = transcript.text;
    expect(printed).toMatch(/^\{\n {2}status: 'ok',\n {2}region: 'us-east-1',\n {2}regions: \[ 'us-east-1' \],\n {2}accountId: '123456789012',\n {2}time: '[^']+',\n {2}services: \[[^\]]+\]\n\}\n/);
    expect(printed).toContain("\n[ 'web: 2 instances' ]\n");
    expect(printed).toMatch(/\n\[ AutoScaleGroup<web> \] \[\n {2}Instance<id:i-[0-9a-f]{17}, state:InService, health:Healthy>,\n/);
    expect(value.groups).toEqual(['web']);
    expect(transcript.text).toContain('\n[]\n');
    expect(value.wrongKeyError).toMatch(/^BotoServerError: 403 Forbidden/);
    expect(value.wrongKeyError).toContain('SignatureDoesNotMatch');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('other clients', () => {
  let local: LocalEndpoint;
  beforeEach(async () => {
    local = await startLocal({ port: 0, realTime: false });
  });
  afterEach(async () => {
    await local.close();
  });
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', HOME: tmpdir(), BOTOSCALE_ENDPOINT: local.endpoint, BOTO_CONFIG: '/nonexistent' });

  test('boto 2.49 (Debian python3-boto)', async () => {
    await requirePythonModule('boto');
    const { stdout } = await run(DEBIAN_PYTHON, [join(EXAMPLES, 'local-clients.py'), 'boto2'], { env: env() });
    expect(stdout).toBe('boto2: [AutoScaleGroup<from_boto2>] [LoadBalancer:boto2-lb]\n');
  });

  test('boto3 (Debian python3-boto3)', async () => {
    await requirePythonModule('boto3');
    const { stdout } = await run(DEBIAN_PYTHON, [join(EXAMPLES, 'local-clients.py'), 'boto3'], { env: env() });
    expect(stdout).toBe("boto3: ['from_boto3'] ['boto3-lb']\n");
  }, 60_000);

  (hasAwsCli() ? test : test.skip)('the AWS CLI, where installed', async () => {
    const { stdout } = await run('bash', [join(EXAMPLES, 'local-clients.sh')], { env: env() });
    expect(stdout.trim().split('\n').at(-1)).toBe('from_aws_cli');
  }, 60_000);
});

/**
 * An independent client: boto3 (Debian python3-boto3, run with /usr/bin/python3) makes
 * a launch template and an Auto Scaling group from it against botoscale local, waits for
 * InService instances of the template's type, and cleans up. Without boto3 the test
 * fails, saying what to install.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocal, type LocalEndpoint } from '../../src/local';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'fixtures', 'boto3_launch_template.py');

let local: LocalEndpoint;

beforeEach(async () => {
  // The clock runs by itself (60x) so boto3, which knows nothing of the control API, sees instances boot.
  local = await startLocal({ port: 0, speed: 60, launchConfigurations: false });
});

afterEach(async () => {
  await local.close();
});

test('boto3 makes a launch template and a group from it, sees it InService, and cleans up (new-account mode)', async () => {
  const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
  const probe = await run(PYTHON, ['-c', 'import boto3'], { env }).then(
    () => undefined,
    (err: Error) => err.message,
  );
  if (probe !== undefined) throw new Error(`boto3 is not importable by ${PYTHON}: install Debian's python3-boto3 (apt-get install python3-boto3). ${probe}`);
  const { stdout } = await run(PYTHON, [SCRIPT, local.endpoint], { env, timeout: 150_000 });
  expect(JSON.parse(stdout)).toEqual({
    template: 'boto3-web',
    group_template: { LaunchTemplateId: expect.stringMatching(/^lt-[0-9a-f]{17}$/) as string, LaunchTemplateName: 'boto3-web', Version: '$Latest' },
    instance_versions: ['1', '1'],
    instance_types: ['t3.small', 't3.small'],
    templates_left: 0,
  });
}, 180_000);

/**
 * The tutorials on an account that refuses launch configurations (botoscale local in
 * new-account mode): seed 000 says so and goes on with a launch template, and the
 * launch-template variant runs from refusal to clean-up, leaving nothing behind.
 */
import { AutoScaleConnection } from '../../src/autoscale';
import { EC2Connection } from '../../src/ec2';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { autoscaleTutorial } from '../../examples/autoscale-tutorial';
import { SEED_SETTINGS, simulatedTime, NO_LOAD, type TutorialEnv } from '../../examples/env';
import { launchTemplateTutorial, NEW_INSTANCE_TYPE } from '../../examples/launch-template-tutorial';
import { capture } from './harness';

let local: LocalEndpoint;
let env: TutorialEnv;
beforeEach(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLETEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'example-test-secret';
  local = await startLocal({ port: 0, realTime: false, launchConfigurations: false });
  // A launch from a template checks its security groups, as RunInstances does: botoscale
  // local's EC2 has the default VPC's `default` group.
  env = { endpoint: local.endpoint, region: 'us-east-1', ...SEED_SETTINGS, securityGroups: ['default'], time: simulatedTime(local.clock), load: NO_LOAD };
});
afterEach(async () => {
  await local.close();
});

async function nothingLeft(): Promise<void> {
  const as = new AutoScaleConnection({ endpoint: local.endpoint });
  const ec2 = new EC2Connection({ endpoint: local.endpoint });
  expect(await as.getAllGroups()).toEqual([]);
  expect(await ec2.getAllLaunchTemplates()).toEqual([]);
  as.close();
  ec2.close();
}

test('seed 000 says the account refuses launch configurations and goes on with a launch template', async () => {
  const { value, transcript } = await capture(() => autoscaleTutorial(env));
  expect(value).toEqual({ launchConfigurationsRefused: true });
  const out = transcript.text.split('\n');
  expect(out).toContain('This account refuses launch configurations:');
  expect(out).toContain('  The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.');
  expect(out).toContain('LaunchTemplate:my-launch_config(v1, default v1)');
  expect(out).toContain('AutoScaleGroup<my_group, LaunchTemplate:my-launch_config($Default)>');
  await nothingLeft();
}, 30_000);

test('the launch-template variant: refused, template, group, new version followed only by a replacement, clean-up', async () => {
  const { transcript } = await capture(() => launchTemplateTutorial(env));
  const out = transcript.text;
  expect(out).toContain('botoscale: make a launch template instead: `lt = await ec2.createLaunchTemplate(LaunchTemplate.fromLaunchConfiguration(lc))`');
  expect(out).toContain('LaunchTemplate:my-launch-template(v1, default v1)');
  expect(out).toContain('AutoScaleGroup<my_lt_group, LaunchTemplate:my-launch-template($Default)>');
  expect(out).toContain('LaunchTemplate:my-launch-template(v2, default v2)');
  // Instance types: both m1.small; still both after v2; one t3.small once one is replaced.
  const typeLists = out.split('\n').filter((l) => l.startsWith("[ 'i-")).map((l) => l.replace(/i-[0-9a-f]{17} /g, ''));
  expect(typeLists).toEqual([
    "[ 'm1.small', 'm1.small' ]",
    "[ 'm1.small', 'm1.small' ]",
    expect.stringMatching(new RegExp(`^\\[ '(${NEW_INSTANCE_TYPE}', 'm1\\.small|m1\\.small', '${NEW_INSTANCE_TYPE})' \\]$`)),
  ]);
  await nothingLeft();
}, 30_000);

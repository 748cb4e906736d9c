/**
 * Auto Scaling groups on EC2 launch templates, through @aws-sdk/client-auto-scaling and
 * @aws-sdk/client-ec2 against botoscale local: create and describe, instances launched
 * from the resolved version, `$Latest`/`$Default` resolved at each launch, switching
 * from a launch configuration and back, AWS's validation answers, versions deleted
 * under a group, and the state file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling, type Activity, type AutoScalingGroup, type CreateAutoScalingGroupCommandInput } from '@aws-sdk/client-auto-scaling';
import { EC2, type Instance } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let ec2: EC2;
let as: AutoScaling;

async function open(options: Parameters<typeof startTest>[0] = {}): Promise<void> {
  local = await startTest(options);
  ec2 = new EC2(clientConfig(local.endpoint));
  as = new AutoScaling(clientConfig(local.endpoint));
}

async function shut(): Promise<void> {
  ec2.destroy();
  as.destroy();
  await local.close();
}

async function template(name = 'web', instanceType: string = 't3.micro'): Promise<string> {
  const out = await ec2.createLaunchTemplate({
    LaunchTemplateName: name,
    LaunchTemplateData: { ImageId: 'ami-0abcdef1234567890', InstanceType: instanceType as 't3.micro', MetadataOptions: { HttpTokens: 'required' } },
  });
  return out.LaunchTemplate?.LaunchTemplateId as string;
}

async function group(extra: Partial<CreateAutoScalingGroupCommandInput> = {}): Promise<void> {
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 1, MaxSize: 4, AvailabilityZones: ['us-east-1a'], ...extra });
}

async function describeGroup(): Promise<AutoScalingGroup> {
  const out = await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] });
  return out.AutoScalingGroups?.[0] as AutoScalingGroup;
}

async function ec2Instance(id: string): Promise<Instance> {
  const out = await ec2.describeInstances({ InstanceIds: [id] });
  return out.Reservations?.[0]?.Instances?.[0] as Instance;
}

async function activities(): Promise<Activity[]> {
  return (await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? [];
}

describe('groups on launch templates', () => {
  beforeEach(() => open());
  afterEach(() => shut());

  test('a group names its template by name; it launches the default version and every describe reports the template', async () => {
    const id = await template();
    await group({ LaunchTemplate: { LaunchTemplateName: 'web' } });
    const g = await describeGroup();
    expect(g.LaunchTemplate).toEqual({ LaunchTemplateId: id, LaunchTemplateName: 'web', Version: '$Default' });
    expect(g.LaunchConfigurationName).toBeUndefined();
    local.clock.advance('30s');
    const [i] = (await describeGroup()).Instances ?? [];
    expect(i).toMatchObject({ LifecycleState: 'InService', InstanceType: 't3.micro', LaunchTemplate: { LaunchTemplateId: id, LaunchTemplateName: 'web', Version: '1' } });
    expect(i?.LaunchConfigurationName).toBeUndefined();
    const [ai] = (await as.describeAutoScalingInstances({ InstanceIds: [i?.InstanceId as string] })).AutoScalingInstances ?? [];
    expect(ai).toMatchObject({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateId: id, LaunchTemplateName: 'web', Version: '1' } });
    const e = await ec2Instance(i?.InstanceId as string);
    expect(e).toMatchObject({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MetadataOptions: { HttpTokens: 'required' } });
    expect(e.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'aws:autoscaling:groupName', Value: 'g' },
        { Key: 'aws:ec2launchtemplate:id', Value: id },
        { Key: 'aws:ec2launchtemplate:version', Value: '1' },
      ]),
    );
  });

  test('$Latest and $Default are resolved at each launch, so instances launched earlier keep their version', async () => {
    const id = await template();
    await group({ LaunchTemplate: { LaunchTemplateId: id, Version: '$Latest' } });
    local.clock.advance('30s');
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.large' } });
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
    local.clock.advance('30s');
    const types = async (): Promise<string[]> => ((await describeGroup()).Instances ?? []).map((i) => `${i.InstanceType}@${i.LaunchTemplate?.Version}`).sort();
    expect(await types()).toEqual(['t3.large@2', 't3.micro@1']);
    expect((await describeGroup()).LaunchTemplate?.Version).toBe('$Latest');

    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateId: id, Version: '$Default' } });
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.xlarge' } });
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 3 });
    await ec2.modifyLaunchTemplate({ LaunchTemplateId: id, DefaultVersion: '3' });
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 4 });
    local.clock.advance('30s');
    expect(await types()).toEqual(['t3.large@2', 't3.micro@1', 't3.micro@1', 't3.xlarge@3']);
  });

  test('UpdateAutoScalingGroup switches a group from a launch configuration to a template and back, keeping its instances', async () => {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' });
    await template();
    await group({ LaunchConfigurationName: 'lc' });
    local.clock.advance('30s');
    const first = (await describeGroup()).Instances?.[0]?.InstanceId;
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'web', Version: '1' } });
    let g = await describeGroup();
    expect([g.LaunchConfigurationName, g.LaunchTemplate?.LaunchTemplateName, g.LaunchTemplate?.Version]).toEqual([undefined, 'web', '1']);
    expect(g.Instances?.map((i) => [i.InstanceId, i.LaunchConfigurationName])).toEqual([[first, 'lc']]);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
    local.clock.advance('30s');
    g = await describeGroup();
    expect(g.Instances?.map((i) => i.LaunchConfigurationName ?? i.LaunchTemplate?.LaunchTemplateName).sort()).toEqual(['lc', 'web']);
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc' });
    g = await describeGroup();
    expect([g.LaunchConfigurationName, g.LaunchTemplate]).toEqual(['lc', undefined]);
  });

  test('scale-in takes launch-configuration instances first (Default), then the oldest template version (OldestLaunchTemplate)', async () => {
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' });
    const id = await template();
    await group({ LaunchConfigurationName: 'lc', DesiredCapacity: 1 });
    local.clock.advance('30s');
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateId: id } });
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
    local.clock.advance('30s');
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 1 });
    local.clock.advance('30s');
    const sources = async (): Promise<string[]> => ((await describeGroup()).Instances ?? []).map((i) => i.LaunchConfigurationName ?? `v${i.LaunchTemplate?.Version}`).sort();
    expect(await sources()).toEqual(['v1']);

    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.large' } });
    await ec2.modifyLaunchTemplate({ LaunchTemplateId: id, DefaultVersion: '2' });
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', TerminationPolicies: ['OldestLaunchTemplate'], DesiredCapacity: 2 });
    local.clock.advance('30s');
    expect(await sources()).toEqual(['v1', 'v2']);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 1 });
    local.clock.advance('30s');
    expect(await sources()).toEqual(['v2']);
  });

  test("AWS's ValidationErrors: launch sources, the template's form, and templates, versions or images that do not exist", async () => {
    const id = await template();
    await ec2.createLaunchTemplate({ LaunchTemplateName: 'no-image', LaunchTemplateData: { InstanceType: 't3.micro' } });
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' });
    const create = (extra: Partial<CreateAutoScalingGroupCommandInput>): Promise<unknown> => group(extra);
    const validation = (message: string): object => ({ name: 'ValidationError', message, status: 400, code: 'ValidationError' });
    const sources = 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.';
    expect(await failure(create({}))).toEqual(validation(sources));
    expect(await failure(create({ LaunchConfigurationName: 'lc', LaunchTemplate: { LaunchTemplateName: 'web' } }))).toEqual(validation(sources));
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateName: 'web', LaunchTemplateId: id } }))).toEqual(validation('Valid requests must contain either launchTemplateId or LaunchTemplateName'));
    expect(await failure(create({ LaunchTemplate: { Version: '1' } }))).toEqual(validation('Valid requests must contain either launchTemplateId or LaunchTemplateName'));
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateName: 'web', Version: 'newest' } }))).toEqual(
      validation("Invalid launch template version: either '$Default', '$Latest', or a numeric version are allowed."),
    );
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateName: 'ghost' } }))).toEqual(
      validation('You must use a valid fully-formed launch template. The specified launch template, with template name ghost, does not exist.'),
    );
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0' } }))).toEqual(
      validation('You must use a valid fully-formed launch template. The specified launch template, with template ID lt-0123456789abcdef0, does not exist.'),
    );
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateName: 'web', Version: '4' } }))).toEqual(
      validation(`You must use a valid fully-formed launch template. Could not find the specified version 4 for the launch template with ID ${id}.`),
    );
    expect(await failure(create({ LaunchTemplate: { LaunchTemplateName: 'no-image' } }))).toEqual(validation('You must use a valid fully-formed launch template. The request must contain the parameter ImageId'));
    expect((await as.describeAutoScalingGroups({})).AutoScalingGroups).toEqual([]);
    await group({ LaunchConfigurationName: 'lc' });
    expect(await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', LaunchTemplate: { LaunchTemplateName: 'web' } }))).toEqual(
      validation('Valid requests must contain either LaunchTemplate, LaunchConfigurationName or MixedInstancesPolicy parameter.'),
    );
    expect(await failure(as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'ghost' } }))).toEqual(
      validation('You must use a valid fully-formed launch template. The specified launch template, with template name ghost, does not exist.'),
    );
    expect((await describeGroup()).LaunchConfigurationName).toBe('lc');
  });

  test('EC2 deletes a version a group uses; the group then fails its launches with the reason and backs off', async () => {
    const id = await template();
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.small' } });
    await group({ LaunchTemplate: { LaunchTemplateId: id, Version: '2' }, MinSize: 0, DesiredCapacity: 0 });
    const deleted = await ec2.deleteLaunchTemplateVersions({ LaunchTemplateId: id, Versions: ['2'] });
    expect(deleted.SuccessfullyDeletedLaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([2]);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 1 });
    const [failed] = await activities();
    expect(failed).toMatchObject({
      StatusCode: 'Failed',
      StatusMessage: `Could not find the specified version 2 for the launch template with ID ${id}. Launching EC2 instance failed.`,
      Description: `Launching a new EC2 instance.  Status Reason: Could not find the specified version 2 for the launch template with ID ${id}. Launching EC2 instance failed.`,
    });
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateId: id, Version: '1' } });
    await ec2.deleteLaunchTemplate({ LaunchTemplateId: id });
    local.clock.advance('5m');
    const latest = (await activities())[0];
    expect(latest?.StatusMessage).toBe(`The specified launch template, with template ID ${id}, does not exist. Launching EC2 instance failed.`);
    expect((await describeGroup()).Instances).toEqual([]);
  });
});

test('groups on templates and their instances are kept in the state file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-aslt-'));
  try {
    const file = join(dir, 'state.json');
    await open({ state: file });
    const id = await template();
    await group({ LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Latest' } });
    local.clock.advance('30s');
    await shut();
    await open({ state: file });
    const g = await describeGroup();
    expect(g.LaunchTemplate).toEqual({ LaunchTemplateId: id, LaunchTemplateName: 'web', Version: '$Latest' });
    expect(g.Instances?.map((i) => [i.LifecycleState, i.LaunchTemplate?.Version])).toEqual([['InService', '1']]);
  } finally {
    await shut();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('new-account mode (launchConfigurations: false)', () => {
  const UNSUPPORTED = {
    name: 'UnsupportedOperation',
    message: 'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.',
    status: 400,
    code: 'UnsupportedOperation',
  };

  test('CreateLaunchConfiguration, and CreateAutoScalingGroup with InstanceId, answer as AWS does; templates work', async () => {
    await open({ launchConfigurations: false });
    try {
      expect(await failure(as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' }))).toEqual(UNSUPPORTED);
      const run = await ec2.runInstances({ ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 });
      expect(await failure(group({ InstanceId: run.Instances?.[0]?.InstanceId as string }))).toEqual(UNSUPPORTED);
      expect((await as.describeLaunchConfigurations({})).LaunchConfigurations).toEqual([]);
      await template();
      await group({ LaunchTemplate: { LaunchTemplateName: 'web' } });
      local.clock.advance('30s');
      expect((await describeGroup()).Instances?.map((i) => i.LifecycleState)).toEqual(['InService']);
    } finally {
      await shut();
    }
  });

  test('launch configurations already in the state file keep working, and the mode is not saved in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-newacct-'));
    try {
      const file = join(dir, 'state.json');
      await open({ state: file });
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'old', ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' });
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'spare', ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' });
      await group({ LaunchConfigurationName: 'old' });
      local.clock.advance('30s');
      await shut();

      await open({ state: file, launchConfigurations: false });
      expect((await as.describeLaunchConfigurations({})).LaunchConfigurations?.map((l) => l.LaunchConfigurationName)).toEqual(['old', 'spare']);
      await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
      local.clock.advance('30s');
      expect((await describeGroup()).Instances?.map((i) => [i.LifecycleState, i.LaunchConfigurationName])).toEqual([
        ['InService', 'old'],
        ['InService', 'old'],
      ]);
      await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'spare' });
      await as.deleteLaunchConfiguration({ LaunchConfigurationName: 'old' });
      expect(await failure(as.createLaunchConfiguration({ LaunchConfigurationName: 'new', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' }))).toEqual(UNSUPPORTED);
      await shut();

      await open({ state: file });
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'new', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
    } finally {
      await shut();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

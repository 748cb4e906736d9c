/**
 * The simulated EC2's launch templates through @aws-sdk/client-ec2: every action, its
 * versions ($Latest, $Default, ranges), filters, paging, idempotency and EC2's error
 * answers, and templates kept across a state file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2, type RequestLaunchTemplateData } from '@aws-sdk/client-ec2';
import { createCloud } from '../../src/local';
import { clientConfig, eachLocal, failure, startTest, T0 } from './helpers';

let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (_local, c) => {
  ec2 = c;
});

const FULL: RequestLaunchTemplateData = {
  ImageId: 'ami-0abcdef1234567890',
  InstanceType: 't3.micro',
  KeyName: 'my-key',
  SecurityGroups: ['default'],
  UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: true, Encrypted: true } }],
  Monitoring: { Enabled: true },
  IamInstanceProfile: { Name: 'web-role' },
  EbsOptimized: true,
  InstanceMarketOptions: { MarketType: 'spot', SpotOptions: { MaxPrice: '0.05' } },
  MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
  TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
};

/** Data with one member: the SDK sends no member at all for an empty structure. */
const SOME: RequestLaunchTemplateData = { KeyName: 'k' };

async function create(name: string, data: RequestLaunchTemplateData = { ImageId: 'ami-12345678', InstanceType: 't3.micro' }): Promise<string> {
  const out = await ec2.createLaunchTemplate({ LaunchTemplateName: name, LaunchTemplateData: data });
  return out.LaunchTemplate?.LaunchTemplateId as string;
}

describe('CreateLaunchTemplate', () => {
  test('a template with version 1 holding every launch parameter as sent, its description and its tags', async () => {
    const out = await ec2.createLaunchTemplate({
      LaunchTemplateName: 'web',
      VersionDescription: 'first',
      LaunchTemplateData: FULL,
      TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'ops' }] }],
    });
    const id = out.LaunchTemplate?.LaunchTemplateId as string;
    expect(id).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(out.LaunchTemplate).toEqual({
      LaunchTemplateId: id,
      LaunchTemplateName: 'web',
      CreateTime: new Date(T0),
      CreatedBy: 'arn:aws:iam::123456789012:root',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    const versions = await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id });
    expect(versions.LaunchTemplateVersions).toEqual([
      {
        LaunchTemplateId: id,
        LaunchTemplateName: 'web',
        VersionNumber: 1,
        VersionDescription: 'first',
        CreateTime: new Date(T0),
        CreatedBy: 'arn:aws:iam::123456789012:root',
        DefaultVersion: true,
        LaunchTemplateData: FULL,
      },
    ]);
  });

  test("EC2's answers to a name in use, a malformed name, a tag of another resource type, an aws: tag, and DryRun", async () => {
    await create('web');
    expect(await failure(create('web'))).toEqual({ name: 'InvalidLaunchTemplateName.AlreadyExistsException', message: 'Launch template name already in use.', status: 400, code: 'InvalidLaunchTemplateName.AlreadyExistsException' });
    const malformed = {
      name: 'InvalidLaunchTemplateName.MalformedException',
      message: 'A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.',
      status: 400,
      code: 'InvalidLaunchTemplateName.MalformedException',
    };
    expect(await failure(create('web server'))).toEqual(malformed);
    expect(await failure(create('x'.repeat(129)))).toMatchObject({ status: 400 });
    const tagged = (type: 'instance' | 'launch-template', key: string): Promise<unknown> =>
      ec2.createLaunchTemplate({ LaunchTemplateName: 'tagged', LaunchTemplateData: SOME, TagSpecifications: [{ ResourceType: type, Tags: [{ Key: key, Value: 'v' }] }] });
    expect(await failure(tagged('instance', 'k'))).toEqual({ name: 'InvalidParameterValue', message: "'instance' is not a valid taggable resource type for this operation.", status: 400, code: 'InvalidParameterValue' });
    expect((await failure(tagged('launch-template', 'aws:x'))).message).toBe("Tag keys starting with 'aws:' are reserved for internal use");
    expect(await failure(ec2.createLaunchTemplate({ LaunchTemplateName: 'empty', LaunchTemplateData: {} }))).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter LaunchTemplateData',
      status: 400,
      code: 'MissingParameter',
    });
    expect(await failure(ec2.createLaunchTemplate({ DryRun: true, LaunchTemplateName: 'dry', LaunchTemplateData: SOME }))).toMatchObject({ name: 'DryRunOperation', status: 412 });
    expect((await ec2.describeLaunchTemplates({})).LaunchTemplates?.map((t) => t.LaunchTemplateName)).toEqual(['web']);
  });

  test('the same ClientToken gives the same template; with another name it is refused', async () => {
    const a = await ec2.createLaunchTemplate({ ClientToken: 'tok-1', LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678' } });
    const b = await ec2.createLaunchTemplate({ ClientToken: 'tok-1', LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678' } });
    expect(b.LaunchTemplate?.LaunchTemplateId).toBe(a.LaunchTemplate?.LaunchTemplateId);
    expect((await failure(ec2.createLaunchTemplate({ ClientToken: 'tok-1', LaunchTemplateName: 'other', LaunchTemplateData: SOME }))).name).toBe('IdempotentParameterMismatch');
    expect((await ec2.describeLaunchTemplates({})).LaunchTemplates).toHaveLength(1);
  });
});

describe('CreateLaunchTemplateVersion', () => {
  test('numbers versions in order; SourceVersion keeps the members not given; the default stays', async () => {
    const id = await create('web', { ImageId: 'ami-11111111', InstanceType: 't3.micro', KeyName: 'k' });
    const v2 = await ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'web', SourceVersion: '1', VersionDescription: 'bigger', LaunchTemplateData: { InstanceType: 't3.large' } });
    expect(v2.LaunchTemplateVersion).toMatchObject({ LaunchTemplateId: id, VersionNumber: 2, DefaultVersion: false, VersionDescription: 'bigger', LaunchTemplateData: { ImageId: 'ami-11111111', InstanceType: 't3.large', KeyName: 'k' } });
    const v3 = await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: 'ami-33333333' } });
    expect(v3.LaunchTemplateVersion?.LaunchTemplateData).toEqual({ ImageId: 'ami-33333333' });
    expect((await ec2.describeLaunchTemplates({ LaunchTemplateIds: [id] })).LaunchTemplates?.[0]).toMatchObject({ DefaultVersionNumber: 1, LatestVersionNumber: 3 });
    const repeat = await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, ClientToken: 't', LaunchTemplateData: SOME });
    const again = await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, ClientToken: 't', LaunchTemplateData: SOME });
    expect(again.LaunchTemplateVersion?.VersionNumber).toBe(repeat.LaunchTemplateVersion?.VersionNumber);
  });

  test("EC2's answers to an unknown template, source version, and to naming the template twice or not at all", async () => {
    const id = await create('web');
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateName: 'nope', LaunchTemplateData: SOME }))).toEqual({
      name: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name nope, does not exist.',
      status: 400,
      code: 'InvalidLaunchTemplateName.NotFoundException',
    });
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateId: 'lt-0123456789abcdef0', LaunchTemplateData: SOME }))).toEqual({
      name: 'InvalidLaunchTemplateId.NotFound',
      message: 'The specified launch template, with template ID lt-0123456789abcdef0, does not exist.',
      status: 400,
      code: 'InvalidLaunchTemplateId.NotFound',
    });
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateId: 'web', LaunchTemplateData: SOME }))).toMatchObject({ name: 'InvalidLaunchTemplateId.Malformed', message: 'Invalid id: "web" (expecting "lt-...")' });
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, SourceVersion: '7', LaunchTemplateData: SOME }))).toEqual({
      name: 'InvalidLaunchTemplateId.VersionNotFound',
      message: `Could not find the specified version 7 for the launch template with ID ${id}.`,
      status: 400,
      code: 'InvalidLaunchTemplateId.VersionNotFound',
    });
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateName: 'web', LaunchTemplateData: SOME }))).toMatchObject({ name: 'InvalidParameterCombination', status: 400 });
    expect(await failure(ec2.createLaunchTemplateVersion({ LaunchTemplateData: SOME }))).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter launch template ID or launch template name',
      status: 400,
      code: 'MissingParameter',
    });
  });
});

describe('DescribeLaunchTemplateVersions', () => {
  async function threeVersions(): Promise<string> {
    const id = await create('web', { ImageId: 'ami-11111111', InstanceType: 't3.micro' });
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: 'ami-22222222', InstanceType: 't3.small' } });
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: 'ami-33333333', InstanceType: 't3.large', EbsOptimized: true } });
    await ec2.modifyLaunchTemplate({ LaunchTemplateId: id, DefaultVersion: '2' });
    return id;
  }
  const numbers = (out: { LaunchTemplateVersions?: Array<{ VersionNumber?: number }> }): Array<number | undefined> => (out.LaunchTemplateVersions ?? []).map((v) => v.VersionNumber);

  test('$Latest, $Default, numbers, MinVersion/MaxVersion ranges and filters', async () => {
    const id = await threeVersions();
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web' }))).toEqual([1, 2, 3]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web', Versions: ['$Latest'] }))).toEqual([3]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Versions: ['$Default', '1'] }))).toEqual([2, 1]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MinVersion: '2' }))).toEqual([2, 3]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MaxVersion: '2' }))).toEqual([1, 2]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MinVersion: '2', MaxVersion: '2' }))).toEqual([2]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MinVersion: '$Default', MaxVersion: '9' }))).toEqual([2, 3]);
    expect(await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MinVersion: 'two' }))).toEqual({
      name: 'InvalidParameterValue',
      message: "Invalid launch template version 'two': use $Latest, $Default or a version number.",
      status: 400,
      code: 'InvalidParameterValue',
    });
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Filters: [{ Name: 'instance-type', Values: ['t3.s*', 't3.large'] }] }))).toEqual([2, 3]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Filters: [{ Name: 'is-default-version', Values: ['true'] }] }))).toEqual([2]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Filters: [{ Name: 'image-id', Values: ['ami-11111111'] }] }))).toEqual([1]);
    expect(numbers(await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Filters: [{ Name: 'ebs-optimized', Values: ['true'] }] }))).toEqual([3]);
    expect((await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, Filters: [{ Name: 'colour', Values: ['x'] }] }))).message).toBe("The filter 'colour' is invalid");
  });

  test('without a template: $Latest and $Default of every template; numbers or no versions are refused as EC2 does', async () => {
    await threeVersions();
    await create('api');
    const all = await ec2.describeLaunchTemplateVersions({ Versions: ['$Latest', '$Default'] });
    expect(all.LaunchTemplateVersions?.map((v) => `${v.LaunchTemplateName}:${v.VersionNumber}`)).toEqual(['web:2', 'web:3', 'api:1']);
    const message =
      'To describe the launch template data for all your launch templates, for ‘--versions’ specify ‘$Latest’, ‘$Default’, or both, and omit ‘--launch-template-id’, ‘--launch-template-name’, and version numbers. To describe the launch template data for a specific launch template, specify ‘--launch-template-id’ or ‘--launch-template-name’, and for ‘--versions’ specify one or more of the following values: ‘$Latest’, ‘$Default’, or one or more version numbers.';
    expect(await failure(ec2.describeLaunchTemplateVersions({}))).toEqual({ name: 'MissingParameter', message, status: 400, code: 'MissingParameter' });
    expect(await failure(ec2.describeLaunchTemplateVersions({ Versions: ['1'] }))).toEqual({ name: 'InvalidParameterValue', message, status: 400, code: 'InvalidParameterValue' });
  });

  test("EC2's answers to an unknown template or version", async () => {
    const id = await threeVersions();
    expect(await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'template_name' }))).toEqual({
      name: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name template_name, does not exist.',
      status: 400,
      code: 'InvalidLaunchTemplateName.NotFoundException',
    });
    expect(await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateName: 'web', Versions: ['9'] }))).toEqual({
      name: 'InvalidLaunchTemplateId.VersionNotFound',
      message: `Could not find the specified version 9 for the launch template with ID ${id}.`,
      status: 400,
      code: 'InvalidLaunchTemplateId.VersionNotFound',
    });
  });

  test('pages with MaxResults and NextToken; MaxResults outside 1-200 is refused', async () => {
    const id = await threeVersions();
    const first = await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MaxResults: 2 });
    expect(numbers(first)).toEqual([1, 2]);
    const second = await ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MaxResults: 2, NextToken: first.NextToken as string });
    expect(numbers(second)).toEqual([3]);
    expect(second.NextToken).toBeUndefined();
    expect(await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id, MaxResults: 201 }))).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
  });
});

describe('DescribeLaunchTemplates', () => {
  test('by ids and names in the order asked, by filters, and in pages', async () => {
    const a = await create('alpha');
    const b = await create('beta');
    await ec2.createLaunchTemplate({ LaunchTemplateName: 'gamma', LaunchTemplateData: SOME, TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'env', Value: 'prod' }] }] });
    const names = (out: { LaunchTemplates?: Array<{ LaunchTemplateName?: string }> }): Array<string | undefined> => (out.LaunchTemplates ?? []).map((t) => t.LaunchTemplateName);
    expect(names(await ec2.describeLaunchTemplates({}))).toEqual(['alpha', 'beta', 'gamma']);
    expect(names(await ec2.describeLaunchTemplates({ LaunchTemplateNames: ['beta', 'alpha'] }))).toEqual(['beta', 'alpha']);
    expect(names(await ec2.describeLaunchTemplates({ LaunchTemplateIds: [b, a] }))).toEqual(['beta', 'alpha']);
    expect(names(await ec2.describeLaunchTemplates({ Filters: [{ Name: 'launch-template-name', Values: ['*a'] }] }))).toEqual(['alpha', 'beta', 'gamma']);
    expect(names(await ec2.describeLaunchTemplates({ Filters: [{ Name: 'tag:env', Values: ['prod'] }] }))).toEqual(['gamma']);
    expect(names(await ec2.describeLaunchTemplates({ Filters: [{ Name: 'tag-key', Values: ['env'] }] }))).toEqual(['gamma']);
    const p1 = await ec2.describeLaunchTemplates({ MaxResults: 2 });
    expect(names(p1)).toEqual(['alpha', 'beta']);
    expect(names(await ec2.describeLaunchTemplates({ MaxResults: 2, NextToken: p1.NextToken as string }))).toEqual(['gamma']);
  });

  test("EC2's answers to names and ids that do not exist", async () => {
    await create('alpha');
    expect(await failure(ec2.describeLaunchTemplates({ LaunchTemplateNames: ['alpha', 'zeta'] }))).toEqual({
      name: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'At least one of the launch templates specified in the request does not exist.',
      status: 400,
      code: 'InvalidLaunchTemplateName.NotFoundException',
    });
    expect((await failure(ec2.describeLaunchTemplates({ LaunchTemplateIds: ['lt-0123456789abcdef0'] }))).message).toBe('The specified launch template, with template ID lt-0123456789abcdef0, does not exist.');
    expect((await failure(ec2.describeLaunchTemplates({ LaunchTemplateIds: ['alpha'] }))).name).toBe('InvalidLaunchTemplateId.Malformed');
  });
});

describe('ModifyLaunchTemplate, DeleteLaunchTemplate, DeleteLaunchTemplateVersions', () => {
  test('sets the default version; an unknown version or both id and name are refused as EC2 does', async () => {
    const id = await create('web');
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { InstanceType: 't3.large' } });
    expect((await ec2.modifyLaunchTemplate({ LaunchTemplateName: 'web', DefaultVersion: '2' })).LaunchTemplate).toMatchObject({ LaunchTemplateId: id, DefaultVersionNumber: 2, LatestVersionNumber: 2 });
    expect(await failure(ec2.modifyLaunchTemplate({ LaunchTemplateName: 'web', DefaultVersion: '5' }))).toEqual({
      name: 'InvalidLaunchTemplateId.VersionNotFound',
      message: 'The launch template version 5 is not found for the specified launch template.',
      status: 400,
      code: 'InvalidLaunchTemplateId.VersionNotFound',
    });
    expect(await failure(ec2.modifyLaunchTemplate({ LaunchTemplateId: id, LaunchTemplateName: 'web', DefaultVersion: '1' }))).toEqual({
      name: 'InvalidParameterCombination',
      message: 'Either provide launch template ID or launch template name to modify the template.',
      status: 400,
      code: 'InvalidParameterCombination',
    });
  });

  test('deletes versions one by one, answering the default and unknown versions with their own errors', async () => {
    const id = await create('web');
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { InstanceType: 't3.large' } });
    await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { InstanceType: 't3.xlarge' } });
    const out = await ec2.deleteLaunchTemplateVersions({ LaunchTemplateName: 'web', Versions: ['1', '3', '8'] });
    expect(out.SuccessfullyDeletedLaunchTemplateVersions).toEqual([{ LaunchTemplateId: id, LaunchTemplateName: 'web', VersionNumber: 3 }]);
    expect(out.UnsuccessfullyDeletedLaunchTemplateVersions).toEqual([
      { LaunchTemplateId: id, LaunchTemplateName: 'web', VersionNumber: 1, ResponseError: { Code: 'unexpectedError', Message: expect.stringContaining("You can't delete the default version of a launch template") as string } },
      { LaunchTemplateId: id, LaunchTemplateName: 'web', VersionNumber: 8, ResponseError: { Code: 'launchTemplateVersionDoesNotExist', Message: 'The specified launch template version does not exist.' } },
    ]);
    const left = await ec2.describeLaunchTemplates({ LaunchTemplateIds: [id] });
    expect(left.LaunchTemplates?.[0]).toMatchObject({ DefaultVersionNumber: 1, LatestVersionNumber: 2 });
    const v4 = await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: SOME });
    expect(v4.LaunchTemplateVersion?.VersionNumber).toBe(4);
    const missing = await ec2.deleteLaunchTemplateVersions({ LaunchTemplateName: 'nope', Versions: ['2'] });
    expect(missing.UnsuccessfullyDeletedLaunchTemplateVersions).toEqual([
      { LaunchTemplateName: 'nope', VersionNumber: 2, ResponseError: { Code: 'launchTemplateNameDoesNotExist', Message: 'The specified launch template, with template name nope, does not exist.' } },
    ]);
  });

  test('DeleteLaunchTemplate removes every version, frees the name, and needs an id or a name', async () => {
    const id = await create('web');
    const out = await ec2.deleteLaunchTemplate({ LaunchTemplateId: id });
    expect(out.LaunchTemplate).toMatchObject({ LaunchTemplateId: id, LaunchTemplateName: 'web' });
    expect((await failure(ec2.describeLaunchTemplateVersions({ LaunchTemplateId: id }))).name).toBe('InvalidLaunchTemplateId.NotFound');
    expect((await failure(ec2.deleteLaunchTemplate({ LaunchTemplateName: 'web' }))).name).toBe('InvalidLaunchTemplateName.NotFoundException');
    expect(await failure(ec2.deleteLaunchTemplate({}))).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter launch template ID or launch template name',
      status: 400,
      code: 'MissingParameter',
    });
    expect(await create('web')).not.toBe(id);
  });
});

test('templates and their versions are kept in the state file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-lt-'));
  try {
    const file = join(dir, 'state.json');
    const first = await startTest({ state: file });
    const client = new EC2(clientConfig(first.endpoint));
    const made = await client.createLaunchTemplate({ LaunchTemplateName: 'kept', LaunchTemplateData: FULL });
    await client.createLaunchTemplateVersion({ LaunchTemplateName: 'kept', LaunchTemplateData: { InstanceType: 't3.large' } });
    await client.deleteLaunchTemplateVersions({ LaunchTemplateName: 'kept', Versions: ['2'] });
    client.destroy();
    await first.close();
    const second = await startTest({ state: file });
    const again = new EC2(clientConfig(second.endpoint));
    try {
      const versions = await again.describeLaunchTemplateVersions({ LaunchTemplateName: 'kept' });
      expect(versions.LaunchTemplateVersions?.map((v) => [v.LaunchTemplateId, v.VersionNumber, v.LaunchTemplateData])).toEqual([[made.LaunchTemplate?.LaunchTemplateId, 1, FULL]]);
      expect((await again.createLaunchTemplateVersion({ LaunchTemplateName: 'kept', LaunchTemplateData: SOME })).LaunchTemplateVersion?.VersionNumber).toBe(3);
    } finally {
      again.destroy();
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a snapshot made before launch templates existed still restores, with no templates', () => {
  const before = createCloud();
  const snapshot = JSON.parse(JSON.stringify(before.snapshot())) as { ec2: Record<string, unknown> };
  delete snapshot.ec2.launchTemplates;
  const after = createCloud();
  after.restore(snapshot as unknown as Parameters<typeof after.restore>[0]);
  const handlers = after.handlers('ec2');
  const ctx = { cloud: after, region: 'us-east-1', accountId: '123456789012', requestId: 'r', now: after.clock.now() };
  expect(handlers.DescribeLaunchTemplates?.({}, ctx)).toEqual({ LaunchTemplates: [] });
  const made = handlers.CreateLaunchTemplate?.({ LaunchTemplateName: 'new', LaunchTemplateData: { ImageId: 'ami-12345678' } }, ctx);
  expect(made).toMatchObject({ LaunchTemplate: { LaunchTemplateName: 'new', LatestVersionNumber: 1 } });
  before.dispose();
  after.dispose();
});

import { inspect } from 'node:util';
import { BlockDeviceMapping, Ebs, LaunchConfiguration } from '../../src/autoscale';
import * as autoscale from '../../src/autoscale';
import { BotoClientError, BotoServerError } from '../../src/core';
import { LaunchTemplate } from '../../src/ec2';
import { ec2OnWire, replyEc2, replyEc2Error, sent } from '../helpers/ec2';

const LT_ID = 'lt-0a20c965061f64abc';

function templateXml(o: { name?: string; id?: string; latest?: number; def?: number; tags?: [string, string][] } = {}): string {
  const tags = (o.tags ?? []).map(([k, v]) => `<item><key>${k}</key><value>${v}</value></item>`).join('');
  return `<createTime>2017-10-31T11:38:52.000Z</createTime>
    <createdBy>arn:aws:iam::123456789012:root</createdBy>
    <defaultVersionNumber>${o.def ?? 1}</defaultVersionNumber>
    <latestVersionNumber>${o.latest ?? 1}</latestVersionNumber>
    <launchTemplateId>${o.id ?? LT_ID}</launchTemplateId>
    <launchTemplateName>${o.name ?? 'web'}</launchTemplateName>
    ${tags ? `<tagSet>${tags}</tagSet>` : ''}`;
}

function versionXml(o: { version: number; isDefault?: boolean; instanceType?: string; data?: string }): string {
  return `<item>
    <createTime>2017-11-20T13:12:32.000Z</createTime>
    <createdBy>arn:aws:iam::123456789012:root</createdBy>
    <defaultVersion>${o.isDefault ? 'true' : 'false'}</defaultVersion>
    <launchTemplateData>
      <imageId>ami-8c1be5f6</imageId>
      <instanceType>${o.instanceType ?? 't3.micro'}</instanceType>
      ${o.data ?? ''}
    </launchTemplateData>
    <launchTemplateId>${LT_ID}</launchTemplateId>
    <launchTemplateName>web</launchTemplateName>
    <versionDescription>v${o.version}</versionDescription>
    <versionNumber>${o.version}</versionNumber>
  </item>`;
}

/** The params without the idempotency token the SDK adds to every create (checked to be there). */
function untokened(params: Record<string, string>): Record<string, string> {
  const { ClientToken, ...rest } = params;
  expect(ClientToken).toMatch(/^[0-9a-f-]{36}$/);
  return rest;
}

describe('LaunchTemplate objects', () => {
  test('is offered by botoscale/autoscale too, and requires IMDSv2 unless told otherwise', () => {
    expect(autoscale.LaunchTemplate).toBe(LaunchTemplate);
    expect(new LaunchTemplate({ name: 'web' }).metadataOptions).toEqual({ httpTokens: 'required' });
    expect(new LaunchTemplate({ name: 'web', metadataOptions: { httpTokens: 'optional' } }).metadataOptions).toEqual({ httpTokens: 'optional' });
  });

  test('prints as LaunchTemplate:NAME(vN, default vD), leaving out what is unknown', () => {
    const lt = new LaunchTemplate({ name: 'web' });
    expect(String(lt)).toBe('LaunchTemplate:web');
    lt.versionNumber = 3;
    expect(inspect(lt)).toBe('LaunchTemplate:web(v3)');
    lt.defaultVersionNumber = 2;
    expect(inspect([lt])).toBe('[ LaunchTemplate:web(v3, default v2) ]');
  });

  test('fromLaunchConfiguration copies every field a template can hold, keeping IMDSv1 as the configuration had it', () => {
    const lc = new LaunchConfiguration({
      name: 'web-1', imageId: 'ami-1', instanceType: 't2.micro', keyName: 'k', securityGroups: ['sg-0123abcd', 'default'],
      userData: '#!/bin/sh\necho hi', instanceMonitoring: true, spotPrice: '0.05', instanceProfileName: 'role', ebsOptimized: true,
      kernelId: 'aki-1', ramdiskId: 'ari-1', placementTenancy: 'dedicated',
      blockDeviceMappings: [new BlockDeviceMapping({ deviceName: '/dev/sdb', ebs: new Ebs({ volumeSize: 20, volumeType: 'gp3' }) })],
    });
    const lt = LaunchTemplate.fromLaunchConfiguration(lc);
    expect(lt.settings()).toEqual({
      imageId: 'ami-1', instanceType: 't2.micro', keyName: 'k', securityGroups: ['sg-0123abcd', 'default'], userData: '#!/bin/sh\necho hi',
      blockDeviceMappings: [expect.any(BlockDeviceMapping)], instanceMonitoring: true, instanceProfileName: 'role', ebsOptimized: true,
      spotPrice: 0.05, kernelId: 'aki-1', ramdiskId: 'ari-1', associatePublicIpAddress: undefined, placementTenancy: 'dedicated',
      metadataOptions: { httpTokens: 'optional' },
    });
    expect(lt.name).toBe('web-1');
    expect(lt.blockDeviceMappings[0]).not.toBe(lc.blockDeviceMappings[0]);
    expect(lt.blockDeviceMappings[0]?.ebs?.volumeSize).toBe(20);
    const renamed = LaunchTemplate.fromLaunchConfiguration(lc, { name: 'web', metadataOptions: { httpTokens: 'required' } });
    expect([renamed.name, renamed.metadataOptions]).toEqual(['web', { httpTokens: 'required' }]);
  });

  test('fromLaunchConfiguration refuses ClassicLink rather than dropping it', () => {
    const lc = new LaunchConfiguration({ name: 'old', imageId: 'ami-1', classicLinkVpcId: 'vpc-1' });
    expect(() => LaunchTemplate.fromLaunchConfiguration(lc)).toThrow(
      new BotoClientError('LaunchConfiguration:old uses ClassicLink VPC vpc-1, which AWS retired with EC2-Classic and launch templates cannot express; clear classicLinkVpcId to copy the rest'),
    );
  });

  test('a call without a connection says how to get one', async () => {
    await expect(new LaunchTemplate({ name: 'web' }).delete()).rejects.toThrow(/^LaunchTemplate:web has no connection/);
  });
});

describe('EC2Connection launch template calls on the wire', () => {
  test('createLaunchTemplate sends every setting and binds the object', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'CreateLaunchTemplate', `<launchTemplate>${templateXml({ tags: [['team', 'a']] })}</launchTemplate>`);
    const lt = new LaunchTemplate({
      name: 'web', imageId: 'ami-8c1be5f6', instanceType: 't3.micro', keyName: 'my-key', securityGroups: ['sg-0123abcd', 'web'],
      userData: '#!/bin/sh\necho hi', instanceMonitoring: true, instanceProfileName: 'arn:aws:iam::123456789012:instance-profile/web',
      ebsOptimized: true, spotPrice: 0.05, versionDescription: 'first', tags: { team: 'a' },
      blockDeviceMappings: [new BlockDeviceMapping({ deviceName: '/dev/sdb', ebs: new Ebs({ volumeSize: 20, deleteOnTermination: true }) })],
    });
    const out = await conn.createLaunchTemplate(lt);
    expect(out).toBe(lt);
    expect(untokened(wire.last.params)).toEqual(sent('CreateLaunchTemplate', {
      LaunchTemplateName: 'web',
      VersionDescription: 'first',
      'LaunchTemplateData.ImageId': 'ami-8c1be5f6',
      'LaunchTemplateData.InstanceType': 't3.micro',
      'LaunchTemplateData.KeyName': 'my-key',
      'LaunchTemplateData.SecurityGroupId.1': 'sg-0123abcd',
      'LaunchTemplateData.SecurityGroup.1': 'web',
      'LaunchTemplateData.UserData': Buffer.from('#!/bin/sh\necho hi').toString('base64'),
      'LaunchTemplateData.BlockDeviceMapping.1.DeviceName': '/dev/sdb',
      'LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeSize': '20',
      'LaunchTemplateData.BlockDeviceMapping.1.Ebs.DeleteOnTermination': 'true',
      'LaunchTemplateData.Monitoring.Enabled': 'true',
      'LaunchTemplateData.IamInstanceProfile.Arn': 'arn:aws:iam::123456789012:instance-profile/web',
      'LaunchTemplateData.EbsOptimized': 'true',
      'LaunchTemplateData.InstanceMarketOptions.MarketType': 'spot',
      'LaunchTemplateData.InstanceMarketOptions.SpotOptions.MaxPrice': '0.05',
      'LaunchTemplateData.MetadataOptions.HttpTokens': 'required',
      'TagSpecification.1.ResourceType': 'launch-template',
      'TagSpecification.1.Tag.1.Key': 'team',
      'TagSpecification.1.Tag.1.Value': 'a',
    }));
    expect(lt.connection).toBe(conn);
    expect([lt.id, lt.versionNumber, lt.defaultVersionNumber, lt.latestVersionNumber, lt.defaultVersion]).toEqual([LT_ID, 1, 1, 1, true]);
    expect(lt.createTime).toEqual(new Date('2017-10-31T11:38:52.000Z'));
    expect(String(lt)).toBe('LaunchTemplate:web(v1, default v1)');
    expect(lt.warnings).toEqual([]);
  });

  test('a public IP puts the security groups on the primary network interface, as EC2 requires', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'CreateLaunchTemplate', `<launchTemplate>${templateXml()}</launchTemplate>
      <warning><errorSet><item><code>InvalidAMIID.NotFound</code><message>The image id '[ami-1]' does not exist</message></item></errorSet></warning>`);
    const lt = await conn.createLaunchTemplate(new LaunchTemplate({ name: 'web', imageId: 'ami-1', securityGroups: ['sg-1a', 'sg-2b'], associatePublicIpAddress: true }));
    expect(untokened(wire.lastParams)).toEqual({
      LaunchTemplateName: 'web',
      'LaunchTemplateData.ImageId': 'ami-1',
      'LaunchTemplateData.NetworkInterface.1.DeviceIndex': '0',
      'LaunchTemplateData.NetworkInterface.1.AssociatePublicIpAddress': 'true',
      'LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1': 'sg-1a',
      'LaunchTemplateData.NetworkInterface.1.SecurityGroupId.2': 'sg-2b',
      'LaunchTemplateData.MetadataOptions.HttpTokens': 'required',
    });
    expect(lt.warnings).toEqual(["InvalidAMIID.NotFound: The image id '[ami-1]' does not exist"]);
  });

  test('getLaunchTemplateVersions reads every setting, learns the default from the page, and pages', async () => {
    const { wire, conn } = ec2OnWire();
    const data = `<keyName>my-key</keyName>
      <securityGroupIdSet><item>sg-0123abcd</item></securityGroupIdSet>
      <userData>${Buffer.from('#!/bin/sh').toString('base64')}</userData>
      <monitoring><enabled>true</enabled></monitoring>
      <iamInstanceProfile><name>web-role</name></iamInstanceProfile>
      <ebsOptimized>false</ebsOptimized>
      <blockDeviceMappingSet><item><deviceName>/dev/sdb</deviceName><ebs><volumeSize>20</volumeSize><volumeType>gp3</volumeType></ebs></item></blockDeviceMappingSet>
      <instanceMarketOptions><marketType>spot</marketType><spotOptions><maxPrice>0.05</maxPrice></spotOptions></instanceMarketOptions>
      <placement><tenancy>default</tenancy></placement>
      <metadataOptions><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit></metadataOptions>`;
    const firstPage = `<launchTemplateVersionSet>${versionXml({ version: 2, data })}${versionXml({ version: 1, isDefault: true })}</launchTemplateVersionSet><nextToken>tok-2</nextToken>`;
    replyEc2(wire, 'DescribeLaunchTemplateVersions', firstPage);
    const page = await conn.getLaunchTemplateVersions('web', { versions: ['$Latest', 2, 1], maxResults: 2 });
    expect(wire.last.params).toEqual(sent('DescribeLaunchTemplateVersions', {
      LaunchTemplateName: 'web', 'LaunchTemplateVersion.1': '$Latest', 'LaunchTemplateVersion.2': '2', 'LaunchTemplateVersion.3': '1', MaxResults: '2',
    }));
    expect(page.map(String)).toEqual(['LaunchTemplate:web(v2, default v1)', 'LaunchTemplate:web(v1, default v1)']);
    expect(page.nextToken).toBe('tok-2');
    const v2 = page[0] as LaunchTemplate;
    expect(v2.settings()).toEqual({
      imageId: 'ami-8c1be5f6', instanceType: 't3.micro', keyName: 'my-key', securityGroups: ['sg-0123abcd'], userData: '#!/bin/sh',
      blockDeviceMappings: [expect.any(BlockDeviceMapping)], instanceMonitoring: true, instanceProfileName: 'web-role', ebsOptimized: false,
      spotPrice: 0.05, kernelId: undefined, ramdiskId: undefined, associatePublicIpAddress: undefined, placementTenancy: 'default',
      metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: undefined, instanceMetadataTags: undefined },
    });
    expect([v2.versionDescription, v2.defaultVersion, v2.id, v2.connection]).toEqual(['v2', false, LT_ID, conn]);
    expect(v2.blockDeviceMappings[0]?.ebs?.volumeType).toBe('gp3');
    replyEc2(wire, 'DescribeLaunchTemplateVersions', firstPage);
    replyEc2(wire, 'DescribeLaunchTemplateVersions', `<launchTemplateVersionSet>${versionXml({ version: 3 })}</launchTemplateVersionSet>`);
    const all = await conn.getLaunchTemplateVersions('web', { versions: ['$Latest', 2, 1], maxResults: 2 }).all();
    expect(all.map((v) => v.versionNumber)).toEqual([2, 1, 3]);
    expect(wire.last.params.NextToken).toBe('tok-2');
  });

  test('without a template, the $Default (or $Latest) version of every template of the account', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeLaunchTemplateVersions', `<launchTemplateVersionSet>${versionXml({ version: 3, isDefault: true })}</launchTemplateVersionSet>`);
    const page = await conn.getLaunchTemplateVersions(undefined, { versions: ['$Default'] });
    expect(wire.last.params).toEqual(sent('DescribeLaunchTemplateVersions', { 'LaunchTemplateVersion.1': '$Default' }));
    expect(page.map(String)).toEqual(['LaunchTemplate:web(v3, default v3)']);
  });

  test('getAllLaunchTemplates by names and ids, with filters, one page and all pages', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeLaunchTemplates', `<launchTemplates><item>${templateXml({ latest: 3, def: 2, tags: [['team', 'a']] })}</item></launchTemplates>`);
    const page = await conn.getAllLaunchTemplates({ names: ['web'], ids: [LT_ID], filters: { 'tag:team': 'a' }, maxResults: 5 });
    expect(wire.last.params).toEqual(sent('DescribeLaunchTemplates', {
      'LaunchTemplateName.1': 'web', 'LaunchTemplateId.1': LT_ID, 'Filter.1.Name': 'tag:team', 'Filter.1.Value.1': 'a', MaxResults: '5',
    }));
    expect(inspect(page)).toBe('[ LaunchTemplate:web(v3, default v2) ]');
    expect(page[0]?.tags).toEqual({ team: 'a' });
    expect(page[0]?.metadataOptions).toBeUndefined();
    replyEc2(wire, 'DescribeLaunchTemplates', `<launchTemplates><item>${templateXml({ name: 'a' })}</item></launchTemplates><nextToken>t2</nextToken>`);
    replyEc2(wire, 'DescribeLaunchTemplates', `<launchTemplates><item>${templateXml({ name: 'b' })}</item></launchTemplates>`);
    const names: (string | undefined)[] = [];
    for await (const lt of conn.getAllLaunchTemplates()) names.push(lt.name);
    expect(names).toEqual(['a', 'b']);
    expect(wire.last.params).toEqual(sent('DescribeLaunchTemplates', { NextToken: 't2' }));
  });

  test('createVersion with changes starts from $Latest, which EC2 needs as a number', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'CreateLaunchTemplate', `<launchTemplate>${templateXml({ latest: 1 })}</launchTemplate>`);
    const lt = await conn.createLaunchTemplate(new LaunchTemplate({ name: 'web', imageId: 'ami-1', instanceType: 't3.micro' }));
    replyEc2(wire, 'DescribeLaunchTemplateVersions', `<launchTemplateVersionSet>${versionXml({ version: 4, isDefault: true })}</launchTemplateVersionSet>`);
    replyEc2(wire, 'CreateLaunchTemplateVersion', `<launchTemplateVersion>${versionXml({ version: 5, instanceType: 't3.small' }).replace(/^<item>|<\/item>$/g, '')}</launchTemplateVersion>`);
    const v = await lt.createVersion({ instanceType: 't3.small' }, { versionDescription: 'bigger' });
    expect([wire.requests[1]?.params, untokened(wire.last.params)]).toEqual([
      sent('DescribeLaunchTemplateVersions', { LaunchTemplateId: LT_ID, 'LaunchTemplateVersion.1': '$Latest' }),
      sent('CreateLaunchTemplateVersion', {
        LaunchTemplateId: LT_ID, SourceVersion: '4', VersionDescription: 'bigger', 'LaunchTemplateData.InstanceType': 't3.small',
      }),
    ]);
    expect(String(v)).toBe('LaunchTemplate:web(v5)');
    expect(v.instanceType).toBe('t3.small');
    expect(lt.latestVersionNumber).toBe(5);
  });

  test('createLaunchTemplateVersion with a whole LaunchTemplate sends it all, and a numbered source as given', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'CreateLaunchTemplateVersion', `<launchTemplateVersion>${versionXml({ version: 2 }).replace(/^<item>|<\/item>$/g, '')}</launchTemplateVersion>`);
    await conn.createLaunchTemplateVersion('web', new LaunchTemplate({ imageId: 'ami-2', instanceType: 't3.micro', versionDescription: 'd' }), { sourceVersion: 1 });
    expect(untokened(wire.lastParams)).toEqual({
      LaunchTemplateName: 'web', SourceVersion: '1', VersionDescription: 'd',
      'LaunchTemplateData.ImageId': 'ami-2', 'LaunchTemplateData.InstanceType': 't3.micro', 'LaunchTemplateData.MetadataOptions.HttpTokens': 'required',
    });
  });

  test('setDefaultLaunchTemplateVersion, deleteLaunchTemplateVersions and deleteLaunchTemplate', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'ModifyLaunchTemplate', `<launchTemplate>${templateXml({ latest: 3, def: 3 })}</launchTemplate>`);
    const lt = new LaunchTemplate({ name: 'web', connection: conn });
    const modified = await lt.setDefaultVersion(3);
    expect(untokened(wire.last.params)).toEqual(sent('ModifyLaunchTemplate', { LaunchTemplateName: 'web', SetDefaultVersion: '3' }));
    expect(String(modified)).toBe('LaunchTemplate:web(v3, default v3)');
    expect([lt.id, lt.defaultVersionNumber]).toEqual([LT_ID, 3]);

    replyEc2(wire, 'DeleteLaunchTemplateVersions', `<successfullyDeletedLaunchTemplateVersionSet>
      <item><launchTemplateId>${LT_ID}</launchTemplateId><launchTemplateName>web</launchTemplateName><versionNumber>1</versionNumber></item>
      <item><launchTemplateId>${LT_ID}</launchTemplateId><launchTemplateName>web</launchTemplateName><versionNumber>2</versionNumber></item>
    </successfullyDeletedLaunchTemplateVersionSet><unsuccessfullyDeletedLaunchTemplateVersionSet/>`);
    expect(await lt.deleteVersions([1, 2])).toEqual([1, 2]);
    expect(wire.last.params).toEqual(sent('DeleteLaunchTemplateVersions', { LaunchTemplateId: LT_ID, 'LaunchTemplateVersion.1': '1', 'LaunchTemplateVersion.2': '2' }));

    replyEc2(wire, 'DeleteLaunchTemplate', `<launchTemplate>${templateXml({ latest: 3, def: 3 })}</launchTemplate>`);
    expect(String(await lt.delete())).toBe('LaunchTemplate:web(v3, default v3)');
    expect(wire.last.params).toEqual(sent('DeleteLaunchTemplate', { LaunchTemplateId: LT_ID }));
    expect(wire.pending).toBe(0);
  });

  test('versions EC2 did not delete reject, naming each and the ones deleted', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DeleteLaunchTemplateVersions', `<successfullyDeletedLaunchTemplateVersionSet>
      <item><launchTemplateId>${LT_ID}</launchTemplateId><launchTemplateName>web</launchTemplateName><versionNumber>1</versionNumber></item>
    </successfullyDeletedLaunchTemplateVersionSet><unsuccessfullyDeletedLaunchTemplateVersionSet>
      <item><launchTemplateId>${LT_ID}</launchTemplateId><launchTemplateName>web</launchTemplateName><versionNumber>3</versionNumber>
      <responseError><code>launchTemplateVersionIsDefault</code><message>Cannot delete the default version of a launch template.</message></responseError></item>
    </unsuccessfullyDeletedLaunchTemplateVersionSet>`);
    const err = await conn.deleteLaunchTemplateVersions('web', [1, 3]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({
      errorCode: 'launchTemplateVersionIsDefault',
      message: 'launch template web: 1 version(s) not deleted (version 3: launchTemplateVersionIsDefault: Cannot delete the default version of a launch template.); deleted: 1',
    });
  });

  test("EC2's error answers reject as BotoServerError with EC2's code", async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2Error(wire, 400, 'InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
    const err = await conn.createLaunchTemplate(new LaunchTemplate({ name: 'web' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 400, errorCode: 'InvalidLaunchTemplateName.AlreadyExistsException', message: 'Launch template name already in use.' });
  });
});

describe('launch template input is checked before anything is sent', () => {
  const cases: [string, (conn: ReturnType<typeof ec2OnWire>['conn']) => Promise<unknown>, string][] = [
    ['name required', (c) => c.createLaunchTemplate(new LaunchTemplate({})), 'name is required'],
    ['name pattern', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web server' })), 'name must be 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _, got "web server"'],
    ['name too short', (c) => c.deleteLaunchTemplate('ab'), 'template must be 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _, got "ab"'],
    ['not a template', (c) => c.createLaunchTemplate({ name: 'web' } as LaunchTemplate), 'lt must be a LaunchTemplate, e.g. new LaunchTemplate({ name, imageId, instanceType })'],
    ['httpTokens', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', metadataOptions: { httpTokens: 'v2' as 'required' } })), 'metadataOptions.httpTokens must be one of required, optional; got "v2"'],
    ['hop limit', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', metadataOptions: { httpPutResponseHopLimit: 65 } })), 'metadataOptions.httpPutResponseHopLimit must be an integer from 1 to 64, got 65'],
    ['spot price', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', spotPrice: 0 })), 'spotPrice must be a positive number of US dollars per hour, got 0'],
    ['tenancy', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', placementTenancy: 'shared' })), 'placementTenancy must be one of default, dedicated, host; got "shared"'],
    ['description', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', versionDescription: 'd'.repeat(256) })), 'versionDescription must be 0 to 255 characters long, got 256'],
    ['tag value', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', tags: { k: 'v'.repeat(257) } })), 'tags["k"] must be 0 to 256 characters long, got 257'],
    ['names with a public IP', (c) => c.createLaunchTemplate(new LaunchTemplate({ name: 'web', securityGroups: ['web'], associatePublicIpAddress: true })),
      'securityGroups must be ids (sg-…) when associatePublicIpAddress is set (EC2 puts them on the network interface, which takes ids only), got "web"'],
    ['unknown change', (c) => c.createLaunchTemplateVersion('web', { instancetype: 't3.micro' } as never), 'changes has no setting "instancetype"; the settings are imageId, instanceType, keyName, securityGroups, userData, blockDeviceMappings, instanceMonitoring, instanceProfileName, ebsOptimized, spotPrice, kernelId, ramdiskId, associatePublicIpAddress, placementTenancy, metadataOptions'],
    ['bad change', (c) => c.createLaunchTemplateVersion('web', { ebsOptimized: 'yes' as never }), 'changes.ebsOptimized must be true or false, got "yes"'],
    ['source version', (c) => c.createLaunchTemplateVersion('web', {}, { sourceVersion: 0 }), 'sourceVersion must be a version number (a positive integer), got 0'],
    ['source keyword', (c) => c.createLaunchTemplateVersion('web', {}, { sourceVersion: 'latest' as never }), "sourceVersion must be a version number, '$Latest' or '$Default', got \"latest\""],
    ['default version', (c) => c.setDefaultLaunchTemplateVersion('web', 1.5), 'version must be a version number (a positive integer), got 1.5'],
    ['versions empty', (c) => c.deleteLaunchTemplateVersions('web', []), 'versions must list at least one item'],
    ['versions too many', (c) => c.deleteLaunchTemplateVersions('web', Array.from({ length: 201 }, (_, i) => i + 1)), 'versions may list at most 200 items, got 201'],
    ['version keyword in delete', (c) => c.deleteLaunchTemplateVersions('web', ['$Latest' as never]), 'versions[0] must be a version number (a positive integer), got "$Latest"'],
    ['describe versions', async (c) => c.getLaunchTemplateVersions('web', { versions: [-1] }), 'versions[0] must be a version number (a positive integer), got -1'],
    ['page size', async (c) => c.getAllLaunchTemplates({ maxResults: 201 }), 'maxResults must be an integer from 1 to 200, got 201'],
    ['every template, a numbered version', async (c) => c.getLaunchTemplateVersions(undefined, { versions: [1] }),
      "versions must be '$Latest' and/or '$Default' when no template is given (EC2 then describes those versions of every template)"],
    ['every template, every version', async (c) => c.getLaunchTemplateVersions(undefined),
      "versions must be '$Latest' and/or '$Default' when no template is given (EC2 then describes those versions of every template)"],
  ];
  test.each(cases)('%s', async (_label, call, message) => {
    const { wire, conn } = ec2OnWire();
    await expect(call(conn)).rejects.toThrow(new BotoClientError(message));
    expect(wire.requests).toHaveLength(0);
  });
});

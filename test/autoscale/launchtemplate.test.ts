import { inspect } from 'node:util';
import { AutoScalingGroup, LaunchConfiguration, LaunchTemplate } from '../../src/autoscale';
import { BotoClientError, BotoServerError } from '../../src/core';
import { asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

const LT_ID = 'lt-0a20c965061f64abc';
const TEMPLATE_XML = `<LaunchTemplate><LaunchTemplateId>${LT_ID}</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>$Default</Version></LaunchTemplate>`;

/** A described group on the launch template `web` instead of a launch configuration. */
function templateGroupXml(name = 'my_group'): string {
  return groupXml({ name, instances: [{ id: 'i-0598c7d356eba48d7', state: 'InService' }] })
    .replace(/<LaunchConfigurationName>my-launch_config<\/LaunchConfigurationName>/g, TEMPLATE_XML.replace('$Default', '3'))
    .replace(TEMPLATE_XML.replace('$Default', '3'), TEMPLATE_XML);
}

const BASE = { name: 'my_group', availabilityZones: ['us-east-1a'], minSize: 1, maxSize: 2 };

describe('groups on a launch template', () => {
  test.each([
    ['a LaunchTemplate with an id', new LaunchTemplate({ name: 'web', id: LT_ID }), { 'LaunchTemplate.LaunchTemplateId': LT_ID, 'LaunchTemplate.Version': '$Default' }],
    ['a LaunchTemplate not yet created', new LaunchTemplate({ name: 'web' }), { 'LaunchTemplate.LaunchTemplateName': 'web', 'LaunchTemplate.Version': '$Default' }],
    ['a name', 'web', { 'LaunchTemplate.LaunchTemplateName': 'web', 'LaunchTemplate.Version': '$Default' }],
    ['a name and a version number', { name: 'web', version: 3 }, { 'LaunchTemplate.LaunchTemplateName': 'web', 'LaunchTemplate.Version': '3' }],
    ['an id and $Latest', { id: LT_ID, version: '$Latest' }, { 'LaunchTemplate.LaunchTemplateId': LT_ID, 'LaunchTemplate.Version': '$Latest' }],
  ] as const)('createAutoScalingGroup with %s', async (_label, launchTemplate, expected) => {
    const { wire, conn } = asOnWire();
    reply(wire, 'CreateAutoScalingGroup');
    const ag = new AutoScalingGroup({ ...BASE, launchTemplate });
    await conn.createAutoScalingGroup(ag);
    expect(wire.last.params).toEqual(sent('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'my_group', 'AvailabilityZones.member.1': 'us-east-1a', MinSize: '1', MaxSize: '2', ...expected,
    }));
  });

  test('describes read the template into the group and its instances, and the repr shows it', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([templateGroupXml(), groupXml({ name: 'old' })]));
    const [ag, old] = await conn.getAllGroups();
    expect(ag?.launchTemplate).toEqual({ id: LT_ID, name: 'web', version: '$Default' });
    expect(ag?.launchConfigName).toBeUndefined();
    expect(ag?.instances?.[0]?.launchTemplate).toEqual({ id: LT_ID, name: 'web', version: 3 });
    expect([inspect(ag), inspect(old)]).toEqual(['AutoScaleGroup<my_group, LaunchTemplate:web($Default)>', 'AutoScaleGroup<old>']);
    expect(old?.launchTemplate).toBeUndefined();
    expect(old?.launchConfigName).toBe('my-launch_config');
  });

  test('update() switches a group from its launch configuration to a template, and back', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml()]));
    const [ag] = await conn.getAllGroups({ names: ['my_group'] });
    if (ag === undefined) throw new Error('no group');
    ag.launchTemplate = { name: 'web', version: '$Default' };
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams['LaunchTemplate.LaunchTemplateName']).toBe('web');
    expect(wire.lastParams.LaunchConfigurationName).toBeUndefined();
    expect(ag.launchConfigName).toBeUndefined();
    expect(String(ag)).toBe('AutoScaleGroup<my_group, LaunchTemplate:web($Default)>');

    // A plain-JS caller may assign a name (or a LaunchTemplate): it is read as the constructor reads it.
    ag.launchTemplate = 'web2' as never;
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams).toMatchObject({ 'LaunchTemplate.LaunchTemplateName': 'web2', 'LaunchTemplate.Version': '$Default' });
    expect(ag.launchTemplate).toEqual({ name: 'web2', version: '$Default' });

    ag.launchConfigName = 'my-launch_config';
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams.LaunchConfigurationName).toBe('my-launch_config');
    expect(wire.lastParams['LaunchTemplate.LaunchTemplateName']).toBeUndefined();
    expect(ag.launchTemplate).toBeUndefined();
    expect(wire.pending).toBe(0);
  });

  test.each([
    ['both on a new group', { launchConfig: 'lc', launchTemplate: 'web' }, 'give one of launchConfig, launchTemplate or mixedInstancesPolicy, not launchConfig and launchTemplate: a group launches from one of them'],
    ['neither', {}, 'launchConfig, launchTemplate, mixedInstancesPolicy or instanceId is required'],
  ])('a create with %s is refused before sending', async (_label, change, message) => {
    const { wire, conn } = asOnWire();
    await expect(conn.createAutoScalingGroup(new AutoScalingGroup({ ...BASE, ...change }))).rejects.toThrow(new BotoClientError(message));
    expect(wire.requests).toHaveLength(0);
  });

  test.each([
    [{}, 'launchTemplate needs name or id'],
    [{ name: 'web', version: 'latest' }, "launchTemplate.version must be a version number, '$Latest' or '$Default', got \"latest\""],
    [{ name: 'web', version: 0 }, 'launchTemplate.version must be a version number (a positive integer), got 0'],
    ['a b', 'launchTemplate must be 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _, got "a b"'],
    [42, 'launchTemplate must be a LaunchTemplate, a template name, or { name | id, version }, got number'],
  ])('a bad launchTemplate %j is refused when the group is built', (launchTemplate, message) => {
    expect(() => new AutoScalingGroup({ ...BASE, launchTemplate: launchTemplate as never })).toThrow(new BotoClientError(message));
  });
});

describe('accounts that refuse launch configurations', () => {
  const AWS_MESSAGE = 'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.';

  test("UnsupportedOperation keeps AWS's status, code and message and adds how to use a template", async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(400, 'UnsupportedOperation', AWS_MESSAGE);
    const err = await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'web-1', imageId: 'ami-1' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    const e = err as BotoServerError;
    expect([e.status, e.errorCode, e.requestId]).toEqual([400, 'UnsupportedOperation', 'req-err-1']);
    expect(e.message.split('\n')).toEqual([
      AWS_MESSAGE,
      'botoscale: make a launch template instead: `lt = await ec2.createLaunchTemplate(LaunchTemplate.fromLaunchConfiguration(lc))`, then give the group `{ launchTemplate: lt }` (docs/autoscale.md, "Launch templates")',
    ]);
  });

  test('other errors of CreateLaunchConfiguration are left as they were', async () => {
    const { wire, conn } = asOnWire();
    wire.replyQueryError(400, 'AlreadyExists', 'Launch Configuration by this name already exists - A launch configuration already exists with the name web-1');
    await expect(conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'web-1', imageId: 'ami-1' }))).rejects.toMatchObject({
      errorCode: 'AlreadyExists',
      message: 'Launch Configuration by this name already exists - A launch configuration already exists with the name web-1',
    });
  });
});

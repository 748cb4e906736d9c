import { inspect } from 'node:util';
import { BotoClientError, BotoServerError } from '../../src/core';
import { BlockDeviceMapping, Ebs, LaunchConfiguration } from '../../src/autoscale';
import { autoscaleOnWire } from '../helpers/connections';
import { NS } from '../helpers/wire';

const DESCRIBE_LC = `
<LaunchConfigurations><member>
  <AssociatePublicIpAddress>true</AssociatePublicIpAddress>
  <SecurityGroups><member>sg-1</member><member>default</member></SecurityGroups>
  <CreatedTime>2013-01-21T23:04:42.200Z</CreatedTime>
  <KernelId/>
  <LaunchConfigurationName>my-launch_config</LaunchConfigurationName>
  <UserData>IyEvYmluL2Jhc2gKZWNobyBoaQ==</UserData>
  <InstanceType>m1.small</InstanceType>
  <LaunchConfigurationARN>arn:aws:autoscaling:us-east-1:803981987763:launchConfiguration:9dbbbf87-6141-428a-a409-0752edbe6cad:launchConfigurationName/my-launch_config</LaunchConfigurationARN>
  <BlockDeviceMappings><member><DeviceName>/dev/sdb</DeviceName><Ebs><SnapshotId>snap-1</SnapshotId><VolumeSize>20</VolumeSize></Ebs></member></BlockDeviceMappings>
  <ImageId>ami-514ac838</ImageId>
  <KeyName>my-key</KeyName>
  <RamdiskId/>
  <InstanceMonitoring><Enabled>true</Enabled></InstanceMonitoring>
  <EbsOptimized>false</EbsOptimized>
  <SpotPrice>0.05</SpotPrice>
</member></LaunchConfigurations>
<NextToken>tok-2</NextToken>`;

describe('launch configurations', () => {
  test('createLaunchConfiguration sends every field, user data base64, and binds the connection', async () => {
    const { wire, conn } = autoscaleOnWire();
    wire.replyQuery(NS.autoscaling, 'CreateLaunchConfiguration', null);
    const lc = new LaunchConfiguration({
      name: 'my-launch_config', imageId: 'my-ami', keyName: 'my-key', securityGroups: ['sg-1', 'web'],
      userData: '#!/bin/bash\necho hi', instanceMonitoring: true, spotPrice: 0.05, instanceProfileName: 'web-role',
      ebsOptimized: true, associatePublicIpAddress: false,
      blockDeviceMappings: [new BlockDeviceMapping({ deviceName: '/dev/sdb', ebs: new Ebs({ snapshotId: 'snap-1', volumeSize: 20 }) })],
    });
    expect(lc.connection).toBeUndefined();
    const req = await conn.createLaunchConfiguration(lc);
    expect(String(req)).toBe('Request:req-0001');
    expect(wire.last.params).toEqual({
      Action: 'CreateLaunchConfiguration',
      Version: '2011-01-01',
      LaunchConfigurationName: 'my-launch_config',
      ImageId: 'my-ami',
      InstanceType: 'm1.small',
      KeyName: 'my-key',
      'SecurityGroups.member.1': 'sg-1',
      'SecurityGroups.member.2': 'web',
      UserData: Buffer.from('#!/bin/bash\necho hi').toString('base64'),
      'BlockDeviceMappings.member.1.DeviceName': '/dev/sdb',
      'BlockDeviceMappings.member.1.Ebs.SnapshotId': 'snap-1',
      'BlockDeviceMappings.member.1.Ebs.VolumeSize': '20',
      'InstanceMonitoring.Enabled': 'true',
      SpotPrice: '0.05',
      IamInstanceProfile: 'web-role',
      EbsOptimized: 'true',
      AssociatePublicIpAddress: 'false',
    });
    expect(lc.connection).toBe(conn);
    wire.replyQuery(NS.autoscaling, 'DeleteLaunchConfiguration', null);
    expect((await lc.delete()).requestId).toBe('req-0001');
    expect(wire.last.params).toEqual({ Action: 'DeleteLaunchConfiguration', Version: '2011-01-01', LaunchConfigurationName: 'my-launch_config' });
  });

  test('getAllLaunchConfigurations parses every field and the paging token', async () => {
    const { wire, conn } = autoscaleOnWire();
    wire.replyQuery(NS.autoscaling, 'DescribeLaunchConfigurations', DESCRIBE_LC);
    const page = await conn.getAllLaunchConfigurations({ names: ['my-launch_config'], maxRecords: 10 });
    expect(wire.lastParams).toEqual({ 'LaunchConfigurationNames.member.1': 'my-launch_config', MaxRecords: '10' });
    expect(page).toHaveLength(1);
    expect(page.nextToken).toBe('tok-2');
    expect(page.isTruncated).toBe(true);
    const lc = page[0] as LaunchConfiguration;
    expect(String(lc)).toBe('LaunchConfiguration:my-launch_config');
    expect(inspect(page)).toBe('[ LaunchConfiguration:my-launch_config ]');
    expect(lc.securityGroups).toEqual(['sg-1', 'default']);
    expect(lc.userData).toBe('#!/bin/bash\necho hi');
    expect(lc.instanceMonitoring.enabled).toBe(true);
    expect(String(lc.instanceMonitoring)).toBe('InstanceMonitoring(true)');
    expect(lc.spotPrice).toBe(0.05);
    expect(lc.kernelId).toBeUndefined();
    expect(lc.createdTime).toEqual(new Date('2013-01-21T23:04:42.200Z'));
    expect(lc.blockDeviceMappings.map(String)).toEqual(['BlockDeviceMapping(/dev/sdb, None)']);
    expect(String(lc.blockDeviceMappings[0]?.ebs)).toBe('Ebs(snap-1, 20)');
    expect(lc.connection).toBe(conn);
  });

  test('for await walks every page following NextToken', async () => {
    const { wire, conn } = autoscaleOnWire();
    const one = (name: string, token?: string): string =>
      `<LaunchConfigurations><member><LaunchConfigurationName>${name}</LaunchConfigurationName><ImageId>ami-1</ImageId><InstanceType>t2.micro</InstanceType><CreatedTime>2013-01-21T23:04:42.200Z</CreatedTime></member></LaunchConfigurations>${token ? `<NextToken>${token}</NextToken>` : ''}`;
    wire.replyQuery(NS.autoscaling, 'DescribeLaunchConfigurations', one('a', 't1'));
    wire.replyQuery(NS.autoscaling, 'DescribeLaunchConfigurations', one('b', 't2'));
    wire.replyQuery(NS.autoscaling, 'DescribeLaunchConfigurations', one('c'));
    const names: string[] = [];
    for await (const lc of conn.getAllLaunchConfigurations()) names.push(lc.name as string);
    expect(names).toEqual(['a', 'b', 'c']);
    expect(wire.requests.map((r) => r.params.NextToken)).toEqual([undefined, 't1', 't2']);
  });

  test('a ValidationError answer becomes a BotoServerError', async () => {
    const { wire, conn } = autoscaleOnWire();
    wire.replyQueryError(400, 'ValidationError', 'Launch configuration name not found - x');
    const err = await conn.deleteLaunchConfiguration('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 400, reason: 'Bad Request', errorCode: 'ValidationError', message: 'Launch configuration name not found - x', requestId: 'req-err-1' });
  });

  test('validation: name and image id are required, name at most 255 characters', async () => {
    const { wire, conn } = autoscaleOnWire();
    await expect(conn.createLaunchConfiguration(new LaunchConfiguration({ imageId: 'ami-1' }))).rejects.toThrow(new BotoClientError('name is required'));
    await expect(conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'x' }))).rejects.toThrow(new BotoClientError('imageId is required'));
    await expect(conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'x'.repeat(256), imageId: 'ami-1' })))
      .rejects.toThrow(new BotoClientError('name must be 1 to 255 characters long, got 256'));
    await expect(conn.getAllLaunchConfigurations({ maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    expect(wire.requests).toHaveLength(0);
  });

  test('a launch configuration without a connection says how to get one', async () => {
    await expect(new LaunchConfiguration({ name: 'lc' }).delete()).rejects.toThrow(/LaunchConfiguration:lc has no connection/);
  });
});

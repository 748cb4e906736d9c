/**
 * The simulated EC2's instance actions beyond run/describe/terminate, through
 * @aws-sdk/client-ec2: StopInstances, StartInstances, DescribeInstanceAttribute,
 * ModifyInstanceAttribute and DescribeVolumes, each against the EC2 API Reference
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/) and the instance lifecycle
 * of the EC2 User Guide.
 */
import { EC2, type Instance } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, eachLocal, failure, T0 } from './helpers';

let local: LocalEndpoint;
let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (l, c) => {
  local = l;
  ec2 = c;
});

async function running(extra: Partial<Parameters<EC2['runInstances']>[0]> = {}): Promise<string> {
  const out = await ec2.runInstances({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra });
  local.clock.advance('20s');
  return out.Instances?.[0]?.InstanceId as string;
}

async function describe1(id: string): Promise<Instance> {
  return (await ec2.describeInstances({ InstanceIds: [id] })).Reservations?.[0]?.Instances?.[0] as Instance;
}

describe('StopInstances / StartInstances (API Reference; EC2 User Guide, "Stop and start")', () => {
  test('running → stopping → stopped, the public address released; start gives pending → running and a new one', async () => {
    const id = await running();
    const before = await describe1(id);
    expect(before.PublicIpAddress).toBeDefined();
    const stop = await ec2.stopInstances({ InstanceIds: [id] });
    expect(stop.StoppingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }]);
    local.clock.advance('10s');
    const stopped = await describe1(id);
    expect([stopped.State?.Name, stopped.PublicIpAddress, stopped.PrivateIpAddress, stopped.StateReason?.Code]).toEqual(['stopped', undefined, before.PrivateIpAddress, 'Client.UserInitiatedShutdown']);
    expect(stopped.StateTransitionReason).toBe(`User initiated (${new Date(T0 + 20_000).toISOString().slice(0, 19).replace('T', ' ')} GMT)`);
    const again = await ec2.stopInstances({ InstanceIds: [id] });
    expect(again.StoppingInstances?.[0]?.CurrentState?.Name).toBe('stopped');
    const start = await ec2.startInstances({ InstanceIds: [id] });
    expect(start.StartingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } }]);
    local.clock.advance('20s');
    const back = await describe1(id);
    expect([back.State?.Name, back.PrivateIpAddress, back.StateTransitionReason]).toEqual(['running', before.PrivateIpAddress, '']);
    expect(back.PublicIpAddress).toBeDefined();
    expect(back.PublicIpAddress).not.toBe(before.PublicIpAddress);
  });

  test('AWS errors: a pending instance, a terminated one, a spot instance; nothing half-done', async () => {
    const pending = (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 })).Instances?.[0]?.InstanceId as string;
    expect(await failure(ec2.stopInstances({ InstanceIds: [pending] }))).toMatchObject({ code: 'IncorrectInstanceState', message: `Instance '${pending}' cannot be stopped as it has never reached the 'running' state.`, status: 400 });
    local.clock.advance('20s');
    const gone = await running();
    await ec2.terminateInstances({ InstanceIds: [gone] });
    expect(await failure(ec2.stopInstances({ InstanceIds: [pending, gone] }))).toMatchObject({ code: 'IncorrectInstanceState', message: `This instance '${gone}' is not in a state from which it can be stopped.` });
    expect((await describe1(pending)).State?.Name).toBe('running');
    expect(await failure(ec2.startInstances({ InstanceIds: [gone] }))).toMatchObject({ code: 'IncorrectInstanceState', message: `The instance '${gone}' is not in a state from which it can be started.` });
    expect(await failure(ec2.stopInstances({ InstanceIds: ['i-0000000000000000f'] }))).toMatchObject({ code: 'InvalidInstanceID.NotFound' });
    expect(await failure(ec2.stopInstances({ InstanceIds: [] }))).toMatchObject({ code: 'MissingParameter' });
  });
});

describe('DescribeInstanceAttribute / ModifyInstanceAttribute (API Reference)', () => {
  test('instanceType and userData change only while stopped; disableApiTermination guards TerminateInstances', async () => {
    const id = await running({ UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64') });
    expect(await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'instanceType' })).toMatchObject({ InstanceId: id, InstanceType: { Value: 't3.micro' } });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' })).UserData?.Value).toBe(Buffer.from('#!/bin/sh\necho hi\n').toString('base64'));
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'disableApiTermination' })).DisableApiTermination).toEqual({ Value: false });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'groupSet' })).Groups?.map((g) => g.GroupName)).toEqual(['default']);
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'rootDeviceName' })).RootDeviceName).toEqual({ Value: '/dev/xvda' });
    const notStopped = { code: 'IncorrectInstanceState', message: `The instance '${id}' is not in the 'stopped' state.`, status: 400 };
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't3.large' } }))).toMatchObject(notStopped);
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, UserData: { Value: new TextEncoder().encode('new') } }))).toMatchObject(notStopped);
    await ec2.modifyInstanceAttribute({ InstanceId: id, DisableApiTermination: { Value: true } });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'disableApiTermination' })).DisableApiTermination).toEqual({ Value: true });
    expect(await failure(ec2.terminateInstances({ InstanceIds: [id] }))).toMatchObject({
      code: 'OperationNotPermitted',
      message: `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    });
    await ec2.stopInstances({ InstanceIds: [id] });
    local.clock.advance('10s');
    await ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't3.large' } });
    await ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'userData', Value: Buffer.from('new').toString('base64') });
    expect((await describe1(id)).InstanceType).toBe('t3.large');
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' })).UserData?.Value).toBe(Buffer.from('new').toString('base64'));
    await ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'disableApiTermination', Value: 'false' });
    await ec2.modifyInstanceAttribute({ InstanceId: id, SourceDestCheck: { Value: false } });
    expect((await describe1(id)).SourceDestCheck).toBe(false);
    await ec2.terminateInstances({ InstanceIds: [id] });
    expect((await describe1(id)).State?.Name).toBe('shutting-down');
  });

  test('AWS errors: unknown attribute, two attributes at once, a group of another VPC, a bad type', async () => {
    const id = await running();
    expect(await failure(ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'bogus' as never }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Value (bogus) for parameter attribute is invalid. Unknown attribute.' });
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, DisableApiTermination: { Value: true }, SourceDestCheck: { Value: false } }))).toMatchObject({
      code: 'InvalidParameterCombination',
      message: 'Fields for multiple attribute types specified: disableApiTermination, sourceDestCheck',
    });
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id }))).toMatchObject({ code: 'MissingParameter' });
    const vpc = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
    const foreign = (await ec2.createSecurityGroup({ GroupName: 'x', Description: 'x', VpcId: vpc })).GroupId as string;
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, Groups: [foreign] }))).toMatchObject({ code: 'InvalidGroup.NotFound' });
    const mine = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web' })).GroupId as string;
    await ec2.modifyInstanceAttribute({ InstanceId: id, Groups: [mine] });
    expect((await describe1(id)).SecurityGroups).toEqual([{ GroupName: 'web', GroupId: mine }]);
    await ec2.stopInstances({ InstanceIds: [id] });
    local.clock.advance('10s');
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 'huge' } }))).toMatchObject({ code: 'InvalidInstanceAttributeValue', message: 'Value (huge) for parameter instanceType is invalid.' });
    expect(await failure(ec2.describeInstanceAttribute({ InstanceId: 'i-0000000000000000f', Attribute: 'instanceType' }))).toMatchObject({ code: 'InvalidInstanceID.NotFound' });
  });
});

describe('ModifyInstanceAttribute: kernel, RAM disk, ENA and SR-IOV (API Reference; EC2 User Guide, "Modify a stopped instance", "Enable enhanced networking with ENA")', () => {
  test('refused with IncorrectInstanceState while running; recorded and described once stopped', async () => {
    const id = await running();
    const notStopped = { code: 'IncorrectInstanceState', message: `The instance '${id}' is not in the 'stopped' state.`, status: 400 };
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, Kernel: { Value: 'aki-12345678' } }))).toMatchObject(notStopped);
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, Ramdisk: { Value: 'ari-12345678' } }))).toMatchObject(notStopped);
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, EnaSupport: { Value: false } }))).toMatchObject(notStopped);
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, SriovNetSupport: { Value: 'simple' } }))).toMatchObject(notStopped);
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'kernel', Value: 'aki-12345678' }))).toMatchObject(notStopped);
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'kernel' })).KernelId).toEqual({});
    await ec2.stopInstances({ InstanceIds: [id] });
    local.clock.advance('10s');
    await ec2.modifyInstanceAttribute({ InstanceId: id, Kernel: { Value: 'aki-12345678' } });
    await ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'ramdisk', Value: 'ari-12345678' });
    await ec2.modifyInstanceAttribute({ InstanceId: id, EnaSupport: { Value: false } });
    await ec2.modifyInstanceAttribute({ InstanceId: id, SriovNetSupport: { Value: 'simple' } });
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, SriovNetSupport: { Value: 'off' } }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Value (off) for parameter sriovNetSupport is invalid. Valid values are: simple.' });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'kernel' })).KernelId).toEqual({ Value: 'aki-12345678' });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'ramdisk' })).RamdiskId).toEqual({ Value: 'ari-12345678' });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'enaSupport' })).EnaSupport).toEqual({ Value: false });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'sriovNetSupport' })).SriovNetSupport).toEqual({ Value: 'simple' });
    const described = await describe1(id);
    expect([described.KernelId, described.RamdiskId, described.EnaSupport]).toEqual(['aki-12345678', 'ari-12345678', false]);
    // The Attribute/Value form is for kernel, ramdisk, userData, disableApiTermination and instanceInitiatedShutdownBehavior (the API Reference's Value).
    expect(await failure(ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'rootDeviceName', Value: '/dev/sda1' }))).toMatchObject({ code: 'InvalidParameterCombination' });
  });
});

describe('DescribeVolumes (API Reference): each launched instance\'s root volume', () => {
  test('an 8 GiB gp3 volume attached at /dev/xvda, filtered and paged, gone with its instance', async () => {
    const a = await running({ Placement: { AvailabilityZone: 'us-east-1b' } });
    const b = await running();
    const volumeOf = async (id: string): Promise<string> => (await describe1(id)).BlockDeviceMappings?.[0]?.Ebs?.VolumeId as string;
    const va = await volumeOf(a);
    const all = (await ec2.describeVolumes({})).Volumes ?? [];
    expect(all).toHaveLength(2);
    expect(all[0]).toEqual({
      Attachments: [{ AttachTime: new Date(T0), Device: '/dev/xvda', InstanceId: a, State: 'attached', VolumeId: va, DeleteOnTermination: true }],
      AvailabilityZone: 'us-east-1b',
      CreateTime: new Date(T0),
      Encrypted: false,
      Size: 8,
      SnapshotId: 'snap-12345678000000000',
      State: 'in-use',
      VolumeId: va,
      Iops: 3000,
      VolumeType: 'gp3',
      MultiAttachEnabled: false,
      Throughput: 125,
    });
    expect((await ec2.describeVolumes({ Filters: [{ Name: 'attachment.instance-id', Values: [b] }] })).Volumes?.map((v) => v.VolumeId)).toEqual([await volumeOf(b)]);
    expect((await ec2.describeVolumes({ VolumeIds: [va] })).Volumes).toHaveLength(1);
    const page = await ec2.describeVolumes({ MaxResults: 5 });
    expect([page.Volumes?.length, page.NextToken]).toEqual([2, undefined]);
    await ec2.terminateInstances({ InstanceIds: [a] });
    expect((await ec2.describeVolumes({ VolumeIds: [va] })).Volumes?.[0]?.Attachments?.[0]?.State).toBe('detaching');
    local.clock.advance('10s');
    expect(await failure(ec2.describeVolumes({ VolumeIds: [va] }))).toMatchObject({ code: 'InvalidVolume.NotFound', message: `The volume '${va}' does not exist.` });
    expect(await failure(ec2.describeVolumes({ VolumeIds: ['vol-x'] }))).toMatchObject({ code: 'InvalidVolumeID.Malformed' });
    expect(await failure(ec2.describeVolumes({ MaxResults: 501 }))).toMatchObject({ code: 'InvalidParameterValue' });
  });
});

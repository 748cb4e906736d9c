/**
 * The EC2 wire handlers on launched instances beyond describe/run/terminate:
 * StopInstances, StartInstances, DescribeInstanceAttribute, ModifyInstanceAttribute and
 * DescribeVolumes (each instance's EBS root volume), with the API Reference's state
 * rules and error codes.
 *
 * @module
 */
import type { InstanceAttribute, InstanceAttributeName, InstanceBlockDeviceMapping, InstanceStateChange, Volume as VolumeShape } from '@aws-sdk/client-ec2';
import { awsError, commonError } from '../errors';
import { paginate } from '../paging';
import type { Ec2InstanceState, ServiceHandlers } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun, imageSnapshotId, nextToken, settledHandlers } from './handlers';
import type { In, Out } from './sdk';
import { stateShape } from './shapes';
import type { Ec2State, InstanceRecord } from './state';

/** Root volume size in GiB (the simulated images' snapshot size). */
export const ROOT_VOLUME_GIB = 8;

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

/** The attributes DescribeInstanceAttribute knows (the model's `InstanceAttributeName`). */
const ATTRIBUTES: readonly string[] = [
  'instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior',
  'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized',
  'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop',
] satisfies InstanceAttributeName[];

function rootDevice(i: InstanceRecord): InstanceBlockDeviceMapping {
  return { DeviceName: '/dev/xvda', Ebs: { AttachTime: new Date(i.launchTime), DeleteOnTermination: true, Status: attachmentState(i), VolumeId: i.volumeId } };
}

function attachmentState(i: InstanceRecord): 'attached' | 'detaching' {
  return i.state === 'shutting-down' ? 'detaching' : 'attached';
}

function attributeValue(i: InstanceRecord, attribute: string): InstanceAttribute {
  switch (attribute) {
    case 'instanceType': return { InstanceType: { Value: i.instanceType } };
    case 'kernel': return { KernelId: i.kernelId === undefined ? {} : { Value: i.kernelId } };
    case 'ramdisk': return { RamdiskId: i.ramdiskId === undefined ? {} : { Value: i.ramdiskId } };
    case 'userData': return { UserData: i.userData === undefined ? {} : { Value: i.userData } };
    case 'disableApiTermination': return { DisableApiTermination: { Value: i.disableApiTermination === true } };
    case 'instanceInitiatedShutdownBehavior': return { InstanceInitiatedShutdownBehavior: { Value: i.shutdownBehavior ?? 'stop' } };
    case 'rootDeviceName': return { RootDeviceName: { Value: '/dev/xvda' } };
    case 'blockDeviceMapping': return { BlockDeviceMappings: i.state === 'terminated' ? [] : [rootDevice(i)] };
    case 'productCodes': return { ProductCodes: [] };
    case 'sourceDestCheck': return { SourceDestCheck: { Value: i.sourceDestCheck !== false } };
    case 'groupSet': return { Groups: i.securityGroups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })) };
    case 'ebsOptimized': return { EbsOptimized: { Value: i.ebsOptimized } };
    case 'sriovNetSupport': return { SriovNetSupport: { Value: 'simple' } };
    case 'enaSupport': return { EnaSupport: { Value: i.enaSupport !== false } };
    case 'enclaveOptions': return { EnclaveOptions: { Enabled: false } };
    default: return { DisableApiStop: { Value: i.disableApiStop === true } };
  }
}

type ModifyInput = In<'ModifyInstanceAttribute'>;

/** The attributes ModifyInstanceAttribute sets from a boolean. */
type FlagAttribute = 'disableApiTermination' | 'disableApiStop' | 'ebsOptimized' | 'sourceDestCheck' | 'enaSupport';

/** The one attribute a ModifyInstanceAttribute request changes, and its new value. */
type Modification =
  | { kind: 'flag'; attribute: FlagAttribute; value: boolean }
  | { kind: 'text'; attribute: string; value: string }
  | { kind: 'groups'; attribute: 'groupSet'; value: string[] };

/** The members of the request that carry their new value in `Value`. */
type ValueMember = 'InstanceType' | 'UserData' | 'DisableApiTermination' | 'DisableApiStop' | 'EbsOptimized' | 'SourceDestCheck' | 'InstanceInitiatedShutdownBehavior' | 'Kernel' | 'Ramdisk' | 'SriovNetSupport' | 'EnaSupport';

/** The structured members of the request, in the order EC2 lists them when several are given. */
const STRUCTURED: ReadonlyArray<{ member: ValueMember; attribute: string; flag?: FlagAttribute }> = [
  { member: 'InstanceType', attribute: 'instanceType' },
  { member: 'UserData', attribute: 'userData' },
  { member: 'DisableApiTermination', attribute: 'disableApiTermination', flag: 'disableApiTermination' },
  { member: 'DisableApiStop', attribute: 'disableApiStop', flag: 'disableApiStop' },
  { member: 'EbsOptimized', attribute: 'ebsOptimized', flag: 'ebsOptimized' },
  { member: 'SourceDestCheck', attribute: 'sourceDestCheck', flag: 'sourceDestCheck' },
  { member: 'InstanceInitiatedShutdownBehavior', attribute: 'instanceInitiatedShutdownBehavior' },
  { member: 'Kernel', attribute: 'kernel' },
  { member: 'Ramdisk', attribute: 'ramdisk' },
  { member: 'SriovNetSupport', attribute: 'sriovNetSupport' },
  { member: 'EnaSupport', attribute: 'enaSupport', flag: 'enaSupport' },
];

function structuredModification(input: ModifyInput): Modification[] {
  const found: Modification[] = [];
  for (const { member, attribute, flag } of STRUCTURED) {
    const holder = input[member];
    if (holder === undefined) continue;
    const value = holder.Value;
    if (value === undefined) throw awsError('ec2', 'MissingParameter', `The request must contain the parameter ${member}.Value`);
    if (flag !== undefined) found.push({ kind: 'flag', attribute: flag, value: value === true });
    else found.push({ kind: 'text', attribute, value: String(value) });
  }
  return found;
}

function readModification(input: ModifyInput): Modification {
  const found = structuredModification(input);
  if (input.Groups !== undefined && input.Groups.length > 0) found.push({ kind: 'groups', attribute: 'groupSet', value: input.Groups });
  const attribute = input.Attribute;
  if (attribute !== undefined) {
    if (!ATTRIBUTES.includes(attribute)) throw awsError('ec2', 'InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
    const raw = input.Value;
    if (raw === undefined) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter Value');
    const flag = STRUCTURED.find((s) => s.attribute === attribute)?.flag;
    found.push(flag !== undefined ? { kind: 'flag', attribute: flag, value: raw.toLowerCase() === 'true' } : { kind: 'text', attribute, value: raw });
  }
  if (found.length === 0) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter attribute');
  if (found.length > 1) throw awsError('ec2', 'InvalidParameterCombination', `Fields for multiple attribute types specified: ${found.map((f) => f.attribute).join(', ')}`);
  return found[0] as Modification;
}

function mustBeStopped(i: InstanceRecord): void {
  if (i.state !== 'stopped') throw awsError('ec2', 'IncorrectInstanceState', `The instance '${i.id}' is not in the 'stopped' state.`);
}

function applyFlag(i: InstanceRecord, attribute: FlagAttribute, value: boolean): void {
  switch (attribute) {
    case 'ebsOptimized':
      mustBeStopped(i);
      i.ebsOptimized = value;
      return;
    case 'disableApiTermination':
      i.disableApiTermination = value;
      return;
    case 'disableApiStop':
      i.disableApiStop = value;
      return;
    case 'sourceDestCheck':
      i.sourceDestCheck = value;
      return;
    case 'enaSupport':
      // Enhanced networking is turned on or off on a stopped instance (EC2 User Guide, "Enable enhanced networking with ENA").
      mustBeStopped(i);
      i.enaSupport = value;
      return;
  }
}

/**
 * The attributes the Attribute/Value form names but EC2 does not change that way
 * (ModifyInstanceAttribute's `Value`: "Use only with the kernel, ramdisk, userData,
 * disableApiTermination, or instanceInitiatedShutdownBehavior attribute"). Our words: no
 * recorded AWS answer could be found.
 */
function notByValue(attribute: string): Error {
  return awsError('ec2', 'InvalidParameterCombination', `The attribute '${attribute}' cannot be changed with the parameter Value; use its own parameter (for example Groups or BlockDeviceMappings).`);
}

function applyText(i: InstanceRecord, attribute: string, value: string): void {
  switch (attribute) {
    case 'instanceType': {
      if (!INSTANCE_TYPE.test(value)) throw awsError('ec2', 'InvalidInstanceAttributeValue', `Value (${value}) for parameter instanceType is invalid.`);
      mustBeStopped(i);
      i.instanceType = value;
      return;
    }
    case 'userData':
      mustBeStopped(i);
      i.userData = value;
      return;
    case 'instanceInitiatedShutdownBehavior': {
      if (value !== 'stop' && value !== 'terminate') throw awsError('ec2', 'InvalidParameterValue', `Value (${value}) for parameter instanceInitiatedShutdownBehavior is invalid. Valid values are: stop, terminate.`);
      i.shutdownBehavior = value;
      return;
    }
    // The kernel and RAM disk change only while stopped (EC2 User Guide, "Modify a stopped instance").
    case 'kernel':
      mustBeStopped(i);
      i.kernelId = value;
      return;
    case 'ramdisk':
      mustBeStopped(i);
      i.ramdiskId = value;
      return;
    case 'sriovNetSupport':
      // `simple` is the one value: Intel 82599 VF networking cannot be turned off (EC2 User Guide, "Enhanced networking with the Intel 82599 VF interface"); the simulated instances already have it.
      if (value !== 'simple') throw awsError('ec2', 'InvalidParameterValue', `Value (${value}) for parameter sriovNetSupport is invalid. Valid values are: simple.`);
      mustBeStopped(i);
      return;
    default:
      throw notByValue(attribute);
  }
}

function applyModification(ec2: Ec2State, i: InstanceRecord, m: Modification): void {
  if (m.kind === 'flag') return applyFlag(i, m.attribute, m.value);
  if (m.kind === 'text') return applyText(i, m.attribute, m.value);
  const groups = m.value.map((id) => ec2.network.group(id));
  const other = groups.find((g) => g.vpcId !== i.vpcId);
  if (other !== undefined) throw awsError('ec2', 'InvalidGroup.NotFound', `The security group '${other.id}' does not exist in VPC '${i.vpcId}'`);
  i.securityGroups = [...new Set(groups)].map((g) => ({ groupName: g.name, groupId: g.id }));
}

interface Volume {
  instance: InstanceRecord;
  seq: number;
}

function volumeFields(): FilterFields<Volume> {
  return {
    'volume-id': (v) => v.instance.volumeId,
    'attachment.instance-id': (v) => v.instance.id,
    'attachment.device': () => '/dev/xvda',
    'attachment.status': (v) => attachmentState(v.instance),
    'attachment.delete-on-termination': () => true,
    'attachment.attach-time': (v) => new Date(v.instance.launchTime).toISOString(),
    'availability-zone': (v) => v.instance.availabilityZone,
    'create-time': (v) => new Date(v.instance.launchTime).toISOString(),
    encrypted: () => false,
    'multi-attach-enabled': () => false,
    size: () => ROOT_VOLUME_GIB,
    'snapshot-id': (v) => imageSnapshotId(v.instance.imageId),
    status: () => 'in-use',
    'volume-type': () => 'gp3',
  };
}

function volumeShape(v: Volume): VolumeShape {
  const i = v.instance;
  return {
    Attachments: [{ AttachTime: new Date(i.launchTime), Device: '/dev/xvda', InstanceId: i.id, State: attachmentState(i), VolumeId: i.volumeId, DeleteOnTermination: true }],
    AvailabilityZone: i.availabilityZone,
    CreateTime: new Date(i.launchTime),
    Encrypted: false,
    Size: ROOT_VOLUME_GIB,
    SnapshotId: imageSnapshotId(i.imageId),
    State: 'in-use',
    VolumeId: i.volumeId,
    Iops: 3000,
    VolumeType: 'gp3',
    MultiAttachEnabled: false,
    Throughput: 125,
  };
}

function transitions(found: readonly InstanceRecord[], previous: readonly Ec2InstanceState[]): InstanceStateChange[] {
  return found.map((i, n) => ({ InstanceId: i.id, CurrentState: stateShape(i.state), PreviousState: stateShape(previous[n] as Ec2InstanceState) }));
}

function describeVolumes(ec2: Ec2State, input: In<'DescribeVolumes'>): Out<'DescribeVolumes'> {
  const ids = input.VolumeIds ?? [];
  const bad = ids.find((id) => !/^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
  if (bad !== undefined) throw awsError('ec2', 'InvalidVolumeID.Malformed', `Invalid id: "${bad}" (expecting "vol-...")`);
  // A root volume is deleted with its instance (DeleteOnTermination).
  const all: Volume[] = [...ec2.instances.values()].filter((i) => i.state !== 'terminated').map((i) => ({ instance: i, seq: i.seq }));
  const missing = ids.find((id) => !all.some((v) => v.instance.volumeId === id));
  if (missing !== undefined) throw awsError('ec2', 'InvalidVolume.NotFound', `The volume '${missing}' does not exist.`);
  const max = input.MaxResults;
  if (max !== undefined && ids.length > 0) throw awsError('ec2', 'InvalidParameterCombination', 'The parameter volumeSet cannot be used with the parameter maxResults');
  if (max !== undefined && (max < 5 || max > 500)) throw awsError('ec2', 'InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between 5 and 500.`);
  const filters = new FilterSet(readFilters(input.Filters), volumeFields(), () => []);
  const picked = all.filter((v) => (ids.length === 0 || ids.includes(v.instance.volumeId)) && filters.matches(v));
  const token = input.NextToken;
  if (max === undefined && (token === undefined || token === '')) return { Volumes: picked.map(volumeShape) };
  const page = paginate(picked, (v) => String(v.seq).padStart(12, '0'), max ?? 500, token, { defaultSize: 500, maxSize: 500, refuse: (m) => commonError('InvalidParameterValue', m), sizeParam: 'MaxResults' });
  return { Volumes: page.items.map(volumeShape), ...nextToken(page.nextToken) };
}

/** The instance handlers over a state model; each first brings the instances to the request's time. */
export function instanceHandlers(ec2: Ec2State): ServiceHandlers {
  return settledHandlers(ec2, {
    StopInstances(input, ctx): Out<'StopInstances'> {
      dryRun(input);
      const found = ec2.find(instanceIds(input.InstanceIds));
      // All or nothing: every instance must be able to stop before any does.
      for (const i of found) ec2.stop({ ...i }, ctx.now);
      const previous = found.map((i) => ec2.stop(i, ctx.now));
      return { StoppingInstances: transitions(found, previous) };
    },

    StartInstances(input, ctx): Out<'StartInstances'> {
      dryRun(input);
      const found = ec2.find(instanceIds(input.InstanceIds));
      const bad = found.find((i) => i.state !== 'stopped' && i.state !== 'pending' && i.state !== 'running');
      if (bad !== undefined) ec2.start(bad, ctx.now);
      const previous = found.map((i) => ec2.start(i, ctx.now));
      return { StartingInstances: transitions(found, previous) };
    },

    DescribeInstanceAttribute(input): Out<'DescribeInstanceAttribute'> {
      dryRun(input);
      const attribute = input.Attribute;
      if (!ATTRIBUTES.includes(attribute)) throw awsError('ec2', 'InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
      const i = ec2.find([input.InstanceId])[0] as InstanceRecord;
      return { InstanceId: i.id, ...attributeValue(i, attribute) };
    },

    ModifyInstanceAttribute(input): Out<'ModifyInstanceAttribute'> {
      dryRun(input);
      const i = ec2.find([input.InstanceId])[0] as InstanceRecord;
      applyModification(ec2, i, readModification(input));
      return {};
    },

    DescribeVolumes(input): Out<'DescribeVolumes'> {
      dryRun(input);
      return describeVolumes(ec2, input);
    },
  });
}

/** The instances a request names: at least one. */
function instanceIds(ids: readonly string[]): readonly string[] {
  if (ids.length === 0) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter InstanceId');
  return ids;
}

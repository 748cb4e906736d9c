/**
 * The EC2 wire handlers on launched instances beyond describe/run/terminate:
 * StopInstances, StartInstances, DescribeInstanceAttribute, ModifyInstanceAttribute and
 * DescribeVolumes (each instance's EBS root volume), with the API Reference's state
 * rules and error codes.
 *
 * @module
 */
import { commonError, ServiceError } from '../errors';
import { optBool, optInt, optObject, optString, optStrings } from '../input';
import { paginate } from '../paging';
import type { Ec2InstanceState, ServiceHandlers, WireObject } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun, imageSnapshotId, settledHandlers } from './handlers';
import { stateShape } from './shapes';
import type { Ec2State, InstanceRecord } from './state';

/** Root volume size in GiB (the simulated images' snapshot size). */
export const ROOT_VOLUME_GIB = 8;

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

/** The attributes DescribeInstanceAttribute knows (the model's `InstanceAttributeName`). */
const ATTRIBUTES = [
  'instanceType', 'kernel', 'ramdisk', 'userData', 'disableApiTermination', 'instanceInitiatedShutdownBehavior',
  'rootDeviceName', 'blockDeviceMapping', 'productCodes', 'sourceDestCheck', 'groupSet', 'ebsOptimized',
  'sriovNetSupport', 'enaSupport', 'enclaveOptions', 'disableApiStop',
];

function instanceIds(input: WireObject): string[] {
  const ids = optStrings(input, 'InstanceIds') ?? [];
  if (ids.length === 0) throw new ServiceError('MissingParameter', 'The request must contain the parameter InstanceId', 400);
  return ids;
}

function oneInstance(ec2: Ec2State, input: WireObject): InstanceRecord {
  const id = optString(input, 'InstanceId');
  if (id === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter InstanceId', 400);
  return ec2.find([id])[0] as InstanceRecord;
}

function rootDevice(i: InstanceRecord): WireObject {
  return { DeviceName: '/dev/xvda', Ebs: { AttachTime: new Date(i.launchTime), DeleteOnTermination: true, Status: attachmentState(i), VolumeId: i.volumeId } };
}

function attachmentState(i: InstanceRecord): string {
  return i.state === 'shutting-down' ? 'detaching' : 'attached';
}

function attributeValue(i: InstanceRecord, attribute: string): WireObject {
  switch (attribute) {
    case 'instanceType': return { InstanceType: { Value: i.instanceType } };
    case 'kernel': return { KernelId: {} };
    case 'ramdisk': return { RamdiskId: {} };
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
    case 'enaSupport': return { EnaSupport: { Value: true } };
    case 'enclaveOptions': return { EnclaveOptions: { Enabled: false } };
    default: return { DisableApiStop: { Value: i.disableApiStop === true } };
  }
}

/** The one attribute a ModifyInstanceAttribute request changes, and its new value. */
interface Modification {
  attribute: string;
  value: string | boolean | string[];
}

const STRUCTURED: ReadonlyArray<[string, string, 'string' | 'boolean']> = [
  ['InstanceType', 'instanceType', 'string'],
  ['UserData', 'userData', 'string'],
  ['DisableApiTermination', 'disableApiTermination', 'boolean'],
  ['DisableApiStop', 'disableApiStop', 'boolean'],
  ['EbsOptimized', 'ebsOptimized', 'boolean'],
  ['SourceDestCheck', 'sourceDestCheck', 'boolean'],
  ['InstanceInitiatedShutdownBehavior', 'instanceInitiatedShutdownBehavior', 'string'],
  ['Kernel', 'kernel', 'string'],
  ['Ramdisk', 'ramdisk', 'string'],
  ['SriovNetSupport', 'sriovNetSupport', 'string'],
  ['EnaSupport', 'enaSupport', 'boolean'],
];

function readModification(input: WireObject): Modification {
  const found: Modification[] = [];
  for (const [member, attribute, kind] of STRUCTURED) {
    const holder = optObject(input, member);
    if (holder === undefined) continue;
    const value = kind === 'boolean' ? optBool(holder, 'Value') : optString(holder, 'Value');
    if (value === undefined) throw new ServiceError('MissingParameter', `The request must contain the parameter ${member}.Value`, 400);
    found.push({ attribute, value });
  }
  const groups = optStrings(input, 'Groups');
  if (groups !== undefined && groups.length > 0) found.push({ attribute: 'groupSet', value: groups });
  const attribute = optString(input, 'Attribute');
  if (attribute !== undefined) {
    if (!ATTRIBUTES.includes(attribute)) throw new ServiceError('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`, 400);
    const raw = optString(input, 'Value');
    if (raw === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter Value', 400);
    const boolish = STRUCTURED.find((s) => s[1] === attribute)?.[2] === 'boolean';
    found.push({ attribute, value: boolish ? raw.toLowerCase() === 'true' : raw });
  }
  if (found.length === 0) throw new ServiceError('MissingParameter', 'The request must contain the parameter attribute', 400);
  if (found.length > 1) throw new ServiceError('InvalidParameterCombination', `Fields for multiple attribute types specified: ${found.map((f) => f.attribute).join(', ')}`, 400);
  return found[0] as Modification;
}

function mustBeStopped(i: InstanceRecord): void {
  if (i.state !== 'stopped') throw new ServiceError('IncorrectInstanceState', `The instance '${i.id}' is not in the 'stopped' state.`, 400);
}

function applyModification(ec2: Ec2State, i: InstanceRecord, m: Modification): void {
  switch (m.attribute) {
    case 'instanceType': {
      const type = m.value as string;
      if (!INSTANCE_TYPE.test(type)) throw new ServiceError('InvalidInstanceAttributeValue', `Value (${type}) for parameter instanceType is invalid.`, 400);
      mustBeStopped(i);
      i.instanceType = type;
      return;
    }
    case 'userData':
      mustBeStopped(i);
      i.userData = m.value as string;
      return;
    case 'ebsOptimized':
      mustBeStopped(i);
      i.ebsOptimized = m.value as boolean;
      return;
    case 'disableApiTermination':
      i.disableApiTermination = m.value as boolean;
      return;
    case 'disableApiStop':
      i.disableApiStop = m.value as boolean;
      return;
    case 'sourceDestCheck':
      i.sourceDestCheck = m.value as boolean;
      return;
    case 'instanceInitiatedShutdownBehavior': {
      const v = m.value as string;
      if (v !== 'stop' && v !== 'terminate') throw new ServiceError('InvalidParameterValue', `Value (${v}) for parameter instanceInitiatedShutdownBehavior is invalid. Valid values are: stop, terminate.`, 400);
      i.shutdownBehavior = v;
      return;
    }
    case 'groupSet': {
      const groups = (m.value as string[]).map((id) => ec2.network.group(id));
      const other = groups.find((g) => g.vpcId !== i.vpcId);
      if (other !== undefined) throw new ServiceError('InvalidGroup.NotFound', `The security group '${other.id}' does not exist in VPC '${i.vpcId}'`, 400);
      i.securityGroups = [...new Set(groups)].map((g) => ({ groupName: g.name, groupId: g.id }));
      return;
    }
    default:
      throw new ServiceError('UnsupportedOperation', `The attribute '${m.attribute}' cannot be modified on botoscale local's simulated instances (HVM images with fixed kernel, ENA and SR-IOV settings).`, 400);
  }
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

function volumeShape(v: Volume): WireObject {
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

function transitions(found: readonly InstanceRecord[], previous: readonly Ec2InstanceState[]): WireObject[] {
  return found.map((i, n) => ({ InstanceId: i.id, CurrentState: stateShape(i.state), PreviousState: stateShape(previous[n] as Ec2InstanceState) }));
}

function describeVolumes(ec2: Ec2State, input: WireObject): WireObject {
  const ids = optStrings(input, 'VolumeIds') ?? [];
  const bad = ids.find((id) => !/^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
  if (bad !== undefined) throw new ServiceError('InvalidVolumeID.Malformed', `Invalid id: "${bad}" (expecting "vol-...")`, 400);
  // A root volume is deleted with its instance (DeleteOnTermination).
  const all: Volume[] = [...ec2.instances.values()].filter((i) => i.state !== 'terminated').map((i) => ({ instance: i, seq: i.seq }));
  const missing = ids.find((id) => !all.some((v) => v.instance.volumeId === id));
  if (missing !== undefined) throw new ServiceError('InvalidVolume.NotFound', `The volume '${missing}' does not exist.`, 400);
  const max = optInt(input, 'MaxResults');
  if (max !== undefined && ids.length > 0) throw new ServiceError('InvalidParameterCombination', 'The parameter volumeSet cannot be used with the parameter maxResults', 400);
  if (max !== undefined && (max < 5 || max > 500)) throw new ServiceError('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between 5 and 500.`, 400);
  const filters = new FilterSet(readFilters(input), volumeFields(), () => []);
  const picked = all.filter((v) => (ids.length === 0 || ids.includes(v.instance.volumeId)) && filters.matches(v));
  const token = optString(input, 'NextToken');
  if (max === undefined && (token === undefined || token === '')) return { Volumes: picked.map(volumeShape) };
  const page = paginate(picked, (v) => String(v.seq).padStart(12, '0'), max ?? 500, token, { defaultSize: 500, maxSize: 500, refuse: (m) => commonError('InvalidParameterValue', m), sizeParam: 'MaxResults' });
  return { Volumes: page.items.map(volumeShape), ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }) };
}

/** The instance handlers over a state model; each first brings the instances to the request's time. */
export function instanceHandlers(ec2: Ec2State): ServiceHandlers {
  return settledHandlers(ec2, {
    StopInstances(input, ctx) {
      dryRun(input);
      const found = ec2.find(instanceIds(input));
      // All or nothing: every instance must be able to stop before any does.
      for (const i of found) ec2.stop({ ...i }, ctx.now);
      const previous = found.map((i) => ec2.stop(i, ctx.now));
      return { StoppingInstances: transitions(found, previous) };
    },

    StartInstances(input, ctx) {
      dryRun(input);
      const found = ec2.find(instanceIds(input));
      const bad = found.find((i) => i.state !== 'stopped' && i.state !== 'pending' && i.state !== 'running');
      if (bad !== undefined) ec2.start(bad, ctx.now);
      const previous = found.map((i) => ec2.start(i, ctx.now));
      return { StartingInstances: transitions(found, previous) };
    },

    DescribeInstanceAttribute(input) {
      dryRun(input);
      const attribute = optString(input, 'Attribute');
      if (attribute === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter Attribute', 400);
      if (!ATTRIBUTES.includes(attribute)) throw new ServiceError('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`, 400);
      const i = oneInstance(ec2, input);
      return { InstanceId: i.id, ...attributeValue(i, attribute) };
    },

    ModifyInstanceAttribute(input) {
      dryRun(input);
      const i = oneInstance(ec2, input);
      applyModification(ec2, i, readModification(input));
      return {};
    },

    DescribeVolumes(input) {
      dryRun(input);
      return describeVolumes(ec2, input);
    },
  });
}

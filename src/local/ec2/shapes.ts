/**
 * EC2 records as the wire structures the API Reference documents (`Instance`,
 * `InstanceState`, `InstanceStatus`, `SecurityGroup`, `Image`, ...).
 *
 * @module
 */
import type { _InstanceType, Instance, InstanceState, InstanceStatus, InstanceStatusDetails, InstanceStatusSummary, Reservation, StatusType, SummaryStatus } from '@aws-sdk/client-ec2';
import type { Ec2InstanceState } from '../types';
import { partitionOf } from '../../core/rules/aws-rules';
import { tagShapes } from './tags';
import { SPOT_TERMINATION, STATE_CODES, STATUS_INIT_MS, type Ec2State, type InstanceRecord } from './state';

/**
 * An instance type as the SDK types it. EC2's list of types grows faster than any enum,
 * and the protocol layer does not hold EC2 requests to the model's enums, so the
 * simulation keeps any well-formed type name it was given and writes it back as it is.
 */
export function instanceTypeShape(type: string): _InstanceType {
  return type as _InstanceType;
}

/** `{ Code, Name }` of a state. */
export function stateShape(state: Ec2InstanceState): InstanceState {
  return { Code: STATE_CODES[state], Name: state };
}

function gmt(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}

function transitionReason(i: InstanceRecord): string {
  if (i.terminatedAt !== undefined) return `${i.terminationReason ?? 'User initiated'} (${gmt(i.terminatedAt)})`;
  if (i.stoppedAt !== undefined) return `User initiated (${gmt(i.stoppedAt)})`;
  return '';
}

/** An instance as DescribeInstances and RunInstances return it. */
export function instanceShape(ec2: Ec2State, i: InstanceRecord): Instance {
  const gone = i.state === 'terminated';
  const out: Instance = {
    AmiLaunchIndex: i.amiLaunchIndex,
    ImageId: i.imageId,
    InstanceId: i.id,
    InstanceType: instanceTypeShape(i.instanceType),
    LaunchTime: new Date(i.launchTime),
    Monitoring: { State: i.monitoring ? 'enabled' : 'disabled' },
    Placement: { AvailabilityZone: i.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: gone ? '' : ec2.privateDnsName(i.privateIp),
    ProductCodes: [],
    PublicDnsName: gone || i.publicIp === '' ? '' : ec2.publicDnsName(i.publicIp),
    State: stateShape(i.state),
    StateTransitionReason: transitionReason(i),
    Architecture: 'x86_64',
    BlockDeviceMappings: gone ? [] : [{ DeviceName: '/dev/xvda', Ebs: { AttachTime: new Date(i.launchTime), DeleteOnTermination: true, Status: i.state === 'shutting-down' ? 'detaching' : 'attached', VolumeId: i.volumeId } }],
    ClientToken: i.clientToken,
    EbsOptimized: i.ebsOptimized,
    EnaSupport: i.enaSupport !== false,
    Hypervisor: 'xen',
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: i.securityGroups.map((g) => ({ GroupName: g.groupName, GroupId: g.groupId })),
    SourceDestCheck: i.sourceDestCheck !== false,
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: i.metadata?.httpTokens ?? 'optional',
      HttpPutResponseHopLimit: i.metadata?.httpPutResponseHopLimit ?? 1,
      HttpEndpoint: i.metadata?.httpEndpoint ?? 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: new Date(i.launchTime),
    MaintenanceOptions: { AutoRecovery: 'default' },
  };
  if (!gone) {
    out.PrivateIpAddress = i.privateIp;
    out.SubnetId = i.subnetId;
    out.VpcId = i.vpcId;
    if (i.state !== 'shutting-down' && i.publicIp !== '') out.PublicIpAddress = i.publicIp;
  }
  if (i.keyName !== undefined) out.KeyName = i.keyName;
  if (i.kernelId !== undefined) out.KernelId = i.kernelId;
  if (i.ramdiskId !== undefined) out.RamdiskId = i.ramdiskId;
  if (i.iamInstanceProfile !== undefined) {
    out.IamInstanceProfile = { Arn: i.iamInstanceProfile.startsWith('arn:') ? i.iamInstanceProfile : `arn:${partitionOf(ec2.region)}:iam::${ec2.accountId}:instance-profile/${i.iamInstanceProfile}`, Id: `AIPA${i.id.slice(2, 19).toUpperCase()}` };
  }
  if (i.terminatedAt === undefined && i.stoppedAt !== undefined) {
    out.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  }
  if (i.terminatedAt !== undefined) {
    out.StateReason = i.terminationReason === SPOT_TERMINATION
      ? { Code: SPOT_TERMINATION, Message: `${SPOT_TERMINATION}: Spot instance termination` }
      : { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  }
  if (i.instanceLifecycle !== undefined) out.InstanceLifecycle = i.instanceLifecycle;
  if (i.spotInstanceRequestId !== undefined) out.SpotInstanceRequestId = i.spotInstanceRequestId;
  if (i.tags.length > 0) out.Tags = tagShapes(i.tags);
  return out;
}

/** Instances grouped into their reservations, in the order given. */
export function reservationsShape(ec2: Ec2State, instances: readonly InstanceRecord[]): Reservation[] {
  const byId = new Map<string, InstanceRecord[]>();
  for (const i of instances) {
    const list = byId.get(i.reservationId);
    if (list === undefined) byId.set(i.reservationId, [i]);
    else list.push(i);
  }
  return [...byId.entries()].map(([id, list]) => ({
    ReservationId: id,
    OwnerId: ec2.accountId,
    Groups: [],
    Instances: list.map((i) => instanceShape(ec2, i)),
  }));
}

/** The status checks of an instance. */
export interface StatusSummary {
  /** `ok`, `initializing`, `impaired` or `not-applicable`. */
  status: SummaryStatus;
  /** The reachability check: `passed`, `initializing`, `failed` or `not-applicable`. */
  reachability: StatusType | 'not-applicable';
  /** Since when the checks fail. */
  impairedSince?: number;
}

/** The instance status checks of an instance at `now`. */
export function statusOf(i: InstanceRecord, now: number): StatusSummary {
  if (i.state !== 'running') return { status: 'not-applicable', reachability: 'not-applicable' };
  if (!i.healthy) return { status: 'impaired', reachability: 'failed', impairedSince: i.impairedSince ?? now };
  if (now < i.stateSince + STATUS_INIT_MS) return { status: 'initializing', reachability: 'initializing' };
  return { status: 'ok', reachability: 'passed' };
}

/** An instance as DescribeInstanceStatus returns it. */
export function instanceStatusShape(i: InstanceRecord, now: number): InstanceStatus {
  const s = statusOf(i, now);
  const system = i.state === 'running' ? (now < i.stateSince + STATUS_INIT_MS ? 'initializing' : 'ok') : 'not-applicable';
  const summary = (status: SummaryStatus, reachability: StatusType | 'not-applicable', impairedSince?: number): InstanceStatusSummary => {
    if (status === 'not-applicable' || reachability === 'not-applicable') return { Status: status };
    const detail: InstanceStatusDetails = { Name: 'reachability', Status: reachability };
    if (impairedSince !== undefined) detail.ImpairedSince = new Date(impairedSince);
    return { Status: status, Details: [detail] };
  };
  return {
    AvailabilityZone: i.availabilityZone,
    InstanceId: i.id,
    InstanceState: stateShape(i.state),
    InstanceStatus: summary(s.status, s.reachability, s.impairedSince),
    SystemStatus: summary(system, system === 'ok' ? 'passed' : system),
    Events: [],
  };
}

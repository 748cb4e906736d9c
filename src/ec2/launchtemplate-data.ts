/**
 * The launch settings of a launch template version, in boto2's `LaunchConfiguration`
 * names, and their translation to and from EC2's `LaunchTemplateData`: checked before
 * anything is sent, read back from `DescribeLaunchTemplateVersions`.
 *
 * @module
 */
import type {
  LaunchTemplateBlockDeviceMapping, LaunchTemplateBlockDeviceMappingRequest, LaunchTemplateEbsBlockDeviceRequest, LaunchTemplateInstanceNetworkInterfaceSpecificationRequest,
  RequestLaunchTemplateData, ResponseLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import { BlockDeviceMapping, Ebs } from '../autoscale/blockdevice';
import { BotoClientError } from '../core/errors';
import { checkInt, checkLength, checkOneOf, toNumber } from '../core/validate';

/** `required` (IMDSv2 only, as AWS recommends) or `optional` (IMDSv1 too). */
export const HTTP_TOKENS = ['required', 'optional'] as const;
/** `enabled` or `disabled`. */
export const ENABLED_DISABLED = ['enabled', 'disabled'] as const;

/**
 * The instance metadata service options of a template (EC2's `MetadataOptions`). A new
 * {@link LaunchTemplate} sets `httpTokens: 'required'` unless told otherwise.
 */
export interface MetadataOptions {
  /** `required` (IMDSv2 only) or `optional` (IMDSv1 too). */
  httpTokens?: 'required' | 'optional';
  /** How far a metadata answer may travel, 1 to 64 hops; EC2's default is 1. */
  httpPutResponseHopLimit?: number;
  /** Whether the metadata endpoint answers at all; EC2's default is `enabled`. */
  httpEndpoint?: 'enabled' | 'disabled';
  /** Whether instance tags show in the metadata; EC2's default is `disabled`. */
  instanceMetadataTags?: 'enabled' | 'disabled';
}

/**
 * What a launch template version says about the instances it launches, in the names
 * `LaunchConfiguration` uses where the meaning is the same. Every field is optional: a
 * version holds only what it sets.
 */
export interface LaunchSettings {
  /** The AMI id. */
  imageId?: string;
  /** Such as `t3.micro` (no default: a template may leave it to the group). */
  instanceType?: string;
  /** The EC2 key pair name. */
  keyName?: string;
  /** Security groups: ids (`sg-…`) or, in a default VPC, names. */
  securityGroups?: string[];
  /** User data as text; botoscale base64-encodes it when sending and decodes it when reading. */
  userData?: string;
  /** Block devices of the instances. */
  blockDeviceMappings?: BlockDeviceMapping[];
  /** Detailed (one-minute) monitoring. */
  instanceMonitoring?: boolean;
  /** The IAM instance profile, by name or ARN. */
  instanceProfileName?: string;
  /** EBS-optimized instances. */
  ebsOptimized?: boolean;
  /** Launch Spot Instances with this maximum price, in US dollars per hour. */
  spotPrice?: number | string;
  /** The kernel id. */
  kernelId?: string;
  /** The RAM disk id. */
  ramdiskId?: string;
  /** Give instances a public IP address (sent on the primary network interface, which then holds the security groups, by id). */
  associatePublicIpAddress?: boolean;
  /** `default`, `dedicated` or `host`. */
  placementTenancy?: string;
  /** Instance metadata service options. */
  metadataOptions?: MetadataOptions;
}

/** The {@link LaunchSettings} field names, in the order they are copied. */
export const LAUNCH_SETTING_NAMES = [
  'imageId', 'instanceType', 'keyName', 'securityGroups', 'userData', 'blockDeviceMappings', 'instanceMonitoring',
  'instanceProfileName', 'ebsOptimized', 'spotPrice', 'kernelId', 'ramdiskId', 'associatePublicIpAddress', 'placementTenancy',
  'metadataOptions',
] as const satisfies readonly (keyof LaunchSettings)[];

const TENANCIES = ['default', 'dedicated', 'host'] as const;

function isSecurityGroupId(group: string): boolean {
  return /^sg-[0-9a-f]+$/.test(group);
}

function checkStringList(field: string, list: readonly unknown[] | undefined): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new BotoClientError(`${field} must be a list of strings, got ${typeof list}`);
  list.forEach((item, i) => checkLength(`${field}[${i}]`, item as string, 255));
}

function checkBoolean(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw new BotoClientError(`${field} must be true or false, got ${JSON.stringify(value)}`);
}

/** Checks launch settings before they are sent; `prefix` names where they sit (`changes.`). */
export function checkLaunchSettings(s: LaunchSettings, prefix = ''): void {
  checkLength(`${prefix}imageId`, s.imageId, 255);
  checkLength(`${prefix}instanceType`, s.instanceType, 255);
  checkLength(`${prefix}keyName`, s.keyName, 255);
  checkStringList(`${prefix}securityGroups`, s.securityGroups);
  checkLength(`${prefix}instanceProfileName`, s.instanceProfileName, 1600);
  checkBoolean(`${prefix}instanceMonitoring`, s.instanceMonitoring);
  checkBoolean(`${prefix}ebsOptimized`, s.ebsOptimized);
  checkBoolean(`${prefix}associatePublicIpAddress`, s.associatePublicIpAddress);
  checkOneOf(`${prefix}placementTenancy`, s.placementTenancy, TENANCIES);
  const price = toNumber(`${prefix}spotPrice`, s.spotPrice);
  if (price !== undefined && price <= 0) throw new BotoClientError(`${prefix}spotPrice must be a positive number of US dollars per hour, got ${price}`);
  const m = s.metadataOptions;
  if (m !== undefined) {
    if (typeof m !== 'object' || m === null) throw new BotoClientError(`${prefix}metadataOptions must be an object such as { httpTokens: 'required' }`);
    checkOneOf(`${prefix}metadataOptions.httpTokens`, m.httpTokens, HTTP_TOKENS);
    checkInt(`${prefix}metadataOptions.httpPutResponseHopLimit`, m.httpPutResponseHopLimit, { min: 1, max: 64 });
    checkOneOf(`${prefix}metadataOptions.httpEndpoint`, m.httpEndpoint, ENABLED_DISABLED);
    checkOneOf(`${prefix}metadataOptions.instanceMetadataTags`, m.instanceMetadataTags, ENABLED_DISABLED);
  }
  if (s.associatePublicIpAddress !== undefined) {
    const names = (s.securityGroups ?? []).filter((g) => !isSecurityGroupId(g));
    if (names.length > 0) {
      throw new BotoClientError(
        `${prefix}securityGroups must be ids (sg-…) when associatePublicIpAddress is set (EC2 puts them on the network interface, which takes ids only), got ${JSON.stringify(names[0])}`,
      );
    }
  }
}

function blockDeviceToSdk(b: BlockDeviceMapping): LaunchTemplateBlockDeviceMappingRequest {
  return {
    DeviceName: b.deviceName,
    VirtualName: b.virtualName,
    // EC2's NoDevice is a string: present (empty) suppresses the device.
    NoDevice: b.noDevice ? '' : undefined,
    Ebs: b.ebs === undefined ? undefined : {
      SnapshotId: b.ebs.snapshotId,
      VolumeSize: b.ebs.volumeSize,
      VolumeType: b.ebs.volumeType as LaunchTemplateEbsBlockDeviceRequest['VolumeType'],
      DeleteOnTermination: b.ebs.deleteOnTermination,
      Iops: b.ebs.iops,
      Encrypted: b.ebs.encrypted,
    },
  };
}

function blockDeviceFromSdk(b: LaunchTemplateBlockDeviceMapping): BlockDeviceMapping {
  return new BlockDeviceMapping({
    deviceName: b.DeviceName,
    virtualName: b.VirtualName,
    noDevice: b.NoDevice === undefined ? undefined : true,
    ebs: b.Ebs === undefined ? undefined : new Ebs({
      snapshotId: b.Ebs.SnapshotId,
      volumeSize: b.Ebs.VolumeSize,
      volumeType: b.Ebs.VolumeType,
      deleteOnTermination: b.Ebs.DeleteOnTermination,
      iops: b.Ebs.Iops,
      encrypted: b.Ebs.Encrypted,
    }),
  });
}

function networkInterface(s: LaunchSettings): LaunchTemplateInstanceNetworkInterfaceSpecificationRequest[] | undefined {
  if (s.associatePublicIpAddress === undefined) return undefined;
  const groups = s.securityGroups ?? [];
  return [{ DeviceIndex: 0, AssociatePublicIpAddress: s.associatePublicIpAddress, Groups: groups.length === 0 ? undefined : [...groups] }];
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length === 0 ? undefined : list;
}

/** EC2's `LaunchTemplateData` for launch settings; only what they set is sent. */
export function toTemplateData(s: LaunchSettings): RequestLaunchTemplateData {
  const onInterface = s.associatePublicIpAddress !== undefined;
  const groups = onInterface ? [] : s.securityGroups ?? [];
  const price = toNumber('spotPrice', s.spotPrice);
  const profile = s.instanceProfileName;
  const m = s.metadataOptions;
  return {
    ImageId: s.imageId,
    InstanceType: s.instanceType as RequestLaunchTemplateData['InstanceType'],
    KeyName: s.keyName,
    SecurityGroupIds: nonEmpty(groups.filter(isSecurityGroupId)),
    SecurityGroups: nonEmpty(groups.filter((g) => !isSecurityGroupId(g))),
    NetworkInterfaces: networkInterface(s),
    UserData: s.userData === undefined ? undefined : Buffer.from(s.userData, 'utf8').toString('base64'),
    BlockDeviceMappings: s.blockDeviceMappings === undefined ? undefined : nonEmpty(s.blockDeviceMappings.map(blockDeviceToSdk)),
    Monitoring: s.instanceMonitoring === undefined ? undefined : { Enabled: s.instanceMonitoring },
    IamInstanceProfile: profile === undefined ? undefined : profile.startsWith('arn:') ? { Arn: profile } : { Name: profile },
    EbsOptimized: s.ebsOptimized,
    InstanceMarketOptions: price === undefined ? undefined : { MarketType: 'spot', SpotOptions: { MaxPrice: String(price) } },
    KernelId: s.kernelId,
    RamDiskId: s.ramdiskId,
    Placement: s.placementTenancy === undefined ? undefined : { Tenancy: s.placementTenancy as 'default' | 'dedicated' | 'host' },
    MetadataOptions: m === undefined ? undefined : {
      HttpTokens: m.httpTokens,
      HttpPutResponseHopLimit: m.httpPutResponseHopLimit,
      HttpEndpoint: m.httpEndpoint,
      InstanceMetadataTags: m.instanceMetadataTags,
    },
  };
}

/** Launch settings read from a version's `LaunchTemplateData`. */
export function fromTemplateData(d: ResponseLaunchTemplateData): LaunchSettings {
  const primary = d.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const groups = [...(d.SecurityGroupIds ?? []), ...(d.SecurityGroups ?? []), ...(primary?.Groups ?? [])];
  const market = d.InstanceMarketOptions;
  const m = d.MetadataOptions;
  return {
    imageId: d.ImageId,
    instanceType: d.InstanceType,
    keyName: d.KeyName,
    securityGroups: groups,
    userData: d.UserData ? Buffer.from(d.UserData, 'base64').toString('utf8') : undefined,
    blockDeviceMappings: (d.BlockDeviceMappings ?? []).map(blockDeviceFromSdk),
    instanceMonitoring: d.Monitoring?.Enabled,
    instanceProfileName: d.IamInstanceProfile?.Arn ?? d.IamInstanceProfile?.Name,
    ebsOptimized: d.EbsOptimized,
    spotPrice: market?.MarketType === 'spot' && market.SpotOptions?.MaxPrice !== undefined ? Number(market.SpotOptions.MaxPrice) : undefined,
    kernelId: d.KernelId,
    ramdiskId: d.RamDiskId,
    associatePublicIpAddress: primary?.AssociatePublicIpAddress,
    placementTenancy: d.Placement?.Tenancy,
    metadataOptions: m === undefined ? undefined : {
      httpTokens: m.HttpTokens,
      httpPutResponseHopLimit: m.HttpPutResponseHopLimit,
      httpEndpoint: m.HttpEndpoint,
      instanceMetadataTags: m.InstanceMetadataTags,
    },
  };
}

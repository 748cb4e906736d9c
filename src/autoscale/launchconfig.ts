/**
 * Launch configurations (boto2's `boto.ec2.autoscale.launchconfig`).
 *
 * @module
 */
import type { LaunchConfiguration as SdkLaunchConfiguration } from '@aws-sdk/client-auto-scaling';
import { BotoObject } from '../core/repr';
import type { CallOptions } from '../core/connection';
import { BotoServerError } from '../core/errors';
import type { AutoScaleConnection } from './connection';
import { BlockDeviceMapping } from './blockdevice';
import type { Request } from './request';
import { checkNew, declareSignatures } from '../core/signature';

/** boto2's `InstanceMonitoring`: whether detailed monitoring is on. */
export class InstanceMonitoring extends BotoObject<AutoScaleConnection> {
  /** Whether detailed monitoring is on. */
  enabled: boolean;

  constructor(options: { connection?: AutoScaleConnection; enabled?: boolean } = {}) {
    checkNew(InstanceMonitoring, arguments);
    super(options.connection);
    this.enabled = options.enabled ?? false;
  }

  toString(): string {
    return `InstanceMonitoring(${this.enabled ? 'true' : 'false'})`;
  }
}

/** Constructor options of {@link LaunchConfiguration}, boto2's keyword arguments. */
export interface LaunchConfigurationOptions {
  /** The connection the object talks through. */
  connection?: AutoScaleConnection;
  /** The name. */
  name?: string;
  /** The AMI id (required to create it). */
  imageId?: string;
  /** The EC2 key pair name. */
  keyName?: string;
  /** Security group names or ids. */
  securityGroups?: string[];
  /** User data as text; botoscale base64-encodes it when sending and decodes it when reading. */
  userData?: string;
  /** Default `m1.small`, as boto2. */
  instanceType?: string;
  /** The kernel id. */
  kernelId?: string;
  /** The RAM disk id. */
  ramdiskId?: string;
  /** Block devices of the instances. */
  blockDeviceMappings?: BlockDeviceMapping[];
  /** Detailed monitoring; default false, as boto2. */
  instanceMonitoring?: boolean | InstanceMonitoring;
  /** The maximum spot price, in US dollars per hour. */
  spotPrice?: number | string;
  /** The IAM instance profile, by name or ARN. */
  instanceProfileName?: string;
  /** EBS-optimized instances; default false, as boto2. */
  ebsOptimized?: boolean;
  /** Give instances in a VPC a public IP address. */
  associatePublicIpAddress?: boolean;
  /** The ClassicLink VPC. */
  classicLinkVpcId?: string;
  /** Security groups of the ClassicLink VPC. */
  classicLinkVpcSecurityGroups?: string[];
  /** `default` or `dedicated`. */
  placementTenancy?: string;
}

/** A launch configuration: how a group launches its instances. Prints as `LaunchConfiguration:NAME`. */
export class LaunchConfiguration extends BotoObject<AutoScaleConnection> {
  /** The name. */
  name: string | undefined;
  /** The AMI id (required to create it). */
  imageId: string | undefined;
  /** The EC2 key pair name. */
  keyName: string | undefined;
  /** Security group names or ids. */
  securityGroups: string[];
  /** User data as text (base64 handled inside). */
  userData: string | undefined;
  /** The instance type; default `m1.small`, as boto2. */
  instanceType: string;
  /** The kernel id. */
  kernelId: string | undefined;
  /** The RAM disk id. */
  ramdiskId: string | undefined;
  /** Block devices of the instances. */
  blockDeviceMappings: BlockDeviceMapping[];
  /** Detailed monitoring; default off, as boto2. */
  instanceMonitoring: InstanceMonitoring;
  /** The maximum spot price, in US dollars per hour. */
  spotPrice: number | undefined;
  /** The IAM instance profile, by name or ARN. */
  instanceProfileName: string | undefined;
  /** EBS-optimized instances; default false, as boto2. */
  ebsOptimized: boolean;
  /** Give instances in a VPC a public IP address. */
  associatePublicIpAddress: boolean | undefined;
  /** The ClassicLink VPC. */
  classicLinkVpcId: string | undefined;
  /** Security groups of the ClassicLink VPC. */
  classicLinkVpcSecurityGroups: string[];
  /** `default` or `dedicated`. */
  placementTenancy: string | undefined;
  /** Set by AWS. */
  createdTime: Date | undefined;
  /** Set by AWS. */
  launchConfigurationArn: string | undefined;

  constructor(options: LaunchConfigurationOptions = {}) {
    checkNew(LaunchConfiguration, arguments);
    super(options.connection);
    this.name = options.name;
    this.imageId = options.imageId;
    this.keyName = options.keyName;
    this.securityGroups = options.securityGroups ?? [];
    this.userData = options.userData;
    this.instanceType = options.instanceType ?? 'm1.small';
    this.kernelId = options.kernelId;
    this.ramdiskId = options.ramdiskId;
    this.blockDeviceMappings = options.blockDeviceMappings ?? [];
    this.instanceMonitoring = options.instanceMonitoring instanceof InstanceMonitoring
      ? options.instanceMonitoring
      : new InstanceMonitoring({ enabled: options.instanceMonitoring ?? false });
    this.spotPrice = options.spotPrice === undefined ? undefined : Number(options.spotPrice);
    this.instanceProfileName = options.instanceProfileName;
    this.ebsOptimized = options.ebsOptimized ?? false;
    this.associatePublicIpAddress = options.associatePublicIpAddress;
    this.classicLinkVpcId = options.classicLinkVpcId;
    this.classicLinkVpcSecurityGroups = options.classicLinkVpcSecurityGroups ?? [];
    this.placementTenancy = options.placementTenancy;
    this.createdTime = undefined;
    this.launchConfigurationArn = undefined;
  }

  /** Builds one from a `DescribeLaunchConfigurations` answer. @internal */
  static fromSdk(connection: AutoScaleConnection, lc: SdkLaunchConfiguration): LaunchConfiguration {
    const out = new LaunchConfiguration({
      connection,
      name: lc.LaunchConfigurationName,
      imageId: lc.ImageId,
      keyName: lc.KeyName || undefined,
      securityGroups: lc.SecurityGroups ?? [],
      userData: lc.UserData ? Buffer.from(lc.UserData, 'base64').toString('utf8') : undefined,
      instanceType: lc.InstanceType,
      kernelId: lc.KernelId || undefined,
      ramdiskId: lc.RamdiskId || undefined,
      blockDeviceMappings: (lc.BlockDeviceMappings ?? []).map((b) => BlockDeviceMapping.fromSdk(connection, b)),
      instanceMonitoring: lc.InstanceMonitoring?.Enabled ?? false,
      spotPrice: lc.SpotPrice,
      instanceProfileName: lc.IamInstanceProfile,
      ebsOptimized: lc.EbsOptimized ?? false,
      associatePublicIpAddress: lc.AssociatePublicIpAddress,
      classicLinkVpcId: lc.ClassicLinkVPCId,
      classicLinkVpcSecurityGroups: lc.ClassicLinkVPCSecurityGroups ?? [],
      placementTenancy: lc.PlacementTenancy,
    });
    out.createdTime = lc.CreatedTime;
    out.launchConfigurationArn = lc.LaunchConfigurationARN;
    return out;
  }

  toString(): string {
    return `LaunchConfiguration:${this.name}`;
  }

  /** Deletes this launch configuration. */
  async delete(options?: CallOptions): Promise<Request> {
    return this.requireConnection().deleteLaunchConfiguration(this.name as string, options);
  }
}

/** The line added to AWS's refusal of `CreateLaunchConfiguration` in accounts that no longer allow them. */
export const LAUNCH_TEMPLATE_HINT = 'botoscale: make a launch template instead: `lt = await ec2.createLaunchTemplate(LaunchTemplate.fromLaunchConfiguration(lc))`, then give the group `{ launchTemplate: lt }` (docs/autoscale.md, "Launch templates")';

/**
 * AWS's `UnsupportedOperation` answer to `CreateLaunchConfiguration`, still a
 * `BotoServerError` with AWS's status, code and message, plus one line on the launch
 * template way; any other error unchanged.
 * @internal
 */
export function withLaunchTemplateHint(err: unknown): unknown {
  if (!(err instanceof BotoServerError) || err.errorCode !== 'UnsupportedOperation') return err;
  return new BotoServerError({
    status: err.status,
    reason: err.reason,
    errorCode: err.errorCode,
    message: `${err.message}\n${LAUNCH_TEMPLATE_HINT}`,
    requestId: err.requestId,
    cause: err.cause,
  });
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(LaunchConfiguration, {
  new: '{connection, name, imageId, keyName, securityGroups, userData, instanceType, kernelId, ramdiskId, blockDeviceMappings, instanceMonitoring, spotPrice, instanceProfileName, ebsOptimized, associatePublicIpAddress, classicLinkVpcId, classicLinkVpcSecurityGroups, placementTenancy}',
  delete: '{signal}',
});
declareSignatures(InstanceMonitoring, {
  new: '{connection, enabled}',
});

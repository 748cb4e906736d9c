/**
 * Launch configurations: CreateLaunchConfiguration and DeleteLaunchConfiguration with
 * AWS's rules.
 *
 * @module
 */
import { uuid } from '../ids';
import { alreadyExists, launchConfigNotFound, limitExceeded, resourceInUse, validation } from './errors';
import { launchConfigArn } from './format';
import type { BlockDeviceMappingRecord, LaunchConfigRecord } from './model';
import type { AutoScalingState } from './state';

/** CreateLaunchConfiguration's parameters. */
export interface CreateLaunchConfigParams {
  LaunchConfigurationName: string;
  ImageId?: string;
  InstanceType?: string;
  InstanceId?: string;
  KeyName?: string;
  SecurityGroups?: string[];
  ClassicLinkVPCId?: string;
  ClassicLinkVPCSecurityGroups?: string[];
  UserData?: string;
  KernelId?: string;
  RamdiskId?: string;
  BlockDeviceMappings?: BlockDeviceMappingRecord[];
  InstanceMonitoring?: boolean;
  SpotPrice?: string;
  IamInstanceProfile?: string;
  EbsOptimized?: boolean;
  AssociatePublicIpAddress?: boolean;
  PlacementTenancy?: string;
  MetadataOptions?: LaunchConfigRecord['metadataOptions'];
}

/** Creates a launch configuration. */
export function createLaunchConfig(state: AutoScalingState, p: CreateLaunchConfigParams, now: number): LaunchConfigRecord {
  const name = p.LaunchConfigurationName;
  if (state.launchConfigs.has(name)) {
    throw alreadyExists(`Launch Configuration by this name already exists - A launch configuration already exists with the name ${name}`);
  }
  if (state.launchConfigs.size >= state.limits.maxLaunchConfigurations) {
    throw limitExceeded(`You have reached the limit of ${state.limits.maxLaunchConfigurations} launch configurations for this account.`);
  }
  let imageId = p.ImageId;
  let instanceType = p.InstanceType;
  if (p.InstanceId !== undefined) {
    const source = state.cloud.ec2.getInstance(p.InstanceId);
    if (source === undefined || source.state === 'terminated') {
      throw validation(`Invalid instance ID: ${p.InstanceId}`);
    }
    imageId ??= source.imageId;
    instanceType ??= source.instanceType;
  }
  if (imageId === undefined || instanceType === undefined) {
    throw validation('Valid requests must contain either the InstanceID parameter or both the ImageId and InstanceType parameters.');
  }
  if (!state.cloud.ec2.imageExists(imageId)) {
    throw validation(`AMI ${imageId} is invalid: The image id '[${imageId}]' does not exist`);
  }
  if (p.SpotPrice !== undefined && !(Number(p.SpotPrice) > 0)) {
    throw validation(`Invalid spot price: ${p.SpotPrice}`);
  }
  if (p.PlacementTenancy !== undefined && p.PlacementTenancy !== 'default' && p.PlacementTenancy !== 'dedicated') {
    throw validation(`Invalid placement tenancy: ${p.PlacementTenancy}. Valid values are default and dedicated.`);
  }
  const lc: LaunchConfigRecord = {
    name,
    arn: launchConfigArn(state.cloud.region, state.cloud.accountId, uuid(), name),
    createdTime: now,
    imageId,
    instanceType,
    securityGroups: [...(p.SecurityGroups ?? [])],
    classicLinkVPCSecurityGroups: [...(p.ClassicLinkVPCSecurityGroups ?? [])],
    blockDeviceMappings: structuredClone(p.BlockDeviceMappings ?? []),
    instanceMonitoring: p.InstanceMonitoring ?? true,
    ebsOptimized: p.EbsOptimized ?? false,
  };
  if (p.KeyName !== undefined) lc.keyName = p.KeyName;
  if (p.ClassicLinkVPCId !== undefined) lc.classicLinkVPCId = p.ClassicLinkVPCId;
  if (p.UserData !== undefined) lc.userData = p.UserData;
  if (p.KernelId !== undefined) lc.kernelId = p.KernelId;
  if (p.RamdiskId !== undefined) lc.ramdiskId = p.RamdiskId;
  if (p.SpotPrice !== undefined) lc.spotPrice = p.SpotPrice;
  if (p.IamInstanceProfile !== undefined) lc.iamInstanceProfile = p.IamInstanceProfile;
  if (p.AssociatePublicIpAddress !== undefined) lc.associatePublicIpAddress = p.AssociatePublicIpAddress;
  if (p.PlacementTenancy !== undefined) lc.placementTenancy = p.PlacementTenancy;
  if (p.MetadataOptions !== undefined) lc.metadataOptions = { ...p.MetadataOptions };
  state.addLaunchConfig(lc);
  return lc;
}

/** Deletes a launch configuration no group uses. */
export function deleteLaunchConfig(state: AutoScalingState, name: string): void {
  if (!state.launchConfigs.has(name)) throw launchConfigNotFound(name);
  for (const name2 of state.sortedGroupNames()) {
    const g = state.groups.get(name2);
    if (g?.launchConfigurationName === name) {
      throw resourceInUse(`Cannot delete launch configuration ${name} because it is attached to AutoScalingGroup ${g.name}`);
    }
  }
  state.removeLaunchConfig(name);
}

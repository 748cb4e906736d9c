/**
 * Launch configurations: CreateLaunchConfiguration and DeleteLaunchConfiguration with
 * AWS's rules.
 *
 * @module
 */
import type { BlockDeviceMapping, InstanceMetadataOptions } from '@aws-sdk/client-auto-scaling';
import { uuid } from '../ids';
import type { Checked } from '../typed';
import { alreadyExists, launchConfigNotFound, limitExceeded, resourceInUse, validation } from './errors';
import { launchConfigArn } from './format';
import type { BlockDeviceMappingRecord, EbsRecord, LaunchConfigRecord } from './model';
import type { In } from './sdk';
import type { AutoScalingState } from './state';

function blockDeviceRecords(mappings: ReadonlyArray<Checked<BlockDeviceMapping>>): BlockDeviceMappingRecord[] {
  return mappings.map((b) => {
    const rec: BlockDeviceMappingRecord = { deviceName: b.DeviceName };
    if (b.VirtualName !== undefined) rec.virtualName = b.VirtualName;
    if (b.NoDevice !== undefined) rec.noDevice = b.NoDevice;
    if (b.Ebs !== undefined) {
      const ebs: EbsRecord = {};
      if (b.Ebs.SnapshotId !== undefined) ebs.snapshotId = b.Ebs.SnapshotId;
      if (b.Ebs.VolumeSize !== undefined) ebs.volumeSize = b.Ebs.VolumeSize;
      if (b.Ebs.VolumeType !== undefined) ebs.volumeType = b.Ebs.VolumeType;
      if (b.Ebs.DeleteOnTermination !== undefined) ebs.deleteOnTermination = b.Ebs.DeleteOnTermination;
      if (b.Ebs.Iops !== undefined) ebs.iops = b.Ebs.Iops;
      if (b.Ebs.Encrypted !== undefined) ebs.encrypted = b.Ebs.Encrypted;
      if (b.Ebs.Throughput !== undefined) ebs.throughput = b.Ebs.Throughput;
      rec.ebs = ebs;
    }
    return rec;
  });
}

function metadataRecord(m: Checked<InstanceMetadataOptions>): NonNullable<LaunchConfigRecord['metadataOptions']> {
  const rec: NonNullable<LaunchConfigRecord['metadataOptions']> = {};
  if (m.HttpTokens !== undefined) rec.httpTokens = m.HttpTokens;
  if (m.HttpPutResponseHopLimit !== undefined) rec.httpPutResponseHopLimit = m.HttpPutResponseHopLimit;
  if (m.HttpEndpoint !== undefined) rec.httpEndpoint = m.HttpEndpoint;
  return rec;
}

/** Creates a launch configuration. */
export function createLaunchConfig(state: AutoScalingState, p: In<'CreateLaunchConfiguration'>, now: number): LaunchConfigRecord {
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
    blockDeviceMappings: blockDeviceRecords(p.BlockDeviceMappings ?? []),
    instanceMonitoring: p.InstanceMonitoring?.Enabled ?? true,
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
  if (p.MetadataOptions !== undefined) lc.metadataOptions = metadataRecord(p.MetadataOptions);
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

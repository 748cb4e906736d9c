/**
 * `LaunchTemplate`: EC2's launch templates in boto2's style, the successor AWS asks for
 * of the launch configuration (which accounts created since 2024-10-01 can no longer
 * make). Not in boto2; its options use `LaunchConfiguration`'s names where the meaning is
 * the same.
 *
 * @module
 */
import type { LaunchTemplate as SdkLaunchTemplate, LaunchTemplateVersion as SdkLaunchTemplateVersion, Tag as SdkTag } from '@aws-sdk/client-ec2';
import type { LaunchConfiguration } from '../autoscale/launchconfig';
import { BlockDeviceMapping, Ebs } from '../autoscale/blockdevice';
import type { CallOptions } from '../core/connection';
import { BotoClientError } from '../core/errors';
import { BotoObject } from '../core/repr';
import { checkNew, declareSignatures } from '../core/signature';
import type { PagedRequest } from '../core/resultset';
import type { CreateLaunchTemplateVersionOptions, EC2Connection, GetLaunchTemplateVersionsOptions, LaunchTemplateChanges } from './connection';
import { fromTemplateData, LAUNCH_SETTING_NAMES, type LaunchSettings, type MetadataOptions } from './launchtemplate-data';

/** A version of a launch template: its number, or `$Latest` or `$Default`. */
export type LaunchTemplateVersionRef = number | '$Latest' | '$Default';

/** Constructor options of {@link LaunchTemplate}: the launch settings, plus what names the template. */
export interface LaunchTemplateOptions extends LaunchSettings {
  /** The connection the object talks through. */
  connection?: EC2Connection;
  /** The template's name (required to create it): 3 to 128 of `a-z A-Z 0-9 ( ) . - / _`. */
  name?: string;
  /** The template's id (`lt-…`), set by EC2. */
  id?: string;
  /** A description of this version, up to 255 characters. */
  versionDescription?: string;
  /** Tags of the template itself, key → value (set at creation). */
  tags?: Record<string, string>;
}

/**
 * A launch template, or one version of it: how a group launches its instances. Prints as
 * `LaunchTemplate:NAME(vN, default vD)`, N being the version this object holds (the
 * latest one for a template listed by `getAllLaunchTemplates`).
 *
 * A new one requires IMDSv2 (`metadataOptions: { httpTokens: 'required' }`) unless told
 * otherwise, as AWS recommends; other settings left out are left to EC2's defaults.
 */
export class LaunchTemplate extends BotoObject<EC2Connection> {
  /** The template's name. */
  name: string | undefined;
  /** The template's id (`lt-…`). */
  id: string | undefined;
  /** The AMI id. */
  imageId: string | undefined;
  /** Such as `t3.micro`. */
  instanceType: string | undefined;
  /** The EC2 key pair name. */
  keyName: string | undefined;
  /** Security group ids (`sg-…`) or names. */
  securityGroups: string[];
  /** User data as text (base64 handled inside). */
  userData: string | undefined;
  /** Block devices of the instances. */
  blockDeviceMappings: BlockDeviceMapping[];
  /** Detailed monitoring. */
  instanceMonitoring: boolean | undefined;
  /** The IAM instance profile, by name or ARN. */
  instanceProfileName: string | undefined;
  /** EBS-optimized instances. */
  ebsOptimized: boolean | undefined;
  /** Spot Instances at this maximum price, in US dollars per hour. */
  spotPrice: number | undefined;
  /** The kernel id. */
  kernelId: string | undefined;
  /** The RAM disk id. */
  ramdiskId: string | undefined;
  /** Give instances a public IP address. */
  associatePublicIpAddress: boolean | undefined;
  /** `default`, `dedicated` or `host`. */
  placementTenancy: string | undefined;
  /** Instance metadata service options. */
  metadataOptions: MetadataOptions | undefined;
  /** This version's description. */
  versionDescription: string | undefined;
  /** Tags of the template itself. */
  tags: Record<string, string>;
  /** The version this object's settings are (set by EC2). */
  versionNumber: number | undefined;
  /** The template's default version (set by EC2). */
  defaultVersionNumber: number | undefined;
  /** The template's latest version (set by EC2). */
  latestVersionNumber: number | undefined;
  /** Whether this version is the template's default (set by EC2, on versions). */
  defaultVersion: boolean | undefined;
  /** When the template (or this version) was created. */
  createTime: Date | undefined;
  /** The ARN of who created it. */
  createdBy: string | undefined;
  /** Warnings EC2 gave when it created the template or version (settings it accepted but could not check). */
  warnings: string[];

  constructor(options: LaunchTemplateOptions = {}) {
    checkNew(LaunchTemplate, arguments);
    super(options.connection);
    this.name = options.name;
    this.id = options.id;
    this.imageId = options.imageId;
    this.instanceType = options.instanceType;
    this.keyName = options.keyName;
    this.securityGroups = [...(options.securityGroups ?? [])];
    this.userData = options.userData;
    this.blockDeviceMappings = [...(options.blockDeviceMappings ?? [])];
    this.instanceMonitoring = options.instanceMonitoring;
    this.instanceProfileName = options.instanceProfileName;
    this.ebsOptimized = options.ebsOptimized;
    this.spotPrice = options.spotPrice === undefined ? undefined : Number(options.spotPrice);
    this.kernelId = options.kernelId;
    this.ramdiskId = options.ramdiskId;
    this.associatePublicIpAddress = options.associatePublicIpAddress;
    this.placementTenancy = options.placementTenancy;
    this.metadataOptions = options.metadataOptions === undefined ? { httpTokens: 'required' } : { ...options.metadataOptions };
    this.versionDescription = options.versionDescription;
    this.tags = { ...(options.tags ?? {}) };
    this.versionNumber = undefined;
    this.defaultVersionNumber = undefined;
    this.latestVersionNumber = undefined;
    this.defaultVersion = undefined;
    this.createTime = undefined;
    this.createdBy = undefined;
    this.warnings = [];
  }

  /**
   * The launch template that does what a launch configuration does, field by field (the
   * migration AWS asks for): image, instance type, key pair, security groups, user data,
   * block devices, monitoring, instance profile, EBS optimisation, Spot price, kernel, RAM
   * disk, public IP and tenancy. The name is the configuration's unless `overrides` gives
   * another. A launch configuration without metadata options lets instances use IMDSv1,
   * so the template keeps `httpTokens: 'optional'` and the instances behave the same;
   * give `{ metadataOptions: { httpTokens: 'required' } }` to move them to IMDSv2.
   * ClassicLink (retired with EC2-Classic) has no template equivalent: a configuration
   * that uses it is refused rather than copied without it.
   */
  static fromLaunchConfiguration(lc: LaunchConfiguration, overrides: Omit<LaunchTemplateOptions, 'id'> = {}): LaunchTemplate {
    if (lc.classicLinkVpcId) {
      throw new BotoClientError(
        `${lc.toString()} uses ClassicLink VPC ${lc.classicLinkVpcId}, which AWS retired with EC2-Classic and launch templates cannot express; clear classicLinkVpcId to copy the rest`,
      );
    }
    return new LaunchTemplate({
      name: lc.name,
      imageId: lc.imageId,
      instanceType: lc.instanceType,
      keyName: lc.keyName,
      securityGroups: [...lc.securityGroups],
      userData: lc.userData,
      blockDeviceMappings: lc.blockDeviceMappings.map(copyBlockDevice),
      instanceMonitoring: lc.instanceMonitoring.enabled,
      instanceProfileName: lc.instanceProfileName,
      ebsOptimized: lc.ebsOptimized,
      spotPrice: lc.spotPrice,
      kernelId: lc.kernelId,
      ramdiskId: lc.ramdiskId,
      associatePublicIpAddress: lc.associatePublicIpAddress,
      placementTenancy: lc.placementTenancy,
      metadataOptions: { httpTokens: 'optional' },
      ...overrides,
    });
  }

  /** A template as `DescribeLaunchTemplates` (and the create, modify and delete calls) answer it. @internal */
  static fromSdk(connection: EC2Connection, t: SdkLaunchTemplate): LaunchTemplate {
    const out = new LaunchTemplate({ connection, name: t.LaunchTemplateName, id: t.LaunchTemplateId, tags: tagMap(t.Tags) });
    out.metadataOptions = undefined;
    out.setMeta(t);
    return out;
  }

  /** One version as `DescribeLaunchTemplateVersions` answers it. @internal */
  static fromSdkVersion(connection: EC2Connection, v: SdkLaunchTemplateVersion): LaunchTemplate {
    const out = new LaunchTemplate({ connection, name: v.LaunchTemplateName, id: v.LaunchTemplateId, versionDescription: v.VersionDescription });
    Object.assign(out, fromTemplateData(v.LaunchTemplateData ?? {}));
    out.versionNumber = v.VersionNumber;
    out.defaultVersion = v.DefaultVersion;
    if (v.DefaultVersion === true) out.defaultVersionNumber = v.VersionNumber;
    out.createTime = v.CreateTime;
    out.createdBy = v.CreatedBy;
    return out;
  }

  /** Takes what EC2 answered about the template as a whole. @internal */
  setMeta(t: SdkLaunchTemplate): void {
    this.id = t.LaunchTemplateId ?? this.id;
    this.name = t.LaunchTemplateName ?? this.name;
    this.defaultVersionNumber = t.DefaultVersionNumber;
    this.latestVersionNumber = t.LatestVersionNumber;
    this.createTime = t.CreateTime ?? this.createTime;
    this.createdBy = t.CreatedBy ?? this.createdBy;
  }

  /** This object's launch settings, as a version would hold them. */
  settings(): LaunchSettings {
    const out: LaunchSettings = {};
    for (const name of LAUNCH_SETTING_NAMES) (out as Record<string, unknown>)[name] = this[name];
    return out;
  }

  /** `LaunchTemplate:NAME(vN, default vD)`; what is not known is left out. */
  toString(): string {
    const version = this.versionNumber ?? this.latestVersionNumber;
    const parts = [version === undefined ? undefined : `v${version}`, this.defaultVersionNumber === undefined ? undefined : `default v${this.defaultVersionNumber}`]
      .filter((p) => p !== undefined);
    return `LaunchTemplate:${this.name ?? this.id ?? 'None'}${parts.length === 0 ? '' : `(${parts.join(', ')})`}`;
  }

  /** Deletes the template with every version (`DeleteLaunchTemplate`). */
  async delete(options?: CallOptions): Promise<LaunchTemplate> {
    return this.requireConnection().deleteLaunchTemplate(this, options);
  }

  /**
   * Creates a new version of this template from a whole `LaunchTemplate` or from changes
   * to an existing version (`$Latest` unless `sourceVersion` says otherwise), and resolves
   * with the new version. Its default version stays as it was.
   */
  async createVersion(templateOrChanges: LaunchTemplate | LaunchTemplateChanges, options?: CreateLaunchTemplateVersionOptions): Promise<LaunchTemplate> {
    return this.requireConnection().createLaunchTemplateVersion(this, templateOrChanges, options);
  }

  /** This template's versions (`await` for a page, `for await` for all). */
  getVersions(options?: GetLaunchTemplateVersionsOptions): PagedRequest<LaunchTemplate> {
    return this.requireConnection().getLaunchTemplateVersions(this, options);
  }

  /** Makes `version` the default version (the one groups on `$Default` launch from). */
  async setDefaultVersion(version: number, options?: CallOptions): Promise<LaunchTemplate> {
    return this.requireConnection().setDefaultLaunchTemplateVersion(this, version, options);
  }

  /** Deletes versions of this template (not the default one); resolves with the deleted version numbers. */
  async deleteVersions(versions: number[], options?: CallOptions): Promise<number[]> {
    return this.requireConnection().deleteLaunchTemplateVersions(this, versions, options);
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(LaunchTemplate, {
  new: '{connection, name, id, versionDescription, tags, imageId, instanceType, keyName, securityGroups, userData, blockDeviceMappings, instanceMonitoring, instanceProfileName, ebsOptimized, spotPrice, kernelId, ramdiskId, associatePublicIpAddress, placementTenancy, metadataOptions}',
  settings: '',
  delete: '{signal}',
  createVersion: 'templateOrChanges:object, {sourceVersion, versionDescription, signal}',
  getVersions: 'paged: {versions, minVersion, maxVersion, filters, maxResults, nextToken, signal}',
  setDefaultVersion: 'version, {signal}',
  deleteVersions: 'versions, {signal}',
});

function copyBlockDevice(b: BlockDeviceMapping): BlockDeviceMapping {
  const ebs = b.ebs === undefined ? undefined : new Ebs({
    snapshotId: b.ebs.snapshotId, volumeSize: b.ebs.volumeSize, volumeType: b.ebs.volumeType,
    deleteOnTermination: b.ebs.deleteOnTermination, iops: b.ebs.iops, encrypted: b.ebs.encrypted,
  });
  return new BlockDeviceMapping({ deviceName: b.deviceName, virtualName: b.virtualName, noDevice: b.noDevice, ebs });
}

function tagMap(tags: SdkTag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

/**
 * What launching from a launch template version means: the version's LaunchTemplateData
 * read as RunInstances parameters (image, instance type, key, security groups, user
 * data, monitoring, instance profile, EBS optimisation, metadata options, instance
 * tags), and the tags EC2 puts on every instance launched from a template
 * (`aws:ec2launchtemplate:id`, `aws:ec2launchtemplate:version`).
 *
 * @module
 */
import type { HttpTokensState, InstanceMetadataEndpointState } from '@aws-sdk/client-ec2';
import type { TemplatePlacement } from '../types';
import type { JsonObject, JsonValue, LaunchTemplateRecord, LaunchTemplateVersionRecord } from './launchtemplates';
import type { TagRecord } from './state';

/** The instance metadata options an instance runs with. */
export interface MetadataSettings {
  /** `optional` or `required` (IMDSv2). */
  httpTokens?: HttpTokensState;
  /** PUT response hop limit. */
  httpPutResponseHopLimit?: number;
  /** `enabled` or `disabled`. */
  httpEndpoint?: InstanceMetadataEndpointState;
}

/** The launch parameters a template version gives. */
export interface TemplateLaunchParams {
  /** ImageId, if the version has one. */
  imageId?: string;
  /** InstanceType; EC2's default (`m1.small`) when the version has none, as RunInstances. */
  instanceType: string;
  /** KeyName. */
  keyName?: string;
  /** SecurityGroups (names). */
  securityGroups?: string[];
  /** SecurityGroupIds. */
  groupIds?: string[];
  /** UserData (base64). */
  userData?: string;
  /** Monitoring.Enabled. */
  monitoring?: boolean;
  /** IamInstanceProfile: its ARN or name. */
  iamInstanceProfile?: string;
  /** EbsOptimized. */
  ebsOptimized?: boolean;
  /** MetadataOptions. */
  metadata?: MetadataSettings;
  /** The placement's zone. */
  availabilityZone: string;
  /** The placement's subnet. */
  subnetId?: string;
  /** The template's instance tags, the placement's, and EC2's template tags. */
  tags: TagRecord[];
}

function obj(v: JsonValue | undefined): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function strings(v: JsonValue | undefined): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** One of the model's enum values, or nothing (a template's data is not checked when it is made). */
function oneOf<T extends string>(v: JsonValue | undefined, values: readonly T[]): T | undefined {
  return values.find((x) => x === v);
}

function instanceTags(data: JsonObject): TagRecord[] {
  const tags: TagRecord[] = [];
  for (const spec of Array.isArray(data.TagSpecifications) ? data.TagSpecifications : []) {
    const s = obj(spec);
    if (s === undefined || str(s.ResourceType) !== 'instance') continue;
    for (const t of Array.isArray(s.Tags) ? s.Tags : []) {
      const key = str(obj(t)?.Key);
      if (key !== undefined) tags.push({ key, value: str(obj(t)?.Value) ?? '' });
    }
  }
  return tags;
}

/** The launch parameters of a template version at a placement. */
export function templateLaunchParams(t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord, placement: TemplatePlacement): TemplateLaunchParams {
  const d = v.data;
  const byKey = new Map<string, TagRecord>();
  for (const tag of [...instanceTags(d), ...(placement.tags ?? [])]) byKey.set(tag.key, { key: tag.key, value: tag.value });
  byKey.set('aws:ec2launchtemplate:id', { key: 'aws:ec2launchtemplate:id', value: t.id });
  byKey.set('aws:ec2launchtemplate:version', { key: 'aws:ec2launchtemplate:version', value: String(v.number) });
  const p: TemplateLaunchParams = { instanceType: str(d.InstanceType) ?? 'm1.small', availabilityZone: placement.availabilityZone, tags: [...byKey.values()] };
  const imageId = str(d.ImageId);
  const keyName = str(d.KeyName);
  const groups = strings(d.SecurityGroups);
  const groupIds = strings(d.SecurityGroupIds);
  const userData = str(d.UserData);
  const monitoring = obj(d.Monitoring)?.Enabled;
  const profile = obj(d.IamInstanceProfile);
  const profileRef = str(profile?.Arn) ?? str(profile?.Name);
  const metadata = obj(d.MetadataOptions);
  if (imageId !== undefined) p.imageId = imageId;
  if (keyName !== undefined) p.keyName = keyName;
  if (groups !== undefined && groups.length > 0) p.securityGroups = groups;
  if (groupIds !== undefined && groupIds.length > 0) p.groupIds = groupIds;
  if (userData !== undefined) p.userData = userData;
  if (typeof monitoring === 'boolean') p.monitoring = monitoring;
  if (profileRef !== undefined) p.iamInstanceProfile = profileRef;
  if (typeof d.EbsOptimized === 'boolean') p.ebsOptimized = d.EbsOptimized;
  if (placement.subnetId !== undefined) p.subnetId = placement.subnetId;
  if (metadata !== undefined) {
    const m: MetadataSettings = {};
    const tokens = oneOf(metadata.HttpTokens, ['optional', 'required'] as const);
    const endpoint = oneOf(metadata.HttpEndpoint, ['disabled', 'enabled'] as const);
    if (tokens !== undefined) m.httpTokens = tokens;
    if (typeof metadata.HttpPutResponseHopLimit === 'number') m.httpPutResponseHopLimit = metadata.HttpPutResponseHopLimit;
    if (endpoint !== undefined) m.httpEndpoint = endpoint;
    p.metadata = m;
  }
  return p;
}

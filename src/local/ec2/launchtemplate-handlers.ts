/**
 * The EC2 launch-template wire handlers: CreateLaunchTemplate,
 * CreateLaunchTemplateVersion, DescribeLaunchTemplates, DescribeLaunchTemplateVersions,
 * ModifyLaunchTemplate, DeleteLaunchTemplate and DeleteLaunchTemplateVersions, with
 * EC2's filters, paging and error answers.
 *
 * @module
 */
import type * as EC2 from '@aws-sdk/client-ec2';
import type { DeleteLaunchTemplateVersionsResponseSuccessItem, LaunchTemplate, LaunchTemplateVersion, ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { awsError, commonError } from '../errors';
import { paginate } from '../paging';
import { wireHandlers } from '../typed';
import type { ServiceHandlers } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun, nextToken } from './handlers';
import { invalidMaxResults, invalidVersion, someNamesNotFound, versionsWithoutTemplate } from './launchtemplate-errors';
import { versionNumber, type JsonObject, type LaunchTemplateRecord, type LaunchTemplates, type LaunchTemplateVersionRecord, type TemplateRef } from './launchtemplates';
import type { In, Out } from './sdk';
import { tagShapes } from './tags';

/** Whole-listing page size when MaxResults is absent (both describe actions return everything). */
const ALL = Number.MAX_SAFE_INTEGER;

function refOf(input: { LaunchTemplateId?: string; LaunchTemplateName?: string }): TemplateRef {
  const ref: TemplateRef = {};
  if (input.LaunchTemplateId !== undefined) ref.id = input.LaunchTemplateId;
  if (input.LaunchTemplateName !== undefined) ref.name = input.LaunchTemplateName;
  return ref;
}

/** A LaunchTemplate structure. */
export function templateShape(t: LaunchTemplateRecord): LaunchTemplate {
  const out: LaunchTemplate = {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    CreateTime: new Date(t.createTime),
    CreatedBy: t.createdBy,
    DefaultVersionNumber: t.defaultVersion,
    LatestVersionNumber: t.latestVersion,
  };
  if (t.tags.length > 0) out.Tags = tagShapes(t.tags);
  return out;
}

/**
 * A version's data as EC2 answers it. A version keeps its data as it was sent (the
 * request's `RequestLaunchTemplateData`, unchecked, as EC2 keeps it) and EC2 answers
 * it back as `ResponseLaunchTemplateData`, whose members bear the same names; the
 * protocol layer writes out only the members the model's response shape knows.
 */
function responseData(data: JsonObject): ResponseLaunchTemplateData {
  return structuredClone(data) as ResponseLaunchTemplateData;
}

/** A LaunchTemplateVersion structure. */
export function versionShape(t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): LaunchTemplateVersion {
  const out: LaunchTemplateVersion = {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    VersionNumber: v.number,
    CreateTime: new Date(v.createTime),
    CreatedBy: t.createdBy,
    DefaultVersion: v.number === t.defaultVersion,
    LaunchTemplateData: responseData(v.data),
  };
  if (v.description !== undefined) out.VersionDescription = v.description;
  return out;
}

function maxResults(max: number | undefined): number | undefined {
  if (max !== undefined && (max < 1 || max > 200)) throw invalidMaxResults(max);
  return max;
}

function page<T>(input: { MaxResults?: number; NextToken?: string }, items: readonly T[], key: (item: T) => string): { items: T[]; nextToken: string | undefined } {
  const max = maxResults(input.MaxResults);
  const token = input.NextToken;
  if (max === undefined && (token === undefined || token === '')) return { items: [...items], nextToken: undefined };
  return paginate(items, key, max ?? ALL, token, { defaultSize: ALL, maxSize: ALL, refuse: (m) => commonError('InvalidParameterValue', m), sizeParam: 'MaxResults' });
}
const TEMPLATE_FIELDS: FilterFields<LaunchTemplateRecord> = {
  'create-time': (t) => new Date(t.createTime).toISOString(),
  'launch-template-name': (t) => t.name,
};

type VersionRow = { t: LaunchTemplateRecord; v: LaunchTemplateVersionRecord };

function member(data: JsonObject, ...path: string[]): string | undefined {
  let cur: unknown = data;
  for (const p of path) cur = typeof cur === 'object' && cur !== null && !Array.isArray(cur) ? (cur as JsonObject)[p] : undefined;
  return typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean' ? String(cur) : undefined;
}

const VERSION_FIELDS: FilterFields<VersionRow> = {
  'create-time': (r) => new Date(r.v.createTime).toISOString(),
  'ebs-optimized': (r) => member(r.v.data, 'EbsOptimized') ?? 'false',
  'http-endpoint': (r) => member(r.v.data, 'MetadataOptions', 'HttpEndpoint'),
  'http-tokens': (r) => member(r.v.data, 'MetadataOptions', 'HttpTokens'),
  'iam-instance-profile': (r) => member(r.v.data, 'IamInstanceProfile', 'Arn') ?? member(r.v.data, 'IamInstanceProfile', 'Name'),
  'image-id': (r) => member(r.v.data, 'ImageId'),
  'instance-type': (r) => member(r.v.data, 'InstanceType'),
  'is-default-version': (r) => String(r.v.number === r.t.defaultVersion),
  'kernel-id': (r) => member(r.v.data, 'KernelId'),
  'ram-disk-id': (r) => member(r.v.data, 'RamDiskId'),
};

function describeTemplates(templates: LaunchTemplates, input: In<'DescribeLaunchTemplates'>): Out<'DescribeLaunchTemplates'> {
  const ids = input.LaunchTemplateIds ?? [];
  const names = input.LaunchTemplateNames ?? [];
  let picked: LaunchTemplateRecord[];
  if (ids.length === 0 && names.length === 0) picked = templates.all();
  else {
    picked = [];
    for (const id of ids) picked.push(templates.find({ id }, 'DescribeLaunchTemplates'));
    for (const name of names) {
      const t = templates.byName(name);
      if (t === undefined) throw someNamesNotFound();
      picked.push(t);
    }
    picked = [...new Set(picked)];
  }
  const filters = new FilterSet(readFilters(input.Filters), TEMPLATE_FIELDS, (t) => t.tags);
  const p = page(input, picked.filter((t) => filters.matches(t)), (t) => t.id);
  return { LaunchTemplates: p.items.map(templateShape), ...nextToken(p.nextToken) };
}

/** The versions DescribeLaunchTemplateVersions names, before filters. */
function versionRows(templates: LaunchTemplates, input: In<'DescribeLaunchTemplateVersions'>): VersionRow[] {
  const ref = refOf(input);
  const versions = input.Versions ?? [];
  if (ref.id === undefined && ref.name === undefined) {
    if (versions.length === 0) throw versionsWithoutTemplate('MissingParameter');
    if (versions.some((v) => v !== '$Latest' && v !== '$Default')) throw versionsWithoutTemplate('InvalidParameterValue');
    return templates.all().flatMap((t) => [...new Set(versions.map((v) => templates.version(t, v)))].sort((a, b) => a.number - b.number).map((v) => ({ t, v })));
  }
  const t = templates.find(ref, 'DescribeLaunchTemplateVersions');
  if (versions.length > 0) return [...new Set(versions.map((v) => templates.version(t, v)))].map((v) => ({ t, v }));
  // Bounds are numbers (or $Latest/$Default), not versions that must still exist.
  const bound = (text: string | undefined, none: number): number => {
    if (text === undefined) return none;
    const n = text === '$Latest' ? t.latestVersion : text === '$Default' ? t.defaultVersion : versionNumber(text);
    if (n === undefined) throw invalidVersion(text);
    return n;
  };
  const lo = bound(input.MinVersion, 1);
  const hi = bound(input.MaxVersion, Infinity);
  return t.versions.filter((v) => v.number >= lo && v.number <= hi).map((v) => ({ t, v }));
}

function deleteVersions(templates: LaunchTemplates, input: In<'DeleteLaunchTemplateVersions'>): Out<'DeleteLaunchTemplateVersions'> {
  const versions = input.Versions;
  if (versions.length === 0) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter Versions');
  if (versions.length > 200) throw awsError('ec2', 'InvalidParameterValue', `You can delete up to 200 launch template versions in a single request, not ${versions.length}. To delete every version, use DeleteLaunchTemplate.`);
  const ref = refOf(input);
  const { template, result } = templates.deleteVersions(ref, versions);
  const id = template?.id ?? ref.id;
  const name = template?.name ?? ref.name;
  const item = (version: number | undefined): DeleteLaunchTemplateVersionsResponseSuccessItem => {
    const out: DeleteLaunchTemplateVersionsResponseSuccessItem = {};
    if (id !== undefined) out.LaunchTemplateId = id;
    if (name !== undefined) out.LaunchTemplateName = name;
    if (version !== undefined) out.VersionNumber = version;
    return out;
  };
  const out: Out<'DeleteLaunchTemplateVersions'> = {};
  if (result.deleted.length > 0) out.SuccessfullyDeletedLaunchTemplateVersions = result.deleted.map((n) => item(n));
  if (result.failed.length > 0) {
    out.UnsuccessfullyDeletedLaunchTemplateVersions = result.failed.map((f) => ({ ...item(f.version), ResponseError: { Code: f.error.code, Message: f.error.message } }));
  }
  return out;
}

/** The launch-template handlers over the region's templates. */
export function launchTemplateHandlers(templates: LaunchTemplates): ServiceHandlers {
  return wireHandlers<typeof EC2>({
    CreateLaunchTemplate(input, ctx): Out<'CreateLaunchTemplate'> {
      dryRun(input);
      return { LaunchTemplate: templateShape(templates.create(input, ctx.now)) };
    },

    CreateLaunchTemplateVersion(input, ctx): Out<'CreateLaunchTemplateVersion'> {
      dryRun(input);
      const { template, version } = templates.createVersion(refOf(input), input, ctx.now);
      return { LaunchTemplateVersion: versionShape(template, version) };
    },

    DescribeLaunchTemplates(input): Out<'DescribeLaunchTemplates'> {
      dryRun(input);
      return describeTemplates(templates, input);
    },

    DescribeLaunchTemplateVersions(input): Out<'DescribeLaunchTemplateVersions'> {
      dryRun(input);
      const filters = new FilterSet(readFilters(input.Filters), VERSION_FIELDS);
      const rows = versionRows(templates, input).filter((r) => filters.matches(r));
      const p = page(input, rows, (r) => `${r.t.id}:${r.v.number}`);
      return { LaunchTemplateVersions: p.items.map((r) => versionShape(r.t, r.v)), ...nextToken(p.nextToken) };
    },

    ModifyLaunchTemplate(input): Out<'ModifyLaunchTemplate'> {
      dryRun(input);
      return { LaunchTemplate: templateShape(templates.setDefault(refOf(input), input.DefaultVersion)) };
    },

    DeleteLaunchTemplate(input): Out<'DeleteLaunchTemplate'> {
      dryRun(input);
      return { LaunchTemplate: templateShape(templates.delete(refOf(input))) };
    },

    DeleteLaunchTemplateVersions(input): Out<'DeleteLaunchTemplateVersions'> {
      dryRun(input);
      return deleteVersions(templates, input);
    },
  });
}

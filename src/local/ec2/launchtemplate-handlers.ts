/**
 * The EC2 launch-template wire handlers: CreateLaunchTemplate,
 * CreateLaunchTemplateVersion, DescribeLaunchTemplates, DescribeLaunchTemplateVersions,
 * ModifyLaunchTemplate, DeleteLaunchTemplate and DeleteLaunchTemplateVersions, with
 * EC2's filters, paging and error answers.
 *
 * @module
 */
import { commonError, ServiceError } from '../errors';
import { optInt, optObject, optObjects, optString, optStrings } from '../input';
import { paginate } from '../paging';
import type { ServiceHandlers, WireObject } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun } from './handlers';
import { invalidMaxResults, invalidVersion, someNamesNotFound, untaggableType, versionsWithoutTemplate } from './launchtemplate-errors';
import { dataOf, versionNumber, type JsonObject, type LaunchTemplateRecord, type LaunchTemplates, type LaunchTemplateVersionRecord, type TemplateRef, type TemplateTag } from './launchtemplates';

/** Whole-listing page size when MaxResults is absent (both describe actions return everything). */
const ALL = Number.MAX_SAFE_INTEGER;

function refOf(input: WireObject): TemplateRef {
  const ref: TemplateRef = {};
  const id = optString(input, 'LaunchTemplateId');
  const name = optString(input, 'LaunchTemplateName');
  if (id !== undefined) ref.id = id;
  if (name !== undefined) ref.name = name;
  return ref;
}

function templateData(input: WireObject): JsonObject {
  const data = optObject(input, 'LaunchTemplateData');
  if (data === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter LaunchTemplateData', 400);
  return dataOf(data);
}

function templateTags(input: WireObject): TemplateTag[] {
  const tags: TemplateTag[] = [];
  for (const spec of optObjects(input, 'TagSpecifications') ?? []) {
    const type = optString(spec, 'ResourceType') ?? '';
    if (type !== 'launch-template') throw untaggableType(type);
    for (const t of optObjects(spec, 'Tags') ?? []) {
      const key = optString(t, 'Key');
      if (key === undefined || key === '') throw new ServiceError('InvalidParameterValue', 'Tag key must not be empty', 400);
      if (key.toLowerCase().startsWith('aws:')) throw new ServiceError('InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use", 400);
      tags.push({ key, value: optString(t, 'Value') ?? '' });
    }
  }
  return tags;
}

/** A LaunchTemplate structure. */
export function templateShape(t: LaunchTemplateRecord): WireObject {
  const out: WireObject = {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    CreateTime: new Date(t.createTime),
    CreatedBy: t.createdBy,
    DefaultVersionNumber: t.defaultVersion,
    LatestVersionNumber: t.latestVersion,
  };
  if (t.tags.length > 0) out.Tags = t.tags.map((x) => ({ Key: x.key, Value: x.value }));
  return out;
}

/** A LaunchTemplateVersion structure. */
export function versionShape(t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): WireObject {
  const out: WireObject = {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    VersionNumber: v.number,
    CreateTime: new Date(v.createTime),
    CreatedBy: t.createdBy,
    DefaultVersion: v.number === t.defaultVersion,
    LaunchTemplateData: structuredClone(v.data) as WireObject,
  };
  if (v.description !== undefined) out.VersionDescription = v.description;
  return out;
}

function maxResults(input: WireObject): number | undefined {
  const max = optInt(input, 'MaxResults');
  if (max !== undefined && (max < 1 || max > 200)) throw invalidMaxResults(max);
  return max;
}

function page<T>(input: WireObject, items: readonly T[], key: (item: T) => string): { items: T[]; nextToken: string | undefined } {
  const max = maxResults(input);
  const token = optString(input, 'NextToken');
  if (max === undefined && (token === undefined || token === '')) return { items: [...items], nextToken: undefined };
  return paginate(items, key, max ?? ALL, token, { defaultSize: ALL, maxSize: ALL, refuse: (m) => commonError('InvalidParameterValue', m), sizeParam: 'MaxResults' });
}

function withToken(out: WireObject, token: string | undefined): WireObject {
  if (token !== undefined) out.NextToken = token;
  return out;
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

function describeTemplates(templates: LaunchTemplates, input: WireObject): WireObject {
  const ids = optStrings(input, 'LaunchTemplateIds') ?? [];
  const names = optStrings(input, 'LaunchTemplateNames') ?? [];
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
  const filters = new FilterSet(readFilters(input), TEMPLATE_FIELDS, (t) => t.tags);
  const p = page(input, picked.filter((t) => filters.matches(t)), (t) => t.id);
  return withToken({ LaunchTemplates: p.items.map(templateShape) }, p.nextToken);
}

/** The versions DescribeLaunchTemplateVersions names, before filters. */
function versionRows(templates: LaunchTemplates, input: WireObject): VersionRow[] {
  const ref = refOf(input);
  const versions = optStrings(input, 'Versions') ?? [];
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
  const lo = bound(optString(input, 'MinVersion'), 1);
  const hi = bound(optString(input, 'MaxVersion'), Infinity);
  return t.versions.filter((v) => v.number >= lo && v.number <= hi).map((v) => ({ t, v }));
}

function deleteVersions(templates: LaunchTemplates, input: WireObject): WireObject {
  const versions = optStrings(input, 'Versions') ?? [];
  if (versions.length === 0) throw new ServiceError('MissingParameter', 'The request must contain the parameter Versions', 400);
  if (versions.length > 200) throw new ServiceError('InvalidParameterValue', `You can delete up to 200 launch template versions in a single request, not ${versions.length}. To delete every version, use DeleteLaunchTemplate.`, 400);
  const ref = refOf(input);
  const { template, result } = templates.deleteVersions(ref, versions);
  const id = template?.id ?? ref.id;
  const name = template?.name ?? ref.name;
  const item = (version: number | undefined): WireObject => {
    const out: WireObject = {};
    if (id !== undefined) out.LaunchTemplateId = id;
    if (name !== undefined) out.LaunchTemplateName = name;
    if (version !== undefined) out.VersionNumber = version;
    return out;
  };
  const out: WireObject = {};
  if (result.deleted.length > 0) out.SuccessfullyDeletedLaunchTemplateVersions = result.deleted.map((n) => item(n));
  if (result.failed.length > 0) {
    out.UnsuccessfullyDeletedLaunchTemplateVersions = result.failed.map((f) => ({ ...item(f.version), ResponseError: { Code: f.error.code, Message: f.error.message } }));
  }
  return out;
}

/** The launch-template handlers over the region's templates. */
export function launchTemplateHandlers(templates: LaunchTemplates): ServiceHandlers {
  return {
    CreateLaunchTemplate(input, ctx) {
      dryRun(input);
      const name = optString(input, 'LaunchTemplateName');
      if (name === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter LaunchTemplateName', 400);
      const req: Parameters<LaunchTemplates['create']>[0] = { name, data: templateData(input), tags: templateTags(input) };
      const description = optString(input, 'VersionDescription');
      const token = optString(input, 'ClientToken');
      if (description !== undefined) req.description = description;
      if (token !== undefined) req.clientToken = token;
      return { LaunchTemplate: templateShape(templates.create(req, ctx.now)) };
    },

    CreateLaunchTemplateVersion(input, ctx) {
      dryRun(input);
      const req: Parameters<LaunchTemplates['createVersion']>[1] = { data: templateData(input) };
      const source = optString(input, 'SourceVersion');
      const description = optString(input, 'VersionDescription');
      const token = optString(input, 'ClientToken');
      if (source !== undefined) req.sourceVersion = source;
      if (description !== undefined) req.description = description;
      if (token !== undefined) req.clientToken = token;
      const { template, version } = templates.createVersion(refOf(input), req, ctx.now);
      return { LaunchTemplateVersion: versionShape(template, version) };
    },

    DescribeLaunchTemplates(input) {
      dryRun(input);
      return describeTemplates(templates, input);
    },

    DescribeLaunchTemplateVersions(input) {
      dryRun(input);
      const filters = new FilterSet(readFilters(input), VERSION_FIELDS);
      const rows = versionRows(templates, input).filter((r) => filters.matches(r));
      const p = page(input, rows, (r) => `${r.t.id}:${r.v.number}`);
      return withToken({ LaunchTemplateVersions: p.items.map((r) => versionShape(r.t, r.v)) }, p.nextToken);
    },

    ModifyLaunchTemplate(input) {
      dryRun(input);
      return { LaunchTemplate: templateShape(templates.setDefault(refOf(input), optString(input, 'DefaultVersion'))) };
    },

    DeleteLaunchTemplate(input) {
      dryRun(input);
      return { LaunchTemplate: templateShape(templates.delete(refOf(input))) };
    },

    DeleteLaunchTemplateVersions(input) {
      dryRun(input);
      return deleteVersions(templates, input);
    },
  };
}

/**
 * EC2 launch templates: named, versioned sets of launch parameters (API Reference,
 * CreateLaunchTemplate and the actions after it). Versions are numbered from 1 in the
 * order they are made and a number is never reused; the default version can't be
 * deleted; a template's data is kept as the client sent it (launch template parameters
 * are not validated at creation, as the EC2 User Guide's "Restrictions" say) and is
 * checked only when something launches from it. EC2 does not know which Auto Scaling
 * groups use a template.
 *
 * @module
 */
import { resourceId } from '../ids';
import type { Partition } from '../../core/rules/aws-rules';
import type { RequestLaunchTemplateData, TagSpecification } from '@aws-sdk/client-ec2';
import type { Checked } from '../typed';
import {
  asVersionError,
  bothIdAndName,
  DEFAULT_VERSION_UNDELETABLE,
  defaultVersionNotFound,
  idempotentMismatch,
  idNotFound,
  invalidVersion,
  LAUNCH_TEMPLATE_ID,
  isLaunchTemplateName,
  malformedId,
  malformedName,
  missingTemplate,
  nameInUse,
  nameNotFound,
  VERSION_DOES_NOT_EXIST,
  versionNotFound,
  untaggableType,
  type VersionError,
} from './launchtemplate-errors';
import type { In } from './sdk';
import { awsError, ServiceError } from '../errors';

/** A JSON value: what a template's data is stored as. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** One version of a launch template. */
export interface LaunchTemplateVersionRecord {
  /** Its number (1, 2, …). */
  number: number;
  /** VersionDescription. */
  description?: string;
  /** When it was made (ms). */
  createTime: number;
  /** Its LaunchTemplateData, as sent (timestamps as ISO strings). */
  data: JsonObject;
  /** The ClientToken it was made with. */
  clientToken?: string;
}

/** A tag of a launch template. */
export interface TemplateTag {
  /** Tag key. */
  key: string;
  /** Tag value. */
  value: string;
}

/** A launch template and its versions. */
export interface LaunchTemplateRecord {
  /** `lt-` and 17 hex digits. */
  id: string;
  /** Its name, unique in the region. */
  name: string;
  /** When it was made (ms). */
  createTime: number;
  /** The principal that made it. */
  createdBy: string;
  /** Its default version's number. */
  defaultVersion: number;
  /** Its highest existing version's number (what `$Latest` names). */
  latestVersion: number;
  /** The highest number it has given: numbers are not reused after a version is deleted. */
  lastNumber: number;
  /** Its tags. */
  tags: TemplateTag[];
  /** Its versions, lowest number first. */
  versions: LaunchTemplateVersionRecord[];
  /** Order of creation, for listings. */
  seq: number;
  /** The ClientToken it was made with. */
  clientToken?: string;
}

/** Names a template: by id or by name (exactly one). */
export interface TemplateRef {
  /** Template id. */
  id?: string;
  /** Template name. */
  name?: string;
}

/** The launch templates part of the EC2 snapshot. */
export interface LaunchTemplatesSnapshot {
  /** Creation counter. */
  seq: number;
  /** Every template. */
  templates: LaunchTemplateRecord[];
}

/** What DeleteLaunchTemplateVersions did with each version asked for. */
export interface DeleteVersionsResult {
  /** Versions deleted. */
  deleted: number[];
  /** Versions not deleted, and why. */
  failed: Array<{ version: number | undefined; error: VersionError }>;
}

/** A value read from the wire as JSON: timestamps become ISO strings. */
function toJson(value: unknown): JsonValue {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && value !== null) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** A whole positive version number, or undefined. */
export function versionNumber(text: string): number | undefined {
  return /^[1-9][0-9]{0,17}$/.test(text) ? Number(text) : undefined;
}

/** The launch templates of one simulated region. */
export class LaunchTemplates {
  /** Templates by id. */
  templates = new Map<string, LaunchTemplateRecord>();
  #seq = 0;
  readonly #accountId: string;
  readonly #partition: Partition;

  constructor(accountId: string, partition: Partition = 'aws') {
    this.#accountId = accountId;
    this.#partition = partition;
  }

  /** Every template, oldest first. */
  all(): LaunchTemplateRecord[] {
    return [...this.templates.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The template with this name, if any. */
  byName(name: string): LaunchTemplateRecord | undefined {
    for (const t of this.templates.values()) if (t.name === name) return t;
    return undefined;
  }

  /** The template a request names by id or name, with EC2's errors. */
  find(ref: TemplateRef, action: string): LaunchTemplateRecord {
    if (ref.id !== undefined && ref.name !== undefined) throw bothIdAndName(action);
    if (ref.id !== undefined) {
      if (!LAUNCH_TEMPLATE_ID.test(ref.id)) throw malformedId(ref.id);
      const t = this.templates.get(ref.id);
      if (t === undefined) throw idNotFound(ref.id);
      return t;
    }
    if (ref.name !== undefined) {
      if (!isLaunchTemplateName(ref.name)) throw malformedName();
      const t = this.byName(ref.name);
      if (t === undefined) throw nameNotFound(ref.name);
      return t;
    }
    throw missingTemplate();
  }

  /** The version `$Latest`, `$Default` or a number names, with EC2's errors. */
  version(t: LaunchTemplateRecord, spec: string): LaunchTemplateVersionRecord {
    const n = spec === '$Latest' ? t.latestVersion : spec === '$Default' ? t.defaultVersion : versionNumber(spec);
    if (n === undefined) throw invalidVersion(spec);
    const v = t.versions.find((x) => x.number === n);
    if (v === undefined) throw versionNotFound(spec, t.id);
    return v;
  }

  /** CreateLaunchTemplate. */
  create(input: In<'CreateLaunchTemplate'>, now: number): LaunchTemplateRecord {
    const name = input.LaunchTemplateName;
    const data = dataOf(input.LaunchTemplateData);
    const tags = templateTags(input.TagSpecifications);
    const token = input.ClientToken;
    if (!isLaunchTemplateName(name)) throw malformedName();
    if (token !== undefined && token !== '') {
      const prior = [...this.templates.values()].find((t) => t.clientToken === token);
      if (prior !== undefined) {
        if (prior.name !== name) throw idempotentMismatch();
        return prior;
      }
    }
    if (this.byName(name) !== undefined) throw nameInUse();
    const version: LaunchTemplateVersionRecord = { number: 1, createTime: now, data };
    if (input.VersionDescription !== undefined) version.description = input.VersionDescription;
    const t: LaunchTemplateRecord = {
      id: resourceId('lt'),
      name,
      createTime: now,
      createdBy: `arn:${this.#partition}:iam::${this.#accountId}:root`,
      defaultVersion: 1,
      latestVersion: 1,
      lastNumber: 1,
      tags,
      versions: [version],
      seq: ++this.#seq,
    };
    if (token !== undefined && token !== '') t.clientToken = token;
    this.templates.set(t.id, t);
    return t;
  }

  /**
   * CreateLaunchTemplateVersion: the next number; with SourceVersion, the source's data
   * with the members given in `data` put in its place (the API Reference: "inherits the
   * same launch parameters as the source version, except for parameters that you
   * explicitly specify").
   */
  createVersion(ref: TemplateRef, input: In<'CreateLaunchTemplateVersion'>, now: number): { template: LaunchTemplateRecord; version: LaunchTemplateVersionRecord } {
    const data = dataOf(input.LaunchTemplateData);
    const t = this.find(ref, 'CreateLaunchTemplateVersion');
    const token = input.ClientToken;
    if (token !== undefined && token !== '') {
      const prior = t.versions.find((v) => v.clientToken === token);
      if (prior !== undefined) return { template: t, version: prior };
    }
    const base = input.SourceVersion === undefined ? {} : this.version(t, input.SourceVersion).data;
    const version: LaunchTemplateVersionRecord = { number: t.lastNumber + 1, createTime: now, data: { ...structuredClone(base), ...data } };
    if (input.VersionDescription !== undefined) version.description = input.VersionDescription;
    if (token !== undefined && token !== '') version.clientToken = token;
    t.versions.push(version);
    t.latestVersion = version.number;
    t.lastNumber = version.number;
    return { template: t, version };
  }

  /** ModifyLaunchTemplate: sets the default version. */
  setDefault(ref: TemplateRef, defaultVersion: string | undefined): LaunchTemplateRecord {
    const t = this.find(ref, 'ModifyLaunchTemplate');
    if (defaultVersion === undefined) return t;
    const n = versionNumber(defaultVersion);
    if (n === undefined || !t.versions.some((v) => v.number === n)) throw defaultVersionNotFound(defaultVersion);
    t.defaultVersion = n;
    return t;
  }

  /** DeleteLaunchTemplate: the template and every version. */
  delete(ref: TemplateRef): LaunchTemplateRecord {
    const t = this.find(ref, 'DeleteLaunchTemplate');
    this.templates.delete(t.id);
    return t;
  }

  /**
   * DeleteLaunchTemplateVersions: each version is deleted or reported with its own error;
   * a template that can't be found is reported for every version, as EC2 does.
   */
  deleteVersions(ref: TemplateRef, versions: readonly string[]): { template: LaunchTemplateRecord | undefined; result: DeleteVersionsResult } {
    const result: DeleteVersionsResult = { deleted: [], failed: [] };
    let t: LaunchTemplateRecord;
    try {
      t = this.find(ref, 'DeleteLaunchTemplateVersions');
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code === 'MissingParameter' || err.code === 'InvalidParameterCombination') throw err;
      for (const v of versions) result.failed.push({ version: versionNumber(v), error: asVersionError(err) });
      return { template: undefined, result };
    }
    for (const v of versions) {
      const n = versionNumber(v);
      const index = n === undefined ? -1 : t.versions.findIndex((x) => x.number === n);
      if (n === t.defaultVersion) result.failed.push({ version: n, error: DEFAULT_VERSION_UNDELETABLE });
      else if (index < 0) result.failed.push({ version: n, error: VERSION_DOES_NOT_EXIST });
      else {
        t.versions.splice(index, 1);
        result.deleted.push(n as number);
      }
    }
    t.latestVersion = Math.max(...t.versions.map((x) => x.number));
    return { template: t, result };
  }

  /** The templates as JSON-safe data. */
  snapshot(): LaunchTemplatesSnapshot {
    return { seq: this.#seq, templates: this.all().map((t) => structuredClone(t)) };
  }

  /** Replaces the templates with a snapshot's (none when the snapshot predates them). */
  restore(s: LaunchTemplatesSnapshot | undefined): void {
    this.#seq = s?.seq ?? 0;
    this.templates = new Map((s?.templates ?? []).map((t) => [t.id, structuredClone(t)]));
  }
}

/** The tags a request's TagSpecifications give a launch template (the one type it may name). */
function templateTags(specs: readonly TagSpecification[] | undefined): TemplateTag[] {
  const tags: TemplateTag[] = [];
  for (const spec of specs ?? []) {
    const type = spec.ResourceType ?? '';
    if (type !== 'launch-template') throw untaggableType(type);
    for (const t of spec.Tags ?? []) {
      const key = t.Key;
      if (key === undefined || key === '') throw awsError('ec2', 'InvalidParameterValue', 'Tag key must not be empty');
      if (key.toLowerCase().startsWith('aws:')) throw awsError('ec2', 'InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
      tags.push({ key, value: t.Value ?? '' });
    }
  }
  return tags;
}

/** A request's LaunchTemplateData as the JSON data a version keeps. */
export function dataOf(data: Checked<RequestLaunchTemplateData>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined) out[k] = toJson(v);
  return out;
}

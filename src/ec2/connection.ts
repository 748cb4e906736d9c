/**
 * The EC2 connection (boto2's `boto.ec2.connection.EC2Connection`), limited to what the
 * Auto Scaling tutorial needs: looking up instances, availability zones and regions.
 *
 * @module
 */
import type { EC2 } from '@aws-sdk/client-ec2';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { rulesetOf } from '../core/endpoints';
import { DEFAULT_REGION, RegionInfo } from '../core/regions';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import { BotoClientError } from '../core/errors';
import { checkExclusive, checkInt, checkLength, checkMaxItems, checkNonEmpty, requireValue } from '../core/validate';
import { buildFilters, type Filters } from './filters';
import { Instance } from './instance';
import { LaunchTemplate, type LaunchTemplateVersionRef } from './launchtemplate';
import { checkLaunchSettings, LAUNCH_SETTING_NAMES, toTemplateData, type LaunchSettings } from './launchtemplate-data';
import {
  checkTemplateName, checkVersionDescription, checkVersionNumber, templateSelector, versionsNotDeleted, versionText, type LaunchTemplateRef,
} from './launchtemplate-refs';
import { Reservation } from './reservation';
import { Zone } from './zone';
import { checkNew, CONNECTION_SIGNATURE, declareSignatures } from '../core/signature';

/** How botoscale reaches EC2. */
export const EC2_SPEC: ServiceSpec<EC2> = {
  name: 'ec2',
  endpointPrefix: 'ec2',
  envEndpointName: 'EC2',
  botoRegionKey: 'ec2_region_name',
  botoEndpointKey: 'ec2_region_endpoint',
  async createClient(config) {
    const { EC2 } = await import('@aws-sdk/client-ec2');
    return new EC2(config);
  },
  endpointRuleset() {
    const { EC2Client } = require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2');
    return rulesetOf(new EC2Client({ region: DEFAULT_REGION }));
  },
};

/** Options of {@link EC2Connection.getAllReservations} and {@link EC2Connection.getOnlyInstances}. */
export interface GetAllReservationsOptions extends CallOptions {
  /** boto2's filters dict, such as `{ 'instance-state-name': 'running', 'tag:Name': ['a', 'b'] }`. */
  filters?: Filters;
  /** Page size, 5 to 1000; EC2 does not accept it together with instance ids. */
  maxResults?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link EC2Connection.getAllLaunchTemplates}. */
export interface GetAllLaunchTemplatesOptions extends CallOptions {
  /** Only these templates, by name. */
  names?: string[];
  /** Only these templates, by id (`lt-…`). */
  ids?: string[];
  /** EC2's filters, such as `{ 'launch-template-name': 'web*', 'tag:team': 'a' }`. */
  filters?: Filters;
  /** Page size, 1 to 200. */
  maxResults?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link EC2Connection.getLaunchTemplateVersions}. */
export interface GetLaunchTemplateVersionsOptions extends CallOptions {
  /** Only these versions: numbers, `$Latest`, `$Default`. */
  versions?: LaunchTemplateVersionRef[];
  /** Only versions after this number. */
  minVersion?: number;
  /** Only versions up to this number. */
  maxVersion?: number;
  /** EC2's filters, such as `{ 'is-default-version': 'true' }`. */
  filters?: Filters;
  /** Page size, 1 to 200. */
  maxResults?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link EC2Connection.createLaunchTemplateVersion}. */
export interface CreateLaunchTemplateVersionOptions extends CallOptions {
  /**
   * The version the new one starts from. With changes it defaults to `$Latest`; with a
   * whole `LaunchTemplate` the new version holds only what that object sets, unless this
   * is given.
   */
  sourceVersion?: LaunchTemplateVersionRef;
  /** The new version's description (with a `LaunchTemplate`, default its `versionDescription`). */
  versionDescription?: string;
}

/** Changes to a launch template version: the launch settings to set, in `LaunchTemplate`'s names. */
export type LaunchTemplateChanges = LaunchSettings;

/** Instance ids: one id or a list of them. */
export type InstanceIds = string | readonly string[];

function idList(ids: string | readonly string[] | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  const list = typeof ids === 'string' ? [ids] : [...ids];
  return list.length === 0 ? undefined : list;
}

/**
 * A connection to EC2. Construct it as boto2's: `new EC2Connection(accessKey, secretKey,
 * options)`, `new EC2Connection(options)`, or through `ec2.connectToRegion('us-west-2')`.
 */
export class EC2Connection extends AWSConnection<EC2> {
  constructor(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    checkNew(EC2Connection, arguments);
    super(EC2_SPEC, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  /**
   * Reservations (each with its instances), one page per call (`DescribeInstances`).
   * Unlike boto2, an empty list of instance ids asks for nothing and gives an empty page,
   * instead of every instance in the region.
   */
  getAllReservations(instanceIds?: InstanceIds, options: GetAllReservationsOptions = {}): PagedRequest<Reservation> {
    return new PagedRequest((nextToken) => this.#describeInstances(instanceIds, options, nextToken), options.nextToken);
  }

  async #describeInstances(instanceIds: InstanceIds | undefined, options: GetAllReservationsOptions, nextToken: string | undefined): Promise<ResultSet<Reservation>> {
    const ids = idList(instanceIds);
    const filters = buildFilters(options.filters);
    checkInt('maxResults', options.maxResults, { min: 5, max: 1000 });
    checkExclusive('maxResults', options.maxResults, 'instanceIds', ids);
    if (instanceIds !== undefined && ids === undefined) return ResultSet.fromPage<Reservation>([]);
    const out = await this.call((c, o) => c.describeInstances({
      InstanceIds: ids,
      Filters: filters,
      MaxResults: options.maxResults,
      NextToken: nextToken,
    }, o), options);
    return ResultSet.fromPage((out.Reservations ?? []).map((r) => Reservation.fromSdk(this, r)), out.NextToken);
  }

  /**
   * boto2's `get_all_instances`, which (as boto2's still does) gives reservations; use
   * {@link EC2Connection.getOnlyInstances} for the instances themselves.
   */
  getAllInstances(instanceIds?: InstanceIds, options: GetAllReservationsOptions = {}): PagedRequest<Reservation> {
    return this.getAllReservations(instanceIds, options);
  }

  /**
   * The instances themselves, across the reservations of each page. `await` gives one
   * page (without `maxResults`, EC2 answers with every match in one page); `for await`
   * or `.all()` follows every page, as boto2's `get_only_instances` does.
   */
  getOnlyInstances(instanceIds?: InstanceIds, options: GetAllReservationsOptions = {}): PagedRequest<Instance> {
    return new PagedRequest(async (nextToken) => {
      const page = await this.#describeInstances(instanceIds, options, nextToken);
      return ResultSet.fromPage(page.flatMap((r) => r.instances), page.nextToken);
    }, options.nextToken);
  }

  /** Availability zones of this connection's region (`DescribeAvailabilityZones`); one page. */
  getAllZones(zones?: string | readonly string[], filters?: Filters, options: CallOptions = {}): PagedRequest<Zone> {
    return new PagedRequest(async () => {
      const built = buildFilters(filters);
      const out = await this.call((c, o) => c.describeAvailabilityZones({ ZoneNames: idList(zones), Filters: built }, o), options);
      return ResultSet.fromPage((out.AvailabilityZones ?? []).map((z) => Zone.fromSdk(this, z)));
    });
  }

  /**
   * EC2's regions (`DescribeRegions`), each a `RegionInfo` whose `connect()` gives an
   * `EC2Connection` there; one page.
   */
  getAllRegions(regionNames?: string | readonly string[], filters?: Filters, options: CallOptions = {}): PagedRequest<RegionInfo<EC2Connection>> {
    return new PagedRequest(async () => {
      const built = buildFilters(filters);
      const out = await this.call((c, o) => c.describeRegions({ RegionNames: idList(regionNames), Filters: built }, o), options);
      const connect = (region: RegionInfo<EC2Connection>, opts?: object): EC2Connection => new EC2Connection({ ...(opts as ConnectionOptions), region });
      return ResultSet.fromPage((out.Regions ?? []).map((r) => new RegionInfo<EC2Connection>(r.RegionName ?? '', r.Endpoint ?? '', connect)));
    });
  }

  // ----- launch templates (not in boto2) -----

  /**
   * Creates a launch template with `lt`'s settings as its version 1
   * (`CreateLaunchTemplate`). `lt` is then bound to this connection (so `lt.delete()` and
   * `lt.createVersion()` work) and gets its id, version numbers and EC2's warnings.
   */
  async createLaunchTemplate(lt: LaunchTemplate, options?: CallOptions): Promise<LaunchTemplate> {
    if (!(lt instanceof LaunchTemplate)) throw new BotoClientError('lt must be a LaunchTemplate, e.g. new LaunchTemplate({ name, imageId, instanceType })');
    const name = checkTemplateName('name', requireValue('name', lt.name));
    checkVersionDescription('versionDescription', lt.versionDescription);
    checkLaunchSettings(lt.settings());
    const tags = checkTemplateTags(lt.tags);
    const out = await this.call((c, o) => c.createLaunchTemplate({
      LaunchTemplateName: name,
      VersionDescription: lt.versionDescription,
      LaunchTemplateData: toTemplateData(lt.settings()),
      TagSpecifications: tags.length === 0 ? undefined : [{ ResourceType: 'launch-template', Tags: tags }],
    }, o), options);
    lt.connection = this;
    if (out.LaunchTemplate !== undefined) lt.setMeta(out.LaunchTemplate);
    lt.versionNumber = lt.latestVersionNumber;
    lt.defaultVersion = lt.versionNumber !== undefined && lt.versionNumber === lt.defaultVersionNumber;
    lt.warnings = (out.Warning?.Errors ?? []).map((e) => `${e.Code ?? ''}: ${e.Message ?? ''}`);
    return lt;
  }

  /**
   * Creates a new version of a template (`CreateLaunchTemplateVersion`), from a whole
   * `LaunchTemplate` or from changes to `sourceVersion` (default `$Latest`), and resolves
   * with it. The template's default version does not change: see
   * {@link EC2Connection.setDefaultLaunchTemplateVersion}.
   */
  async createLaunchTemplateVersion(
    template: LaunchTemplateRef, templateOrChanges: LaunchTemplate | LaunchTemplateChanges, options: CreateLaunchTemplateVersionOptions = {},
  ): Promise<LaunchTemplate> {
    const selector = templateSelector('template', template);
    const whole = templateOrChanges instanceof LaunchTemplate;
    const settings = whole ? templateOrChanges.settings() : checkChanges(templateOrChanges);
    checkLaunchSettings(settings, whole ? '' : 'changes.');
    const description = options.versionDescription ?? (whole ? templateOrChanges.versionDescription : undefined);
    checkVersionDescription('versionDescription', description);
    const source = options.sourceVersion ?? (whole ? undefined : '$Latest');
    versionText('sourceVersion', source);
    const sourceNumber = typeof source === 'string' ? await this.#versionNumberOf(selector, source, options) : source;
    const out = await this.call((c, o) => c.createLaunchTemplateVersion({
      ...selector,
      SourceVersion: sourceNumber === undefined ? undefined : String(sourceNumber),
      VersionDescription: description,
      LaunchTemplateData: toTemplateData(settings),
    }, o), options);
    const created = LaunchTemplate.fromSdkVersion(this, out.LaunchTemplateVersion ?? {});
    created.warnings = (out.Warning?.Errors ?? []).map((e) => `${e.Code ?? ''}: ${e.Message ?? ''}`);
    if (template instanceof LaunchTemplate) template.latestVersionNumber = created.versionNumber ?? template.latestVersionNumber;
    return created;
  }

  /** The number `$Latest` or `$Default` stands for (EC2's SourceVersion takes a number only). */
  async #versionNumberOf(selector: ReturnType<typeof templateSelector>, version: string, options: CallOptions): Promise<number> {
    const out = await this.call((c, o) => c.describeLaunchTemplateVersions({ ...selector, Versions: [version] }, o), options);
    const found = out.LaunchTemplateVersions?.[0]?.VersionNumber;
    if (found === undefined) {
      throw new BotoClientError(`sourceVersion ${version} of launch template ${selector.LaunchTemplateName ?? selector.LaunchTemplateId} was not found`);
    }
    return found;
  }

  /** Launch templates, all or the named ones (`DescribeLaunchTemplates`; `await` for a page, `for await` for all). */
  getAllLaunchTemplates(options: GetAllLaunchTemplatesOptions = {}): PagedRequest<LaunchTemplate> {
    return new PagedRequest(async (nextToken) => {
      checkNonEmpty('names', options.names);
      checkNonEmpty('ids', options.ids);
      options.names?.forEach((n, i) => checkTemplateName(`names[${i}]`, n));
      checkInt('maxResults', options.maxResults, { min: 1, max: 200 });
      const filters = buildFilters(options.filters);
      const out = await this.call((c, o) => c.describeLaunchTemplates({
        LaunchTemplateNames: options.names === undefined ? undefined : [...options.names],
        LaunchTemplateIds: options.ids === undefined ? undefined : [...options.ids],
        Filters: filters,
        MaxResults: options.maxResults,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.LaunchTemplates ?? []).map((t) => LaunchTemplate.fromSdk(this, t)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * Versions of a template, each a `LaunchTemplate` holding that version's settings
   * (`DescribeLaunchTemplateVersions`; `await` for a page, `for await` for all). With
   * `template` undefined, the `$Latest` and/or `$Default` version of every template of the
   * account, as EC2 allows (then `versions` must say which).
   */
  getLaunchTemplateVersions(template: LaunchTemplateRef | undefined, options: GetLaunchTemplateVersionsOptions = {}): PagedRequest<LaunchTemplate> {
    return new PagedRequest(async (nextToken) => {
      const selector = template === undefined ? {} : templateSelector('template', template);
      checkNonEmpty('versions', options.versions);
      if (template === undefined) checkAccountWideVersions(options.versions);
      const versions = options.versions?.map((v, i) => versionText(`versions[${i}]`, v) as string);
      if (options.minVersion !== undefined) checkVersionNumber('minVersion', options.minVersion);
      if (options.maxVersion !== undefined) checkVersionNumber('maxVersion', options.maxVersion);
      checkInt('maxResults', options.maxResults, { min: 1, max: 200 });
      const filters = buildFilters(options.filters);
      const out = await this.call((c, o) => c.describeLaunchTemplateVersions({
        ...selector,
        Versions: versions,
        MinVersion: options.minVersion === undefined ? undefined : String(options.minVersion),
        MaxVersion: options.maxVersion === undefined ? undefined : String(options.maxVersion),
        Filters: filters,
        MaxResults: options.maxResults,
        NextToken: nextToken,
      }, o), options);
      const page = (out.LaunchTemplateVersions ?? []).map((v) => LaunchTemplate.fromSdkVersion(this, v));
      // Each version only says whether it is the default; when the page holds the default, every version learns its number.
      const defaultNumber = page.find((v) => v.defaultVersion === true)?.versionNumber;
      if (defaultNumber !== undefined) for (const v of page) v.defaultVersionNumber = defaultNumber;
      return ResultSet.fromPage(page, out.NextToken);
    }, options.nextToken);
  }

  /** Makes `version` a template's default version (`ModifyLaunchTemplate`); resolves with the template. */
  async setDefaultLaunchTemplateVersion(template: LaunchTemplateRef, version: number, options?: CallOptions): Promise<LaunchTemplate> {
    const selector = templateSelector('template', template);
    checkVersionNumber('version', requireValue('version', version));
    const out = await this.call((c, o) => c.modifyLaunchTemplate({ ...selector, DefaultVersion: String(version) }, o), options);
    if (template instanceof LaunchTemplate && out.LaunchTemplate !== undefined) template.setMeta(out.LaunchTemplate);
    return LaunchTemplate.fromSdk(this, out.LaunchTemplate ?? {});
  }

  /** Deletes a template and every version of it (`DeleteLaunchTemplate`); resolves with the deleted template. */
  async deleteLaunchTemplate(template: LaunchTemplateRef, options?: CallOptions): Promise<LaunchTemplate> {
    const selector = templateSelector('template', template);
    const out = await this.call((c, o) => c.deleteLaunchTemplate(selector, o), options);
    return LaunchTemplate.fromSdk(this, out.LaunchTemplate ?? {});
  }

  /**
   * Deletes versions of a template (`DeleteLaunchTemplateVersions`; up to 200, never the
   * default one) and resolves with their numbers. EC2 answers success even when it could
   * not delete some: botoscale then rejects with a `BotoServerError` naming each version
   * not deleted and why, and the ones that were.
   */
  async deleteLaunchTemplateVersions(template: LaunchTemplateRef, versions: number[], options?: CallOptions): Promise<number[]> {
    const selector = templateSelector('template', template);
    checkNonEmpty('versions', requireValue('versions', versions));
    checkMaxItems('versions', versions, 200);
    versions.forEach((v, i) => checkVersionNumber(`versions[${i}]`, v));
    const out = await this.call((c, o) => c.deleteLaunchTemplateVersions({ ...selector, Versions: versions.map(String) }, o), options);
    const deleted = (out.SuccessfullyDeletedLaunchTemplateVersions ?? []).map((d) => d.VersionNumber).filter((n): n is number => n !== undefined);
    const failed = out.UnsuccessfullyDeletedLaunchTemplateVersions ?? [];
    if (failed.length > 0) throw versionsNotDeleted(selector.LaunchTemplateName ?? selector.LaunchTemplateId ?? '', failed, deleted);
    return deleted;
  }
}

/** Without a template, EC2 describes only every template's `$Latest` and/or `$Default` version. */
function checkAccountWideVersions(versions: readonly LaunchTemplateVersionRef[] | undefined): void {
  const ok = versions !== undefined && versions.every((v) => v === '$Latest' || v === '$Default');
  if (!ok) throw new BotoClientError("versions must be '$Latest' and/or '$Default' when no template is given (EC2 then describes those versions of every template)");
}

/** Checks a changes object: only launch settings, each well-formed. */
function checkChanges(changes: LaunchTemplateChanges): LaunchSettings {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new BotoClientError('changes must be a LaunchTemplate or an object of launch settings, such as { instanceType: \'t3.small\' }');
  }
  const allowed: readonly string[] = LAUNCH_SETTING_NAMES;
  for (const key of Object.keys(changes)) {
    if (!allowed.includes(key)) throw new BotoClientError(`changes has no setting ${JSON.stringify(key)}; the settings are ${allowed.join(', ')}`);
  }
  return changes;
}

/** A template's tags as EC2 takes them, checked (keys 1 to 128 characters, values up to 256). */
function checkTemplateTags(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([key, value]) => {
    checkLength('tags key', key, 128);
    checkLength(`tags[${JSON.stringify(key)}]`, value, 256, 0);
    return { Key: key, Value: value };
  });
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(EC2Connection, {
  new: CONNECTION_SIGNATURE,
  getAllReservations: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getAllInstances: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getOnlyInstances: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getAllZones: 'paged: zones?, filters?:object, {signal}',
  getAllRegions: 'paged: regionNames?, filters?:object, {signal}',
  createLaunchTemplate: 'lt:object, {signal}',
  createLaunchTemplateVersion: 'template, templateOrChanges:object, {sourceVersion, versionDescription, signal}',
  getAllLaunchTemplates: 'paged: {names, ids, filters, maxResults, nextToken, signal}',
  getLaunchTemplateVersions: 'paged: template?, {versions, minVersion, maxVersion, filters, maxResults, nextToken, signal}',
  setDefaultLaunchTemplateVersion: 'template, version, {signal}',
  deleteLaunchTemplate: 'template, {signal}',
  deleteLaunchTemplateVersions: 'template, versions, {signal}',
});

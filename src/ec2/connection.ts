/**
 * The EC2 connection (boto2's `boto.ec2.connection.EC2Connection`), limited to what the
 * Auto Scaling tutorial needs: looking up instances, availability zones and regions.
 *
 * @module
 */
import type { EC2 } from '@aws-sdk/client-ec2';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { RegionInfo } from '../core/regions';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import { checkExclusive, checkInt } from '../core/validate';
import { buildFilters, type Filters } from './filters';
import { Instance } from './instance';
import { Reservation } from './reservation';
import { Zone } from './zone';
import { checkNew, declareSignatures } from '../core/signature';

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
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(EC2Connection, {
  new: 'awsAccessKeyId?, awsSecretAccessKey?, {region, endpoint, credentials, profile, securityToken, maxAttempts, requestHandler, logger, botoConfig, env}',
  getAllReservations: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getAllInstances: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getOnlyInstances: 'paged: instanceIds?, [filters:object], {maxResults, nextToken, signal}',
  getAllZones: 'paged: zones?, filters?:object, {signal}',
  getAllRegions: 'paged: regionNames?, filters?:object, {signal}',
});

/**
 * The EC2 wire handlers: DescribeInstances, DescribeInstanceStatus,
 * DescribeAvailabilityZones, DescribeRegions, DescribeImages,
 * RunInstances and TerminateInstances, with EC2's filters, paging and error codes.
 *
 * @module
 */
import type * as EC2 from '@aws-sdk/client-ec2';
import type { Image } from '@aws-sdk/client-ec2';
import { awsError, commonError } from '../errors';
import { paginate } from '../paging';
import { wireHandlers } from '../typed';
import type { RequestContext, ServiceHandlers } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dnsSuffixOf } from '../../core/rules/aws-rules';
import { CHINA_REGIONS, OPT_IN_REGIONS, regionAbbreviation, STANDARD_REGIONS } from './regions';
import type { Ec2Handlers, Out } from './sdk';
import { instanceShape, instanceStatusShape, reservationsShape, stateShape, statusOf } from './shapes';
import { isImageId, STATE_CODES, type Ec2State, type InstanceRecord } from './state';

/** The image every simulated account can see without naming it. */
export const DEFAULT_IMAGE_ID = 'ami-0abcdef1234567890';
/** The account that owns the simulated public images (Amazon's). */
export const AMAZON_OWNER_ID = '137112412989';

/** EC2's answer to a request with `DryRun` set. */
export function dryRun(input: { DryRun?: boolean }): void {
  if (input.DryRun === true) throw awsError('ec2', 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
}

/** Reads `MaxResults` (5 to 1000; not with ids named). */
export function pageSize(input: { MaxResults?: number }, idsGiven: boolean, idsParam: string): number | undefined {
  const max = input.MaxResults;
  if (max === undefined) return undefined;
  if (idsGiven) throw awsError('ec2', 'InvalidParameterCombination', `The parameter ${idsParam} cannot be used with the parameter maxResults`);
  if (max < 5 || max > 1000) throw awsError('ec2', 'InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.`);
  return max;
}

/** One page of items in creation order (all of them when no paging is asked for). */
export function pageOf<T extends { seq: number }>(items: readonly T[], max: number | undefined, token: string | undefined): { items: T[]; nextToken: string | undefined } {
  if (max === undefined && (token === undefined || token === '')) return { items: [...items], nextToken: undefined };
  const sorted = [...items].sort((a, b) => a.seq - b.seq);
  return paginate(sorted, (i) => String(i.seq).padStart(12, '0'), max ?? 1000, token, { defaultSize: 1000, maxSize: 1000, refuse: (m) => commonError('InvalidParameterValue', m), sizeParam: 'MaxResults' });
}

const INSTANCE_FIELDS: FilterFields<InstanceRecord> = {
  'instance-id': (i) => i.id,
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => STATE_CODES[i.state],
  'availability-zone': (i) => i.availabilityZone,
  'image-id': (i) => i.imageId,
  'instance-type': (i) => i.instanceType,
  'key-name': (i) => i.keyName,
  'reservation-id': (i) => i.reservationId,
  'private-ip-address': (i) => (i.state === 'terminated' ? undefined : i.privateIp),
  'ip-address': (i) => (i.state === 'terminated' || i.state === 'shutting-down' || i.publicIp === '' ? undefined : i.publicIp),
  'subnet-id': (i) => i.subnetId,
  'vpc-id': (i) => i.vpcId,
  'instance.group-id': (i) => i.securityGroups.map((g) => g.groupId),
  'instance.group-name': (i) => i.securityGroups.map((g) => g.groupName),
  'group-id': (i) => i.securityGroups.map((g) => g.groupId),
  'group-name': (i) => i.securityGroups.map((g) => g.groupName),
  'monitoring-state': (i) => (i.monitoring ? 'enabled' : 'disabled'),
  'owner-id': () => undefined,
  architecture: () => 'x86_64',
  'root-device-type': () => 'ebs',
  'virtualization-type': () => 'hvm',
  hypervisor: () => 'xen',
  'launch-time': (i) => new Date(i.launchTime).toISOString(),
};

function statusFields(now: number): FilterFields<InstanceRecord> {
  return {
    'availability-zone': (i) => i.availabilityZone,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => STATE_CODES[i.state],
    'instance-status.status': (i) => statusOf(i, now).status,
    'instance-status.reachability': (i) => statusOf(i, now).reachability,
    'system-status.status': (i) => (i.state !== 'running' ? 'not-applicable' : statusOf(i, now).status === 'initializing' ? 'initializing' : 'ok'),
    'system-status.reachability': (i) => (i.state !== 'running' ? 'not-applicable' : statusOf(i, now).status === 'initializing' ? 'initializing' : 'passed'),
  };
}

interface Zone {
  name: string;
  id: string;
  region: string;
}

const ZONE_FIELDS: FilterFields<Zone> = {
  'zone-name': (z) => z.name,
  'zone-id': (z) => z.id,
  state: () => 'available',
  'region-name': (z) => z.region,
  'group-name': (z) => z.region,
  'network-border-group': (z) => z.region,
  'opt-in-status': () => 'opt-in-not-required',
  'zone-type': () => 'availability-zone',
  message: () => [],
};

interface RegionInfo {
  name: string;
  optIn: string;
}

const REGION_FIELDS: FilterFields<RegionInfo> = {
  'region-name': (r) => r.name,
  endpoint: (r) => `ec2.${r.name}.${dnsSuffixOf(r.name)}`,
  'opt-in-status': (r) => r.optIn,
};

interface ImageInfo {
  id: string;
}

const IMAGE_FIELDS: FilterFields<ImageInfo> = {
  'image-id': (i) => i.id,
  name: (i) => `botoscale-simulated-${i.id}`,
  state: () => 'available',
  'owner-id': () => AMAZON_OWNER_ID,
  'owner-alias': () => 'amazon',
  architecture: () => 'x86_64',
  'image-type': () => 'machine',
  'is-public': () => 'true',
  'root-device-type': () => 'ebs',
  'root-device-name': () => '/dev/xvda',
  'virtualization-type': () => 'hvm',
  hypervisor: () => 'xen',
  platform: () => undefined,
};

/** The snapshot a simulated image's root volume is made from. */
export function imageSnapshotId(imageId: string): string {
  return `snap-${imageId.slice(4).padEnd(17, '0')}`;
}

function imageShape(id: string): Image {
  return {
    Architecture: 'x86_64',
    CreationDate: '2025-01-01T00:00:00.000Z',
    ImageId: id,
    ImageLocation: `amazon/botoscale-simulated-${id}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: AMAZON_OWNER_ID,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    ProductCodes: [],
    State: 'available',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: imageSnapshotId(id), VolumeSize: 8, VolumeType: 'gp3', Encrypted: false } }],
    Description: 'An image simulated by botoscale local',
    EnaSupport: true,
    Hypervisor: 'xen',
    ImageOwnerAlias: 'amazon',
    Name: `botoscale-simulated-${id}`,
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SriovNetSupport: 'simple',
    VirtualizationType: 'hvm',
    BootMode: 'uefi-preferred',
  };
}

/** The EC2 handlers over a state model; each first brings the instances to the request's time. */
export function ec2Handlers(ec2: Ec2State): ServiceHandlers {
  return settledHandlers(ec2, { ...instanceLifecycleHandlers(ec2), ...placementHandlers(ec2) });
}

/** Handlers as the pipeline calls them, each first bringing the instances to the request's time. */
export function settledHandlers(ec2: Ec2State, handlers: Ec2Handlers): ServiceHandlers {
  const settled: ServiceHandlers = {};
  for (const [action, handler] of Object.entries(wireHandlers<typeof EC2>(handlers))) {
    settled[action] = (input, ctx) => {
      ec2.step(ctx.now);
      return handler(input, ctx);
    };
  }
  return settled;
}

/** Instances: describe them and their status, run and terminate them. */
function instanceLifecycleHandlers(ec2: Ec2State): Ec2Handlers {
  return {
    DescribeInstances(input): Out<'DescribeInstances'> {
      dryRun(input);
      const ids = input.InstanceIds ?? [];
      const max = pageSize(input, ids.length > 0, 'instancesSet');
      const filters = new FilterSet(readFilters(input.Filters), INSTANCE_FIELDS, (i) => i.tags);
      const candidates = ids.length > 0 ? ec2.find(ids) : [...ec2.instances.values()];
      const page = pageOf(candidates.filter((i) => filters.matches(i)), max, input.NextToken);
      return { Reservations: reservationsShape(ec2, page.items), ...nextToken(page.nextToken) };
    },

    DescribeInstanceStatus(input, ctx: RequestContext): Out<'DescribeInstanceStatus'> {
      dryRun(input);
      const ids = input.InstanceIds ?? [];
      const max = pageSize(input, ids.length > 0, 'instancesSet');
      const all = input.IncludeAllInstances === true;
      const filters = new FilterSet(readFilters(input.Filters), statusFields(ctx.now));
      const candidates = ids.length > 0 ? ec2.find(ids) : [...ec2.instances.values()];
      const visible = candidates.filter((i) => (all || i.state === 'running') && filters.matches(i));
      const page = pageOf(visible, max, input.NextToken);
      return { InstanceStatuses: page.items.map((i) => instanceStatusShape(i, ctx.now)), ...nextToken(page.nextToken) };
    },

    RunInstances(input, ctx): Out<'RunInstances'> {
      dryRun(input);
      const { reservationId, instances } = ec2.run(input, ctx.now);
      return { ReservationId: reservationId, OwnerId: ctx.accountId, Groups: [], Instances: instances.map((i) => instanceShape(ec2, i)) };
    },

    TerminateInstances(input, ctx): Out<'TerminateInstances'> {
      dryRun(input);
      const ids = input.InstanceIds;
      if (ids.length === 0) throw awsError('ec2', 'MissingParameter', 'The request must contain the parameter InstanceId');
      const found = ec2.find(ids);
      const protectedOne = found.find((i) => i.disableApiTermination === true && i.state !== 'terminated');
      if (protectedOne !== undefined) {
        throw awsError('ec2', 'OperationNotPermitted', `The instance '${protectedOne.id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`);
      }
      return {
        TerminatingInstances: found.map((i) => {
          const previous = ec2.terminate(i, ctx.now);
          return { InstanceId: i.id, CurrentState: stateShape(i.state), PreviousState: stateShape(previous) };
        }),
      };
    },
  };
}

/** `NextToken` when there is a next page. */
export function nextToken(token: string | undefined): { NextToken?: string } {
  return token === undefined ? {} : { NextToken: token };
}

/** Where instances run and from what: the region's zones, the regions, and the images. */
function placementHandlers(ec2: Ec2State): Ec2Handlers {
  const zones = (): Zone[] => ec2.zones.map((name, i) => ({ name, id: `${regionAbbreviation(ec2.region)}-az${i + 1}`, region: ec2.region }));
  return {
    DescribeAvailabilityZones(input): Out<'DescribeAvailabilityZones'> {
      dryRun(input);
      const all = zones();
      const names = input.ZoneNames ?? [];
      const zoneIds = input.ZoneIds ?? [];
      const unknown = names.filter((n) => !all.some((z) => z.name === n));
      if (unknown.length > 0) throw awsError('ec2', 'InvalidParameterValue', `Invalid availability zone: [${unknown.join(', ')}]`);
      const unknownIds = zoneIds.filter((n) => !all.some((z) => z.id === n));
      if (unknownIds.length > 0) throw awsError('ec2', 'InvalidParameterValue', `Invalid availability zone ID: [${unknownIds.join(', ')}]`);
      const filters = new FilterSet(readFilters(input.Filters), ZONE_FIELDS);
      const picked = all.filter((z) => (names.length === 0 && zoneIds.length === 0) || names.includes(z.name) || zoneIds.includes(z.id));
      return {
        AvailabilityZones: picked.filter((z) => filters.matches(z)).map((z) => ({
          State: 'available',
          OptInStatus: 'opt-in-not-required',
          Messages: [],
          RegionName: z.region,
          ZoneName: z.name,
          ZoneId: z.id,
          GroupName: z.region,
          NetworkBorderGroup: z.region,
          ZoneType: 'availability-zone',
        })),
      };
    },

    DescribeRegions(input): Out<'DescribeRegions'> {
      dryRun(input);
      // A China account sees the China regions only; the others do not see them.
      const china = CHINA_REGIONS.includes(ec2.region);
      const standard = china ? CHINA_REGIONS : STANDARD_REGIONS.includes(ec2.region) || OPT_IN_REGIONS.includes(ec2.region) ? STANDARD_REGIONS : [...STANDARD_REGIONS, ec2.region];
      const known: RegionInfo[] = [
        ...standard.map((name) => ({ name, optIn: 'opt-in-not-required' })),
        ...(china ? [] : OPT_IN_REGIONS).map((name) => ({ name, optIn: name === ec2.region ? 'opted-in' : 'not-opted-in' })),
      ].sort((a, b) => a.name.localeCompare(b.name));
      const names = input.RegionNames ?? [];
      const unknown = names.filter((n) => !known.some((r) => r.name === n));
      if (unknown.length > 0) throw awsError('ec2', 'InvalidParameterValue', `Invalid region: ${unknown.join(', ')}`);
      const allRegions = input.AllRegions === true;
      const filters = new FilterSet(readFilters(input.Filters), REGION_FIELDS);
      const picked = known.filter((r) => (names.length > 0 ? names.includes(r.name) : allRegions || r.optIn !== 'not-opted-in'));
      return { Regions: picked.filter((r) => filters.matches(r)).map((r) => ({ Endpoint: `ec2.${r.name}.${dnsSuffixOf(r.name)}`, RegionName: r.name, OptInStatus: r.optIn })) };
    },

    DescribeImages(input): Out<'DescribeImages'> {
      dryRun(input);
      const ids = input.ImageIds ?? [];
      const malformed = ids.find((id) => !isImageId(id));
      if (malformed !== undefined) throw awsError('ec2', 'InvalidAMIID.Malformed', `Invalid id: "${malformed}" (expecting "ami-...")`);
      const owners = input.Owners ?? [];
      const filters = new FilterSet(readFilters(input.Filters), IMAGE_FIELDS);
      const known = ids.length > 0 ? [...new Set(ids)] : [...new Set([DEFAULT_IMAGE_ID, ...[...ec2.instances.values()].map((i) => i.imageId)])];
      const owned = known.filter(() => owners.length === 0 || owners.some((o) => o === 'amazon' || o === AMAZON_OWNER_ID));
      return { Images: owned.map((id) => ({ id })).filter((i) => filters.matches(i)).map((i) => imageShape(i.id)) };
    },
  };
}

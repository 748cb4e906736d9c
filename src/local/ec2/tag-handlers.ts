/**
 * EC2's tag actions over the simulated resources that keep tags (instances, VPCs,
 * subnets, security groups, launch templates): CreateTags, DeleteTags and DescribeTags,
 * as the EC2 API Reference describes them. A resource is known by its id's prefix, as EC2
 * knows it.
 *
 * @module
 */
import type { ResourceType, TagDescription } from '@aws-sdk/client-ec2';
import { awsError } from '../errors';
import type { ServiceHandlers } from '../types';
import { FilterSet, readFilters, type FilterFields } from './filters';
import { dryRun, nextToken, pageOf, pageSize, settledHandlers } from './handlers';
import type { Out } from './sdk';
import type { Ec2State, InstanceRecord, TagRecord } from './state';

/** Most tags one resource may carry (EC2 User Guide, "Tag restrictions"). */
export const MAX_TAGS_PER_RESOURCE = 50;

/** A resource that keeps tags. */
interface Tagged {
  /** Its id. */
  id: string;
  /** Its type, as DescribeTags names it. */
  type: ResourceType;
  /** Its tags, changed in place. */
  tags: TagRecord[];
}

/** The resource an id names, with EC2's errors for a malformed or unknown id. */
function taggable(ec2: Ec2State, id: string): Tagged {
  const prefix = id.slice(0, id.indexOf('-'));
  const net = ec2.network;
  const wellFormed = /^[a-z]+-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id);
  switch (wellFormed ? prefix : '') {
    case 'i':
      return { id, type: 'instance', tags: (ec2.find([id])[0] as InstanceRecord).tags };
    case 'vpc':
      return { id, type: 'vpc', tags: net.vpc(id).tags };
    case 'subnet':
      return { id, type: 'subnet', tags: net.subnet(id).tags };
    case 'sg':
      return { id, type: 'security-group', tags: net.group(id).tags };
    case 'lt':
      return { id, type: 'launch-template', tags: ec2.launchTemplates.find({ id }, 'CreateTags').tags };
    default:
      // Observed wording (EC2's answer to an id of a resource type it cannot tag, or not an id).
      throw awsError('ec2', 'InvalidID', `The ID '${id}' is not valid`);
  }
}

function checkKey(key: string | undefined): string {
  if (key === undefined || key === '') throw awsError('ec2', 'InvalidParameterValue', 'Tag key must not be empty');
  if (key.toLowerCase().startsWith('aws:')) throw awsError('ec2', 'InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
  return key;
}

/** One row of DescribeTags. */
interface TagRow {
  resource: Tagged;
  tag: TagRecord;
  seq: number;
}

const TAG_FIELDS: FilterFields<TagRow> = {
  key: (r) => r.tag.key,
  value: (r) => r.tag.value,
  'resource-id': (r) => r.resource.id,
  'resource-type': (r) => r.resource.type,
};

function everyTagged(ec2: Ec2State): Tagged[] {
  const net = ec2.network;
  return [
    ...[...ec2.instances.values()].map((i): Tagged => ({ id: i.id, type: 'instance', tags: i.tags })),
    ...[...net.vpcs.values()].map((v): Tagged => ({ id: v.id, type: 'vpc', tags: v.tags })),
    ...[...net.subnets.values()].map((s): Tagged => ({ id: s.id, type: 'subnet', tags: s.tags })),
    ...[...net.groups.values()].map((g): Tagged => ({ id: g.id, type: 'security-group', tags: g.tags })),
    ...ec2.launchTemplates.all().map((t): Tagged => ({ id: t.id, type: 'launch-template', tags: t.tags })),
  ];
}

function tagDescription(r: TagRow): TagDescription {
  return { Key: r.tag.key, ResourceId: r.resource.id, ResourceType: r.resource.type, Value: r.tag.value };
}

/** The tag handlers over a state model; each first brings the instances to the request's time. */
export function tagHandlers(ec2: Ec2State): ServiceHandlers {
  return settledHandlers(ec2, {
    CreateTags(input): Out<'CreateTags'> {
      dryRun(input);
      const resources = input.Resources.map((id) => taggable(ec2, id));
      const tags = input.Tags.map((t) => ({ key: checkKey(t.Key), value: t.Value ?? '' }));
      // All or nothing: every resource must have room before any is tagged.
      for (const r of resources) {
        const keys = new Set([...r.tags.map((t) => t.key), ...tags.map((t) => t.key)]);
        if (keys.size > MAX_TAGS_PER_RESOURCE) throw awsError('ec2', 'TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
      }
      for (const r of resources) {
        for (const tag of tags) {
          const old = r.tags.find((t) => t.key === tag.key);
          if (old !== undefined) old.value = tag.value;
          else r.tags.push({ ...tag });
        }
      }
      return {};
    },

    DeleteTags(input): Out<'DeleteTags'> {
      dryRun(input);
      const resources = input.Resources.map((id) => taggable(ec2, id));
      const named = input.Tags?.map((t) => ({ key: checkKey(t.Key), value: t.Value }));
      for (const r of resources) {
        // No Tags: every user tag goes. A key alone: whatever its value. A key and a value (even empty): only that value.
        const kept = r.tags.filter((t) => t.key.startsWith('aws:') || (named !== undefined && !named.some((n) => n.key === t.key && (n.value === undefined || n.value === t.value))));
        r.tags.splice(0, r.tags.length, ...kept);
      }
      return {};
    },

    DescribeTags(input): Out<'DescribeTags'> {
      dryRun(input);
      const max = pageSize(input, false, '');
      const filters = new FilterSet(readFilters(input.Filters), TAG_FIELDS, (r) => [r.tag]);
      let seq = 0;
      const rows = everyTagged(ec2).flatMap((resource) => [...resource.tags].sort((a, b) => a.key.localeCompare(b.key)).map((tag) => ({ resource, tag, seq: ++seq })));
      const page = pageOf(rows.filter((r) => filters.matches(r)), max, input.NextToken);
      return { Tags: page.items.map(tagDescription), ...nextToken(page.nextToken) };
    },
  });
}

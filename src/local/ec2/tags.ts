/**
 * Tags of EC2 resources: what a request's `TagSpecifications` give a resource of one
 * type, and tags as EC2 writes them.
 *
 * @module
 */
import type { Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { awsError } from '../errors';
import type { TagRecord } from './state';

/** The tags `TagSpecifications` give resources of one type. */
export function tagsOf(specs: readonly TagSpecification[] | undefined, resourceType = 'instance'): TagRecord[] | undefined {
  if (specs === undefined) return undefined;
  const tags: TagRecord[] = [];
  for (const spec of specs) {
    if (spec.ResourceType !== undefined && spec.ResourceType !== resourceType) continue;
    for (const t of spec.Tags ?? []) {
      const key = t.Key;
      if (key === undefined) throw awsError('ec2', 'InvalidParameterValue', 'Tag key must not be empty');
      if (key.toLowerCase().startsWith('aws:')) throw awsError('ec2', 'InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
      tags.push({ key, value: t.Value ?? '' });
    }
  }
  return tags;
}

/** Tags as EC2 writes them (`Tag`). */
export function tagShapes(tags: readonly TagRecord[]): Tag[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}

import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { Tag } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

const TAGS = `<Tags>
  <member><ResourceId>my_group</ResourceId><PropagateAtLaunch>true</PropagateAtLaunch><Value>test</Value><Key>environment</Key><ResourceType>auto-scaling-group</ResourceType></member>
  <member><ResourceId>my_group</ResourceId><PropagateAtLaunch>false</PropagateAtLaunch><Value></Value><Key>empty</Key><ResourceType>auto-scaling-group</ResourceType></member>
</Tags>
<NextToken>tag-2</NextToken>`;

describe('Tag', () => {
  test('boto2 defaults and repr', () => {
    const t = new Tag({ key: 'env', value: 'prod', resourceId: 'my_group' });
    expect({ ...t }).toEqual({ key: 'env', value: 'prod', propagateAtLaunch: false, resourceId: 'my_group', resourceType: 'auto-scaling-group' });
    expect(String(t)).toBe('Tag(env=prod)');
    expect(inspect(t)).toBe('Tag(env=prod)');
    expect(String(new Tag())).toBe('Tag(None=None)');
  });
});

describe('createOrUpdateTags and deleteTags', () => {
  test('createOrUpdateTags sends every field of every tag and binds them; tag.delete() then works', async () => {
    const { wire, conn } = asOnWire();
    const t1 = new Tag({ key: 'env', value: 'prod', propagateAtLaunch: true, resourceId: 'my_group' });
    const t2 = new Tag({ key: 'team', value: 'web', resourceId: 'my_group' });
    reply(wire, 'CreateOrUpdateTags');
    const req = await conn.createOrUpdateTags([t1, t2]);
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('CreateOrUpdateTags', {
      'Tags.member.1.ResourceId': 'my_group', 'Tags.member.1.ResourceType': 'auto-scaling-group', 'Tags.member.1.Key': 'env',
      'Tags.member.1.Value': 'prod', 'Tags.member.1.PropagateAtLaunch': 'true',
      'Tags.member.2.ResourceId': 'my_group', 'Tags.member.2.ResourceType': 'auto-scaling-group', 'Tags.member.2.Key': 'team',
      'Tags.member.2.Value': 'web', 'Tags.member.2.PropagateAtLaunch': 'false',
    }));
    expect(t1.connection).toBe(conn);
    expect(t2.connection).toBe(conn);
    reply(wire, 'DeleteTags');
    const del = await t2.delete();
    expect(del.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('DeleteTags', {
      'Tags.member.1.ResourceId': 'my_group', 'Tags.member.1.ResourceType': 'auto-scaling-group', 'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'web', 'Tags.member.1.PropagateAtLaunch': 'false',
    }));
  });

  test('deleteTags sends the list', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DeleteTags');
    await conn.deleteTags([new Tag({ key: 'env', resourceId: 'g' })]);
    expect(wire.last.params).toEqual(sent('DeleteTags', {
      'Tags.member.1.ResourceId': 'g', 'Tags.member.1.ResourceType': 'auto-scaling-group', 'Tags.member.1.Key': 'env', 'Tags.member.1.PropagateAtLaunch': 'false',
    }));
  });

  test('validation: at least one tag, key and group required, key and value lengths', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.createOrUpdateTags([])).rejects.toThrow(new BotoClientError('tags must list at least one item'));
    await expect(conn.deleteTags([])).rejects.toThrow(new BotoClientError('tags must list at least one item'));
    await expect(conn.createOrUpdateTags([new Tag({ resourceId: 'g' })])).rejects.toThrow(new BotoClientError('tags[0].key is required'));
    await expect(conn.createOrUpdateTags([new Tag({ key: 'k', resourceId: 'g' }), new Tag({ key: 'k' })])).rejects.toThrow(new BotoClientError('tags[1].resourceId is required'));
    await expect(conn.deleteTags([new Tag({ key: 'k' })])).rejects.toThrow(new BotoClientError('tags[0].resourceId is required'));
    await expect(conn.createOrUpdateTags([new Tag({ key: 'k'.repeat(129), resourceId: 'g' })])).rejects.toThrow(new BotoClientError('tags[0].key must be 1 to 128 characters long, got 129'));
    await expect(conn.createOrUpdateTags([new Tag({ key: 'k', value: 'v'.repeat(257), resourceId: 'g' })])).rejects.toThrow(new BotoClientError('tags[0].value must be 0 to 256 characters long, got 257'));
    await expect(new Tag({ key: 'k' }).delete()).rejects.toThrow(/Tag\(k=None\) has no connection/);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('getAllTags', () => {
  test('sends filters and paging; parses every attribute', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeTags', TAGS);
    const page = await conn.getAllTags({ filters: { 'auto-scaling-group': 'my_group', key: ['environment', 'empty'] }, maxRecords: 100, nextToken: 'tag-1' });
    expect(wire.last.params).toEqual(sent('DescribeTags', {
      'Filters.member.1.Name': 'auto-scaling-group', 'Filters.member.1.Values.member.1': 'my_group',
      'Filters.member.2.Name': 'key', 'Filters.member.2.Values.member.1': 'environment', 'Filters.member.2.Values.member.2': 'empty',
      MaxRecords: '100', NextToken: 'tag-1',
    }));
    expect(page.nextToken).toBe('tag-2');
    expect(inspect(page)).toBe('[ Tag(environment=test), Tag(empty=) ]');
    const [a, b] = page as unknown as [Tag, Tag];
    expect({ ...a }).toEqual({ key: 'environment', value: 'test', propagateAtLaunch: true, resourceId: 'my_group', resourceType: 'auto-scaling-group' });
    expect({ ...b }).toEqual({ key: 'empty', value: '', propagateAtLaunch: false, resourceId: 'my_group', resourceType: 'auto-scaling-group' });
    expect(a.connection).toBe(conn);
  });

  test('for await walks pages; no options sends only the action', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeTags', TAGS);
    reply(wire, 'DescribeTags', '<Tags><member><ResourceId>g2</ResourceId><Key>k</Key><Value>v</Value><PropagateAtLaunch>false</PropagateAtLaunch><ResourceType>auto-scaling-group</ResourceType></member></Tags>');
    const seen: string[] = [];
    for await (const t of conn.getAllTags()) seen.push(String(t));
    expect(seen).toEqual(['Tag(environment=test)', 'Tag(empty=)', 'Tag(k=v)']);
    expect(wire.requests.map((r) => r.params)).toEqual([sent('DescribeTags'), sent('DescribeTags', { NextToken: 'tag-2' })]);
  });

  test('validation: maxRecords 1 to 100, known filter names, non-empty filter values', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllTags({ maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    await expect(conn.getAllTags({ maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'));
    await expect(conn.getAllTags({ filters: { group: 'g' } })).rejects.toThrow(new BotoClientError('filters key must be one of auto-scaling-group, key, value, propagate-at-launch; got "group"'));
    await expect(conn.getAllTags({ filters: { key: [] } })).rejects.toThrow(new BotoClientError('filters["key"] must list at least one item'));
    expect(wire.requests).toHaveLength(0);
  });
});

/**
 * CreateTags, DeleteTags and DescribeTags on the simulated resources that keep tags
 * (instances, VPCs, subnets, security groups, launch templates) through
 * @aws-sdk/client-ec2, against the EC2 API Reference
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html,
 * API_DeleteTags.html, API_DescribeTags.html) and the tag filters of the describes.
 */
import { EC2 } from '@aws-sdk/client-ec2';
import { clientConfig, eachLocal, failure } from './helpers';

let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (_local, c) => {
  ec2 = c;
});

async function network(): Promise<{ vpc: string; subnet: string; sg: string }> {
  const vpc = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
  const subnet = (await ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.0.1.0/24' })).Subnet?.SubnetId as string;
  const sg = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpc })).GroupId as string;
  return { vpc, subnet, sg };
}

describe('CreateTags / DescribeTags (API Reference)', () => {
  test('tags VPCs, subnets and security groups; describes see them; DescribeTags lists and filters them', async () => {
    const { vpc, subnet, sg } = await network();
    await ec2.createTags({ Resources: [vpc, subnet, sg], Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team' }] });
    await ec2.createTags({ Resources: [sg], Tags: [{ Key: 'env', Value: 'test' }] });
    expect((await ec2.describeVpcs({ VpcIds: [vpc] })).Vpcs?.[0]?.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: '' }]);
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'tag:env', Values: ['prod'] }] })).Subnets?.map((s) => s.SubnetId)).toEqual([subnet]);
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'tag-key', Values: ['team'] }] })).SecurityGroups?.map((g) => [g.GroupId, g.Tags])).toEqual([
      [sg, [{ Key: 'env', Value: 'test' }, { Key: 'team', Value: '' }]],
    ]);
    expect((await ec2.describeVpcs({ Filters: [{ Name: 'tag:env', Values: ['test'] }] })).Vpcs).toEqual([]);
    const all = (await ec2.describeTags({})).Tags ?? [];
    expect(all).toEqual([
      { Key: 'env', ResourceId: vpc, ResourceType: 'vpc', Value: 'prod' },
      { Key: 'team', ResourceId: vpc, ResourceType: 'vpc', Value: '' },
      { Key: 'env', ResourceId: subnet, ResourceType: 'subnet', Value: 'prod' },
      { Key: 'team', ResourceId: subnet, ResourceType: 'subnet', Value: '' },
      { Key: 'env', ResourceId: sg, ResourceType: 'security-group', Value: 'test' },
      { Key: 'team', ResourceId: sg, ResourceType: 'security-group', Value: '' },
    ]);
    expect((await ec2.describeTags({ Filters: [{ Name: 'resource-type', Values: ['security-group'] }, { Name: 'key', Values: ['env'] }] })).Tags?.map((t) => t.Value)).toEqual(['test']);
    expect((await ec2.describeTags({ Filters: [{ Name: 'resource-id', Values: [subnet] }] })).Tags).toHaveLength(2);
    expect((await ec2.describeTags({ Filters: [{ Name: 'tag:env', Values: ['prod'] }] })).Tags?.map((t) => t.ResourceId)).toEqual([vpc, subnet]);
    expect((await ec2.describeTags({ Filters: [{ Name: 'value', Values: ['pr*'] }] })).Tags).toHaveLength(2);
    const first = await ec2.describeTags({ MaxResults: 5 });
    expect(first.Tags).toHaveLength(5);
    const rest = await ec2.describeTags({ MaxResults: 5, NextToken: first.NextToken as string });
    expect([rest.Tags?.length, rest.NextToken]).toEqual([1, undefined]);
  });

  test('tags instances and launch templates too', async () => {
    const id = (await ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 })).Instances?.[0]?.InstanceId as string;
    const lt = (await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678' } })).LaunchTemplate?.LaunchTemplateId as string;
    await ec2.createTags({ Resources: [id, lt], Tags: [{ Key: 'Name', Value: 'web' }] });
    expect((await ec2.describeInstances({ Filters: [{ Name: 'tag:Name', Values: ['web'] }] })).Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(id);
    expect((await ec2.describeLaunchTemplates({ LaunchTemplateIds: [lt] })).LaunchTemplates?.[0]?.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    expect((await ec2.describeTags({ Filters: [{ Name: 'resource-type', Values: ['instance', 'launch-template'] }] })).Tags?.map((t) => [t.ResourceType, t.ResourceId])).toEqual([
      ['instance', id],
      ['launch-template', lt],
    ]);
  });

  test("AWS errors: unknown or malformed ids, ids EC2 cannot tag, 'aws:' keys, more than 50 tags; nothing half-applied", async () => {
    const { vpc } = await network();
    expect(await failure(ec2.createTags({ Resources: [vpc, 'vpc-0000000000000000f'], Tags: [{ Key: 'a', Value: 'b' }] }))).toMatchObject({ code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0000000000000000f' does not exist" });
    expect(await failure(ec2.createTags({ Resources: ['subnet-0000000000000000f'], Tags: [{ Key: 'a' }] }))).toMatchObject({ code: 'InvalidSubnetID.NotFound' });
    expect(await failure(ec2.createTags({ Resources: ['sg-0000000000000000f'], Tags: [{ Key: 'a' }] }))).toMatchObject({ code: 'InvalidGroup.NotFound' });
    expect(await failure(ec2.createTags({ Resources: ['i-0000000000000000f'], Tags: [{ Key: 'a' }] }))).toMatchObject({ code: 'InvalidInstanceID.NotFound' });
    expect(await failure(ec2.createTags({ Resources: ['eipassoc-0578b4e3415869944'], Tags: [{ Key: 'a' }] }))).toEqual({ name: 'InvalidID', code: 'InvalidID', message: "The ID 'eipassoc-0578b4e3415869944' is not valid", status: 400 });
    expect(await failure(ec2.createTags({ Resources: ['vpc-x'], Tags: [{ Key: 'a' }] }))).toMatchObject({ code: 'InvalidID' });
    expect(await failure(ec2.createTags({ Resources: [vpc], Tags: [{ Key: 'aws:x', Value: 'y' }] }))).toMatchObject({ code: 'InvalidParameterValue', message: "Tag keys starting with 'aws:' are reserved for internal use" });
    expect(await failure(ec2.createTags({ Resources: [vpc], Tags: [{ Value: 'y' }] }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Tag key must not be empty' });
    await ec2.createTags({ Resources: [vpc], Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) });
    expect(await failure(ec2.createTags({ Resources: [vpc], Tags: [{ Key: 'k50', Value: 'v' }] }))).toMatchObject({ code: 'TagLimitExceeded', message: 'The maximum number of Tags for a resource has been reached.' });
    await ec2.createTags({ Resources: [vpc], Tags: [{ Key: 'k0', Value: 'again' }] });
    expect((await ec2.describeTags({ Filters: [{ Name: 'resource-id', Values: [vpc] }] })).Tags).toHaveLength(50);
    expect(await failure(ec2.describeTags({ Filters: [{ Name: 'bogus', Values: ['x'] }] }))).toMatchObject({ code: 'InvalidParameterValue', message: "The filter 'bogus' is invalid" });
  });
});

describe('DeleteTags (API Reference)', () => {
  test('a key alone deletes whatever its value; a key and a value only that value (empty too); no Tags deletes every tag', async () => {
    const { vpc, subnet, sg } = await network();
    await ec2.createTags({ Resources: [vpc, subnet, sg], Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '' }, { Key: 'c', Value: '3' }] });
    await ec2.deleteTags({ Resources: [vpc], Tags: [{ Key: 'a' }, { Key: 'b', Value: 'x' }, { Key: 'c', Value: '3' }] });
    expect((await ec2.describeVpcs({ VpcIds: [vpc] })).Vpcs?.[0]?.Tags).toEqual([{ Key: 'b', Value: '' }]);
    await ec2.deleteTags({ Resources: [subnet], Tags: [{ Key: 'b', Value: '' }] });
    expect((await ec2.describeSubnets({ SubnetIds: [subnet] })).Subnets?.[0]?.Tags).toEqual([{ Key: 'a', Value: '1' }, { Key: 'c', Value: '3' }]);
    await ec2.deleteTags({ Resources: [sg] });
    expect((await ec2.describeSecurityGroups({ GroupIds: [sg] })).SecurityGroups?.[0]?.Tags).toBeUndefined();
    expect(await failure(ec2.deleteTags({ Resources: ['vpc-0000000000000000f'] }))).toMatchObject({ code: 'InvalidVpcID.NotFound' });
  });
});

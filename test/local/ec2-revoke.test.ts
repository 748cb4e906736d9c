/**
 * RevokeSecurityGroupIngress / RevokeSecurityGroupEgress through @aws-sdk/client-ec2,
 * against the EC2 API Reference
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html):
 * "You can specify rules using either rule IDs or security group rule properties ... If
 * the security group rule has a description, you do not need to specify the description
 * to revoke the rule. For a default VPC, if the values you specify do not match the
 * existing rule's values, no error is returned, and the output describes the security
 * group rules that were not revoked. For a non-default VPC, if the values you specify do
 * not match the existing rule's values, an InvalidPermission.NotFound client error is
 * returned, and no rules are revoked."
 */
import { EC2, type IpPermission } from '@aws-sdk/client-ec2';
import { clientConfig, eachLocal, failure } from './helpers';

let ec2: EC2;

eachLocal((endpoint) => new EC2(clientConfig(endpoint)), (_local, c) => {
  ec2 = c;
});

const http: IpPermission = { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }] };
const ssh: IpPermission = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] };
const dns: IpPermission = { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.0/16' }] };

async function groupIn(vpcId: string | undefined, name = 'web'): Promise<string> {
  return (await ec2.createSecurityGroup({ GroupName: name, Description: name, ...(vpcId === undefined ? {} : { VpcId: vpcId }) })).GroupId as string;
}

async function ingressOf(groupId: string): Promise<Array<[string | undefined, number | undefined, string | undefined]>> {
  const g = (await ec2.describeSecurityGroups({ GroupIds: [groupId] })).SecurityGroups?.[0];
  return (g?.IpPermissions ?? []).flatMap((p) => (p.IpRanges ?? []).map((r): [string | undefined, number | undefined, string | undefined] => [p.IpProtocol, p.FromPort, r.CidrIp]));
}

describe('RevokeSecurityGroupIngress by rule properties', () => {
  test('a non-default VPC: matching rules go (description not needed); one unmatched rule is InvalidPermission.NotFound and nothing goes', async () => {
    const vpcId = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
    const sg = await groupIn(vpcId);
    await ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [http, ssh] });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, IpPermissions: [ssh, dns] }))).toEqual({
      name: 'InvalidPermission.NotFound',
      code: 'InvalidPermission.NotFound',
      message: 'The specified rule does not exist in this security group.',
      status: 400,
    });
    expect(await ingressOf(sg)).toEqual([['tcp', 80, '0.0.0.0/0'], ['tcp', 22, '10.0.0.0/16']]);
    const out = await ec2.revokeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    expect([out.Return, out.UnknownIpPermissions]).toEqual([true, undefined]);
    expect(out.RevokedSecurityGroupRules).toEqual([
      { SecurityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/), GroupId: sg, IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '0.0.0.0/0', Description: 'http' },
    ]);
    expect(await ingressOf(sg)).toEqual([['tcp', 22, '10.0.0.0/16']]);
  });

  test('the default VPC: matching rules go, the others come back in UnknownIpPermissions; by name, and the legacy CidrIp form', async () => {
    const sg = await groupIn(undefined);
    await ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [http, ssh] });
    const out = await ec2.revokeSecurityGroupIngress({ GroupName: 'web', IpPermissions: [ssh, dns] });
    expect(out.Return).toBe(true);
    expect(out.UnknownIpPermissions).toEqual([{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    expect(out.RevokedSecurityGroupRules?.map((r) => [r.IpProtocol, r.FromPort, r.CidrIpv4])).toEqual([['tcp', 22, '10.0.0.0/16']]);
    expect(await ingressOf(sg)).toEqual([['tcp', 80, '0.0.0.0/0']]);
    await ec2.revokeSecurityGroupIngress({ GroupName: 'web', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' });
    expect(await ingressOf(sg)).toEqual([]);
  });

  test('the rules are checked as AuthorizeSecurityGroupIngress checks them', async () => {
    const sg = await groupIn(undefined);
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }))).toMatchObject({
      code: 'InvalidParameterValue',
      message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
    });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: 'sg-0000000000000000f', IpPermissions: [ssh] }))).toMatchObject({ code: 'InvalidGroup.NotFound' });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg }))).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter IpPermissions' });
  });
});

describe('RevokeSecurityGroupEgress', () => {
  test("by properties: the group's default allow-all rule goes", async () => {
    const vpcId = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc?.VpcId as string;
    const sg = await groupIn(vpcId);
    const out = await ec2.revokeSecurityGroupEgress({ GroupId: sg, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    expect(out.Return).toBe(true);
    expect((await ec2.describeSecurityGroups({ GroupIds: [sg] })).SecurityGroups?.[0]?.IpPermissionsEgress).toEqual([]);
    expect(await failure(ec2.revokeSecurityGroupEgress({ GroupId: sg, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }))).toMatchObject({ code: 'InvalidPermission.NotFound' });
  });
});

describe('revoking by SecurityGroupRuleIds', () => {
  test('the rules named go; unknown, malformed or other-direction ids are refused and nothing goes', async () => {
    const sg = await groupIn(undefined);
    const rules = (await ec2.authorizeSecurityGroupIngress({ GroupId: sg, IpPermissions: [http, ssh] })).SecurityGroupRules ?? [];
    const [first, second] = rules.map((r) => r.SecurityGroupRuleId as string);
    const egressId = (await ec2.authorizeSecurityGroupEgress({ GroupId: sg, IpPermissions: [dns] })).SecurityGroupRules?.[0]?.SecurityGroupRuleId as string;
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, SecurityGroupRuleIds: [first as string, 'sgr-0000000000000000f'] }))).toMatchObject({
      code: 'InvalidSecurityGroupRuleId.NotFound',
      status: 400,
    });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, SecurityGroupRuleIds: [egressId] }))).toMatchObject({ code: 'InvalidSecurityGroupRuleId.NotFound' });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, SecurityGroupRuleIds: ['rule-1'] }))).toMatchObject({ code: 'InvalidSecurityGroupRuleId.Malformed' });
    expect(await failure(ec2.revokeSecurityGroupIngress({ GroupId: sg, SecurityGroupRuleIds: [first as string], IpPermissions: [ssh] }))).toMatchObject({ code: 'InvalidParameterCombination' });
    expect(await ingressOf(sg)).toEqual([['tcp', 80, '0.0.0.0/0'], ['tcp', 22, '10.0.0.0/16']]);
    expect(await ec2.revokeSecurityGroupIngress({ GroupId: sg, SecurityGroupRuleIds: [second as string] })).toMatchObject({
      Return: true,
      RevokedSecurityGroupRules: [{ SecurityGroupRuleId: second, GroupId: sg, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/16' }],
    });
    expect(await ingressOf(sg)).toEqual([['tcp', 80, '0.0.0.0/0']]);
    await ec2.revokeSecurityGroupEgress({ GroupId: sg, SecurityGroupRuleIds: [egressId] });
    expect((await ec2.describeSecurityGroups({ GroupIds: [sg] })).SecurityGroups?.[0]?.IpPermissionsEgress?.map((p) => p.IpProtocol)).toEqual(['-1']);
  });
});

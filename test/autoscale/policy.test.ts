import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { AdjustmentType, Alarm, AutoScalingGroup, Request, ScalingPolicy } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

const ARN_UP = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:ac542982-cbeb-4294-891c-a5a941dfa787:autoScalingGroupName/my_group:policyName/scale_up';

const POLICIES = `<ScalingPolicies>
  <member>
    <PolicyARN>${ARN_UP}</PolicyARN>
    <AdjustmentType>ChangeInCapacity</AdjustmentType>
    <ScalingAdjustment>1</ScalingAdjustment>
    <PolicyName>scale_up</PolicyName>
    <PolicyType>SimpleScaling</PolicyType>
    <AutoScalingGroupName>my_group</AutoScalingGroupName>
    <Cooldown>180</Cooldown>
    <Alarms>
      <member><AlarmName>scale_up_on_cpu</AlarmName><AlarmARN>arn:aws:cloudwatch:us-east-1:123456789012:alarm:scale_up_on_cpu</AlarmARN></member>
    </Alarms>
  </member>
  <member>
    <PolicyARN>arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:2b435159-cf77-4e89-8c0e-d63b497baad7:autoScalingGroupName/my_group:policyName/grow</PolicyARN>
    <AdjustmentType>PercentChangeInCapacity</AdjustmentType>
    <ScalingAdjustment>10</ScalingAdjustment>
    <MinAdjustmentStep>2</MinAdjustmentStep>
    <PolicyName>grow</PolicyName>
    <AutoScalingGroupName>my_group</AutoScalingGroupName>
    <Alarms/>
  </member>
</ScalingPolicies>
<NextToken>tok-p2</NextToken>`;

describe('ScalingPolicy', () => {
  test('constructor takes boto2 keyword arguments; prints as boto2', () => {
    const p = new ScalingPolicy({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180 });
    expect(p).toMatchObject({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180,
      minAdjustmentStep: undefined, policyArn: undefined, alarms: [] });
    expect(String(p)).toBe('ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity)');
    expect(inspect(p)).toBe('ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity)');
    expect(String(new ScalingPolicy())).toBe('ScalingPolicy(None group:None adjustment:None)');
    expect(JSON.parse(JSON.stringify(p))).toEqual({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180, alarms: [] });
  });
});

describe('createScalingPolicy', () => {
  test('sends the tutorial policy, binds it and sets its ARN and alarms', async () => {
    const { wire, conn } = asOnWire();
    const p = new ScalingPolicy({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180 });
    reply(wire, 'PutScalingPolicy', `<PolicyARN>${ARN_UP}</PolicyARN><Alarms/>`);
    const req = await conn.createScalingPolicy(p);
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AdjustmentType: 'ChangeInCapacity', AutoScalingGroupName: 'my_group', PolicyName: 'scale_up', ScalingAdjustment: '1', Cooldown: '180',
    }));
    expect(req).toBeInstanceOf(Request);
    expect(req.requestId).toBe('req-0001');
    expect(p.connection).toBe(conn);
    expect(p.policyArn).toBe(ARN_UP);
    expect(p.alarms).toEqual([]);

    reply(wire, 'DeletePolicy');
    const del = await p.delete();
    expect(del.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('DeletePolicy', { PolicyName: 'scale_up', AutoScalingGroupName: 'my_group' }));
  });

  test('sends a negative adjustment and minAdjustmentStep with PercentChangeInCapacity; no cooldown when unset', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScalingPolicy', `<PolicyARN>arn:p</PolicyARN>`);
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'shrink', adjustmentType: 'PercentChangeInCapacity', asName: 'g', scalingAdjustment: -20, minAdjustmentStep: 2 }));
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AdjustmentType: 'PercentChangeInCapacity', AutoScalingGroupName: 'g', PolicyName: 'shrink', ScalingAdjustment: '-20', MinAdjustmentStep: '2',
    }));
    reply(wire, 'PutScalingPolicy', `<PolicyARN>arn:q</PolicyARN>`);
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'exact', adjustmentType: 'ExactCapacity', asName: 'g', scalingAdjustment: 0, cooldown: 0 }));
    expect(wire.last.params).toEqual(sent('PutScalingPolicy', {
      AdjustmentType: 'ExactCapacity', AutoScalingGroupName: 'g', PolicyName: 'exact', ScalingAdjustment: '0', Cooldown: '0',
    }));
  });

  describe('validation', () => {
    const base = { name: 'p', adjustmentType: 'ChangeInCapacity', asName: 'g', scalingAdjustment: 1 };
    const cases: [string, Partial<ConstructorParameters<typeof ScalingPolicy>[0]>, string][] = [
      ['name required', { name: undefined }, 'name is required'],
      ['name length', { name: 'p'.repeat(256) }, 'name must be 1 to 255 characters long, got 256'],
      ['group required', { asName: '' }, 'asName is required'],
      ['group length', { asName: 'g'.repeat(256) }, 'asName must be 1 to 255 characters long, got 256'],
      ['adjustment type required', { adjustmentType: undefined }, 'adjustmentType is required'],
      ['adjustment type allowed', { adjustmentType: 'Percent' }, 'adjustmentType must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity; got "Percent"'],
      ['adjustment required', { scalingAdjustment: undefined }, 'scalingAdjustment is required'],
      ['adjustment integer', { scalingAdjustment: 1.5 }, 'scalingAdjustment must be an integer, got 1.5'],
      ['negative cooldown', { cooldown: -1 }, 'cooldown must be a non-negative integer, got -1'],
      ['fractional cooldown', { cooldown: 2.5 }, 'cooldown must be a non-negative integer, got 2.5'],
      ['min step needs percent', { minAdjustmentStep: 2 }, 'minAdjustmentStep is allowed only with adjustmentType PercentChangeInCapacity, got adjustmentType "ChangeInCapacity"'],
      ['min step positive', { adjustmentType: 'PercentChangeInCapacity', minAdjustmentStep: 0 }, 'minAdjustmentStep must be a positive integer, got 0'],
    ];
    test.each(cases)('%s', async (_label, change, message) => {
      const { wire, conn } = asOnWire();
      const p = new ScalingPolicy({ ...base, ...change });
      await expect(conn.createScalingPolicy(p)).rejects.toThrow(new BotoClientError(message));
      expect(wire.requests).toHaveLength(0);
      expect(p.connection).toBeUndefined();
    });
  });
});

describe('getAllPolicies', () => {
  test('the tutorial refresh: by group and names; parses every attribute and the ARN', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribePolicies', POLICIES);
    const page = await conn.getAllPolicies({ asGroup: 'my_group', policyNames: ['scale_up', 'grow'], maxRecords: 20, nextToken: 'tok-p1' });
    expect(wire.last.params).toEqual(sent('DescribePolicies', {
      AutoScalingGroupName: 'my_group', 'PolicyNames.member.1': 'scale_up', 'PolicyNames.member.2': 'grow', MaxRecords: '20', NextToken: 'tok-p1',
    }));
    expect(page.nextToken).toBe('tok-p2');
    expect(inspect(page)).toBe('[\n  ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity),\n  ScalingPolicy(grow group:my_group adjustment:PercentChangeInCapacity)\n]');
    const [up, grow] = page as unknown as [ScalingPolicy, ScalingPolicy];
    expect(up).toMatchObject({ name: 'scale_up', adjustmentType: 'ChangeInCapacity', asName: 'my_group', scalingAdjustment: 1, cooldown: 180,
      minAdjustmentStep: undefined, policyArn: ARN_UP });
    expect(up.alarms).toHaveLength(1);
    expect(up.alarms[0]).toBeInstanceOf(Alarm);
    expect(up.alarms[0]).toMatchObject({ name: 'scale_up_on_cpu', alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:scale_up_on_cpu' });
    expect(String(up.alarms[0])).toBe('Alarm:scale_up_on_cpu');
    expect(inspect(up.alarms)).toBe('[ Alarm:scale_up_on_cpu ]');
    expect(up.connection).toBe(conn);
    expect(grow).toMatchObject({ name: 'grow', adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 10, cooldown: undefined, minAdjustmentStep: 2, alarms: [] });
  });

  test('a group object works as asGroup; no options sends only the action', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribePolicies', '<ScalingPolicies/>');
    await conn.getAllPolicies({ asGroup: new AutoScalingGroup({ name: 'g' }) });
    expect(wire.last.params).toEqual(sent('DescribePolicies', { AutoScalingGroupName: 'g' }));
    reply(wire, 'DescribePolicies', '<ScalingPolicies/>');
    await conn.getAllPolicies();
    expect(wire.last.params).toEqual(sent('DescribePolicies'));
  });

  test('for await walks every page', async () => {
    const { wire, conn } = asOnWire();
    const one = (name: string, token?: string): string =>
      `<ScalingPolicies><member><PolicyName>${name}</PolicyName><AutoScalingGroupName>g</AutoScalingGroupName><AdjustmentType>ExactCapacity</AdjustmentType><ScalingAdjustment>2</ScalingAdjustment></member></ScalingPolicies>${token ? `<NextToken>${token}</NextToken>` : ''}`;
    reply(wire, 'DescribePolicies', one('a', 'n1'));
    reply(wire, 'DescribePolicies', one('b'));
    const names: string[] = [];
    for await (const p of conn.getAllPolicies({ asGroup: 'g' })) names.push(String(p));
    expect(names).toEqual(['ScalingPolicy(a group:g adjustment:ExactCapacity)', 'ScalingPolicy(b group:g adjustment:ExactCapacity)']);
    expect(wire.requests.map((r) => r.params.NextToken)).toEqual([undefined, 'n1']);
  });

  test('validation: maxRecords 1 to 100, at most 50 policy names', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllPolicies({ maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    await expect(conn.getAllPolicies({ maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'));
    await expect(conn.getAllPolicies({ policyNames: Array(51).fill('p') })).rejects.toThrow(new BotoClientError('policyNames may list at most 50 items, got 51'));
    await expect(conn.getAllPolicies({ asGroup: '' })).rejects.toThrow(new BotoClientError('asGroup is required'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('deletePolicy, executePolicy, getAllAdjustmentTypes', () => {
  test('deletePolicy by name alone (an ARN) or with its group', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DeletePolicy');
    await conn.deletePolicy(ARN_UP);
    expect(wire.last.params).toEqual(sent('DeletePolicy', { PolicyName: ARN_UP }));
    reply(wire, 'DeletePolicy');
    await conn.deletePolicy('scale_up', { autoscaleGroup: new AutoScalingGroup({ name: 'my_group' }) });
    expect(wire.last.params).toEqual(sent('DeletePolicy', { PolicyName: 'scale_up', AutoScalingGroupName: 'my_group' }));
    await expect(conn.deletePolicy('')).rejects.toThrow(new BotoClientError('policyName is required'));
    await expect(conn.deletePolicy('p'.repeat(1601))).rejects.toThrow(new BotoClientError('policyName must be 1 to 1600 characters long, got 1601'));
    // API Reference, DeletePolicy: PolicyName is the name or ARN; a name is unique only within its group.
    await expect(conn.deletePolicy('scale_up')).rejects.toThrow(
      new BotoClientError('policyName "scale_up" is a name, not an ARN: give autoscaleGroup too (a policy\'s name is unique only within its group)'),
    );
    await expect(new ScalingPolicy({ name: 'x' }).delete()).rejects.toThrow(/ScalingPolicy\(x group:None adjustment:None\) has no connection/);
    expect(wire.requests).toHaveLength(2);
  });

  test('executePolicy with and without its options', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'ExecutePolicy');
    // As boto2's execute_policy: True, not a Request.
    expect(await conn.executePolicy('scale_up', { asGroup: 'my_group', honorCooldown: true })).toBe(true);
    expect(wire.last.params).toEqual(sent('ExecutePolicy', { PolicyName: 'scale_up', AutoScalingGroupName: 'my_group', HonorCooldown: 'true' }));
    reply(wire, 'ExecutePolicy');
    await conn.executePolicy(ARN_UP);
    expect(wire.last.params).toEqual(sent('ExecutePolicy', { PolicyName: ARN_UP }));
    await expect(conn.executePolicy('')).rejects.toThrow(new BotoClientError('policyName is required'));
    // API Reference, ExecutePolicy: PolicyName is the name or ARN; a name is unique only within its group.
    await expect(conn.executePolicy('scale_up')).rejects.toThrow(
      new BotoClientError('policyName "scale_up" is a name, not an ARN: give asGroup too (a policy\'s name is unique only within its group)'),
    );
    expect(wire.requests).toHaveLength(2);
  });

  test('getAllAdjustmentTypes parses the three types', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAdjustmentTypes', `<AdjustmentTypes>
      <member><AdjustmentType>ChangeInCapacity</AdjustmentType></member>
      <member><AdjustmentType>ExactCapacity</AdjustmentType></member>
      <member><AdjustmentType>PercentChangeInCapacity</AdjustmentType></member>
    </AdjustmentTypes>`);
    const types = await conn.getAllAdjustmentTypes();
    expect(wire.last.params).toEqual(sent('DescribeAdjustmentTypes'));
    expect(types.isTruncated).toBe(false);
    expect(types.every((t) => t instanceof AdjustmentType && t.connection === conn)).toBe(true);
    expect(types.map((t) => t.adjustmentType)).toEqual(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']);
    expect(inspect(types)).toBe('[\n  AdjustmentType:ChangeInCapacity,\n  AdjustmentType:ExactCapacity,\n  AdjustmentType:PercentChangeInCapacity\n]');
    expect(String(new AdjustmentType())).toBe('AdjustmentType:None');
  });
});

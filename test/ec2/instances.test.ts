import { BotoClientError, BotoServerError, PagedRequest } from '../../src/core';
import { Group, Instance, Reservation } from '../../src/ec2';
import { ec2OnWire, instanceXml, replyEc2, replyEc2Error, reservationsBody, reservationXml, sent } from '../helpers/ec2';

describe('EC2Connection.getAllReservations', () => {
  test('sends the instance ids and boto2 filters dict as EC2 query parameters', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1a2b3c4d', [instanceXml()])]));
    const page = await conn.getAllReservations(['i-1234567890abcdef0', 'i-0598c7d356eba48d7'], {
      filters: { 'instance-state-name': 'running', 'tag:Name': ['web-1', 'web-2'] },
    });
    expect(wire.last.params).toEqual(sent('DescribeInstances', {
      'InstanceId.1': 'i-1234567890abcdef0',
      'InstanceId.2': 'i-0598c7d356eba48d7',
      'Filter.1.Name': 'instance-state-name',
      'Filter.1.Value.1': 'running',
      'Filter.2.Name': 'tag:Name',
      'Filter.2.Value.1': 'web-1',
      'Filter.2.Value.2': 'web-2',
    }));
    expect(wire.last.method).toBe('POST');
    expect(page).toHaveLength(1);
    expect(page.nextToken).toBeUndefined();
    expect(page.isTruncated).toBe(false);
  });

  test('parses every attribute of the reservation and its instance', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1a2b3c4d', [instanceXml()])]));
    const [r] = await conn.getAllReservations();
    expect(wire.last.params).toEqual(sent('DescribeInstances'));
    expect(r).toBeInstanceOf(Reservation);
    expect(String(r)).toBe('Reservation:r-1a2b3c4d');
    expect(r.id).toBe('r-1a2b3c4d');
    expect(r.ownerId).toBe('123456789012');
    expect(r.groups).toEqual([]);
    expect(r.connection).toBe(conn);
    expect(r.instances).toHaveLength(1);
    const i = r.instances[0];
    expect(i).toBeInstanceOf(Instance);
    expect(i.connection).toBe(conn);
    expect(String(i)).toBe('Instance:i-1234567890abcdef0');
    expect({ ...i }).toEqual({
      id: 'i-1234567890abcdef0',
      state: 'running',
      stateCode: 16,
      instanceType: 't2.micro',
      imageId: 'ami-bff32ccc',
      placement: 'eu-west-1c',
      privateIpAddress: '192.168.1.88',
      ipAddress: '54.194.252.215',
      publicDnsName: 'ec2-54-194-252-215.eu-west-1.compute.amazonaws.com',
      privateDnsName: 'ip-192-168-1-88.eu-west-1.compute.internal',
      launchTime: new Date('2015-12-22T10:44:05.000Z'),
      keyName: 'my_keypair',
      tags: { Name: 'web-1', 'aws:autoscaling:groupName': 'my_group' },
      groups: [new Group({ id: 'sg-e4076980', name: 'SecurityGroup1' })],
      vpcId: 'vpc-11112222',
      subnetId: 'subnet-56f5f633',
    });
    expect(i.launchTime).toBeInstanceOf(Date);
    expect(String(i.groups[0])).toBe('Group:sg-e4076980');
  });

  test('boto2 turns _ into - in filter names except tag: names; numbers are sent as text', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([]));
    const page = await conn.getAllReservations(undefined, {
      filters: { instance_state_code: 16, 'tag:my_tag': 'x_y', 'availability-zone': ['us-east-1a'] },
    });
    expect(wire.last.params).toEqual(sent('DescribeInstances', {
      'Filter.1.Name': 'instance-state-code',
      'Filter.1.Value.1': '16',
      'Filter.2.Name': 'tag:my_tag',
      'Filter.2.Value.1': 'x_y',
      'Filter.3.Name': 'availability-zone',
      'Filter.3.Value.1': 'us-east-1a',
    }));
    expect([...page]).toEqual([]);
  });

  test('getAllInstances is boto2\'s alias giving reservations', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml()]), reservationXml('r-2', [])]));
    const page = await conn.getAllInstances('i-1234567890abcdef0');
    expect(wire.last.params).toEqual(sent('DescribeInstances', { 'InstanceId.1': 'i-1234567890abcdef0' }));
    expect(page.map(String)).toEqual(['Reservation:r-1', 'Reservation:r-2']);
  });

  test('maxResults and nextToken page through the reservations', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-3', [instanceXml({ id: 'i-3' })])], 'token-3'));
    const page = await conn.getAllReservations(undefined, { maxResults: 5, nextToken: 'token-2' });
    expect(wire.last.params).toEqual(sent('DescribeInstances', { MaxResults: '5', NextToken: 'token-2' }));
    expect(page.nextToken).toBe('token-3');
    expect(page.isTruncated).toBe(true);
  });

  test('a reservation answer without instances or groups gives empty lists', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', '<reservationSet><item><reservationId>r-9</reservationId></item></reservationSet>');
    const [r] = await conn.getAllReservations();
    expect({ ...r }).toEqual({ id: 'r-9', ownerId: undefined, groups: [], instances: [] });
  });
});

describe('EC2Connection.getOnlyInstances', () => {
  test('the tutorial step: the instances of a group, by their ids', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([
      reservationXml('r-1', [instanceXml({ id: 'i-0598c7d356eba48d7' })]),
      reservationXml('r-2', [instanceXml({ id: 'i-0b1d2c3e4f5a6b7c8', state: [0, 'pending'], zone: 'eu-west-1a' })]),
    ]));
    const instances = await conn.getOnlyInstances(['i-0598c7d356eba48d7', 'i-0b1d2c3e4f5a6b7c8']);
    expect(wire.last.params).toEqual(sent('DescribeInstances', {
      'InstanceId.1': 'i-0598c7d356eba48d7',
      'InstanceId.2': 'i-0b1d2c3e4f5a6b7c8',
    }));
    expect(instances.map(String)).toEqual(['Instance:i-0598c7d356eba48d7', 'Instance:i-0b1d2c3e4f5a6b7c8']);
    expect(instances.map((i) => [i.state, i.stateCode, i.placement])).toEqual([['running', 16, 'eu-west-1c'], ['pending', 0, 'eu-west-1a']]);
    expect(instances.every((i) => i.connection === conn)).toBe(true);
  });

  test('with filters, maxResults and nextToken; the page carries EC2\'s nextToken', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml({ id: 'i-1' }), instanceXml({ id: 'i-2' })])], 'next-1'));
    const page = await conn.getOnlyInstances(undefined, { filters: { 'tag:aws:autoscaling:groupName': 'my_group' }, maxResults: 10, nextToken: 'start' });
    expect(wire.last.params).toEqual(sent('DescribeInstances', {
      'Filter.1.Name': 'tag:aws:autoscaling:groupName',
      'Filter.1.Value.1': 'my_group',
      MaxResults: '10',
      NextToken: 'start',
    }));
    expect(page.map(String)).toEqual(['Instance:i-1', 'Instance:i-2']);
    expect(page.nextToken).toBe('next-1');
  });

  test('for await follows nextToken across pages, as boto2\'s get_only_instances collects them', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml({ id: 'i-1' })])], 't1'));
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-2', [instanceXml({ id: 'i-2' }), instanceXml({ id: 'i-3' })])], 't2'));
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-3', [])]));
    const request = conn.getOnlyInstances(undefined, { maxResults: 5 });
    expect(request).toBeInstanceOf(PagedRequest);
    expect(wire.requests).toHaveLength(0);
    const ids: string[] = [];
    for await (const i of request) ids.push(i.id ?? '');
    expect(ids).toEqual(['i-1', 'i-2', 'i-3']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeInstances', { MaxResults: '5' }),
      sent('DescribeInstances', { MaxResults: '5', NextToken: 't1' }),
      sent('DescribeInstances', { MaxResults: '5', NextToken: 't2' }),
    ]);
  });

  test('one id may be given as a string', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml()])]));
    const [i] = await conn.getOnlyInstances('i-1234567890abcdef0');
    expect(wire.last.params).toEqual(sent('DescribeInstances', { 'InstanceId.1': 'i-1234567890abcdef0' }));
    expect(i.id).toBe('i-1234567890abcdef0');
  });

  test('an empty list of ids (a group without instances) gives no instances and sends nothing', async () => {
    const { wire, conn } = ec2OnWire();
    const page = await conn.getOnlyInstances([]);
    expect([...page]).toEqual([]);
    expect(page.isTruncated).toBe(false);
    expect(await conn.getAllReservations([]).all()).toEqual([]);
    expect(wire.requests).toHaveLength(0);
  });

  test('InvalidInstanceID.NotFound becomes a BotoServerError with every field', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2Error(wire, 400, 'InvalidInstanceID.NotFound', "The instance ID 'i-1a2b3c4d' does not exist");
    const err = await conn.getOnlyInstances(['i-1a2b3c4d']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    const e = err as BotoServerError;
    expect({ name: e.name, status: e.status, reason: e.reason, errorCode: e.errorCode, message: e.message, requestId: e.requestId }).toEqual({
      name: 'BotoServerError',
      status: 400,
      reason: 'Bad Request',
      errorCode: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-1a2b3c4d' does not exist",
      requestId: 'ea966190-f9aa-478e-9ede-example',
    });
    expect(String(e)).toBe("BotoServerError: 400 Bad Request InvalidInstanceID.NotFound: The instance ID 'i-1a2b3c4d' does not exist");
    expect(wire.last.params).toEqual(sent('DescribeInstances', { 'InstanceId.1': 'i-1a2b3c4d' }));
  });

  test('an UnauthorizedOperation 403 becomes a BotoServerError', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2Error(wire, 403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.');
    await expect(conn.getAllReservations()).rejects.toMatchObject({
      name: 'BotoServerError', status: 403, reason: 'Forbidden', errorCode: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
    });
  });
});

describe('EC2 validation (nothing is sent)', () => {
  const cases: [string, (c: ReturnType<typeof ec2OnWire>['conn']) => PromiseLike<unknown>, string][] = [
    ['maxResults below 5', (c) => c.getAllReservations(undefined, { maxResults: 4 }), 'maxResults must be an integer from 5 to 1000, got 4'],
    ['maxResults above 1000', (c) => c.getOnlyInstances(undefined, { maxResults: 1001 }), 'maxResults must be an integer from 5 to 1000, got 1001'],
    ['maxResults not an integer', (c) => c.getAllInstances(undefined, { maxResults: 7.5 }), 'maxResults must be an integer from 5 to 1000, got 7.5'],
    ['maxResults with instance ids', (c) => c.getOnlyInstances(['i-1'], { maxResults: 5 }), 'maxResults and instanceIds cannot be given together'],
    ['an empty filter value list', (c) => c.getAllReservations(undefined, { filters: { 'instance-state-name': [] } }), 'filters["instance-state-name"] must list at least one item'],
    ['a filter value that is not text', (c) => c.getOnlyInstances(undefined, { filters: { 'instance-state-name': [null as unknown as string] } }),
      'filters["instance-state-name"] must be a string or a number, got null'],
    ['a filter value that is an object', (c) => c.getAllZones(undefined, { state: {} as unknown as string }), 'filters["state"] must be a string or a number, got an object'],
    ['filters given as a list', (c) => c.getAllRegions(undefined, [['region-name', 'x']] as unknown as Record<string, string>),
      'filters must be an object of filter name → value or list of values'],
  ];
  test.each(cases)('%s', async (_name, call, message) => {
    const { wire, conn } = ec2OnWire();
    const err = await Promise.resolve(call(conn)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoClientError);
    expect((err as Error).message).toBe(message);
    expect(wire.requests).toHaveLength(0);
  });

  test('a validation failure rejects; the call never throws synchronously', () => {
    const { conn } = ec2OnWire();
    let request: PagedRequest<Instance> | undefined;
    expect(() => { request = conn.getOnlyInstances(undefined, { maxResults: 1 }); }).not.toThrow();
    return expect(request).rejects.toBeInstanceOf(BotoClientError);
  });
});

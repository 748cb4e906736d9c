import { inspect } from 'node:util';
import { BotoClientError, RegionInfo } from '../../src/core';
import * as ec2 from '../../src/ec2';
import { EC2_SPEC, EC2Connection, Group, Instance, Reservation, Zone } from '../../src/ec2';
import { ACCESS_KEY, ec2OnWire, instanceXml, replyEc2, reservationsBody, reservationXml, SECRET_KEY } from '../helpers/ec2';
import { WireMock } from '../helpers/wire';

describe('EC2 connection and module', () => {
  test('the service spec', () => {
    expect({ ...EC2_SPEC, createClient: typeof EC2_SPEC.createClient, endpointRuleset: typeof EC2_SPEC.endpointRuleset }).toEqual({
      name: 'ec2', endpointPrefix: 'ec2', envEndpointName: 'EC2', botoRegionKey: 'ec2_region_name', botoEndpointKey: 'ec2_region_endpoint',
      createClient: 'function', endpointRuleset: 'function',
    });
  });

  test('prints as boto2 and defaults to us-east-1', () => {
    const conn = new EC2Connection(ACCESS_KEY, SECRET_KEY, { env: {} });
    expect(String(conn)).toBe('EC2Connection:ec2.us-east-1.amazonaws.com');
    expect(inspect(conn)).toBe('EC2Connection:ec2.us-east-1.amazonaws.com');
    expect(conn.endpoint).toBe('https://ec2.us-east-1.amazonaws.com');
    expect(conn.awsAccessKeyId).toBe(ACCESS_KEY);
  });

  test('accepts (options) alone', () => {
    const conn = new EC2Connection({ region: 'ap-southeast-2', env: {} });
    expect(conn.host).toBe('ec2.ap-southeast-2.amazonaws.com');
  });

  test('regions() lists RegionInfo objects for ec2 endpoints', () => {
    const all = ec2.regions();
    expect(all.length).toBeGreaterThan(20);
    const euw1 = all.find((r) => r.name === 'eu-west-1');
    expect(euw1).toBeInstanceOf(RegionInfo);
    expect(String(euw1)).toBe('RegionInfo:eu-west-1');
    expect(euw1?.endpoint).toBe('ec2.eu-west-1.amazonaws.com');
    const conn = euw1?.connect({ env: {} });
    expect(conn).toBeInstanceOf(EC2Connection);
    expect(String(conn)).toBe('EC2Connection:ec2.eu-west-1.amazonaws.com');
  });

  test('connectToRegion as in the tutorial, and a wire call through it', async () => {
    const wire = new WireMock();
    const conn = ec2.connectToRegion('us-west-2', { credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY }, requestHandler: wire.handler, env: {} });
    expect(String(conn)).toBe('EC2Connection:ec2.us-west-2.amazonaws.com');
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1', [instanceXml()])]));
    const instances = await conn.getOnlyInstances(['i-1234567890abcdef0']);
    expect(instances.map(String)).toEqual(['Instance:i-1234567890abcdef0']);
    expect(wire.last.headers.host).toBe('ec2.us-west-2.amazonaws.com');
    expect(wire.last.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/ec2\/aws4_request/);
  });

  test('connectToRegion with an unknown name lists the known ones', () => {
    expect(() => ec2.connectToRegion('us-nowhere-1')).toThrow(BotoClientError);
    expect(() => ec2.connectToRegion('us-nowhere-1')).toThrow(/^unknown region "us-nowhere-1"; known regions: af-south-1, ap-east-1, .*, us-east-1, .*, eusc-de-east-1, .*us-gov-west-1$/);
  });

  test('boto config ec2_region_name and ec2_region_endpoint are honoured', () => {
    const { BotoConfig } = jest.requireActual<typeof import('../../src/core')>('../../src/core');
    const botoConfig = new BotoConfig({ Boto: { ec2_region_name: 'eu-central-1', ec2_region_endpoint: 'ec2.eu-central-1.amazonaws.com' } });
    const conn = new EC2Connection(ACCESS_KEY, SECRET_KEY, { botoConfig, env: {} });
    expect(String(conn)).toBe('EC2Connection:ec2.eu-central-1.amazonaws.com');
    expect(conn.provenance.region).toBe('boto config');
  });

  test('AWS_ENDPOINT_URL_EC2 is honoured', async () => {
    const wire = new WireMock();
    const conn = new EC2Connection(ACCESS_KEY, SECRET_KEY, { requestHandler: wire.handler, env: { AWS_ENDPOINT_URL_EC2: 'http://localhost:4566' } });
    replyEc2(wire, 'DescribeInstances', reservationsBody([]));
    await conn.getAllReservations();
    expect(wire.last.headers.host).toBe('localhost:4566');
    expect(String(conn)).toBe('EC2Connection:localhost:4566');
  });
});

describe('EC2 objects print as boto2 and keep secrets and connections out', () => {
  test('String, util.inspect, JSON and inside a ResultSet', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeInstances', reservationsBody([reservationXml('r-1a2b3c4d', [instanceXml()])]));
    const page = await conn.getAllReservations();
    const r = page[0];
    const i = r.instances[0];
    expect(inspect(page)).toBe('[ Reservation:r-1a2b3c4d ]');
    expect(inspect(r.instances)).toBe('[ Instance:i-1234567890abcdef0 ]');
    expect(inspect(i, { showHidden: true, depth: 10 })).toBe('Instance:i-1234567890abcdef0');
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['id', 'ownerId', 'groups', 'instances']);
    expect(JSON.stringify(i)).not.toContain('connection');
    expect(JSON.stringify(i)).toContain('"launchTime":"2015-12-22T10:44:05.000Z"');
    for (const text of [inspect(page, { showHidden: true, depth: 10 }), JSON.stringify(page), String(r), inspect(conn, { showHidden: true, depth: 10 }), JSON.stringify(conn)]) {
      expect(text).not.toContain(SECRET_KEY);
    }
  });

  test('objects built by hand print None for a missing id, as boto2', () => {
    expect(String(new Instance())).toBe('Instance:None');
    expect(String(new Reservation())).toBe('Reservation:None');
    expect(String(new Zone())).toBe('Zone:None');
    expect(String(new Group())).toBe('Group:None');
    expect(String(new Group({ name: 'default' }))).toBe('Group:default');
    expect(inspect(new Zone({ name: 'us-east-1a' }))).toBe('Zone:us-east-1a');
    const i = new Instance({ id: 'i-1', tags: { Name: 'x' } });
    expect([i.connection, i.tags, i.groups, i.state]).toEqual([undefined, { Name: 'x' }, [], undefined]);
  });
});

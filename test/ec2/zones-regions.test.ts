import { inspect } from 'node:util';
import { RegionInfo } from '../../src/core';
import { EC2Connection, Zone } from '../../src/ec2';
import { ec2OnWire, replyEc2, replyEc2Error, sent } from '../helpers/ec2';
import { WireMock } from '../helpers/wire';

const ZONES = `<availabilityZoneInfo>
    <item>
      <zoneName>us-east-1a</zoneName>
      <zoneState>available</zoneState>
      <regionName>us-east-1</regionName>
      <messageSet/>
      <zoneId>use1-az1</zoneId>
    </item>
    <item>
      <zoneName>us-east-1b</zoneName>
      <zoneState>impaired</zoneState>
      <regionName>us-east-1</regionName>
      <messageSet><item><message>Elevated API error rates</message></item><item><message>Launches delayed</message></item></messageSet>
      <zoneId>use1-az2</zoneId>
    </item>
  </availabilityZoneInfo>`;

const REGIONS = `<regionInfo>
    <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
    <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
  </regionInfo>`;

describe('EC2Connection.getAllZones', () => {
  test('every zone of the region, parsed into Zone objects', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeAvailabilityZones', ZONES);
    const zones = await conn.getAllZones();
    expect(wire.last.params).toEqual(sent('DescribeAvailabilityZones'));
    expect(zones.map(String)).toEqual(['Zone:us-east-1a', 'Zone:us-east-1b']);
    expect(zones[0]).toBeInstanceOf(Zone);
    expect({ ...zones[0] }).toEqual({ name: 'us-east-1a', state: 'available', regionName: 'us-east-1', messages: [] });
    expect({ ...zones[1] }).toEqual({ name: 'us-east-1b', state: 'impaired', regionName: 'us-east-1', messages: ['Elevated API error rates', 'Launches delayed'] });
    expect(zones[1].connection).toBe(conn);
    expect(zones.isTruncated).toBe(false);
  });

  test('zone names and boto2 filters are sent as ZoneName.N and Filter.N', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeAvailabilityZones', ZONES);
    await conn.getAllZones(['us-east-1a', 'us-east-1b'], { state: 'available', region_name: ['us-east-1', 'us-east-2'] });
    expect(wire.last.params).toEqual(sent('DescribeAvailabilityZones', {
      'ZoneName.1': 'us-east-1a',
      'ZoneName.2': 'us-east-1b',
      'Filter.1.Name': 'state',
      'Filter.1.Value.1': 'available',
      'Filter.2.Name': 'region-name',
      'Filter.2.Value.1': 'us-east-1',
      'Filter.2.Value.2': 'us-east-2',
    }));
  });

  test('one zone name as a string; an empty list asks for every zone, as boto2', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeAvailabilityZones', ZONES);
    replyEc2(wire, 'DescribeAvailabilityZones', ZONES);
    await conn.getAllZones('us-east-1a');
    await conn.getAllZones([]);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeAvailabilityZones', { 'ZoneName.1': 'us-east-1a' }),
      sent('DescribeAvailabilityZones'),
    ]);
  });

  test('an unknown zone is a BotoServerError', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2Error(wire, 400, 'InvalidParameterValue', 'Invalid availability zone: [us-east-1z]');
    await expect(conn.getAllZones(['us-east-1z'])).rejects.toMatchObject({
      name: 'BotoServerError', status: 400, errorCode: 'InvalidParameterValue', message: 'Invalid availability zone: [us-east-1z]',
    });
  });

  test('a signal aborts the call', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeAvailabilityZones', ZONES);
    const controller = new AbortController();
    controller.abort();
    await expect(conn.getAllZones(undefined, undefined, { signal: controller.signal })).rejects.toMatchObject({
      name: 'BotoClientError', message: 'request aborted before it was sent: This operation was aborted',
    });
    expect(wire.requests).toHaveLength(0);
  });
});

describe('EC2Connection.getAllRegions', () => {
  test('regions are RegionInfo objects that connect to EC2 there', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeRegions', REGIONS);
    const regions = await conn.getAllRegions();
    expect(wire.last.params).toEqual(sent('DescribeRegions'));
    expect(regions.map(String)).toEqual(['RegionInfo:us-east-1', 'RegionInfo:eu-west-1']);
    expect(regions[1]).toBeInstanceOf(RegionInfo);
    expect([regions[1].name, regions[1].endpoint]).toEqual(['eu-west-1', 'ec2.eu-west-1.amazonaws.com']);
    expect(inspect(regions)).toBe('[ RegionInfo:us-east-1, RegionInfo:eu-west-1 ]');

    const other = new WireMock();
    const eu = regions[1].connect({ credentials: { accessKeyId: 'AKIDEU', secretAccessKey: 'secret-eu' }, requestHandler: other.handler, maxAttempts: 1 });
    expect(eu).toBeInstanceOf(EC2Connection);
    expect(String(eu)).toBe('EC2Connection:ec2.eu-west-1.amazonaws.com');
    expect(eu.region.name).toBe('eu-west-1');
    replyEc2(other, 'DescribeRegions', REGIONS);
    await eu.getAllRegions(['eu-west-1']);
    expect(other.last.headers.host).toBe('ec2.eu-west-1.amazonaws.com');
    expect(other.last.headers.authorization).toContain('Credential=AKIDEU/');
    expect(other.last.headers.authorization).toContain('/eu-west-1/ec2/aws4_request');
  });

  test('region names and filters are sent as RegionName.N and Filter.N', async () => {
    const { wire, conn } = ec2OnWire();
    replyEc2(wire, 'DescribeRegions', REGIONS);
    await conn.getAllRegions(['us-east-1', 'eu-west-1'], { endpoint: '*amazonaws.com' });
    expect(wire.last.params).toEqual(sent('DescribeRegions', {
      'RegionName.1': 'us-east-1',
      'RegionName.2': 'eu-west-1',
      'Filter.1.Name': 'endpoint',
      'Filter.1.Value.1': '*amazonaws.com',
    }));
  });
});

/**
 * EC2 test helpers: a connection on a WireMock, EC2-shaped response documents (EC2's
 * query protocol answers without a Result wrapper and with lower-camel element names),
 * and EC2's error document.
 */
import { EC2Connection } from '../../src/ec2';
import { NS, WireMock } from './wire';

/** The access key every EC2 test connection signs with. */
export const ACCESS_KEY = 'AKIDEXAMPLE';
/** A secret distinctive enough to search for in anything printed. */
export const SECRET_KEY = 'ec2SECRETwJalrXUtnFEMI/K7MDENG+bPxRfiCY';

/** An EC2 connection whose requests go to a fresh WireMock. */
export function ec2OnWire(maxAttempts = 1): { wire: WireMock; conn: EC2Connection } {
  const wire = new WireMock();
  const conn = new EC2Connection(ACCESS_KEY, SECRET_KEY, { region: 'us-east-1', requestHandler: wire.handler, maxAttempts });
  return { wire, conn };
}

/** Queues an EC2 answer `<ActionResponse xmlns=…><requestId/>inner</ActionResponse>`. */
export function replyEc2(wire: WireMock, action: string, innerXml: string): void {
  wire.reply(`<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="${NS.ec2}">
  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
  ${innerXml}
</${action}Response>`);
}

/** Queues EC2's error document (`<Response><Errors><Error>…`). */
export function replyEc2Error(wire: WireMock, status: number, code: string, message: string): void {
  wire.reply(
    `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`,
    status,
    { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'ea966190-f9aa-478e-9ede-example' },
  );
}

/** The complete parameter map of an EC2 request for `action`. */
export function sent(action: string, params: Record<string, string> = {}): Record<string, string> {
  return { Action: action, Version: '2016-11-15', ...params };
}

/** One instance `<item>` of DescribeInstances, shaped like the API Reference's example. */
export function instanceXml(o: { id?: string; state?: [number, string]; tags?: [string, string][]; zone?: string } = {}): string {
  const [code, name] = o.state ?? [16, 'running'];
  const tags = (o.tags ?? [['Name', 'web-1'], ['aws:autoscaling:groupName', 'my_group']])
    .map(([k, v]) => `<item><key>${k}</key><value>${v}</value></item>`).join('');
  return `<item>
        <instanceId>${o.id ?? 'i-1234567890abcdef0'}</instanceId>
        <imageId>ami-bff32ccc</imageId>
        <instanceState><code>${code}</code><name>${name}</name></instanceState>
        <privateDnsName>ip-192-168-1-88.eu-west-1.compute.internal</privateDnsName>
        <dnsName>ec2-54-194-252-215.eu-west-1.compute.amazonaws.com</dnsName>
        <reason/>
        <keyName>my_keypair</keyName>
        <amiLaunchIndex>0</amiLaunchIndex>
        <productCodes/>
        <instanceType>t2.micro</instanceType>
        <launchTime>2015-12-22T10:44:05.000Z</launchTime>
        <placement><availabilityZone>${o.zone ?? 'eu-west-1c'}</availabilityZone><groupName/><tenancy>default</tenancy></placement>
        <monitoring><state>disabled</state></monitoring>
        <subnetId>subnet-56f5f633</subnetId>
        <vpcId>vpc-11112222</vpcId>
        <privateIpAddress>192.168.1.88</privateIpAddress>
        <ipAddress>54.194.252.215</ipAddress>
        <sourceDestCheck>true</sourceDestCheck>
        <groupSet><item><groupId>sg-e4076980</groupId><groupName>SecurityGroup1</groupName></item></groupSet>
        <architecture>x86_64</architecture>
        <rootDeviceType>ebs</rootDeviceType>
        <rootDeviceName>/dev/xvda</rootDeviceName>
        <tagSet>${tags}</tagSet>
        <hypervisor>xen</hypervisor>
        <ebsOptimized>false</ebsOptimized>
      </item>`;
}

/** One reservation `<item>` holding `instances`. */
export function reservationXml(id: string, instances: string[]): string {
  return `<item>
      <reservationId>${id}</reservationId>
      <ownerId>123456789012</ownerId>
      <groupSet/>
      <instancesSet>${instances.join('')}</instancesSet>
    </item>`;
}

/** A DescribeInstances answer body with `reservations` and an optional nextToken. */
export function reservationsBody(reservations: string[], nextToken?: string): string {
  return `<reservationSet>${reservations.join('')}</reservationSet>${nextToken === undefined ? '' : `<nextToken>${nextToken}</nextToken>`}`;
}

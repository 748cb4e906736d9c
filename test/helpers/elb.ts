/**
 * Elastic Load Balancing test helpers: a connection on a WireMock (with a chosen number
 * of attempts), answers shaped like the AWS API Reference's examples, and the complete
 * parameter maps the SDK is expected to send.
 */
import { ELBConnection } from '../../src/elb';
import { NS, WireMock } from './wire';

/** The access key every ELB test connection signs with. */
export const ACCESS_KEY = 'AKIDEXAMPLE';
/** A secret distinctive enough to search for in anything printed. */
export const SECRET_KEY = 'elbSECRETwJalrXUtnFEMI/K7MDENG+bPxRfiCY';

/** An ELB connection whose requests go to a fresh WireMock. */
export function elbOnWire(maxAttempts = 1): { wire: WireMock; conn: ELBConnection } {
  const wire = new WireMock();
  const conn = new ELBConnection(ACCESS_KEY, SECRET_KEY, { region: 'us-east-1', requestHandler: wire.handler, maxAttempts, env: {} });
  return { wire, conn };
}

/** Queues an ELB answer for `action` with `resultXml` inside its Result element. */
export function reply(wire: WireMock, action: string, resultXml: string | null = null): void {
  wire.replyQuery(NS.elb, action, resultXml);
}

/** The complete parameter map of a request for `action`. */
export function sent(action: string, params: Record<string, string> = {}): Record<string, string> {
  return { Action: action, Version: '2012-06-01', ...params };
}

/** The certificate ARN the tests use for HTTPS and SSL listeners. */
export const CERT = 'arn:aws:iam::123456789012:server-certificate/my-server-cert';

/**
 * One `<member>` of DescribeLoadBalancers, shaped like the API Reference's example (a
 * load balancer in a VPC with HTTP and HTTPS listeners, stickiness and other policies,
 * a back-end policy and two instances).
 */
export function lbXml(o: { name?: string } = {}): string {
  const name = o.name ?? 'my-loadbalancer';
  return `<member>
    <SecurityGroups><member>sg-a61988c3</member></SecurityGroups>
    <LoadBalancerName>${name}</LoadBalancerName>
    <CreatedTime>2013-05-24T21:15:31.280Z</CreatedTime>
    <HealthCheck>
      <Interval>90</Interval>
      <Target>HTTP:80/</Target>
      <HealthyThreshold>2</HealthyThreshold>
      <Timeout>60</Timeout>
      <UnhealthyThreshold>10</UnhealthyThreshold>
    </HealthCheck>
    <VPCId>vpc-a01106c2</VPCId>
    <ListenerDescriptions>
      <member>
        <PolicyNames/>
        <Listener>
          <Protocol>HTTP</Protocol>
          <LoadBalancerPort>80</LoadBalancerPort>
          <InstanceProtocol>HTTP</InstanceProtocol>
          <InstancePort>80</InstancePort>
        </Listener>
      </member>
      <member>
        <PolicyNames><member>ELBSecurityPolicy-2015-05</member></PolicyNames>
        <Listener>
          <Protocol>HTTPS</Protocol>
          <LoadBalancerPort>443</LoadBalancerPort>
          <InstanceProtocol>HTTPS</InstanceProtocol>
          <InstancePort>443</InstancePort>
          <SSLCertificateId>${CERT}</SSLCertificateId>
        </Listener>
      </member>
    </ListenerDescriptions>
    <Instances>
      <member><InstanceId>i-207d9717</InstanceId></member>
      <member><InstanceId>i-afefb49b</InstanceId></member>
    </Instances>
    <Policies>
      <AppCookieStickinessPolicies>
        <member><PolicyName>my-app-cookie-policy</PolicyName><CookieName>my-app-cookie</CookieName></member>
      </AppCookieStickinessPolicies>
      <LBCookieStickinessPolicies>
        <member><PolicyName>my-duration-cookie-policy</PolicyName><CookieExpirationPeriod>60</CookieExpirationPeriod></member>
      </LBCookieStickinessPolicies>
      <OtherPolicies>
        <member>my-ProxyProtocol-policy</member>
        <member>ELBSecurityPolicy-2015-05</member>
      </OtherPolicies>
    </Policies>
    <AvailabilityZones><member>us-east-1a</member></AvailabilityZones>
    <CanonicalHostedZoneName>${name}-1234567890.us-east-1.elb.amazonaws.com</CanonicalHostedZoneName>
    <CanonicalHostedZoneNameID>Z3DZXE0EXAMPLE</CanonicalHostedZoneNameID>
    <Scheme>internet-facing</Scheme>
    <SourceSecurityGroup><OwnerAlias>123456789012</OwnerAlias><GroupName>my-elb-sg</GroupName></SourceSecurityGroup>
    <DNSName>${name}-1234567890.us-east-1.elb.amazonaws.com</DNSName>
    <BackendServerDescriptions>
      <member><InstancePort>443</InstancePort><PolicyNames><member>my-ProxyProtocol-policy</member></PolicyNames></member>
    </BackendServerDescriptions>
    <Subnets><member>subnet-15aaab61</member></Subnets>
  </member>`;
}

/** A minimal `<member>` of DescribeLoadBalancers: a load balancer in EC2-Classic with one TCP listener. */
export function smallLbXml(name: string): string {
  return `<member>
    <LoadBalancerName>${name}</LoadBalancerName>
    <DNSName>${name}-1.us-east-1.elb.amazonaws.com</DNSName>
    <ListenerDescriptions><member><PolicyNames/><Listener><Protocol>TCP</Protocol><LoadBalancerPort>80</LoadBalancerPort><InstanceProtocol>TCP</InstanceProtocol><InstancePort>80</InstancePort></Listener></member></ListenerDescriptions>
    <AvailabilityZones><member>us-east-1a</member></AvailabilityZones>
    <Instances/>
    <CreatedTime>2013-05-24T21:15:31.280Z</CreatedTime>
  </member>`;
}

/** A DescribeLoadBalancers result holding `members`, with a NextMarker when given. */
export function lbsResult(members: string[], nextMarker?: string): string {
  return `<LoadBalancerDescriptions>${members.join('')}</LoadBalancerDescriptions>${nextMarker === undefined ? '' : `<NextMarker>${nextMarker}</NextMarker>`}`;
}

/** A DescribeLoadBalancerAttributes result, shaped like the API Reference's example. */
export function attributesResult(o: { crossZone?: boolean; draining?: boolean } = {}): string {
  return `<LoadBalancerAttributes>
      <AccessLog>
        <Enabled>true</Enabled>
        <S3BucketName>my-loadbalancer-logs</S3BucketName>
        <S3BucketPrefix>testprefix</S3BucketPrefix>
        <EmitInterval>5</EmitInterval>
      </AccessLog>
      <ConnectionSettings><IdleTimeout>30</IdleTimeout></ConnectionSettings>
      <CrossZoneLoadBalancing><Enabled>${String(o.crossZone ?? true)}</Enabled></CrossZoneLoadBalancing>
      <ConnectionDraining><Enabled>${String(o.draining ?? true)}</Enabled><Timeout>300</Timeout></ConnectionDraining>
    </LoadBalancerAttributes>`;
}

/** An `<Instances>` list of instance ids (RegisterInstances/DeregisterInstances results). */
export function instancesResult(ids: string[]): string {
  return ids.length === 0 ? '<Instances/>' : `<Instances>${ids.map((id) => `<member><InstanceId>${id}</InstanceId></member>`).join('')}</Instances>`;
}

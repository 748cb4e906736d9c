/**
 * The policy types classic load balancers know, with their attributes, and the
 * predefined security policies every account can read.
 *
 * @module
 */

/** An attribute a policy type takes. */
export interface PolicyAttributeType {
  /** Attribute name. */
  name: string;
  /** Its type (`String`, `Boolean`, `Long`, `PolicyName`). */
  type: string;
  /** How many times a policy may give it. */
  cardinality: 'ONE' | 'ZERO_OR_ONE' | 'ZERO_OR_MORE' | 'ONE_OR_MORE';
  /** What it means. */
  description?: string;
  /** Its value when not given. */
  defaultValue?: string;
}

/** A policy type. */
export interface PolicyType {
  /** Type name. */
  name: string;
  /** What policies of this type do. */
  description: string;
  /** The attributes they take. */
  attributes: PolicyAttributeType[];
}

/** The SSL negotiation policy a new HTTPS or SSL listener gets. */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

const SSL_PROTOCOLS = ['Protocol-TLSv1', 'Protocol-TLSv1.1', 'Protocol-TLSv1.2', 'Protocol-SSLv3'];
const CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-SHA256', 'ECDHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA256', 'AES256-SHA256',
];

/** The policy types, in the order DescribeLoadBalancerPolicyTypes lists them. */
export const POLICY_TYPES: readonly PolicyType[] = [
  {
    name: 'SSLNegotiationPolicyType',
    description: 'The ciphers and protocols an HTTPS or SSL listener accepts.',
    attributes: [
      { name: 'Reference-Security-Policy', type: 'String', cardinality: 'ZERO_OR_ONE', description: 'A predefined security policy to start from.' },
      { name: 'Server-Defined-Cipher-Order', type: 'Boolean', cardinality: 'ZERO_OR_ONE', description: 'Whether the server chooses the cipher order.' },
      ...SSL_PROTOCOLS.map((p) => ({ name: p, type: 'Boolean', cardinality: 'ZERO_OR_ONE' as const, defaultValue: p === 'Protocol-SSLv3' ? 'false' : 'true' })),
      ...CIPHERS.map((c) => ({ name: c, type: 'Boolean', cardinality: 'ZERO_OR_ONE' as const, defaultValue: 'false' })),
    ],
  },
  {
    name: 'BackendServerAuthenticationPolicyType',
    description: 'Authenticates back-end servers on HTTPS/SSL against public key policies.',
    attributes: [{ name: 'PublicKeyPolicyName', type: 'PolicyName', cardinality: 'ONE_OR_MORE', description: 'A PublicKeyPolicyType policy to trust.' }],
  },
  {
    name: 'PublicKeyPolicyType',
    description: 'A public key back-end servers may present; used through a BackendServerAuthenticationPolicyType policy.',
    attributes: [{ name: 'PublicKey', type: 'String', cardinality: 'ONE', description: 'The public key, base64 encoded.' }],
  },
  {
    name: 'AppCookieStickinessPolicyType',
    description: 'Sticky sessions that last as long as a cookie the application sets; HTTP/HTTPS listeners only.',
    attributes: [{ name: 'CookieName', type: 'String', cardinality: 'ONE', description: 'The application cookie to follow.' }],
  },
  {
    name: 'LBCookieStickinessPolicyType',
    description: 'Sticky sessions that last as long as the browser session or a set period; HTTP/HTTPS listeners only.',
    attributes: [{ name: 'CookieExpirationPeriod', type: 'Long', cardinality: 'ZERO_OR_ONE', description: 'Seconds the stickiness cookie lasts; none: the browser session.' }],
  },
  {
    name: 'ProxyProtocolPolicyType',
    description: 'Sends the client address and port to back-end servers with the Proxy Protocol header; TCP/SSL only.',
    attributes: [{ name: 'ProxyProtocol', type: 'Boolean', cardinality: 'ONE', description: 'Whether to send the header.' }],
  },
];

/** A policy attribute and its value. */
export interface PolicyAttributeValue {
  /** Attribute name (`CookieName`). */
  name: string;
  /** Its value, as text. */
  value: string;
}

/** A policy with its attributes. */
export interface PolicyRecord {
  /** Policy name. */
  name: string;
  /** Its type (`LBCookieStickinessPolicyType`). */
  typeName: string;
  /** Its attributes, in the order given. */
  attributes: PolicyAttributeValue[];
}

function securityPolicy(name: string, protocols: readonly string[]): PolicyRecord {
  return {
    name,
    typeName: 'SSLNegotiationPolicyType',
    attributes: [
      ...SSL_PROTOCOLS.map((p) => ({ name: p, value: String(protocols.includes(p)) })),
      { name: 'Server-Defined-Cipher-Order', value: 'true' },
      ...CIPHERS.map((c) => ({ name: c, value: 'true' })),
    ],
  };
}

/** The predefined policies DescribeLoadBalancerPolicies lists without a load balancer name. */
export const PREDEFINED_POLICIES: readonly PolicyRecord[] = [
  securityPolicy(DEFAULT_SSL_POLICY, ['Protocol-TLSv1', 'Protocol-TLSv1.1', 'Protocol-TLSv1.2']),
  securityPolicy('ELBSecurityPolicy-TLS-1-1-2017-01', ['Protocol-TLSv1.1', 'Protocol-TLSv1.2']),
  securityPolicy('ELBSecurityPolicy-TLS-1-2-2017-01', ['Protocol-TLSv1.2']),
  { name: 'ELBSample-AppCookieStickinessPolicy', typeName: 'AppCookieStickinessPolicyType', attributes: [{ name: 'CookieName', value: 'ELBSampleCookie' }] },
  { name: 'ELBSample-LBCookieStickinessPolicy', typeName: 'LBCookieStickinessPolicyType', attributes: [{ name: 'CookieExpirationPeriod', value: '100' }] },
];

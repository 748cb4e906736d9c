/**
 * A load balancer's listener (boto2's `boto.ec2.elb.listener`) and the tuples boto2
 * describes listeners with.
 *
 * @module
 */
import type { ListenerDescription } from '@aws-sdk/client-elastic-load-balancing';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import type { LoadBalancer } from './loadbalancer';
import { checkNew, declareSignatures } from '../core/signature';

/**
 * boto2's listener tuple: `[loadBalancerPort, instancePort, protocol]`, e.g.
 * `[80, 8080, 'http']`, or with a certificate for HTTPS and SSL:
 * `[443, 443, 'HTTPS', 'arn:aws:iam::123456789012:server-certificate/my-cert']`.
 * The protocol is one of HTTP, HTTPS, TCP and SSL in any case (sent upper-case).
 */
export type ListenerTuple =
  | readonly [loadBalancerPort: number, instancePort: number, protocol: string]
  | readonly [loadBalancerPort: number, instancePort: number, protocol: string, sslCertificateId: string];

/**
 * boto2's complex listener tuple, which also names the protocol to the instances:
 * `[loadBalancerPort, instancePort, protocol, instanceProtocol]`, with a certificate
 * last for an HTTPS or SSL front end.
 */
export type ComplexListenerTuple =
  | readonly [loadBalancerPort: number, instancePort: number, protocol: string, instanceProtocol: string]
  | readonly [loadBalancerPort: number, instancePort: number, protocol: string, instanceProtocol: string, sslCertificateId: string];

/**
 * A listener as the calls that create listeners take it: a {@link ListenerTuple} (also
 * when TypeScript widened it to an array, as `const ports = [[80, 8080, 'http']]` is) or
 * a {@link Listener}. Checked when the call runs.
 */
export type ListenerSpec = ListenerTuple | Listener | readonly (string | number)[];

/**
 * A complex listener as `complexListeners` takes it: a {@link ComplexListenerTuple}, a
 * widened array, or a {@link Listener}. Checked when the call runs.
 */
export type ComplexListenerSpec = ComplexListenerTuple | Listener | readonly (string | number)[];

/** Constructor options of {@link Listener}, boto2's keyword arguments. */
export interface ListenerOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The load balancer the listener belongs to. */
  loadBalancer?: LoadBalancer;
  /** The port the load balancer listens on; default 0, as boto2. */
  loadBalancerPort?: number;
  /** The port traffic goes to on the instances; default 0, as boto2. */
  instancePort?: number;
  /** The front-end protocol (HTTP, HTTPS, TCP or SSL); default `''`, as boto2. */
  protocol?: string;
  /** The certificate ARN of an HTTPS or SSL listener. */
  sslCertificateId?: string;
  /** The protocol to the instances. */
  instanceProtocol?: string;
}

/**
 * A listener: a port and protocol the load balancer accepts, and the port (and protocol)
 * it forwards to on the instances. Prints as boto2's tuple-like repr: `(80, 8080, 'HTTP')`,
 * `(80, 8080, 'HTTP', 'HTTP')` with an instance protocol, and the certificate ARN last
 * when there is one.
 */
export class Listener extends BotoObject<ELBConnection> {
  /** The port the load balancer listens on. */
  loadBalancerPort: number;
  /** The port traffic goes to on the instances. */
  instancePort: number;
  /** The front-end protocol. */
  protocol: string;
  /** The protocol to the instances. */
  instanceProtocol: string | undefined;
  /** The certificate ARN of an HTTPS or SSL listener. */
  sslCertificateId: string | undefined;
  /** The policies in force on this listener, by name. */
  policyNames: string[];
  // Kept out of enumeration: the load balancer lists objects that point back at it.
  #loadBalancer: LoadBalancer | undefined;

  constructor(options: ListenerOptions = {}) {
    checkNew(Listener, arguments);
    super(options.connection);
    this.#loadBalancer = options.loadBalancer;
    this.loadBalancerPort = options.loadBalancerPort ?? 0;
    this.instancePort = options.instancePort ?? 0;
    this.protocol = options.protocol ?? '';
    this.instanceProtocol = options.instanceProtocol;
    this.sslCertificateId = options.sslCertificateId;
    this.policyNames = [];
  }

  /** The load balancer the listener belongs to. */
  get loadBalancer(): LoadBalancer | undefined {
    return this.#loadBalancer;
  }

  /** Sets the load balancer the listener belongs to. */
  set loadBalancer(loadBalancer: LoadBalancer | undefined) {
    this.#loadBalancer = loadBalancer;
  }

  /** Builds one from a `ListenerDescription` of a `DescribeLoadBalancers` answer. @internal */
  static fromSdk(connection: ELBConnection, d: ListenerDescription, loadBalancer?: LoadBalancer): Listener {
    const l = d.Listener;
    const out = new Listener({
      connection,
      loadBalancer,
      loadBalancerPort: l?.LoadBalancerPort,
      instancePort: l?.InstancePort,
      protocol: l?.Protocol,
      instanceProtocol: l?.InstanceProtocol,
      sslCertificateId: l?.SSLCertificateId,
    });
    out.policyNames = [...(d.PolicyNames ?? [])];
    return out;
  }

  /** boto2's `get_tuple()`: `[loadBalancerPort, instancePort, protocol]`. */
  getTuple(): [number, number, string] {
    return [this.loadBalancerPort, this.instancePort, this.protocol];
  }

  /** boto2's `get_complex_tuple()`: `[loadBalancerPort, instancePort, protocol, instanceProtocol]`. */
  getComplexTuple(): [number, number, string, string | undefined] {
    return [this.loadBalancerPort, this.instancePort, this.protocol, this.instanceProtocol];
  }

  toString(): string {
    let r = `(${Math.trunc(this.loadBalancerPort)}, ${Math.trunc(this.instancePort)}, '${this.protocol}'`;
    if (this.instanceProtocol) r += `, '${this.instanceProtocol}'`;
    if (this.sslCertificateId) r += `, ${this.sslCertificateId}`;
    return `${r})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Listener, {
  new: '{connection, loadBalancer, loadBalancerPort, instancePort, protocol, sslCertificateId, instanceProtocol}',
  getTuple: '',
  getComplexTuple: '',
});

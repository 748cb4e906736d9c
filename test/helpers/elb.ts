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

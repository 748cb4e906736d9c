/**
 * A load balancer's policies (boto2's `boto.ec2.elb.policies`).
 *
 * @module
 */
import type {
  AppCookieStickinessPolicy as SdkAppCookieStickinessPolicy,
  LBCookieStickinessPolicy as SdkLBCookieStickinessPolicy,
  Policies as SdkPolicies,
} from '@aws-sdk/client-elastic-load-balancing';
import { pyList, pyStr } from '../core/repr';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link AppCookieStickinessPolicy}. */
export interface AppCookieStickinessPolicyOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The application's cookie whose lifetime the stickiness follows. */
  cookieName?: string;
  /** The policy's name. */
  policyName?: string;
}

/**
 * Stickiness that lasts as long as an application cookie (made by
 * `createAppCookieStickinessPolicy`). Prints as `AppCookieStickiness(POLICY, COOKIE)`.
 */
export class AppCookieStickinessPolicy extends BotoObject<ELBConnection> {
  /** The application's cookie whose lifetime the stickiness follows. */
  cookieName: string | undefined;
  /** The policy's name. */
  policyName: string | undefined;

  constructor(options: AppCookieStickinessPolicyOptions = {}) {
    checkNew(AppCookieStickinessPolicy, arguments);
    super(options.connection);
    this.cookieName = options.cookieName;
    this.policyName = options.policyName;
  }

  /** Builds one from an SDK policy. @internal */
  static fromSdk(connection: ELBConnection, p: SdkAppCookieStickinessPolicy): AppCookieStickinessPolicy {
    return new AppCookieStickinessPolicy({ connection, cookieName: p.CookieName, policyName: p.PolicyName });
  }

  toString(): string {
    return `AppCookieStickiness(${pyStr(this.policyName)}, ${pyStr(this.cookieName)})`;
  }
}

/** Constructor options of {@link LBCookieStickinessPolicy}. */
export interface LBCookieStickinessPolicyOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The policy's name. */
  policyName?: string;
  /** Seconds the load balancer's cookie lasts; `undefined` for the browser session. */
  cookieExpirationPeriod?: number;
}

/**
 * Stickiness through a cookie the load balancer makes (made by
 * `createLbCookieStickinessPolicy`). Prints as `LBCookieStickiness(POLICY, SECONDS)`.
 */
export class LBCookieStickinessPolicy extends BotoObject<ELBConnection> {
  /** The policy's name. */
  policyName: string | undefined;
  /** Seconds the load balancer's cookie lasts; `undefined` for the browser session. */
  cookieExpirationPeriod: number | undefined;

  constructor(options: LBCookieStickinessPolicyOptions = {}) {
    checkNew(LBCookieStickinessPolicy, arguments);
    super(options.connection);
    this.policyName = options.policyName;
    this.cookieExpirationPeriod = options.cookieExpirationPeriod;
  }

  /** Builds one from an SDK policy. @internal */
  static fromSdk(connection: ELBConnection, p: SdkLBCookieStickinessPolicy): LBCookieStickinessPolicy {
    return new LBCookieStickinessPolicy({ connection, policyName: p.PolicyName, cookieExpirationPeriod: p.CookieExpirationPeriod });
  }

  toString(): string {
    return `LBCookieStickiness(${pyStr(this.policyName)}, ${pyStr(this.cookieExpirationPeriod)})`;
  }
}

/** Constructor options of {@link OtherPolicy}. */
export interface OtherPolicyOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The policy's name. */
  policyName?: string;
}

/**
 * Any other policy (SSL negotiation, proxy protocol, back-end authentication, ...), by
 * name. Prints as `OtherPolicy(NAME)`.
 */
export class OtherPolicy extends BotoObject<ELBConnection> {
  /** The policy's name. */
  policyName: string | undefined;

  constructor(options: OtherPolicyOptions = {}) {
    checkNew(OtherPolicy, arguments);
    super(options.connection);
    this.policyName = options.policyName;
  }

  toString(): string {
    return `OtherPolicy(${pyStr(this.policyName)})`;
  }
}

/** Constructor options of {@link Policies}. */
export interface PoliciesOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** Application-cookie stickiness policies. */
  appCookieStickinessPolicies?: AppCookieStickinessPolicy[];
  /** Load-balancer-cookie stickiness policies. */
  lbCookieStickinessPolicies?: LBCookieStickinessPolicy[];
  /** Every other policy. */
  otherPolicies?: OtherPolicy[];
}

/**
 * The policies a load balancer has, by kind (`LoadBalancer.policies`). A kind the answer
 * left out is `undefined`, as boto2's `None`. Prints as
 * `Policies(AppCookieStickiness[...],LBCookieStickiness[...],Other[...])`.
 */
export class Policies extends BotoObject<ELBConnection> {
  /** Application-cookie stickiness policies. */
  appCookieStickinessPolicies: AppCookieStickinessPolicy[] | undefined;
  /** Load-balancer-cookie stickiness policies. */
  lbCookieStickinessPolicies: LBCookieStickinessPolicy[] | undefined;
  /** Every other policy. */
  otherPolicies: OtherPolicy[] | undefined;

  constructor(options: PoliciesOptions = {}) {
    checkNew(Policies, arguments);
    super(options.connection);
    this.appCookieStickinessPolicies = options.appCookieStickinessPolicies;
    this.lbCookieStickinessPolicies = options.lbCookieStickinessPolicies;
    this.otherPolicies = options.otherPolicies;
  }

  /** Builds one from an SDK `Policies`. @internal */
  static fromSdk(connection: ELBConnection, p: SdkPolicies): Policies {
    return new Policies({
      connection,
      appCookieStickinessPolicies: p.AppCookieStickinessPolicies?.map((a) => AppCookieStickinessPolicy.fromSdk(connection, a)),
      lbCookieStickinessPolicies: p.LBCookieStickinessPolicies?.map((l) => LBCookieStickinessPolicy.fromSdk(connection, l)),
      otherPolicies: p.OtherPolicies?.map((name) => new OtherPolicy({ connection, policyName: name })),
    });
  }

  toString(): string {
    const show = (list: readonly BotoObject[] | undefined): string => (list === undefined ? 'None' : pyList(list));
    return `Policies(AppCookieStickiness${show(this.appCookieStickinessPolicies)},`
      + `LBCookieStickiness${show(this.lbCookieStickinessPolicies)},Other${show(this.otherPolicies)})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AppCookieStickinessPolicy, {
  new: '{connection, cookieName, policyName}',
});
declareSignatures(LBCookieStickinessPolicy, {
  new: '{connection, policyName, cookieExpirationPeriod}',
});
declareSignatures(OtherPolicy, {
  new: '{connection, policyName}',
});
declareSignatures(Policies, {
  new: '{connection, appCookieStickinessPolicies, lbCookieStickinessPolicies, otherPolicies}',
});

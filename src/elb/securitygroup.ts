/**
 * A load balancer's source security group (boto2's `boto.ec2.elb.securitygroup`).
 *
 * @module
 */
import type { SourceSecurityGroup } from '@aws-sdk/client-elastic-load-balancing';
import { BotoObject } from '../core/repr';
import type { ELBConnection } from './connection';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link SecurityGroup}. */
export interface SecurityGroupOptions {
  /** The connection the object talks through. */
  connection?: ELBConnection;
  /** The group's name, e.g. `amazon-elb-sg`. */
  name?: string;
  /** The group's owner alias, e.g. `amazon-elb`. */
  ownerAlias?: string;
}

/**
 * The security group a load balancer's traffic comes from: allow it in the instances'
 * inbound rules to accept traffic from the load balancer only. Prints as
 * `SecurityGroup(amazon-elb-sg, amazon-elb)`.
 */
export class SecurityGroup extends BotoObject<ELBConnection> {
  /** The group's name. */
  name: string | undefined;
  /** The group's owner alias. */
  ownerAlias: string | undefined;

  constructor(options: SecurityGroupOptions = {}) {
    checkNew(SecurityGroup, arguments);
    super(options.connection);
    this.name = options.name;
    this.ownerAlias = options.ownerAlias;
  }

  /** Builds one from an SDK `SourceSecurityGroup`. @internal */
  static fromSdk(connection: ELBConnection, g: SourceSecurityGroup): SecurityGroup {
    return new SecurityGroup({ connection, name: g.GroupName, ownerAlias: g.OwnerAlias });
  }

  toString(): string {
    return `SecurityGroup(${this.name ?? 'None'}, ${this.ownerAlias ?? 'None'})`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(SecurityGroup, {
  new: '{connection, name, ownerAlias}',
});

/**
 * boto2's `Reservation` of `boto.ec2.instance`: the instances one launch request started.
 *
 * @module
 */
import type { Reservation as SdkReservation } from '@aws-sdk/client-ec2';
import { BotoObject } from '../core/repr';
import type { EC2Connection } from './connection';
import { Group } from './group';
import { Instance } from './instance';
import { checkNew, declareSignatures } from '../core/signature';

/** Constructor options of {@link Reservation}. */
export interface ReservationOptions {
  /** The connection the object talks through. */
  connection?: EC2Connection;
  /** The reservation id (`r-…`). */
  id?: string;
  /** The account that owns it. */
  ownerId?: string;
  /** Its security groups (EC2-Classic only; empty in a VPC). */
  groups?: Group[];
  /** Its instances. */
  instances?: Instance[];
}

/** A reservation and its instances. Prints as `Reservation:r-…`. */
export class Reservation extends BotoObject<EC2Connection> {
  /** The reservation id (`r-…`). */
  id: string | undefined;
  /** The account that owns it. */
  ownerId: string | undefined;
  /** Its security groups (EC2-Classic only; empty in a VPC). */
  groups: Group[];
  /** Its instances. */
  instances: Instance[];

  constructor(options: ReservationOptions = {}) {
    checkNew(Reservation, arguments);
    super(options.connection);
    this.id = options.id;
    this.ownerId = options.ownerId;
    this.groups = options.groups ?? [];
    this.instances = options.instances ?? [];
  }

  /** @internal */
  static fromSdk(connection: EC2Connection, r: SdkReservation): Reservation {
    return new Reservation({
      connection,
      id: r.ReservationId,
      ownerId: r.OwnerId,
      groups: (r.Groups ?? []).map((g) => Group.fromSdk(g)),
      instances: (r.Instances ?? []).map((i) => Instance.fromSdk(connection, i)),
    });
  }

  /** boto2's repr: `Reservation:r-…`. */
  toString(): string {
    return `Reservation:${this.id ?? 'None'}`;
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(Reservation, {
  new: '{connection, id, ownerId, groups, instances}',
});

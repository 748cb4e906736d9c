/**
 * EC2, as much of boto2's `boto.ec2` as the Auto Scaling tutorial uses: instances,
 * reservations, availability zones and regions; and, beyond boto2, the launch templates
 * today's Auto Scaling groups launch from.
 *
 * @module
 */
import { regionFunctions } from '../core/service';
import { EC2Connection, EC2_SPEC } from './connection';

export {
  EC2Connection, EC2_SPEC, type GetAllReservationsOptions, type InstanceIds,
  type GetAllLaunchTemplatesOptions, type GetLaunchTemplateVersionsOptions, type CreateLaunchTemplateVersionOptions, type LaunchTemplateChanges,
} from './connection';
export { LaunchTemplate, type LaunchTemplateOptions, type LaunchTemplateVersionRef } from './launchtemplate';
export { type LaunchSettings, type MetadataOptions } from './launchtemplate-data';
export { type LaunchTemplateRef } from './launchtemplate-refs';
export { Instance, type InstanceOptions } from './instance';
export { Reservation, type ReservationOptions } from './reservation';
export { Zone, type ZoneOptions } from './zone';
export { Group, type GroupOptions } from './group';
export { type Filters, type FilterValue } from './filters';
export { RegionInfo } from '../core/regions';

const fns = regionFunctions(EC2_SPEC, (options) => new EC2Connection(options));
/** Every EC2 region, each a `RegionInfo` that can `connect()`. */
export const regions = fns.regions;
/** A connection to EC2 in the named region (boto2's `boto.ec2.connect_to_region`). */
export const connectToRegion = fns.connectToRegion;

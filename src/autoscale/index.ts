/**
 * Auto Scaling, as boto2's `boto.ec2.autoscale`.
 *
 * @module
 */
import { regionFunctions } from '../core/service';
import { AutoScaleConnection } from './connection';

export { AutoScaleConnection, AUTOSCALE_SPEC, type GetAllLaunchConfigurationsOptions } from './connection';
export { LaunchConfiguration, InstanceMonitoring, type LaunchConfigurationOptions } from './launchconfig';
export { BlockDeviceMapping, Ebs } from './blockdevice';

const fns = regionFunctions('autoscaling', (options) => new AutoScaleConnection(options));
/** Every Auto Scaling region, each a `RegionInfo` that can `connect()`. */
export const regions = fns.regions;
/** A connection to Auto Scaling in the named region (boto2's `connect_to_region`). */
export const connectToRegion = fns.connectToRegion;

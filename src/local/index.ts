/**
 * botoscale local: an embedded AWS-compatible endpoint (Auto Scaling, CloudWatch,
 * Elastic Load Balancing and EC2) whose simulated cloud really runs.
 *
 * ```ts
 * import { startLocal } from 'botoscale/local';
 * const local = await startLocal({ port: 0, realTime: false });
 * // point any client at local.endpoint, then drive time:
 * local.clock.advance('5m');
 * await local.close();
 * ```
 *
 * @module
 */
export { startLocal, type LocalEndpoint, type LocalOptions } from './server';
export { createCloud, LocalCloud, type CloudOptions, type CloudServices, type CloudSnapshot, type LocalLimits, type RegionSnapshot } from './cloud';
export { CloudSet, type CloudSetOptions, type CloudSetSnapshot } from './clouds';
export { SimClock, MAX_ADVANCE_MS, checkAdvance, parseDuration, type ClockState, type SimClockOptions, type StepListener } from './clock';
export type { LoadSource } from './ec2';
export { ServiceError } from './errors';
export { ControlInputError, SpotControl, MAX_DEMAND, MAX_INTERRUPT, MAX_SPOT_CAPACITY, type DemandSetting, type SpotCapacitySetting, type SpotInterruption } from './spot-control';
export { readStateFile, writeFileAtomic, StateStore, type StateDocument, type StateStoreOptions } from './store';
export type { StateFs } from './journal';
export type { CallChange, Change, ClockChange, DemandChange, HealthChange, LoadChange, RegionChange, SpotCapacityChange, SpotInterruptChange } from './changes';
export type { IdRecorder } from './ids';
export type { Credentials } from './auth';
export type {
  AutoScalingApi,
  Cloud,
  CloudWatchApi,
  Datapoint,
  Ec2Api,
  Ec2InstanceState,
  Ec2InstanceView,
  ElbApi,
  ElbInstanceHealth,
  Handler,
  LaunchSpec,
  LaunchTemplateSpec,
  RequestContext,
  ResolvedLaunchTemplate,
  ServiceHandlers,
  ServiceName,
  SimulatedService,
  TemplatePlacement,
  WireObject,
  WireValue,
} from './types';

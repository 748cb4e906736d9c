/**
 * What the protocol layer knows of each of the four services: its trimmed model, its
 * query flavour, how it words input errors, its XML namespace, and (CloudWatch) its
 * AWS JSON 1.0 target prefix.
 *
 * @module
 */
import autoscalingModel from '../models/autoscaling.json';
import cloudwatchModel from '../models/cloudwatch.json';
import ec2Model from '../models/ec2.json';
import elbModel from '../models/elb.json';
import type { ServiceName } from '../types';
import type { ServiceModel } from './model';
import type { QueryFlavour } from './naming';
import type { ErrorStyle } from './problems';
import { xmlNamespace } from './xml';

/** One service as the protocol layer sees it. */
export interface ServiceProfile {
  /** Signing name (the SigV4 credential scope's service). */
  readonly name: ServiceName;
  /** Its trimmed model. */
  readonly model: ServiceModel;
  /** Its query flavour: `query` (member lists) or `ec2` (flattened, capitalised names). */
  readonly flavour: QueryFlavour;
  /** How it words input errors. */
  readonly errorStyle: ErrorStyle;
  /** XML namespace of answers and error documents. */
  readonly namespace: string;
  /** Whether the model's enums are enforced on input. */
  readonly enums: boolean;
  /**
   * Shapes whose length and pattern the service's own handlers check, answering in their
   * own words (EC2's `InvalidLaunchTemplateName.MalformedException`, not the generic
   * `InvalidParameterValue`); the protocol layer leaves them alone.
   */
  readonly ownChecks: ReadonlySet<string>;
  /** AWS JSON 1.0: the `X-Amz-Target` prefix (CloudWatch only). */
  readonly jsonTarget?: string;
  /** AWS JSON 1.0: the namespace of `__type` in error bodies. */
  readonly jsonErrorNamespace?: string;
}

function profile(name: ServiceName, model: ServiceModel, flavour: QueryFlavour, errorStyle: ErrorStyle, extra: Partial<ServiceProfile> = {}): ServiceProfile {
  return { name, model, flavour, errorStyle, namespace: xmlNamespace(model), enums: flavour !== 'ec2', ownChecks: new Set(), ...extra };
}

/**
 * The `X-Amz-Target` prefix of a service the model says speaks AWS JSON. botoscale local
 * answers CloudWatch's query and AWS JSON 1.0 protocols, not the CBOR one newer models
 * list first.
 */
function jsonTargetOf(model: ServiceModel): string {
  const { protocols, targetPrefix } = model.metadata;
  if (protocols?.includes('json') !== true || targetPrefix === undefined) throw new Error(`model ${model.source} does not say the service speaks AWS JSON`);
  return targetPrefix;
}

/** The four services, by signing name. */
export const PROFILES: Readonly<Record<ServiceName, ServiceProfile>> = {
  autoscaling: profile('autoscaling', autoscalingModel as unknown as ServiceModel, 'query', 'coral'),
  elasticloadbalancing: profile('elasticloadbalancing', elbModel as unknown as ServiceModel, 'query', 'coral'),
  monitoring: profile('monitoring', cloudwatchModel as unknown as ServiceModel, 'query', 'cloudwatch', {
    jsonTarget: jsonTargetOf(cloudwatchModel as unknown as ServiceModel),
    jsonErrorNamespace: 'com.amazonaws.cloudwatch',
  }),
  ec2: profile('ec2', ec2Model as unknown as ServiceModel, 'ec2', 'ec2', { ownChecks: new Set(['LaunchTemplateName']) }),
};

/** Whether a string is one of the four signing names. */
export function isServiceName(name: string): name is ServiceName {
  return Object.prototype.hasOwnProperty.call(PROFILES, name);
}

/** A service and action named by `X-Amz-Target`. */
export interface Target {
  /** The service. */
  profile: ServiceProfile;
  /** The action. */
  action: string;
}

/** The service and action an `X-Amz-Target` header names, if it names one of ours. */
export function parseTarget(target: string): Target | undefined {
  const dot = target.lastIndexOf('.');
  if (dot < 0) return undefined;
  const prefix = target.slice(0, dot);
  for (const p of Object.values(PROFILES)) {
    if (p.jsonTarget === prefix) return { profile: p, action: target.slice(dot + 1) };
  }
  return undefined;
}

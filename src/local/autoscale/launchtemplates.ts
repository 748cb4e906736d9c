/**
 * Auto Scaling groups on EC2 launch templates: reading a group's LaunchTemplate
 * (LaunchTemplateId or LaunchTemplateName, Version `$Latest`, `$Default` or a number,
 * `$Default` when absent), checking it as AWS does when a group is created or updated
 * (the template and version must exist and be launchable now), and the launch source
 * rule (exactly one of LaunchConfigurationName, LaunchTemplate, MixedInstancesPolicy,
 * InstanceId). `$Latest` and `$Default` are kept as given and resolved by EC2 at each
 * launch.
 *
 * @module
 */
import type { LaunchTemplateSpecification } from '@aws-sdk/client-auto-scaling';
import { ServiceError } from '../errors';
import type { Checked } from '../typed';
import type { LaunchTemplateSpec } from '../types';
import { validation } from './errors';
import type { TemplateRefRecord } from './model';
import type { In } from './sdk';
import type { AutoScalingState } from './state';

/** The launch sources a CreateAutoScalingGroup or UpdateAutoScalingGroup may name. */
type LaunchSources = Pick<In<'UpdateAutoScalingGroup'>, 'LaunchConfigurationName' | 'LaunchTemplate' | 'MixedInstancesPolicy'> & Pick<In<'CreateAutoScalingGroup'>, 'InstanceId'>;

const CREATE_SOURCES = 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.';
const UPDATE_SOURCES = 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName or MixedInstancesPolicy parameter.';

/** Exactly one launch source on create, at most one on update (a group keeps its source when an update names none). */
export function checkLaunchSources(p: LaunchSources, creating: boolean): void {
  const given = [p.LaunchConfigurationName, p.LaunchTemplate, p.MixedInstancesPolicy, creating ? p.InstanceId : undefined].filter((x) => x !== undefined).length;
  if (creating ? given !== 1 : given > 1) throw validation(creating ? CREATE_SOURCES : UPDATE_SOURCES);
}

/** A group's LaunchTemplate as EC2 is asked for it, with AWS's ValidationErrors for its form. */
export function templateSpecOf(raw: Checked<LaunchTemplateSpecification>): LaunchTemplateSpec {
  const id = raw.LaunchTemplateId;
  const name = raw.LaunchTemplateName;
  const version = raw.Version ?? '$Default';
  if ((id === undefined) === (name === undefined)) throw validation('Valid requests must contain either launchTemplateId or LaunchTemplateName');
  if (version !== '$Latest' && version !== '$Default' && !/^[1-9][0-9]*$/.test(version)) {
    throw validation("Invalid launch template version: either '$Default', '$Latest', or a numeric version are allowed.");
  }
  const spec: LaunchTemplateSpec = { version };
  if (id !== undefined) spec.id = id;
  if (name !== undefined) spec.name = name;
  return spec;
}

/** AWS's answer to a template a group can't launch from: EC2's reason after "You must use a valid fully-formed launch template." */
function notLaunchable(reason: string): ServiceError {
  return validation(`You must use a valid fully-formed launch template. ${reason}`);
}

/**
 * Checks a group's LaunchTemplate now (template, version, image) and returns it as the
 * group keeps it: both the id and the name, and the version as given.
 */
export function groupTemplate(state: AutoScalingState, raw: Checked<LaunchTemplateSpecification>): TemplateRefRecord {
  const spec = templateSpecOf(raw);
  let resolved;
  try {
    resolved = state.cloud.ec2.resolveLaunchTemplate(spec);
  } catch (err) {
    if (err instanceof ServiceError) throw notLaunchable(err.message);
    throw err;
  }
  if (resolved.imageId === undefined) throw notLaunchable('The request must contain the parameter ImageId');
  if (!state.cloud.ec2.imageExists(resolved.imageId)) throw notLaunchable(`The image id '[${resolved.imageId}]' does not exist`);
  return { id: resolved.id, name: resolved.name, version: spec.version ?? '$Default' };
}

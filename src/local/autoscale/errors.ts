/**
 * The Auto Scaling error answers, with the codes and wording AWS uses.
 *
 * @module
 */
import { awsError, type ServiceError } from '../errors';

/** `ValidationError`. */
export function validation(message: string): ServiceError {
  return awsError('autoscaling', 'ValidationError', message);
}

/** A group that does not exist, in the wording most actions use. */
export function groupNotFound(name: string): ServiceError {
  return validation(`AutoScalingGroup name not found - AutoScalingGroup: ${name} not found`);
}

/** A group that does not exist, as DeleteAutoScalingGroup words it. */
export function groupNotFoundOnDelete(name: string): ServiceError {
  return validation(`AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`);
}

/**
 * A group that does not exist, as UpdateAutoScalingGroup words it (API Reference,
 * UpdateAutoScalingGroup; the answer AWS gives, seen in CloudTrail and client code):
 * AWS answers these with the literal "- null", not the group's name.
 */
export function groupNotFoundOnUpdate(): ServiceError {
  return validation('AutoScalingGroup name not found - null');
}

/** A group that does not exist, as the policy actions word it. */
export function policyGroupNotFound(name: string): ServiceError {
  return validation(`Group ${name} not found`);
}

/** A launch configuration that does not exist. */
export function launchConfigNotFound(name: string): ServiceError {
  return validation(`Launch configuration name not found - Launch configuration ${name} not found`);
}

/** An instance that belongs to no group. */
export function instanceNotFound(id: string): ServiceError {
  return validation(`Instance Id not found - No managed instance found for instance ID: ${id}`);
}

/** `AlreadyExists`, with the status its model's error shape gives. */
export function alreadyExists(message: string): ServiceError {
  return awsError('autoscaling', 'AlreadyExists', message);
}

/** `ResourceInUse`, with the status its model's error shape gives. */
export function resourceInUse(message: string): ServiceError {
  return awsError('autoscaling', 'ResourceInUse', message);
}

/** `ScalingActivityInProgress`, with the status its model's error shape gives. */
export function activityInProgress(message: string): ServiceError {
  return awsError('autoscaling', 'ScalingActivityInProgress', message);
}

/** `LimitExceeded`, with the status its model's error shape gives. */
export function limitExceeded(message: string): ServiceError {
  return awsError('autoscaling', 'LimitExceeded', message);
}

/**
 * What an account that can't create launch configurations answers (AWS, since 2024-10-01,
 * for accounts created since then: Auto Scaling User Guide, "Launch configurations").
 */
export function launchConfigurationsUnavailable(): ServiceError {
  return awsError(
    'autoscaling',
    'UnsupportedOperation',
    'The Launch Configuration creation operation is not available in your account. Use launch templates to create configuration templates for your Auto Scaling groups.',
  );
}

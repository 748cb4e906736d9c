/**
 * The CloudWatch error answers, with the statuses of the model's error shapes (or of the
 * table beside the rules, for `ValidationError`).
 *
 * @module
 */
import { awsError, type ServiceError } from '../errors';

/** `InvalidParameterValue` (400). */
export function invalidValue(message: string): ServiceError {
  return awsError('monitoring', 'InvalidParameterValue', message);
}

/** `InvalidParameterCombination` (400). */
export function invalidCombination(message: string): ServiceError {
  return awsError('monitoring', 'InvalidParameterCombination', message);
}

/** `MissingParameter` (400). */
export function missingParameter(message: string): ServiceError {
  return awsError('monitoring', 'MissingParameter', message);
}

/** `ValidationError` (400). */
export function validation(message: string): ServiceError {
  return awsError('monitoring', 'ValidationError', message);
}

/** `ResourceNotFound` (404): an alarm named in DeleteAlarms or SetAlarmState. */
export function resourceNotFound(message: string): ServiceError {
  return awsError('monitoring', 'ResourceNotFound', message);
}

/** `ResourceNotFoundException` (404): a resource named by ARN (the tagging actions). */
export function resourceNotFoundException(message: string): ServiceError {
  return awsError('monitoring', 'ResourceNotFoundException', message);
}

/** `InvalidFormat` (400). */
export function invalidFormat(message: string): ServiceError {
  return awsError('monitoring', 'InvalidFormat', message);
}

/**
 * The CloudWatch error answers, with the codes and statuses of the model.
 *
 * @module
 */
import { ServiceError } from '../errors';

/** `InvalidParameterValue` (400). */
export function invalidValue(message: string): ServiceError {
  return new ServiceError('InvalidParameterValue', message, 400);
}

/** `InvalidParameterCombination` (400). */
export function invalidCombination(message: string): ServiceError {
  return new ServiceError('InvalidParameterCombination', message, 400);
}

/** `MissingParameter` (400). */
export function missingParameter(message: string): ServiceError {
  return new ServiceError('MissingParameter', message, 400);
}

/** `ValidationError` (400). */
export function validation(message: string): ServiceError {
  return new ServiceError('ValidationError', message, 400);
}

/** `ResourceNotFound` (404). */
export function resourceNotFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFound', message, 404);
}

/** `InvalidFormat` (400). */
export function invalidFormat(message: string): ServiceError {
  return new ServiceError('InvalidFormat', message, 400);
}

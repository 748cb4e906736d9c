/**
 * ELB's error answers: the code, with the status of the model's error shape (or of the
 * table beside the rules, for `ValidationError`).
 *
 * @module
 */
import { awsError, type ErrorCode, type ServiceError } from '../errors';

/** The answer `code` of Elastic Load Balancing. */
export function elbError(code: ErrorCode<'elasticloadbalancing'> & string, message: string): ServiceError {
  return awsError('elasticloadbalancing', code, message);
}

/**
 * Errors the simulated services answer with: an AWS error code, its HTTP status, and
 * whether the caller (Sender) or the service (Receiver) is at fault.
 *
 * The status and fault of a code come from the service model's error shapes, or from the
 * table beside the rules for the codes no model states (src/core/rules/aws-errors.ts):
 * {@link awsError} and {@link commonError} build answers from them.
 *
 * @module
 */
import { AUTOSCALING_ERRORS, COMMON_ERRORS, EC2_ERRORS, type ErrorInfo } from '../core/rules/aws-errors';
import { MODEL_ERRORS } from '../core/rules/generated';
import type { ServiceName } from './types';

/** An AWS error answer. Wire handlers turn it into the protocol's error document. */
export class ServiceError extends Error {
  /** AWS error code (`ValidationError`, `InvalidInstanceID.NotFound`). */
  readonly code: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** Whose fault it is, as query error documents say. */
  readonly fault: 'Sender' | 'Receiver';

  constructor(code: string, message: string, status = 400, fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender') {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.status = status;
    this.fault = fault;
  }
}

/** The errors no model states that one service answers, by signing name. */
const UNMODELLED = { autoscaling: AUTOSCALING_ERRORS, monitoring: {}, elasticloadbalancing: {}, ec2: EC2_ERRORS } as const;

/** The codes one service answers: its model's error shapes, its own unmodelled codes, and the common ones. */
export type ErrorCode<S extends ServiceName> =
  | keyof (typeof MODEL_ERRORS)[S]
  | keyof (typeof UNMODELLED)[S]
  | keyof typeof COMMON_ERRORS;

function infoOf(service: ServiceName | undefined, code: string): ErrorInfo {
  const tables: Array<Record<string, ErrorInfo>> = service === undefined ? [COMMON_ERRORS] : [MODEL_ERRORS[service], UNMODELLED[service], COMMON_ERRORS];
  for (const table of tables) {
    if (Object.prototype.hasOwnProperty.call(table, code)) return table[code] as ErrorInfo;
  }
  throw new Error(`no status known for error code ${code}${service === undefined ? '' : ` of ${service}`}`);
}

/** The answer `code` of `service`, with the status and fault its model (or the table beside the rules) gives it. */
export function awsError<S extends ServiceName>(service: S, code: ErrorCode<S> & string, message: string): ServiceError {
  const { status, fault } = infoOf(service, code);
  return new ServiceError(code, message, status, fault);
}

/** An answer any of the services may give before a service is known (signatures, routing, HTTP). */
export function commonError(code: keyof typeof COMMON_ERRORS, message: string): ServiceError {
  const { status, fault } = infoOf(undefined, code);
  return new ServiceError(code, message, status, fault);
}

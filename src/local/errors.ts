/**
 * Errors the simulated services answer with: an AWS error code, its HTTP status, and
 * whether the caller (Sender) or the service (Receiver) is at fault.
 *
 * @module
 */

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

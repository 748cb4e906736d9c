/**
 * The protocol layer's entry points: a request's parameters (query) or body (JSON) in,
 * checked against the model, out as the handler's input; a handler's output or a
 * `ServiceError` in, out as the status, headers and body each protocol answers with.
 *
 * @module
 */
import { commonError, ServiceError } from '../errors';
import type { WireObject } from '../types';
import type { OperationModel } from './model';
import { jsonErrorBody, jsonResponseBody } from './json-output';
import { readJsonInput } from './json-input';
import { problemsError } from './problems';
import { readQueryInput } from './query-input';
import type { ServiceProfile } from './services';
import { validateInput } from './validate';
import { ec2ErrorXml, ec2ResponseXml, queryErrorXml, queryResponseXml } from './xml';

/** The two wire protocols: form-encoded query with XML answers, or AWS JSON 1.0. */
export type WireProtocol = 'query' | 'json';

/** An HTTP answer. */
export interface Encoded {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** Response body. */
  body: string;
}

/** The error for an action the service does not have (or botoscale local does not implement). */
export function unknownAction(profile: ServiceProfile, action: string): ServiceError {
  if (profile.flavour === 'ec2') return commonError('InvalidAction', `The action ${action} is not valid for this web service.`);
  return commonError('InvalidAction', `Could not find operation ${action} for version ${profile.model.metadata.apiVersion}`);
}

/** The operation named `action`, or the service's unknown-action error. */
export function operationOf(profile: ServiceProfile, action: string): OperationModel {
  const op = Object.prototype.hasOwnProperty.call(profile.model.operations, action) ? profile.model.operations[action] : undefined;
  if (op === undefined) throw unknownAction(profile, action);
  return op;
}

function check(profile: ServiceProfile, op: OperationModel, read: ReturnType<typeof readQueryInput>): WireObject {
  const mistyped = new Set(read.problems.map((p) => p.path.coral));
  const checked = validateInput(profile.model, op.input, read.input, { flavour: profile.flavour, enums: profile.enums, ownChecks: profile.ownChecks });
  // A member of the wrong type was dropped from the input; it is not missing as well.
  const problems = [...read.problems, ...checked.filter((p) => p.kind !== 'missing' || !mistyped.has(p.path.coral))];
  if (problems.length > 0) throw problemsError(profile.errorStyle, problems);
  return read.input;
}

/** Reads and checks a query request's parameters for `op`; throws the service's input error. */
export function decodeQuery(profile: ServiceProfile, op: OperationModel, params: ReadonlyMap<string, string>): WireObject {
  return check(profile, op, readQueryInput(profile.model, profile.flavour, op.input, params));
}

/** Reads and checks a parsed AWS JSON body for `op`; throws the service's input error. */
export function decodeJson(profile: ServiceProfile, op: OperationModel, body: unknown): WireObject {
  return check(profile, op, readJsonInput(profile.model, profile.flavour, op.input, body));
}

const XML = 'text/xml';
const JSON_TYPE = 'application/x-amz-json-1.0';

/** The answer to a successful call. */
export function encodeOutput(profile: ServiceProfile, protocol: WireProtocol, op: OperationModel, output: WireObject, requestId: string): Encoded {
  if (protocol === 'json') {
    return { status: 200, headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId }, body: jsonResponseBody(profile.model, op.output, output) };
  }
  if (profile.flavour === 'ec2') {
    return { status: 200, headers: { 'content-type': XML }, body: ec2ResponseXml(profile.model, op, output, requestId) };
  }
  return { status: 200, headers: { 'content-type': XML, 'x-amzn-requestid': requestId }, body: queryResponseXml(profile.model, op, output, requestId) };
}

function jsonErrorType(profile: ServiceProfile, code: string): string {
  const ns = profile.jsonErrorNamespace ?? `com.amazonaws.${profile.name}`;
  for (const [name, shape] of Object.entries(profile.model.shapes)) {
    if (shape.error?.code === code) return `${ns}#${name}`;
  }
  return `${ns}#${code}`;
}

/**
 * The answer to a failed call. `profile` is undefined when the request named no service
 * we know: the answer is then a plain query-protocol error document.
 */
export function encodeError(profile: ServiceProfile | undefined, protocol: WireProtocol, err: ServiceError, requestId: string): Encoded {
  if (protocol === 'json') {
    return {
      /** HTTP status. */
      status: err.status,
      /** Response headers, lower-case names. */
      headers: {
        'content-type': JSON_TYPE,
        'x-amzn-requestid': requestId,
        'x-amzn-query-error': `${err.code};${err.fault}`,
      },
      /** Response body. */
      body: jsonErrorBody(profile === undefined ? err.code : jsonErrorType(profile, err.code), err.message),
    };
  }
  if (profile?.flavour === 'ec2') return { status: err.status, headers: { 'content-type': XML }, body: ec2ErrorXml(err.code, err.message, requestId) };
  return {
    /** HTTP status. */
    status: err.status,
    /** Response headers, lower-case names. */
    headers: { 'content-type': XML, 'x-amzn-requestid': requestId },
    /** Response body. */
    body: queryErrorXml(profile?.namespace, err.fault, err.code, err.message, requestId),
  };
}

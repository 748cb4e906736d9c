/**
 * The shape of the trimmed AWS service models in `src/local/models/` (written by
 * `scripts/gen-local-models.mjs` from botocore's `service-2.json`), and small helpers
 * to walk them.
 *
 * @module
 */

/** The scalar and aggregate types a model shape can have. */
export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob';

/** A reference from a structure member, list member, or map key/value to a shape. */
export interface MemberRef {
  /** Name of the referenced shape. */
  shape: string;
  /** Name on the wire (XML element, or query key for the EC2 protocol once capitalised). */
  locationName?: string;
  /** EC2 protocol: the query key, overriding `locationName`. */
  queryName?: string;
  /** Lists and maps: items repeat without a wrapper. */
  flattened?: boolean;
  /** Timestamp format override. */
  timestampFormat?: string;
  /** EC2: a client token the SDK fills in. */
  idempotencyToken?: boolean;
  /** Output refs of query operations: the `<XResult>` element. */
  resultWrapper?: string;
}

/** The error trait of an exception shape. */
export interface ErrorTrait {
  /** The query error code (`LoadBalancerNotFound`). */
  code?: string;
  /** Its HTTP status. */
  httpStatusCode?: number;
  /** Whether the caller is at fault. */
  senderFault?: boolean;
}

/** One shape of a model. */
export interface Shape {
  /** Its type. */
  type: ShapeType;
  /** Required members of a structure. */
  required?: string[];
  /** Members of a structure, by member name. */
  members?: Record<string, MemberRef>;
  /** Member of a list. */
  member?: MemberRef;
  /** Key of a map. */
  key?: MemberRef;
  /** Value of a map. */
  value?: MemberRef;
  /** Minimum length (strings, lists, maps) or value (numbers). */
  min?: number;
  /** Maximum length (strings, lists, maps) or value (numbers). */
  max?: number;
  /** Allowed values of a string. */
  enum?: string[];
  /** Pattern of a string, in Java syntax (enforced through `javaPattern`). */
  pattern?: string;
  /** Lists and maps: items repeat without a wrapper. */
  flattened?: boolean;
  /** Name on the wire. */
  locationName?: string;
  /** Timestamp format. */
  timestampFormat?: string;
  /** Exception shapes: their query error. */
  error?: ErrorTrait;
  /** Whether this is an exception shape. */
  exception?: boolean;
}

/** Where an operation is sent. */
export interface HttpTrait {
  /** HTTP method. */
  method: string;
  /** Path. */
  requestUri: string;
}

/** What a model says of its service. */
export interface ModelMetadata {
  /** API version (`2011-01-01`). */
  apiVersion: string;
  /** Endpoint prefix (`autoscaling`). */
  endpointPrefix: string;
  /** The SDKs' preferred wire protocol (`query`, `ec2`; CloudWatch's is `smithy-rpc-v2-cbor`). */
  protocol: string;
  /** Every wire protocol the service speaks, preferred first (CloudWatch: CBOR, `json`, `query`). */
  protocols?: string[];
  /** AWS JSON: the `X-Amz-Target` prefix (`GraniteServiceVersion20100801`). */
  targetPrefix?: string;
  /** AWS JSON: its version (`1.0`). */
  jsonVersion?: string;
  /** AWS JSON: errors carry the query error code too (`x-amzn-query-error`). */
  awsQueryCompatible?: Record<string, never>;
  /** Full name. */
  serviceFullName?: string;
  /** SDK service id. */
  serviceId?: string;
  /** Signature version (`v4`). */
  signatureVersion?: string;
  /** Unique id (`autoscaling-2011-01-01`). */
  uid?: string;
  /** XML namespace of answers. */
  xmlNamespace?: string;
}

/** One operation of a model. */
export interface OperationModel {
  /** Action name. */
  name: string;
  /** HTTP method and path (POST / for every query operation). */
  http: HttpTrait;
  /** Its input shape. */
  input?: MemberRef;
  /** Its output shape and result wrapper. */
  output?: MemberRef;
  /** Exception shapes it may answer with. */
  errors?: MemberRef[];
}

/** A trimmed service model. */
export interface ServiceModel {
  /** Where the model was generated from. */
  source: string;
  /** Service metadata: API version, protocol, XML namespace. */
  metadata: ModelMetadata;
  /** Operations by action name. */
  operations: Record<string, OperationModel>;
  /** Shapes by name. */
  shapes: Record<string, Shape>;
}

/** The shape a ref points at; a model that names a missing shape is a build error. */
export function shapeOf(model: ServiceModel, ref: MemberRef | string): Shape {
  const name = typeof ref === 'string' ? ref : ref.shape;
  const shape = model.shapes[name];
  if (shape === undefined) throw new Error(`model ${model.metadata.uid ?? model.source} has no shape ${name}`);
  return shape;
}

/** `AutoScalingGroupName` → `autoScalingGroupName`, as AWS's validation messages name members. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `instanceId` → `InstanceId`, as the EC2 protocol capitalises location names on input. */
export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whether a shape type is a number. */
export function isNumeric(type: ShapeType): boolean {
  return type === 'integer' || type === 'long' || type === 'double' || type === 'float';
}

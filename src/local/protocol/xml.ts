/**
 * XML answers of the query protocols, written as the AWS API Reference shows them:
 * `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata>…` with `member` lists for
 * Auto Scaling, ELB and CloudWatch; `<XResponse xmlns=…><requestId>…` with `item`
 * lists and location names for EC2; and each flavour's error document.
 *
 * @module
 */
import type { WireObject, WireValue } from '../types';
import { lowerFirst, shapeOf, type MemberRef, type OperationModel, type ServiceModel, type Shape } from './model';
import type { QueryFlavour } from './naming';
import { isoMillis } from './timestamps';

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except
// surrogates (unpaired ones) and U+FFFE/U+FFFF.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NEEDS_ESCAPE = /[&<>"'\r]|[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function plain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c >= 0xd800) {
      if (c >= 0xd800 || c === 0x09 || c === 0x0a) return !NEEDS_ESCAPE.test(text);
      return false;
    }
  }
  return true;
}

/** Escapes text for an XML element or attribute; characters XML cannot carry become U+FFFD. */
export function escapeXml(text: string): string {
  if (plain(text)) return text;
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#xD;');
}

function isObject(v: WireValue): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return String(v);
}

function scalarText(v: WireValue): string {
  if (v instanceof Date) return isoMillis(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** A structure member, resolved once per shape. */
interface MemberPlan {
  name: string;
  element: string;
  ref: MemberRef;
  shape: Shape;
}

function scalar(shape: Shape): boolean {
  return shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map';
}

const plans = new WeakMap<Shape, MemberPlan[]>();

function planOf(model: ServiceModel, shape: Shape): MemberPlan[] {
  let plan = plans.get(shape);
  if (plan === undefined) {
    plan = Object.entries(shape.members ?? {}).map(([name, ref]) => ({ name, element: ref.locationName ?? name, ref, shape: shapeOf(model, ref) }));
    plans.set(shape, plan);
  }
  return plan;
}

class XmlWriter {
  out = '';

  constructor(
    private readonly model: ServiceModel,
    private readonly flavour: QueryFlavour,
  ) {}

  private text(name: string, text: string): void {
    this.out += `<${name}>${escapeXml(text)}</${name}>`;
  }

  members(shape: Shape, value: WireObject): void {
    const plan = planOf(this.model, shape);
    let seen = 0;
    for (const m of plan) {
      const v = value[m.name];
      if (v === undefined) continue;
      seen++;
      if (v === null) continue;
      if (typeof v === 'string' && scalar(m.shape) && m.shape.type !== 'timestamp') this.out += `<${m.element}>${escapeXml(v)}</${m.element}>`;
      else this.typed(m.element, m.ref, m.shape, v);
    }
    const keys = Object.keys(value);
    if (keys.length === seen) return;
    const members = shape.members ?? {};
    for (const name of keys) {
      const v = value[name];
      if (Object.prototype.hasOwnProperty.call(members, name) || v === undefined || v === null) continue;
      this.generic(this.flavour === 'ec2' ? lowerFirst(name) : name, v);
    }
  }

  value(name: string, ref: MemberRef, v: WireValue): void {
    this.typed(name, ref, shapeOf(this.model, ref), v);
  }

  typed(name: string, ref: MemberRef, shape: Shape, v: WireValue): void {
    switch (shape.type) {
      case 'structure':
        if (!isObject(v)) return this.generic(name, v);
        this.out += `<${name}>`;
        this.members(shape, v);
        this.out += `</${name}>`;
        return;
      case 'list': {
        if (!Array.isArray(v)) return this.generic(name, v);
        const member = shape.member as MemberRef;
        const memberShape = shapeOf(this.model, member);
        const flattened = this.flavour !== 'ec2' && (ref.flattened === true || shape.flattened === true);
        if (flattened) {
          for (const item of v) if (item !== undefined && item !== null) this.typed(member.locationName ?? name, member, memberShape, item);
          return;
        }
        const itemName = member.locationName ?? (this.flavour === 'ec2' ? 'item' : 'member');
        this.out += `<${name}>`;
        for (const item of v) if (item !== undefined && item !== null) this.typed(itemName, member, memberShape, item);
        this.out += `</${name}>`;
        return;
      }
      case 'map': {
        if (!isObject(v)) return this.generic(name, v);
        const keyName = shape.key?.locationName ?? 'key';
        const valueName = shape.value?.locationName ?? 'value';
        const flattened = ref.flattened === true || shape.flattened === true;
        const entry = flattened ? name : 'entry';
        if (!flattened) this.out += `<${name}>`;
        for (const [k, item] of Object.entries(v)) {
          if (item === undefined || item === null) continue;
          this.out += `<${entry}>`;
          this.text(keyName, k);
          this.value(valueName, shape.value as MemberRef, item);
          this.out += `</${entry}>`;
        }
        if (!flattened) this.out += `</${name}>`;
        return;
      }
      case 'timestamp':
        if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return this.text(name, isoMillis(v));
        return this.generic(name, v);
      default:
        if (isObject(v) || Array.isArray(v)) return this.generic(name, v);
        return this.text(name, scalarText(v));
    }
  }

  /** A value the model does not describe: written by its JavaScript type. */
  generic(name: string, v: WireValue): void {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) {
      const itemName = this.flavour === 'ec2' ? 'item' : 'member';
      this.out += `<${name}>`;
      for (const item of v) this.generic(itemName, item);
      this.out += `</${name}>`;
    } else if (isObject(v)) {
      this.out += `<${name}>`;
      for (const [k, item] of Object.entries(v)) this.generic(this.flavour === 'ec2' ? lowerFirst(k) : k, item);
      this.out += `</${name}>`;
    } else {
      this.text(name, scalarText(v));
    }
  }
}

/** The XML namespace of a service's answers (with the trailing slash AWS writes). */
export function xmlNamespace(model: ServiceModel): string {
  const ns = model.metadata.xmlNamespace ?? '';
  return ns.endsWith('/') ? ns : `${ns}/`;
}

/** The answer document of a query-protocol operation. */
export function queryResponseXml(model: ServiceModel, op: OperationModel, output: WireObject, requestId: string): string {
  const w = new XmlWriter(model, 'query');
  const root = `${op.name}Response`;
  w.out += `<${root} xmlns="${xmlNamespace(model)}">`;
  if (op.output !== undefined) {
    const wrapper = op.output.resultWrapper ?? `${op.name}Result`;
    w.out += `<${wrapper}>`;
    w.members(shapeOf(model, op.output), output);
    w.out += `</${wrapper}>`;
  }
  w.out += `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${root}>`;
  return w.out;
}

/** The answer document of an EC2 operation. */
export function ec2ResponseXml(model: ServiceModel, op: OperationModel, output: WireObject, requestId: string): string {
  const w = new XmlWriter(model, 'ec2');
  const root = `${op.name}Response`;
  w.out += `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${xmlNamespace(model)}"><requestId>${escapeXml(requestId)}</requestId>`;
  if (op.output !== undefined) w.members(shapeOf(model, op.output), output);
  else w.out += '<return>true</return>';
  w.out += `</${root}>`;
  return w.out;
}

/** A query-protocol error document. */
export function queryErrorXml(namespace: string | undefined, fault: string, code: string, message: string, requestId: string): string {
  const xmlns = namespace === undefined ? '' : ` xmlns="${escapeXml(namespace)}"`;
  return (
    `<ErrorResponse${xmlns}><Error><Type>${escapeXml(fault)}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}

/** An EC2 error document. */
export function ec2ErrorXml(code: string, message: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}

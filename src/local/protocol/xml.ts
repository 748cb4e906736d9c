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
import { isoMillis, isoSeconds, WHOLE_SECOND_MEMBERS } from './timestamps';

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

/** Writes one value as an element (or, for a flattened list, as repeated elements). */
type ElementWriter = (v: WireValue) => string;

/** Writes a structure's members (without its own element). */
type MembersWriter = (v: WireObject) => string;

/** A value the model does not describe: written by its JavaScript type. */
function generic(flavour: QueryFlavour, name: string, v: WireValue): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) {
    const itemName = flavour === 'ec2' ? 'item' : 'member';
    let out = `<${name}>`;
    for (const item of v) out += generic(flavour, itemName, item);
    return `${out}</${name}>`;
  }
  if (isObject(v)) {
    let out = `<${name}>`;
    for (const [k, item] of Object.entries(v)) out += generic(flavour, flavour === 'ec2' ? lowerFirst(k) : k, item);
    return `${out}</${name}>`;
  }
  return `<${name}>${escapeXml(scalarText(v))}</${name}>`;
}

/**
 * The writers of one model and flavour, built once per shape (and element name) from the
 * model and kept: an answer is then written by closures that know their element names
 * and member types, instead of by walking the model again for every value.
 */
class XmlWriters {
  readonly #members = new Map<Shape, MembersWriter>();
  /** Structures with members AWS writes in whole seconds, and those members' names. */
  readonly #wholeSeconds = new Map<Shape, readonly string[]>();

  constructor(
    private readonly model: ServiceModel,
    private readonly flavour: QueryFlavour,
  ) {
    for (const [structure, names] of Object.entries(WHOLE_SECOND_MEMBERS[model.metadata.endpointPrefix] ?? {})) {
      const shape = model.shapes[structure];
      if (shape !== undefined) this.#wholeSeconds.set(shape, names);
    }
  }

  /** The writer of a structure's members; members the model does not have are written by their type. */
  members(shape: Shape): MembersWriter {
    let writer = this.#members.get(shape);
    if (writer !== undefined) return writer;
    const seconds = this.#wholeSeconds.get(shape) ?? [];
    const plan = Object.entries(shape.members ?? {}).map(([name, ref]) => ({
      name,
      write: this.element(ref.locationName ?? name, ref, shapeOf(this.model, ref), seconds.includes(name)),
    }));
    const known = shape.members ?? {};
    const flavour = this.flavour;
    writer = (value) => {
      let out = '';
      let seen = 0;
      for (const m of plan) {
        const v = value[m.name];
        if (v === undefined) continue;
        seen++;
        if (v !== null) out += m.write(v);
      }
      let keys = 0;
      for (const name in value) if (Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined) keys++;
      if (keys === seen) return out;
      for (const name of Object.keys(value)) {
        const v = value[name];
        if (Object.prototype.hasOwnProperty.call(known, name) || v === undefined || v === null) continue;
        out += generic(flavour, flavour === 'ec2' ? lowerFirst(name) : name, v);
      }
      return out;
    };
    this.#members.set(shape, writer);
    return writer;
  }

  /** The writer of a value of `shape` as the element `name`; `wholeSeconds` for timestamps AWS writes without a fraction. */
  element(name: string, ref: MemberRef, shape: Shape, wholeSeconds = false): ElementWriter {
    const flavour = this.flavour;
    const open = `<${name}>`;
    const close = `</${name}>`;
    const other = (v: WireValue): string => generic(flavour, name, v);
    switch (shape.type) {
      case 'structure': {
        // Looked up at first use, so recursive shapes do not recurse while being built.
        let members: MembersWriter | undefined;
        return (v) => {
          if (!isObject(v)) return other(v);
          members ??= this.members(shape);
          return open + members(v) + close;
        };
      }
      case 'list': {
        const member = shape.member as MemberRef;
        const memberShape = shapeOf(this.model, member);
        const flattened = flavour !== 'ec2' && (ref.flattened === true || shape.flattened === true);
        let item: ElementWriter | undefined;
        const itemName = member.locationName ?? (flattened ? name : flavour === 'ec2' ? 'item' : 'member');
        return (v) => {
          if (!Array.isArray(v)) return other(v);
          item ??= this.element(itemName, member, memberShape, wholeSeconds);
          let out = flattened ? '' : open;
          for (const x of v) if (x !== undefined && x !== null) out += item(x);
          return flattened ? out : out + close;
        };
      }
      case 'map': {
        const keyOpen = `<${shape.key?.locationName ?? 'key'}>`;
        const keyClose = `</${shape.key?.locationName ?? 'key'}>`;
        const valueRef = shape.value as MemberRef;
        const flattened = ref.flattened === true || shape.flattened === true;
        const entryOpen = flattened ? open : '<entry>';
        const entryClose = flattened ? close : '</entry>';
        let item: ElementWriter | undefined;
        return (v) => {
          if (!isObject(v)) return other(v);
          item ??= this.element(valueRef.locationName ?? 'value', valueRef, shapeOf(this.model, valueRef));
          let out = flattened ? '' : open;
          for (const [k, x] of Object.entries(v)) {
            if (x === undefined || x === null) continue;
            out += entryOpen + keyOpen + escapeXml(k) + keyClose + item(x) + entryClose;
          }
          return flattened ? out : out + close;
        };
      }
      case 'timestamp': {
        const iso = wholeSeconds ? isoSeconds : isoMillis;
        return (v) => (v instanceof Date || typeof v === 'number' || typeof v === 'string' ? open + escapeXml(iso(v)) + close : other(v));
      }
      default:
        return (v) => {
          if (typeof v === 'string') return open + escapeXml(v) + close;
          if (isObject(v) || Array.isArray(v)) return other(v);
          return open + escapeXml(scalarText(v)) + close;
        };
    }
  }
}

const writers = new WeakMap<ServiceModel, Map<QueryFlavour, XmlWriters>>();

function writersOf(model: ServiceModel, flavour: QueryFlavour): XmlWriters {
  let byFlavour = writers.get(model);
  if (byFlavour === undefined) {
    byFlavour = new Map();
    writers.set(model, byFlavour);
  }
  let w = byFlavour.get(flavour);
  if (w === undefined) {
    w = new XmlWriters(model, flavour);
    byFlavour.set(flavour, w);
  }
  return w;
}

/** The XML namespace of a service's answers (with the trailing slash AWS writes). */
export function xmlNamespace(model: ServiceModel): string {
  const ns = model.metadata.xmlNamespace ?? '';
  return ns.endsWith('/') ? ns : `${ns}/`;
}

/** The answer document of a query-protocol operation. */
export function queryResponseXml(model: ServiceModel, op: OperationModel, output: WireObject, requestId: string): string {
  const root = `${op.name}Response`;
  let out = `<${root} xmlns="${xmlNamespace(model)}">`;
  if (op.output !== undefined) {
    const wrapper = op.output.resultWrapper ?? `${op.name}Result`;
    out += `<${wrapper}>${writersOf(model, 'query').members(shapeOf(model, op.output))(output)}</${wrapper}>`;
  }
  return `${out}<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${root}>`;
}

/** The answer document of an EC2 operation. */
export function ec2ResponseXml(model: ServiceModel, op: OperationModel, output: WireObject, requestId: string): string {
  const root = `${op.name}Response`;
  const body = op.output !== undefined ? writersOf(model, 'ec2').members(shapeOf(model, op.output))(output) : '<return>true</return>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${xmlNamespace(model)}"><requestId>${escapeXml(requestId)}</requestId>${body}</${root}>`;
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

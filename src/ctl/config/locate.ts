/**
 * Positions in the YAML source: where the key (or list item) at a path is, so that every
 * error points at the offending key.
 *
 * @module
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** A path into the document: map keys and list indexes. */
export type DocPath = readonly (string | number)[];

/** A 1-based line and column. */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

/** Appended (with a number) to the second and later copies of a duplicated key. */
export const DUPLICATE_MARK = '\u0000#';

/** A key without the duplicate mark. */
export function realKey(key: string): string {
  const at = key.indexOf(DUPLICATE_MARK);
  return at < 0 ? key : key.slice(0, at);
}

/** The text of a map key (scalar keys only; others never match a path). */
export function keyText(pair: Pair): string | undefined {
  const key: unknown = pair.key;
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function startOf(node: unknown): number | undefined {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    return range?.[0];
  }
  return undefined;
}

/** Finds positions of paths in one parsed document. */
export class Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  /** The position of an offset in the source. */
  at(offset: number): Position {
    const { line, col } = this.#lines.linePos(offset);
    return { line, col };
  }

  /**
   * Where the thing at `path` is: the key of the last map entry on the path (or the list
   * item), or, when the path goes further than the document (a missing key), the deepest
   * key that exists.
   */
  locate(path: DocPath): Position {
    let node: unknown = this.#doc.contents;
    let offset = startOf(node) ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p) === String(segment));
        if (pair === undefined) break;
        offset = startOf(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) break;
        offset = startOf(item) ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return this.at(offset);
  }

  /** The position of key `key` of the map at `path` (for unknown keys). */
  locateKey(path: DocPath, key: string): Position {
    return this.locate([...path, key]);
  }
}

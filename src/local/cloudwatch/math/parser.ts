/**
 * The metric math parser: a tokenizer and a recursive-descent parser for CloudWatch's
 * metric math expressions (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html):
 * numbers, query ids, strings, `+ - * / ^` with the usual precedence (`^` binds
 * tightest and to the right), parentheses, unary minus, and function calls such as
 * `SUM(METRICS())` or `FILL(m1, REPEAT)`.
 *
 * Both the length and the nesting depth are bounded, so no single expression can make
 * the server work for long or exhaust its stack.
 *
 * @module
 */

/** The longest expression CloudWatch takes (the model's `MetricExpression` max). */
export const MAX_EXPRESSION_LENGTH = 2048;
/** The deepest nesting of parentheses, calls and operators the parser follows. */
export const MAX_DEPTH = 64;

/** A parsed expression. */
export type MathNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ref'; id: string }
  | { kind: 'keyword'; name: string }
  | { kind: 'negate'; arg: MathNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: MathNode; right: MathNode }
  | { kind: 'call'; name: string; args: MathNode[] };

/** A syntax error, with the 1-based position it was found at. */
export class MathSyntaxError extends Error {
  /** Where in the expression (1-based). */
  readonly position: number;

  /** An error at `position`. */
  constructor(message: string, position: number) {
    super(message);
    this.name = 'MathSyntaxError';
    this.position = position;
  }
}

type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'punct'; value: string; at: number }
  | { type: 'end'; at: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits an expression into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i + 1 });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      tokens.push({ type: 'name', value: name[0], at: i + 1 });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new MathSyntaxError('unterminated string', i + 1);
      tokens.push({ type: 'string', value: text.slice(i + 1, close), at: i + 1 });
      i = close + 1;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      tokens.push({ type: 'punct', value: c, at: i + 1 });
      i++;
      continue;
    }
    throw new MathSyntaxError(`unexpected character '${c}'`, i + 1);
  }
  tokens.push({ type: 'end', at: text.length + 1 });
  return tokens;
}

function describe(t: Token): string {
  return t.type === 'end' ? 'end of expression' : `'${t.type === 'string' ? `"${t.value}"` : String(t.value)}'`;
}

class Parser {
  #tokens: Token[];
  #pos = 0;
  #depth = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  peek(): Token {
    return this.#tokens[this.#pos] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.#pos++;
    return t;
  }

  isPunct(value: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.value === value;
  }

  expect(value: string): void {
    const t = this.next();
    if (t.type !== 'punct' || t.value !== value) throw new MathSyntaxError(`expected '${value}' but found ${describe(t)}`, t.at);
  }

  enter(): void {
    if (++this.#depth > MAX_DEPTH) throw new MathSyntaxError(`the expression nests deeper than ${MAX_DEPTH} levels`, this.peek().at);
  }

  leave(): void {
    this.#depth--;
  }

  // sum := product (('+' | '-') product)*
  sum(): MathNode {
    this.enter();
    let left = this.product();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = (this.next() as { value: string }).value as '+' | '-';
      left = { kind: 'binary', op, left, right: this.product() };
    }
    this.leave();
    return left;
  }

  // product := unary (('*' | '/') unary)*
  product(): MathNode {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = (this.next() as { value: string }).value as '*' | '/';
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  // unary := '-' unary | power
  unary(): MathNode {
    if (this.isPunct('-')) {
      this.next();
      this.enter();
      const arg = this.unary();
      this.leave();
      return { kind: 'negate', arg };
    }
    return this.power();
  }

  // power := primary ('^' unary)?   (right-associative, binds tighter than unary minus on its left)
  power(): MathNode {
    const base = this.primary();
    if (!this.isPunct('^')) return base;
    this.next();
    this.enter();
    const exponent = this.unary();
    this.leave();
    return { kind: 'binary', op: '^', left: base, right: exponent };
  }

  // primary := number | string | name | name '(' args ')' | '(' sum ')'
  primary(): MathNode {
    const t = this.next();
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'string') return { kind: 'string', value: t.value };
    if (t.type === 'punct' && t.value === '(') {
      const inner = this.sum();
      this.expect(')');
      return inner;
    }
    if (t.type === 'name') {
      if (this.isPunct('(')) return this.call(t.value);
      return /^[a-z]/.test(t.value) ? { kind: 'ref', id: t.value } : { kind: 'keyword', name: t.value };
    }
    throw new MathSyntaxError(`unexpected ${describe(t)}`, t.at);
  }

  call(name: string): MathNode {
    this.expect('(');
    const args: MathNode[] = [];
    if (!this.isPunct(')')) {
      args.push(this.sum());
      while (this.isPunct(',')) {
        this.next();
        args.push(this.sum());
      }
    }
    this.expect(')');
    return { kind: 'call', name, args };
  }
}

/** Parses an expression; throws {@link MathSyntaxError} on anything it cannot read. */
export function parseExpression(text: string): MathNode {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new MathSyntaxError(`the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH + 1);
  const parser = new Parser(tokenize(text));
  if (parser.peek().type === 'end') throw new MathSyntaxError('the expression is empty', 1);
  const node = parser.sum();
  const rest = parser.peek();
  if (rest.type !== 'end') throw new MathSyntaxError(`unexpected ${describe(rest)}`, rest.at);
  return node;
}

/** The query ids an expression names (for dependency checks). */
export function referencedIds(node: MathNode): string[] {
  switch (node.kind) {
    case 'ref':
      return [node.id];
    case 'negate':
      return referencedIds(node.arg);
    case 'binary':
      return [...referencedIds(node.left), ...referencedIds(node.right)];
    case 'call':
      return node.args.flatMap(referencedIds);
    default:
      return [];
  }
}

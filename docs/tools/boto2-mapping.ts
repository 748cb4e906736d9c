/**
 * Generates docs/boto2-mapping.md: one row for every public call and resource method
 * of boto 2.49's `boto.ec2.autoscale`, `boto.ec2.cloudwatch` and `boto.ec2.elb`, the
 * EC2 calls the tutorials use, and the `boto.connect_*` shortcuts, each with its
 * botoscale name and signature (read from botoscale's TypeScript sources) and the
 * differences. The expected botoscale name is boto2's, mechanically camelCased, unless
 * {@link OVERRIDES} says otherwise; a name botoscale does not export is marked
 * `MISSING`, which test/docs/boto2-mapping.test.ts turns into a failure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePythonModule, type PyClass, type PyFunction, type PyParam } from './boto2-source';
import { readBotoscaleApi, type ApiModule, type BotoscaleApi, type ServiceModule, type TsSignature } from './botoscale-api';
import { ADDITIONS } from './boto2-additions';
import { OVERRIDES, SAX_METHODS } from './boto2-overrides';

/** Where Debian's python3-boto installs boto 2.49. */
export const BOTO_ROOT = '/usr/lib/python3/dist-packages/boto';

/** The mapping document, relative to the repository root. */
export const MAPPING_FILE = 'docs/boto2-mapping.md';

/** One boto2 package and the botoscale module it maps to. */
export interface Source {
  /** Dotted name of the Python package or module, e.g. `boto.ec2.autoscale`. */
  python: string;
  /** Files relative to the boto root, each a module of the package. */
  files: string[];
  /** The botoscale entry point: `botoscale/<module>`, or the package root. */
  module: ServiceModule;
  /** Restricts what is listed: function names, and methods per class. */
  only?: { functions?: string[]; classes?: Record<string, string[]> };
}

function packageFiles(root: string, dir: string): string[] {
  const names = readdirSync(join(root, dir)).filter((f) => f.endsWith('.py')).sort();
  return ['__init__.py', ...names.filter((f) => f !== '__init__.py')].map((f) => `${dir}/${f}`);
}

/** The boto2 packages the table covers, each with its files and botoscale module. */
export function sources(root: string): Source[] {
  return [
    { python: 'boto', files: ['__init__.py'], module: '', only: { functions: ['connect_autoscale', 'connect_cloudwatch', 'connect_elb', 'connect_ec2'] } },
    { python: 'boto.ec2.autoscale', files: packageFiles(root, 'ec2/autoscale'), module: 'autoscale' },
    { python: 'boto.ec2.cloudwatch', files: packageFiles(root, 'ec2/cloudwatch'), module: 'cloudwatch' },
    { python: 'boto.ec2.elb', files: packageFiles(root, 'ec2/elb'), module: 'elb' },
    {
      python: 'boto.ec2',
      files: ['ec2/__init__.py', 'ec2/connection.py'],
      module: 'ec2',
      only: {
        functions: ['regions', 'connect_to_region'],
        classes: { EC2Connection: ['get_all_instances', 'get_only_instances', 'get_all_reservations', 'get_all_zones', 'get_all_regions'] },
      },
    },
  ];
}

/** boto2's name, mechanically camelCased: `get_all_groups` → `getAllGroups`, `set_lb_listener_SSL_certificate` → `setLbListenerSSLCertificate`. */
export function camelCase(name: string): string {
  const [first, ...rest] = name.split('_').filter((p) => p !== '');
  return (first ?? '') + rest.map((p) => (p.length > 1 && p === p.toUpperCase() ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** A row of the table. */
export interface MappingRow {
  /** The dotted path of the boto2 name (`boto.ec2.autoscale.group.AutoScalingGroup.set_capacity`). */
  key: string;
  /** The Python module the row belongs to. */
  section: string;
  /** The botoscale module to look the name up in. */
  module: ServiceModule;
  /** boto2's call as written in Python. */
  boto: string;
  /** The class (for methods and constructors), or undefined for module functions. */
  className: string | undefined;
  /** The botoscale member: method or function name, or `constructor`. */
  member: string | undefined;
  /** The botoscale call, or `—` when boto2's name has no counterpart. */
  botoscale: string;
  notes: string;
  status: 'ok' | 'none' | 'missing';
}

function pySignature(name: string, params: PyParam[]): string {
  const parts = params.map((p) => `${p.star ?? ''}${p.name}${p.default === undefined ? '' : `=${p.default.replace(/\s+/g, ' ')}`}`);
  return `${name}(${parts.join(', ')})`;
}

function tsCall(name: string, sig: TsSignature, isNew: boolean): string {
  const params = sig.params.map((p) => (p.options === undefined ? `${p.name}${p.optional ? '?' : ''}` : p.options.length === 0 ? '{}' : `{ ${p.options.join(', ')} }`));
  const call = `${isNew ? 'new ' : ''}${name}(${params.join(', ')})`;
  return isNew ? call : `${call} → ${sig.returns}`;
}

function paramNotes(py: PyParam[], sig: TsSignature, renamed: Record<string, string> = {}): string[] {
  const notes: string[] = [];
  const tsNames = new Set(sig.params.flatMap((p) => p.options ?? [p.name]));
  const tsName = (p: PyParam): string => renamed[p.name] ?? camelCase(p.name);
  const pyNames = new Set(py.filter((p) => p.star === undefined).map(tsName));
  for (const [from, to] of Object.entries(renamed)) {
    if (tsNames.has(to)) notes.push(`boto2's \`${from}\` is \`${to}\``);
  }
  const notTaken = py.filter((p) => p.star === undefined && !tsNames.has(tsName(p))).map((p) => `\`${p.name}\``);
  if (notTaken.length > 0) notes.push(`boto2's ${notTaken.join(', ')} not taken`);
  if (!py.some((p) => p.star === '**')) {
    const added = [...tsNames].filter((n) => !pyNames.has(n)).map((n) => `\`${n}\``);
    if (added.length > 0) notes.push(`adds ${added.join(', ')}`);
  }
  return notes;
}

function returnNotes(fn: PyFunction | undefined, sig: TsSignature): string[] {
  const notes: string[] = [];
  if (sig.returns.startsWith('PagedRequest<')) notes.push('paged: `await` gives one page, `for await` every item');
  if (fn?.returnsStatus && sig.returns.startsWith('Promise<') && sig.returns !== 'Promise<boolean>') notes.push('boto2 returned `True`');
  return notes;
}

function join2(notes: Array<string | undefined>): string {
  return notes.filter((n): n is string => n !== undefined && n !== '').join('; ');
}

function moduleRef(module: ServiceModule): string {
  return module === '' ? 'botoscale' : `botoscale/${module}`;
}

/** Builds every row from boto's sources and botoscale's API. */
export function buildRows(botoRoot: string, api: BotoscaleApi): MappingRow[] {
  const rows: MappingRow[] = [];
  for (const src of sources(botoRoot)) {
    const mod = api.get(src.module) as ApiModule;
    for (const file of src.files) {
      const parsed = parsePythonModule(readFileSync(join(botoRoot, file), 'utf8'));
      const base = file.endsWith('__init__.py') ? src.python : `${src.python}.${file.replace(/^.*\//, '').replace(/\.py$/, '')}`;
      const section = file === 'ec2/connection.py' ? src.python : base;
      for (const fn of parsed.functions) {
        if (src.only?.functions !== undefined && !src.only.functions.includes(fn.name)) continue;
        const key = `${base}.${fn.name}`;
        const o = OVERRIDES[key];
        const boto = pySignature(fn.name, fn.params);
        if (o?.none !== undefined) {
          rows.push({ key, section, module: src.module, boto, className: undefined, member: undefined, botoscale: '—', notes: o.none, status: 'none' });
          continue;
        }
        const name = o?.name ?? camelCase(fn.name);
        const sig = mod.functions.get(name);
        rows.push({
          key, section, module: src.module, boto, className: undefined, member: name,
          botoscale: sig === undefined ? `MISSING: ${name} in ${moduleRef(src.module)}` : tsCall(name, sig, false),
          notes: sig === undefined ? '' : join2([...paramNotes(fn.params, sig, o?.renamed), ...returnNotes(fn, sig), o?.note]),
          status: sig === undefined ? 'missing' : 'ok',
        });
      }
      for (const cls of parsed.classes) {
        const onlyMethods = src.only?.classes?.[cls.name];
        if (src.only !== undefined && onlyMethods === undefined) continue;
        rows.push(...classRows(cls, base, section, src.module, mod, onlyMethods));
      }
    }
  }
  return rows;
}

function classRows(cls: PyClass, base: string, section: string, module: ServiceModule, mod: ApiModule, onlyMethods: string[] | undefined): MappingRow[] {
  const rows: MappingRow[] = [];
  const classKey = `${base}.${cls.name}`;
  const co = OVERRIDES[classKey];
  const tsName = co?.name ?? cls.name;
  const api = mod.classes.get(tsName);
  if (onlyMethods === undefined) {
    const boto = pySignature(cls.name, cls.init);
    if (co?.none !== undefined) {
      rows.push({ key: classKey, section, module, boto, className: undefined, member: undefined, botoscale: '—', notes: co.none, status: 'none' });
    } else {
      const ctor = api?.ctor;
      rows.push({
        key: classKey, section, module, boto, className: tsName, member: 'constructor',
        botoscale: api === undefined ? `MISSING: class ${tsName} in ${moduleRef(module)}` : ctor === undefined ? `new ${tsName}()` : tsCall(tsName, ctor, true),
        notes: api === undefined || ctor === undefined ? co?.note ?? '' : join2([...paramNotes(cls.init, ctor, co?.renamed), co?.note]),
        status: api === undefined ? 'missing' : 'ok',
      });
    }
  }
  for (const m of cls.methods) {
    if (SAX_METHODS.includes(m.name)) continue;
    if (onlyMethods !== undefined && !onlyMethods.includes(m.name)) continue;
    const key = `${classKey}.${m.name}`;
    const o = OVERRIDES[key];
    const boto = `${cls.name}.${pySignature(m.name, m.params)}`;
    if (co?.none !== undefined || o?.none !== undefined) {
      rows.push({ key, section, module, boto, className: undefined, member: undefined, botoscale: '—', notes: o?.none ?? co?.none ?? '', status: 'none' });
      continue;
    }
    const name = o?.name ?? camelCase(m.name);
    const sig = api?.methods.get(name);
    const alias = m.aliasOf === undefined ? undefined : `alias of \`${m.aliasOf}\`, as in boto2`;
    rows.push({
      key, section, module, boto, className: tsName, member: name,
      botoscale: sig === undefined ? `MISSING: ${tsName}.${name} in ${moduleRef(module)}` : `${tsName}.${tsCall(name, sig, false)}`,
      notes: sig === undefined ? '' : join2([alias, ...paramNotes(m.params, sig, o?.renamed), ...returnNotes(m, sig), o?.note]),
      status: sig === undefined ? 'missing' : 'ok',
    });
  }
  return rows;
}

function cell(text: string, code: boolean): string {
  const escaped = text.replace(/\|/g, '\\|');
  return code && text !== '—' ? `\`${escaped}\`` : escaped;
}

const HEADER = `# boto2 → botoscale

<!-- Generated by docs/tools/boto2-mapping.ts from boto 2.49's sources and botoscale's
     TypeScript sources; test/docs/boto2-mapping.test.ts checks it. To regenerate:
     BOTOSCALE_UPDATE_DOCS=1 npx jest test/docs/boto2-mapping -->

Every public call and resource method of boto 2.49's \`boto.ec2.autoscale\`,
\`boto.ec2.cloudwatch\` and \`boto.ec2.elb\`, the EC2 calls the tutorials use, and the
\`boto.connect_*\` shortcuts, with botoscale's counterpart. The rules behind the names
(README, "boto2 → botoscale naming"):

- Names are camelCased mechanically: \`get_all_groups\` → \`getAllGroups\`; acronyms keep
  boto2's case (\`set_lb_listener_SSL_certificate\` → \`setLbListenerSSLCertificate\`).
- Arguments bind as Python binds boto2's: the i-th argument is boto2's i-th parameter,
  and boto2's keyword arguments go, camelCased, into one options object that comes last,
  written here as \`{ names, maxRecords, nextToken }\`. The table shows the usual form
  (boto2's required parameters, then the options object); boto2's optional parameters
  may also be given positionally, in boto2's order: \`getAllGroups(['g2'])\` is
  \`getAllGroups({ names: ['g2'] })\`, \`setDesiredCapacity('g', 2, true)\` honours the
  cooldown. A plain object right after the positional parameters is the options object.
  Every call checks its arguments at run time (unknown option keys, extra, missing or
  wrong-kind arguments are a \`BotoClientError\` before anything is sent). Every call that
  sends a request also takes \`signal\` (an \`AbortSignal\`) and \`requestTimeout\`
  (milliseconds per attempt) in its options; they are left out of the table.
- Every call that talks to AWS returns a Promise. List calls return a \`PagedRequest\`:
  \`await\` gives one page (a \`ResultSet\`, an Array with \`nextToken\`, as boto2's), and
  \`for await\` walks every item of every page.
- Constructors take one options object of boto2's keyword arguments, camelCased.
- boto2's \`startElement\` / \`endElement\` (on every resource class) are its SAX response
  parser's hooks; the AWS SDK parses responses, so they have no counterpart and are not
  listed.

"Not taken" lists boto2 arguments botoscale has no parameter for; "adds" lists
botoscale parameters boto2 does not have. The \`beyond boto2\` sections list calls and
classes boto2 does not have at all (what AWS added since boto 2.49).
`;

/** Renders the document. */
export function renderMapping(rows: MappingRow[]): string {
  const out: string[] = [HEADER];
  let section: string | undefined;
  for (const row of rows) {
    if (`${row.section} ${row.module}` !== section) {
      section = `${row.section} ${row.module}`;
      const module = row.module === '' ? 'botoscale' : `botoscale/${row.module}`;
      out.push('', `## \`${row.section}\` → \`${module}\``, '', '| boto2 | botoscale | notes |', '| --- | --- | --- |');
    }
    out.push(`| ${cell(row.boto, true)} | ${cell(row.botoscale, true)} | ${cell(row.notes, false)} |`);
  }
  out.push('');
  return out.join('\n');
}

/** The rows of botoscale's additions beyond boto2 ({@link ADDITIONS}), in a section of their own per module. */
export function additionRows(api: BotoscaleApi): MappingRow[] {
  return ADDITIONS.map((a) => {
    const cls = api.get(a.module)?.classes.get(a.className);
    const isCtor = a.member === 'constructor';
    const sig = isCtor ? cls?.ctor : cls?.methods.get(a.member);
    const shown = sig === undefined ? undefined : isCtor ? tsCall(a.className, sig, true) : `${a.className}.${tsCall(a.member, sig, false)}`;
    return {
      key: `beyond boto2.${a.module}.${a.className}.${a.member}`,
      section: 'beyond boto2',
      module: a.module,
      boto: '—',
      className: a.className,
      member: a.member,
      botoscale: shown ?? `MISSING: ${a.className}.${a.member} in ${moduleRef(a.module)}`,
      notes: a.note,
      status: shown === undefined ? 'missing' : 'ok',
    };
  });
}

/** Generates the whole document from the sources under `repoRoot` and boto at `botoRoot`. */
export function generateMapping(repoRoot: string, botoRoot = BOTO_ROOT): { rows: MappingRow[]; markdown: string } {
  if (!existsSync(join(botoRoot, 'ec2', 'autoscale', '__init__.py'))) {
    throw new Error(`boto 2.49's sources are not at ${botoRoot} (Debian package python3-boto)`);
  }
  const api = readBotoscaleApi(repoRoot);
  const rows = [...buildRows(botoRoot, api), ...additionRows(api)];
  return { rows, markdown: renderMapping(rows) };
}

/** A row read back from the committed document. */
export interface CommittedRow {
  section: string;
  /** The botoscale module of the section (`botoscale/autoscale`). */
  module: string;
  boto: string;
  botoscale: string;
}

function uncode(text: string): string {
  const t = text.trim();
  return (t.startsWith('`') && t.endsWith('`') ? t.slice(1, -1) : t).replace(/\\\|/g, '|');
}

/** Parses the committed document's tables (for checking it without boto's sources). */
export function parseMapping(markdown: string): CommittedRow[] {
  const rows: CommittedRow[] = [];
  let section = '';
  let module = '';
  for (const line of markdown.split('\n')) {
    const h = /^## `([^`]+)` → `([^`]+)`/.exec(line);
    if (h !== null) {
      section = h[1] as string;
      module = h[2] as string;
    }
    if (!line.startsWith('| ') || line.startsWith('| boto2 |') || line.startsWith('| ---')) continue;
    const cells = line.slice(2, -2).split(/(?<!\\)\|/);
    rows.push({ section, module, boto: uncode(cells[0] ?? ''), botoscale: uncode(cells[1] ?? '') });
  }
  return rows;
}

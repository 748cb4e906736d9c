/**
 * The region reader and the REPL rendering the docs rely on.
 */
import { outputBlock, readDocBlocks, readRegions, replBlock, replInput, rewriteDocBlocks, scriptBlock, userImports } from '../../docs/tools/regions';

const SOURCE = [
  "import { a } from '../src/autoscale';",
  '// #region imports',
  "import { AutoScaleConnection, LaunchConfiguration as LC } from '../src/autoscale';",
  "import * as botoscale from '../src';",
  '// #endregion',
  'export async function f(endpoint: string): Promise<void> {',
  '  // #region connect',
  '  const conn = new AutoScaleConnection({ endpoint });',
  '  const ports: Array<[number, number, string]> = [[80, 8080, \'http\']];',
  '  const ids = conn.things!.map((i: Thing) => i.id as string);',
  '  console.log(await conn.getAllGroups({',
  "    names: ['my_group'] }));",
  "  console.log('two', 'values');",
  '  // #endregion',
  '}',
].join('\n');

test('regions are read with their lines and common indentation removed', () => {
  const regions = readRegions(SOURCE);
  expect([...regions.keys()]).toEqual(['imports', 'connect']);
  const connect = regions.get('connect');
  expect(connect?.startLine).toBe(8);
  expect(connect?.endLine).toBe(13);
  expect(connect?.code.split('\n')[0]).toBe('const conn = new AutoScaleConnection({ endpoint });');
  expect(scriptBlock(regions.get('imports')!)).toBe([
    "import { AutoScaleConnection, LaunchConfiguration as LC } from 'botoscale/autoscale';",
    "import * as botoscale from 'botoscale';",
  ].join('\n'));
});

test('unclosed, nested and duplicate regions are errors', () => {
  expect(() => readRegions('// #region a\nx')).toThrow('region a is not closed');
  expect(() => readRegions('// #region a\n// #region b\n// #endregion')).toThrow('region b starts inside region a');
  expect(() => readRegions('// #region a\n// #endregion\n// #region a\n// #endregion')).toThrow('region a is defined twice');
  expect(() => readRegions('// #endregion')).toThrow('#endregion without #region');
});

test('imports become require, types go, console.log(x) becomes x', () => {
  const regions = readRegions(SOURCE);
  expect(replInput(regions.get('imports')!)).toEqual([
    "> const { AutoScaleConnection, LaunchConfiguration: LC } = require('botoscale/autoscale')",
    "> const botoscale = require('botoscale')",
  ]);
  expect(replInput(regions.get('connect')!)).toEqual([
    '> const conn = new AutoScaleConnection({ endpoint })',
    "> const ports = [[80, 8080, 'http']]",
    '> const ids = conn.things.map((i) => i.id)',
    '> await conn.getAllGroups({',
    "...   names: ['my_group'] })",
    "> console.log('two', 'values')",
  ]);
});

test('what a statement printed follows it; one logged value shows as the REPL shows it', () => {
  const connect = readRegions(SOURCE).get('connect')!;
  const block = replBlock(connect, [
    { lines: [12], text: 'my_group', inspected: "'my_group'" },
    { lines: [99, 13], text: 'two values' },
    { lines: [99], text: 'elsewhere' },
  ]);
  expect(block.split('\n').slice(3)).toEqual([
    '> await conn.getAllGroups({',
    "...   names: ['my_group'] })",
    "'my_group'",
    "> console.log('two', 'values')",
    'two values',
  ]);
});

test('doc blocks are found after their markers and rewritten in place', () => {
  const doc = ['# T', '<!-- region: a.ts#x -->', '```ts', 'old', 'lines', '```', 'text', '<!-- repl: a.ts#y -->', '```console', '```', '<!-- output: b.ts -->', '```text', 'o', '```', ''].join('\n');
  const blocks = readDocBlocks(doc);
  expect(blocks.map((b) => [b.kind, b.file, b.region, b.lang, b.content])).toEqual([
    ['region', 'a.ts', 'x', 'ts', 'old\nlines'],
    ['repl', 'a.ts', 'y', 'console', ''],
    ['output', 'b.ts', '', 'text', 'o'],
  ]);
  expect(rewriteDocBlocks(doc, (b) => `new ${b.kind}${b.region}`)).toBe(['# T', '<!-- region: a.ts#x -->', '```ts', 'new regionx', '```', 'text', '<!-- repl: a.ts#y -->', '```console', 'new reply', '```', '<!-- output: b.ts -->', '```text', 'new output', '```', ''].join('\n'));
  expect(() => readDocBlocks('<!-- region: a.ts#x -->\ntext')).toThrow('a fenced block must follow');
});

test('user imports', () => {
  expect(userImports("from '../src/elb'; from \"../src\"; from '../src/local'")).toBe("from 'botoscale/elb'; from \"botoscale\"; from 'botoscale/local'");
});

test('an output block is everything the file printed, in order', () => {
  expect(outputBlock([{ lines: [1], text: 'a' }, { lines: [9], text: 'b\nc' }])).toBe('a\nb\nc');
});

test('Python and shell files mark regions with #', () => {
  const regions = readRegions(['def f():', '    # #region boto2', '    import boto', '    print(1)', '    # #endregion'].join('\n'));
  expect(regions.get('boto2')?.code).toBe('import boto\nprint(1)');
});

/**
 * Every code block of the tutorial docs is a region of an example file: the script
 * variant is the region's code (with `botoscale` imports), and the REPL variant is
 * the same statements as typed at Node's prompt followed by what they printed when the
 * examples ran here against botoscale local (ids, times and addresses differ from run
 * to run, so those are compared by shape). BOTOSCALE_UPDATE_DOCS=1 rewrites the blocks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { outputBlock, readDocBlocks, readRegions, replBlock, replInput, rewriteDocBlocks, scriptBlock, type DocBlock, type Region } from '../../docs/tools/regions';
import { autoscaleTutorial, otherWaysToConnect } from '../../examples/autoscale-tutorial';
import { elbTutorial, otherWaysToConnectElb } from '../../examples/elb-tutorial';
import { launchTemplateTutorial } from '../../examples/launch-template-tutorial';
import { scalingDemo } from '../../examples/scaling-demo';
import { capture, localEnv, type Transcript } from '../examples/harness';

const ROOT = join(__dirname, '..', '..');
const DOCS = ['docs/autoscale.md', 'docs/elb.md', 'docs/cloudwatch-alarms.md', 'docs/local.md'];
const EXAMPLES = ['autoscale-tutorial.ts', 'launch-template-tutorial.ts', 'elb-tutorial.ts', 'scaling-demo.ts', 'env.ts', 'tutorial.ts', 'local-clients.ts', 'local-clients.py', 'local-clients.sh'];
const UPDATE = process.env.BOTOSCALE_UPDATE_DOCS === '1';

const regions = new Map<string, Map<string, Region>>(
  EXAMPLES.map((f) => [f, readRegions(readFileSync(join(ROOT, 'examples', f), 'utf8'), f)]),
);

function regionOf(block: DocBlock, doc: string): Region {
  const region = regions.get(block.file)?.get(block.region);
  if (region === undefined) throw new Error(`${doc}: no region ${block.region} in examples/${block.file}`);
  return region;
}

/**
 * Values that differ from run to run (ids, request ids, DNS names, the port) replaced by
 * what they are, and the lines sorted: which instance comes first depends on its id.
 */
function normalise(text: string): string {
  return text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/\bi-[0-9a-f]{8,17}\b/g, 'i-<id>')
    .replace(/\blt-[0-9a-f]{17}\b/g, 'lt-<id>')
    .replace(/-\d+\.([a-z]+-[a-z]+-\d)\.elb\.amazonaws\.com/g, '-<n>.$1.elb.amazonaws.com')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<ip>')
    .replace(/\bip-\d+-\d+-\d+-\d+\b/g, 'ip-<ip>')
    .split('\n')
    .map((l) => l.replace(/,$/, ''))
    .sort()
    .join('\n');
}

let transcript: Transcript;

beforeAll(async () => {
  const run = await localEnv();
  // The launch-template variant runs on a botoscale local in new-account mode.
  const newAccount = await localEnv({ launchConfigurations: false });
  try {
    ({ transcript } = await capture(async () => {
      otherWaysToConnect();
      otherWaysToConnectElb();
      await autoscaleTutorial(run.env);
      await elbTutorial(run.env);
      await scalingDemo(run.env);
      await launchTemplateTutorial(newAccount.env);
    }));
  } finally {
    await run.close();
    await newAccount.close();
  }
}, 60_000);

function render(block: DocBlock, doc: string): string {
  if (block.kind === 'output') return outputBlock(transcript.byFile.get(block.file) ?? []);
  const region = regionOf(block, doc);
  if (block.kind === 'region') return scriptBlock(region);
  return replBlock(region, transcript.byFile.get(block.file) ?? []);
}

describe.each(DOCS)('%s', (doc) => {
  const file = join(ROOT, doc);

  test('its blocks are the examples\' regions, and what they print', () => {
    const markdown = readFileSync(file, 'utf8');
    if (UPDATE) {
      // Blocks that differ only in ids and times are left as they are.
      writeFileSync(file, rewriteDocBlocks(markdown, (b) => {
        const fresh = render(b, doc);
        return b.kind !== 'region' && normalise(fresh) === normalise(b.content) ? b.content : fresh;
      }));
    }
    const blocks = readDocBlocks(readFileSync(file, 'utf8'), doc);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const where = `${doc} ${block.kind}: ${block.file}#${block.region} (BOTOSCALE_UPDATE_DOCS=1 npx jest test/docs/blocks rewrites it)`;
      if (block.kind === 'region') {
        expect({ where, content: block.content }).toEqual({ where, content: scriptBlock(regionOf(block, doc)) });
      } else if (block.kind === 'output') {
        expect({ where, content: normalise(block.content) }).toEqual({ where, content: normalise(render(block, doc)) });
      } else {
        const typed = block.content.split('\n').filter((l) => l.startsWith('> ') || l === '>' || l.startsWith('... '));
        expect({ where, typed }).toEqual({ where, typed: replInput(regionOf(block, doc)) });
        expect({ where, content: normalise(block.content) }).toEqual({ where, content: normalise(render(block, doc)) });
      }
    }
  });

  test('its REPL blocks are JavaScript the REPL accepts', () => {
    for (const block of readDocBlocks(readFileSync(file, 'utf8'), doc).filter((b) => b.kind === 'repl')) {
      const code = replInput(regionOf(block, doc)).map((l) => l.replace(/^(>|\.\.\.) ?/, '')).join('\n');
      expect(() => new Script(`(async () => {\n${code}\n})`, { filename: `${block.file}#${block.region}` })).not.toThrow();
    }
  });
});

test('every region of the examples is shown in a doc', () => {
  const shown = new Set(DOCS.flatMap((d) => readDocBlocks(readFileSync(join(ROOT, d), 'utf8'), d).filter((b) => b.kind !== 'output').map((b) => `${b.file}#${b.region}`)));
  const unshown = [...regions].flatMap(([f, rs]) => [...rs.keys()].map((r) => `${f}#${r}`)).filter((k) => !shown.has(k));
  expect(unshown).toEqual([]);
});

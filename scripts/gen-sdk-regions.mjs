#!/usr/bin/env node
// Writes src/core/rules/sdk-regions.ts: the partitions and regions of the AWS SDK's own endpoint
// data (`partitionsInfo` of the @aws-sdk/core the installed clients use, which their
// endpoint resolvers read), so that botoscale's `regions()` and `connectToRegion()` know
// exactly the regions the SDK knows. The SDK exports only a lookup (`partition(region)`),
// not the list, hence this step; `npm run build` runs it, and
// test/core/sdk-regions.test.ts checks the committed file against the installed SDK.
//
//   node scripts/gen-sdk-regions.mjs                  write the file
//   node scripts/gen-sdk-regions.mjs --check          exit 1 if the file differs from what it would write
//   ... [--file PATH]                                  another file than src/core/rules/sdk-regions.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fileArg = process.argv.indexOf('--file');
const OUT = fileArg > 0 ? process.argv[fileArg + 1] : join(root, 'src/core/rules/sdk-regions.ts');
const CLIENTS = ['@aws-sdk/client-auto-scaling', '@aws-sdk/client-cloudwatch', '@aws-sdk/client-elastic-load-balancing', '@aws-sdk/client-ec2'];

/** The @aws-sdk/core directory the clients load (all four must share one). */
function sdkCoreDir() {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const dirs = new Set(CLIENTS.map((client) => {
    const fromClient = createRequire(requireFromRoot.resolve(`${client}/package.json`));
    return dirname(fromClient.resolve('@aws-sdk/core/package.json'));
  }));
  if (dirs.size !== 1) throw new Error(`the SDK clients load different @aws-sdk/core packages: ${[...dirs].join(', ')}`);
  return [...dirs][0];
}

/** `partitionsInfo` as the SDK ships it (an ES module that is one JSON object literal). */
function readPartitionsInfo(coreDir) {
  const file = join(coreDir, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js');
  const text = readFileSync(file, 'utf8');
  const literal = /^export const partitionsInfo = (\{[\s\S]*\});\s*$/.exec(text);
  if (literal === null) throw new Error(`${file} is not the one JSON object literal this script expects: the SDK changed how it ships its partitions`);
  return JSON.parse(literal[1]);
}

/** The file's text for the installed SDK. */
export function render() {
  const coreDir = sdkCoreDir();
  const version = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')).version;
  const partitions = readPartitionsInfo(coreDir).partitions.map((p) => {
    const regionRegex = new RegExp(p.regionRegex);
    return {
      id: p.id,
      dnsSuffix: p.outputs.dnsSuffix,
      dualStackDnsSuffix: p.outputs.dualStackDnsSuffix,
      // Without the pseudo-regions (aws-global, aws-cn-global, ...) that name no place.
      regions: Object.keys(p.regions).filter((name) => regionRegex.test(name)),
    };
  });
  const body = partitions.map((p) => `  ${JSON.stringify(p).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')},`);
  return `/**
 * The partitions and regions of the AWS SDK's own endpoint data (\`partitionsInfo\` of
 * @aws-sdk/core ${version}, which the SDK clients' endpoint resolvers read). Written by
 * \`node scripts/gen-sdk-regions.mjs\` (\`npm run build\` runs it) from the installed SDK;
 * test/core/sdk-regions.test.ts checks that it still matches. Do not edit by hand.
 *
 * @module
 */

/** One partition of the SDK's data. */
export interface SdkPartition {
  /** \`aws\`, \`aws-cn\`, \`aws-eusc\`, ... */
  readonly id: string;
  /** Suffix of its endpoint hosts: \`amazonaws.com\`, \`amazonaws.eu\`, ... */
  readonly dnsSuffix: string;
  /** Suffix of its dual-stack endpoint hosts: \`api.aws\`, ... */
  readonly dualStackDnsSuffix: string;
  /** Its regions, as the SDK lists them. */
  readonly regions: readonly string[];
}

/** The version of @aws-sdk/core the data was read from. */
export const SDK_CORE_VERSION = '${version}';

/** Every partition of the SDK's data, in the SDK's order. */
export const SDK_PARTITIONS: readonly SdkPartition[] = [
${body.join('\n')}
];
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(OUT, 'utf8'); } catch { /* missing: differs */ }
    if (current !== text) {
      process.stderr.write(`${OUT} does not match the installed AWS SDK's regions: run \`node scripts/gen-sdk-regions.mjs\` (or \`npm run build\`) and commit the result.\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}

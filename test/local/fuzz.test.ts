/**
 * Fuzzing botoscale local (issue 13): at least 10,000 generated malformed requests across
 * the four services' query protocols, CloudWatch's JSON protocol and the control API,
 * plus broken HTTP on sockets of its own, against a server without and one with --auth.
 * Expected: no internal error reported, no 5xx, every answer well-formed for its
 * protocol (XML that parses, with the protocol's error document; JSON that parses, with
 * `__type` and `message`, or the control API's `{ error: { code, message } }`).
 *
 * Bounded and reproducible: the count is fixed (BOTOSCALE_FUZZ_COUNT, default 10,500) and
 * the generator seeded (BOTOSCALE_FUZZ_SEED, default below); the seed is printed, and a
 * failure names the seed and the request that failed.
 */
import { spawnSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import type { LocalEndpoint } from '../../src/local';
import { brokenHttp, controlRequest, jsonRequest, queryRequest, Random, type FuzzRequest } from './fuzz/generate';
import { CREDS, startTest } from './helpers';

const SEED = Number(process.env.BOTOSCALE_FUZZ_SEED ?? 20261303);
const COUNT = Number(process.env.BOTOSCALE_FUZZ_COUNT ?? 10_500);
const BROKEN_HTTP = 300;
const CONCURRENCY = 16;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(agent: Agent, port: number, req: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node sends a GET, DELETE or OPTIONS body unframed otherwise.
    const headers = { ...req.headers, 'content-length': String(req.body.length) };
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** What is wrong with a JSON answer, if anything. */
function jsonProblem(a: Answer, control: boolean): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(a.body);
  } catch {
    return 'the JSON answer does not parse';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'the JSON answer is not an object';
  if (a.status < 400) return undefined;
  const o = v as Record<string, unknown>;
  if (control) {
    const e = o.error as Record<string, unknown> | undefined;
    return typeof e?.code === 'string' && typeof e.message === 'string' ? undefined : 'a control error without error.code and error.message';
  }
  return typeof o.__type === 'string' && typeof o.message === 'string' ? undefined : 'a JSON error without __type and message';
}

/** Parses every XML answer with Python's expat (a strict XML 1.0 parser): root element, error code, request id. */
function parseXmlDocuments(docs: readonly string[]): Array<{ root?: string; code?: string; requestId?: boolean; error?: string }> {
  const script = `
import json, sys, xml.etree.ElementTree as ET
def local(tag): return tag.rsplit('}', 1)[-1]
for line in sys.stdin:
    try:
        root = ET.fromstring(json.loads(line).encode('utf-8'))
        code = next((e.text for e in root.iter() if local(e.tag) == 'Code'), None)
        rid = any(local(e.tag) in ('RequestId', 'RequestID', 'requestId') and e.text for e in root.iter())
        print(json.dumps({'root': local(root.tag), 'code': code, 'requestId': rid}))
    except Exception as e:
        print(json.dumps({'error': str(e)}))
`;
  const run = spawnSync('/usr/bin/python3', ['-c', script], { input: docs.map((d) => JSON.stringify(d)).join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
  if (run.error !== undefined) throw new Error(`Debian's /usr/bin/python3 is needed to parse the answers with expat (${run.error.message}): apt-get install python3`);
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr.toString()}`);
  return run.stdout.toString().trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { root?: string; code?: string; requestId?: boolean; error?: string });
}

/** What is wrong with a parsed XML answer, if anything. */
function xmlProblem(status: number, doc: { root?: string; code?: string | null; requestId?: boolean; error?: string }): string | undefined {
  if (doc.error !== undefined) return `the XML answer does not parse: ${doc.error}`;
  if (status < 400) return doc.root?.endsWith('Response') === true && doc.root !== 'ErrorResponse' ? undefined : `a ${status} answer with root ${doc.root ?? '?'}`;
  if (doc.root !== 'ErrorResponse' && doc.root !== 'Response') return `an error answer with root ${doc.root ?? '?'}`;
  if (doc.code === undefined || doc.code === null || doc.code === '') return 'an error answer without a Code';
  return doc.requestId === true ? undefined : 'an error answer without a request id';
}

/** Sends broken HTTP on a socket of its own; resolves with the first bytes answered (possibly none). */
function sendBroken(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const done = (): void => {
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, 200);
    socket.on('data', (d: Buffer) => {
      got += d.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on('error', () => undefined);
  });
}

test(`${COUNT} malformed requests and ${BROKEN_HTTP} broken HTTP messages: no crash, no 5xx, every answer well-formed`, async () => {
  process.stdout.write(`fuzz: seed ${SEED}, ${COUNT} requests (reproduce with BOTOSCALE_FUZZ_SEED=${SEED} BOTOSCALE_FUZZ_COUNT=${COUNT})\n`);
  const internal: unknown[] = [];
  const open = await startTest({ onError: (e) => internal.push(e) });
  const guarded = await startTest({ auth: CREDS, onError: (e) => internal.push(e) });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const r = new Random(SEED);
  const problems: string[] = [];
  const xml: Array<{ index: number; status: number; body: string; kind: string }> = [];
  const statuses = new Map<number, number>();
  const started = Date.now();
  try {
    const requests: Array<{ req: FuzzRequest; server: LocalEndpoint }> = [];
    for (let i = 0; i < COUNT; i++) {
      const which = r.next();
      const req = which < 0.55 ? queryRequest(r) : which < 0.85 ? jsonRequest(r) : controlRequest(r);
      requests.push({ req, server: r.chance(0.15) ? guarded : open });
    }
    const generated = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const index = next++;
        const { req, server } = requests[index] as { req: FuzzRequest; server: LocalEndpoint };
        const answer = await send(agent, server.port, req);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const where = `request #${index} (${req.kind}, ${req.method} ${req.path.slice(0, 80)}, seed ${SEED})`;
        if (answer.status >= 500 || answer.status < 200) problems.push(`${where}: status ${answer.status}: ${answer.body.slice(0, 200)}`);
        if (answer.contentType.startsWith('text/xml')) xml.push({ index, status: answer.status, body: answer.body, kind: where });
        else if (answer.contentType.startsWith('application/x-amz-json-1.0') || answer.contentType.startsWith('application/json')) {
          const p = jsonProblem(answer, answer.contentType.startsWith('application/json'));
          if (p !== undefined) problems.push(`${where}: ${p}: ${answer.body.slice(0, 200)}`);
        } else problems.push(`${where}: unexpected content type ${answer.contentType}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const sent = Date.now();
    parseXmlDocuments(xml.map((x) => x.body)).forEach((doc, i) => {
      const x = xml[i] as (typeof xml)[number];
      const p = xmlProblem(x.status, doc);
      if (p !== undefined) problems.push(`${x.kind}: ${p}: ${x.body.slice(0, 200)}`);
    });
    let next2 = 0;
    const brokenWorker = async (): Promise<void> => {
      while (next2 < BROKEN_HTTP) {
        next2++;
        const answer = await sendBroken(r.chance(0.5) ? open.port : guarded.port, brokenHttp(r));
        if (answer !== '' && !/^HTTP\/1\.1 4\d\d /.test(answer)) problems.push(`broken HTTP (seed ${SEED}): answered ${answer.slice(0, 80)}`);
      }
    };
    await Promise.all(Array.from({ length: 20 }, brokenWorker));
    process.stdout.write(
      `fuzz: ${COUNT} requests generated in ${generated - started} ms, sent and answered in ${sent - generated} ms, XML checked in ${Date.now() - sent} ms (with ${BROKEN_HTTP} broken HTTP); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`,
    );
    const health = await fetch(`${open.endpoint}/_botoscale/health`);
    expect(health.status).toBe(200);
  } finally {
    agent.destroy();
    await open.close();
    await guarded.close();
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(internal.map((e) => String(e)).slice(0, 20)).toEqual([]);
  expect(statuses.size).toBeGreaterThan(3);
}, 180_000);

/**
 * Language server benchmark: time from didChange to publishDiagnostics over a real stdio
 * connection, for a one-template file and a 500-template list, with the debounce off and at its
 * default; then the server's memory over 10,000 edits.
 *
 *   pnpm bench:lsp            (or: pnpm exec tsx scripts/bench-lsp.ts [--edits N] [--memory-edits N])
 *
 * Every edit rewrites a 6-digit counter inside one body text, so each version is new text (no
 * cache hit on the edited template) while the document keeps its size.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, fileUri, positionAt } from '../packages/language-server/test/client.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('--edits', 400);
const LIST_EDITS = arg('--list-edits', 200);
const MEMORY_EDITS = arg('--memory-edits', 10000);

function template(i: number) {
  return {
    // A bad name in every template: each publication carries findings, as in a real file being fixed.
    name: `Order Update ${i}`,
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Your order {{1}}', example: { header_text: ['A-1042'] } },
      {
        type: 'BODY',
        text: `Hi {{1}}, your order {{2}} (ref 000000) has shipped and should reach you within three working days. Track it below.`,
        example: { body_text: [['Ana', 'A-1042']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}', example: ['https://example.com/track/A-1042'] }] },
    ],
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;

interface Doc {
  uri: string;
  text: string;
  /** Offsets of the counter in the edited template. */
  counterAt: number;
  n: number;
}

async function openDoc(client: LspClient, path: string, value: unknown, editIndex: number): Promise<Doc> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const uri = fileUri(path);
  // The counter of the edited template: the (editIndex+1)-th "ref 000000".
  let at = -1;
  for (let i = 0; i <= editIndex; i++) at = text.indexOf('ref 000000', at + 1);
  await client.open(uri, text);
  return { uri, text, counterAt: at + 4, n: 0 };
}

/** One edit and the time until the diagnostics of that version arrive. */
async function timedEdit(client: LspClient, doc: Doc): Promise<number> {
  doc.n++;
  const digits = String(doc.n % 1000000).padStart(6, '0');
  const start = positionAt(doc.text, doc.counterAt);
  const end = positionAt(doc.text, doc.counterAt + 6);
  doc.text = doc.text.slice(0, doc.counterAt) + digits + doc.text.slice(doc.counterAt + 6);
  const t0 = performance.now();
  const versionNext = client.versionOf(doc.uri) + 1;
  const wait = client.waitForDiagnostics(doc.uri, (p) => p.version === versionNext, 30000);
  await client.change(doc.uri, [{ range: { start, end }, text: digits }]);
  await wait;
  return performance.now() - t0;
}

async function latency(client: LspClient, doc: Doc, count: number): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 20; i++) await timedEdit(client, doc); // warm-up (JIT, caches)
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timedEdit(client, doc));
  return { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) };
}

interface Status {
  memory: { rss: number; heapUsed: number };
  templatesLinted: number;
  templatesFromCache: number;
  lints: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'greenlight-bench-'));
  const list = Array.from({ length: 500 }, (_, i) => template(i));
  const results: string[] = [];

  for (const debounceMs of [0, 150]) {
    const client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs } });
    try {
      const single = await openDoc(client, `${dir}/single-${debounceMs}.template.json`, template(0), 0);
      const one = await latency(client, single, debounceMs ? Math.min(EDITS, 60) : EDITS);
      const listDoc = await openDoc(client, `${dir}/templates/list-${debounceMs}.json`, list, 250);
      const before = await client.request<Status>('greenlight/serverStatus');
      const many = await latency(client, listDoc, debounceMs ? Math.min(LIST_EDITS, 60) : LIST_EDITS);
      const after = await client.request<Status>('greenlight/serverStatus');
      const perLint = (after.templatesLinted - before.templatesLinted) / (after.lints - before.lints);
      results.push(
        `debounce ${String(debounceMs).padStart(3)} ms | one template:  p50 ${ms(one.p50)}  p95 ${ms(one.p95)}  max ${ms(one.max)}`,
        `debounce ${String(debounceMs).padStart(3)} ms | 500 templates: p50 ${ms(many.p50)}  p95 ${ms(many.p95)}  max ${ms(many.max)}  (templates re-linted per edit: ${perLint.toFixed(2)})`,
      );
      console.log(results.slice(-2).join('\n'));
    } finally {
      await client.stop();
    }
  }

  // Memory: many edits on both documents with the debounce off (every version is linted).
  const client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 }, nodeArgs: ['--expose-gc'] });
  try {
    const single = await openDoc(client, `${dir}/mem.template.json`, template(0), 0);
    const listDoc = await openDoc(client, `${dir}/templates/mem-list.json`, list, 250);
    for (let i = 0; i < 200; i++) await timedEdit(client, i % 10 === 0 ? listDoc : single);
    const samples: { edits: number; rss: number; heap: number }[] = [];
    const sample = async (edits: number) => {
      // Collect first, so the figures show what is retained rather than when V8 last collected.
      const s = await client.request<Status>('greenlight/serverStatus', { gc: true });
      samples.push({ edits, rss: s.memory.rss, heap: s.memory.heapUsed });
    };
    await sample(0);
    const started = performance.now();
    for (let i = 1; i <= MEMORY_EDITS; i++) {
      // One edit in ten goes to the 500-template list.
      await timedEdit(client, i % 10 === 0 ? listDoc : single);
      if (i % 2000 === 0) await sample(i);
    }
    const secs = (performance.now() - started) / 1000;
    console.log(`memory over ${MEMORY_EDITS} edits (${secs.toFixed(1)} s, ${(MEMORY_EDITS / secs).toFixed(0)} edits/s; 1 in 10 on the 500-template list):`);
    for (const s of samples) console.log(`  after ${String(s.edits).padStart(5)} edits: RSS ${mb(s.rss)}  heap used ${mb(s.heap)} (after a forced GC)`);
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    results.push(`RSS ${mb(first.rss)} -> ${mb(last.rss)} after ${MEMORY_EDITS} edits (heap used ${mb(first.heap)} -> ${mb(last.heap)})`);
  } finally {
    await client.stop();
  }
  console.log(`\nsummary\n${results.join('\n')}`);
}

await main();

// Parses each file given on the command line with Mermaid's own parser (the one GitHub's renderer
// uses) and prints "ok FILE TYPE" or "invalid FILE: reason"; exits 1 when any file is invalid.
// Mermaid expects a browser, so jsdom stands in for one.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    const result = await mermaid.parse(text);
    console.log(`ok ${file} ${result.diagramType}`);
  } catch (e) {
    failed++;
    console.log(`invalid ${file}: ${String(e.message ?? e).split('\n').slice(0, 4).join(' | ')}`);
  }
}
process.exit(failed ? 1 : 0);

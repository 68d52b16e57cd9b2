// The wasm module's memory for one analysis, in node. For each file, a fresh
// module, warmed up as the page worker is (the models built), analyses it once
// (analyzeJson): how much its memory grew (a wasm memory never shrinks), x the
// input. Then another runs stageMemory on it: the heap's top and the bytes
// in use after each phase (the input copied in, each stage, the JSON written
// out), over the warm module's, x the input. Issue #8 asks for under 8x the
// input plus the fixed model.
//   node scripts/wasm-memory.mjs [--json] FILE...
// Wasm from LEDE_WASM_DIR or build/wasm-release/gen. A measurement, not a test
// (tests/js/wasm-memory.test.mjs bounds it).
import {readFileSync} from 'node:fs';

import {importWrapper, wasmDir} from '../tests/js/load.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const files = args.filter((a) => a !== '--json');
const {createLede} = await importWrapper();
const wasmBinary = readFileSync(`${wasmDir}/lede.wasm`);
const mib = (n) => (n / 1048576).toFixed(1);

// The page worker's warm-up sentence (wasm/worker.js): it builds the models'
// tables, so what grows after it is the text's own memory.
const WARM_UP = 'Ann Lee said on Monday that "the 3 towns cost $5 million."';

// A fresh module, warmed up; its memory size, heap top and bytes in use then.
async function warm() {
  const lede = await createLede({wasmBinary});
  const [, top, used] = lede.stageMemory(WARM_UP).at(-1);
  return {lede, memory: lede.memoryBytes(), top, used};
}

const empty = await warm();
const rows = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  // One analysis as the page does it (analyzeJson), in a fresh warm module.
  const a = await warm();
  const t0 = process.cpuUsage();
  const json = a.lede.analyzeJson(text);
  const t = process.cpuUsage(t0);
  const memory = a.lede.memoryBytes();
  // The same in another, phase by phase.
  const b = await warm();
  const marks = b.lede.stageMemory(text);
  rows.push({
    file, bytes: bytes.length, memory, jsonBytes: Buffer.byteLength(json),
    seconds: (t.user + t.system) / 1e6,
    // the memory grown past the warm module's, x the input
    x: (memory - a.memory) / bytes.length,
    // the heap's top past the warm module's, x the input (no growth slack)
    heapX: (marks.at(-1)[1] - b.top) / bytes.length,
    phases: marks.map(([phase, top, used]) => ({phase, topX: (top - b.top) / bytes.length,
                                                usedX: (used - b.used) / bytes.length})),
  });
}
if (asJson) {
  console.log(JSON.stringify({warm: {memory: empty.memory, heapTop: empty.top, inUse: empty.used}, rows}, null, 1));
} else {
  console.log(`warm module (the models built): memory ${empty.memory} B (${mib(empty.memory)} MiB), ` +
              `heap top ${empty.top} B (${mib(empty.top)} MiB), in use ${empty.used} B`);
  for (const r of rows) {
    console.log(`${r.file}: ${r.bytes} B, memory ${r.memory} B (${mib(r.memory)} MiB), ` +
                `${r.x.toFixed(2)}x over the warm module; heap top ${r.heapX.toFixed(2)}x; ` +
                `JSON ${(r.jsonBytes / r.bytes).toFixed(2)}x; ${r.seconds.toFixed(2)} s CPU`);
    console.log(`  phase     heap top  in use   (x the input, over the warm module)`);
    for (const p of r.phases) {
      console.log(`  ${p.phase.padEnd(9)} ${p.topX.toFixed(2).padStart(7)}x ${p.usedX.toFixed(2).padStart(7)}x`);
    }
  }
}

/** What a benchmark hands back, and the summary table and JSON file made from all of them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Measured } from './load.ts';

export interface Comparison {
  name: string;
  ours: Measured;
  bare: Measured;
  /** ours ÷ bare for throughput; bare ÷ ours for latency; 1.0 means no overhead over the baseline. */
  ratio: number;
  ratioOf: string;
  target?: number;
}

export interface Settings {
  /** Per round and side; each side is measured for rounds × seconds in all. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  quick: boolean;
  pinned: boolean;
}

export function throughput(name: string, ours: Measured, bare: Measured, target?: number): Comparison {
  return { name, ours, bare, ratio: ours.rps / bare.rps, ratioOf: 'req/s ours ÷ bare', ...(target ? { target } : {}) };
}

export function machine() {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: the model stays unknown
  }
  // cpus(), not availableParallelism(): this process is pinned to one core by now.
  return { cores: cpus().length, cpu, node: process.version, platform: `${process.platform} ${process.arch}` };
}

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function row(m: Measured): string {
  return `${m.label.padEnd(34)} ${num(m.rps).padStart(7)} ${num(m.p50, 1).padStart(8)} ${num(m.p95, 1).padStart(8)} ${num(m.p99, 1).padStart(8)} ${String(m.failed).padStart(6)}`;
}

export function printComparison(c: Comparison): void {
  const verdict =
    c.target === undefined ? '' : c.ratio >= c.target ? `  (target ≥ ${c.target}: met)` : `  (target ≥ ${c.target}: NOT met)`;
  console.log(`  ${row(c.ours)}\n  ${row(c.bare)}\n  ratio ${c.ratio.toFixed(2)} (${c.ratioOf})${verdict}`);
}

export function printSummary(comparisons: Comparison[], skipped: string[], settings: Settings): void {
  const m = machine();
  console.log(`\nSummary — ${m.cores} cores, ${m.cpu}, node ${m.node}, ${m.platform}`);
  console.log(
    `${settings.rounds} alternating rounds of ${settings.seconds} s per side after ${settings.warmupSeconds} s warm-up, ${settings.connections} connections` +
      `${settings.pinned ? ', server on core 0, load generator on core 1' : ', not pinned (taskset or a second core missing)'}\n`,
  );
  console.log(
    `  ${'measurement'.padEnd(34)} ${'ok/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(6)}`,
  );
  for (const c of comparisons) {
    console.log(`${c.name}`);
    printComparison(c);
  }
  for (const s of skipped) console.log(`SKIPPED: ${s}`);
}

export function writeResults(dir: string, comparisons: Comparison[], skipped: string[], settings: Settings): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), machine: machine(), settings, comparisons, skipped }, null, 2) + '\n',
  );
  return file;
}

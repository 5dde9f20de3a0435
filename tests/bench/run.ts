// `npm run bench [name…]`: runs every tests/bench/*.bench.ts (or those named), prints one table and
// writes the figures as JSON under bench-results/ (gitignored) for comparison between runs.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './types';

const root = resolve(import.meta.dirname, '..', '..');

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function printTable(results: BenchResult[]): void {
  const rows = results.flatMap((result) =>
    result.rows.map((row) => [result.name, row.metric, `${formatValue(row.value)} ${row.unit}`, row.target ?? '']),
  );
  const header = ['benchmark', 'metric', 'value', 'target'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = (await readdir(import.meta.dirname)).filter((file) => file.endsWith('.bench.ts')).sort();
  const selected = wanted.length > 0 ? files.filter((file) => wanted.includes(basename(file, '.bench.ts'))) : files;
  if (selected.length === 0) {
    console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${files.map((f) => basename(f, '.bench.ts')).join(', ')}`);
    process.exit(2);
  }
  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const file of selected) {
    console.log(`Running ${basename(file, '.bench.ts')}…`);
    try {
      const module = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { default: Benchmark };
      results.push(await module.default());
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  printTable(results);
  const outDir = join(root, 'bench-results');
  await mkdir(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    results,
    failures,
  };
  const stamp = report.date.replace(/[:.]/g, '-');
  await writeFile(join(outDir, `bench-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nFigures written to bench-results/latest.json`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} benchmark(s) could not run:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

await main();

#!/usr/bin/env node
// amlkit benchmarks (not tests). Measures, side by side in one run:
//   1. cold start: `node apps/cli/dist/cli.js job validate -f examples/hello-world.yml` against
//      `node -e 0`, interleaved (target: at most 2.0x);
//   2. throughput: `loadJob({ text, basePath, file })` from @amlkit/core over the conformance
//      corpus against the `yaml` package's own `parseDocument(text).toJS()` on the same files
//      (target: at least 0.8x like for like). `loadJob` also reads and parses the files a job
//      references (components, `file:` environments, conda files): the like-for-like baseline
//      parses those too — per job, the job file plus every YAML file that `loadJob` read for it,
//      each once, as `loadJob` does — while the per-job-file baseline parses the job files only.
// It builds nothing: run `pnpm turbo run build --filter=@amlkit/cli...` first.
// Usage: node bench/run.mjs [--cold-runs N] [--rounds N] [--warmup N]
import { spawnSync } from 'node:child_process';
import fs, { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'apps/cli/dist');
const CLI = join(DIST, 'cli.js');
const CORE = join(ROOT, 'packages/core/dist/index.js');
const YAML = join(ROOT, 'packages/yaml/node_modules/yaml/dist/index.js');
const CORPUS = resolve(ROOT, '../shared/conformance/azureml-examples');
const EXAMPLE = 'examples/hello-world.yml';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(
      `bench: --${name} expects a positive integer, received ${process.argv[index + 1]}`,
    );
    process.exit(2);
  }
  return value;
}
const COLD_RUNS = option('cold-runs', 15);
const ROUNDS = option('rounds', 10);
// Steady-state throughput: V8 needs a few dozen rounds to finish optimizing loadJob's hot paths.
const WARMUP_ROUNDS = option('warmup', 30);

for (const [what, path] of [
  ['the CLI bundle', CLI],
  ['the CLI runtime bundle', join(DIST, 'runtime.cjs')],
  ['@amlkit/core', CORE],
  ['the yaml package', YAML],
]) {
  if (!existsSync(path)) {
    console.error(
      `bench: ${what} is missing (${path}); build first: pnpm turbo run build --filter=@amlkit/cli...`,
    );
    process.exit(1);
  }
}
if (!existsSync(join(CORPUS, 'index.json'))) {
  console.error(`bench: conformance corpus not found at ${CORPUS}`);
  process.exit(1);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => n.toFixed(digits);
const loadBefore = os.loadavg();

// Linux only: CPU time (user + system) of waited-for children, from /proc/self/stat, in ms.
// Less sensitive than wall time to other work on a shared machine; 10 ms ticks, so only sums
// over many runs are meaningful.
const TICK_MS = 10;
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS; // cutime, cstime
  } catch {
    return undefined;
  }
}

// 1. Cold start ---------------------------------------------------------------------------
// The CLI keeps a V8 code cache of its runtime bundle in $AMLKIT_HOME/cache: use a private
// home, filled by the warm-up runs, and measure the first-run (no cache) case separately.
const home = mkdtempSync(join(os.tmpdir(), 'amlkit-bench-'));
const env = { ...process.env, AMLKIT_HOME: home };
function timeSpawn(args, extraEnv = {}) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  return {
    ms,
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    status: result.status,
    stderr: String(result.stderr),
  };
}
const baselineArgs = ['-e', '0'];
const cliArgs = [CLI, 'job', 'validate', '-f', EXAMPLE];
const check = timeSpawn(cliArgs);
if (check.status !== 0) {
  console.error(
    `bench: 'amlkit job validate -f ${EXAMPLE}' exited ${check.status}:\n${check.stderr}`,
  );
  process.exit(1);
}
for (let i = 0; i < 2; i++) {
  timeSpawn(baselineArgs);
  timeSpawn(cliArgs);
}
const runs = { base: [], cli: [], noCache: [] };
const cpu = { base: 0, cli: 0, noCache: 0 };
let cpuKnown = true;
for (let i = 0; i < COLD_RUNS; i++) {
  for (const [key, args, extra] of [
    ['base', baselineArgs, {}],
    ['cli', cliArgs, {}],
    ['noCache', cliArgs, { AMLKIT_NO_COMPILE_CACHE: '1' }],
  ]) {
    const run = timeSpawn(args, extra);
    runs[key].push(run.ms);
    if (run.cpu === undefined) cpuKnown = false;
    else cpu[key] += run.cpu;
  }
}
rmSync(home, { recursive: true, force: true });
const coldRatio = median(runs.cli) / median(runs.base);
const noCacheRatio = median(runs.noCache) / median(runs.base);
const bundleKiB =
  ['cli.js', 'runtime.cjs'].reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0) / 1024;

// 2. Throughput ---------------------------------------------------------------------------
const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8'));
const files = index.jobs
  .filter((job) => /\.ya?ml$/.test(job.source))
  .map((job) => {
    const file = join(CORPUS, job.source);
    return {
      file,
      basePath: dirname(file),
      text: readFileSync(file, 'utf8'),
      type: job.declared_type,
    };
  });
const { loadJob } = await import(pathToFileURL(CORE).href);
const { parseDocument } = await import(pathToFileURL(YAML).href);

// Which YAML files does loadJob read for each job? Watch the ways it can open a file
// (fs.openSync, fs.readFileSync, fs.promises.readFile) during one untimed pass, then keep each
// referenced YAML file's text in memory for the like-for-like baseline.
{
  const plain = {
    openSync: fs.openSync,
    readFileSync: fs.readFileSync,
    readFile: fsPromises.readFile,
  };
  let seen = new Set();
  const note = (path) => {
    if (typeof path !== 'string' && !(path instanceof URL)) return;
    const name = path instanceof URL ? fileURLToPath(path) : path;
    if (/\.ya?ml$/i.test(name)) seen.add(resolve(name));
  };
  fs.openSync = function watchedOpenSync(path, ...rest) {
    note(path);
    return plain.openSync.call(this, path, ...rest);
  };
  fs.readFileSync = function watchedReadFileSync(path, ...rest) {
    note(path);
    return plain.readFileSync.call(this, path, ...rest);
  };
  fsPromises.readFile = function watchedReadFile(path, ...rest) {
    note(path);
    return plain.readFile.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  try {
    for (const job of files) {
      seen = new Set();
      try {
        await loadJob({ text: job.text, basePath: job.basePath, file: job.file });
      } catch (error) {
        if (error?.name !== 'JobLoadError') throw error;
      }
      seen.delete(job.file);
      job.referenced = [...seen].map((file) => plain.readFileSync(file, 'utf8'));
    }
  } finally {
    fs.openSync = plain.openSync;
    fs.readFileSync = plain.readFileSync;
    fsPromises.readFile = plain.readFile;
    syncBuiltinESMExports();
  }
}
const referencedCount = files.reduce((n, job) => n + job.referenced.length, 0);
const kib = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
const jobKiB = kib(files.map((job) => job.text));
const allKiB = kib(files.flatMap((job) => [job.text, ...job.referenced]));

let rejected = 0;
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
let lastCpu = 0;
async function roundAmlkit(subset) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let errors = 0;
  for (const { text, basePath, file } of subset) {
    try {
      await loadJob({ text, basePath, file });
    } catch (error) {
      if (error?.name !== 'JobLoadError') throw error;
      errors++;
    }
  }
  if (subset === files) rejected = errors;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  lastCpu = cpuMs(process.cpuUsage(cpuStart));
  return ms;
}
// The per-job-file baseline parses each job file; the like-for-like one also parses every
// file loadJob read for that job (from memory: loadJob reads them from disk).
function roundYaml(subset, likeForLike) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const { text, referenced } of subset) {
    parseDocument(text).toJS();
    if (likeForLike) for (const ref of referenced) parseDocument(ref).toJS();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  lastCpu = cpuMs(process.cpuUsage(cpuStart));
  return ms;
}
async function throughput(subset) {
  for (let i = 0; i < 2; i++) {
    roundYaml(subset, false);
    roundYaml(subset, true);
    await roundAmlkit(subset);
  }
  // Per-round times, interleaved; the median round is robust to other work on the machine.
  const ms = { job: [], l4l: [], amlkit: [] };
  const cpu = { job: [], l4l: [], amlkit: [] };
  for (let i = 0; i < ROUNDS; i++) {
    ms.job.push(roundYaml(subset, false));
    cpu.job.push(lastCpu);
    ms.l4l.push(roundYaml(subset, true));
    cpu.l4l.push(lastCpu);
    ms.amlkit.push(await roundAmlkit(subset));
    cpu.amlkit.push(lastCpu);
  }
  const rate = (values) => subset.length / (median(values) / 1000);
  const amlkitRate = rate(ms.amlkit);
  const result = (key) => ({
    rate: rate(ms[key]),
    ratio: amlkitRate / rate(ms[key]),
    cpuRatio: median(cpu[key]) / median(cpu.amlkit),
  });
  return {
    amlkitRate,
    amlkitCpuMs: median(cpu.amlkit),
    refs: subset.reduce((n, job) => n + job.referenced.length, 0),
    job: result('job'),
    l4l: result('l4l'),
  };
}
// One global warm-up first, so that no subset pays for JIT compilation of the others.
for (let i = 0; i < WARMUP_ROUNDS; i++) {
  roundYaml(files, true);
  await roundAmlkit(files);
}
const all = await throughput(files);
const single = files.filter((f) => f.type !== 'pipeline');
const singleResult = await throughput(single);
const pipelines = files.filter((f) => f.type === 'pipeline');
const pipelineResult = await throughput(pipelines);

// Report ----------------------------------------------------------------------------------
const verdict = (ok) => (ok ? 'met' : '**not met**');
const cpuCell = (key) => (cpuKnown ? `, CPU ${fmt(cpu[key] / COLD_RUNS)} ms` : '');
const cpuRatio = cpuKnown ? ` (CPU ${fmt(cpu.cli / cpu.base, 2)}x)` : '';
const noCacheCpuRatio = cpuKnown ? ` (CPU ${fmt(cpu.noCache / cpu.base, 2)}x)` : '';
const row = (label, r) =>
  `| ${label} | ${fmt(r.amlkitRate, 0)} job files/s (CPU ${fmt(r.amlkitCpuMs)} ms/round) | ${fmt(r.job.rate, 0)} files/s: ${fmt(r.job.ratio, 2)}x (CPU ${fmt(r.job.cpuRatio, 2)}x) | ${fmt(r.l4l.rate, 0)} job files/s: **${fmt(r.l4l.ratio, 2)}x (CPU ${fmt(r.l4l.cpuRatio, 2)}x)** | >= 0.8x like for like: ${verdict(r.l4l.ratio >= 0.8)} (CPU: ${verdict(r.l4l.cpuRatio >= 0.8)}) |`;
console.log(`# amlkit benchmarks

machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version} on ${os.platform()} ${os.release()}
load average before/after: ${loadBefore.map((l) => fmt(l, 2)).join(' ')} / ${os
  .loadavg()
  .map((l) => fmt(l, 2))
  .join(' ')}
date: ${new Date().toISOString()}

| benchmark | amlkit | baseline | ratio | target |
|---|---|---|---|---|
| cold start, ${COLD_RUNS} interleaved runs: \`amlkit job validate -f ${EXAMPLE}\` vs \`node -e 0\` | median ${fmt(median(runs.cli))} ms (min ${fmt(Math.min(...runs.cli))}${cpuCell('cli')}) | median ${fmt(median(runs.base))} ms (min ${fmt(Math.min(...runs.base))}${cpuCell('base')}) | ${fmt(coldRatio, 2)}x${cpuRatio} | <= 2.0x: ${verdict(coldRatio <= 2)} |
| same, first run / \`AMLKIT_NO_COMPILE_CACHE=1\` | median ${fmt(median(runs.noCache))} ms (min ${fmt(Math.min(...runs.noCache))}${cpuCell('noCache')}) | (same runs) | ${fmt(noCacheRatio, 2)}x${noCacheCpuRatio} | (informative) |

Throughput, ${ROUNDS} interleaved rounds (median round): \`loadJob({ text, basePath, file })\` against \`parseDocument(text).toJS()\` of the \`yaml\` package. The **per-job-file** baseline parses only the job files (${files.length} files, ${fmt(jobKiB)} KiB); the **like-for-like** baseline parses, per job, the job file and every YAML file \`loadJob\` read for it (components, \`file:\` environments, conda files), each once, as \`loadJob\` does: ${files.length + referencedCount} files, ${fmt(allKiB)} KiB per round. The target (>= 0.8x) applies to the like-for-like ratio. Ratios are amlkit's rate over the baseline's (wall time), and baseline CPU time over amlkit CPU time (\`process.cpuUsage()\`).

| throughput | amlkit | per-job-file baseline: rate, ratio | like-for-like baseline: rate, ratio | target |
|---|---|---|---|---|
${row(`all ${files.length} corpus job files (+ ${all.refs} referenced)`, all)}
${row(`the ${single.length} non-pipeline files (+ ${singleResult.refs} referenced)`, singleResult)}
${row(`the ${pipelines.length} pipeline files (+ ${pipelineResult.refs} referenced components, environments, conda files)`, pipelineResult)}

The cold validate loads 2 files of the bundle (dist/cli.js, dist/runtime.cjs: ${fmt(bundleKiB)} KiB); the runtime is compiled with a V8 code cache kept in $AMLKIT_HOME/cache (written by the first run).
loadJob rejects ${rejected} of ${files.length} corpus files (the Python SDK 1.4.0 rejects 23, 19 of them only for the missing compute that 1.4.0 requires).
`);

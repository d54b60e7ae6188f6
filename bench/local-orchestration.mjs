// Benchmark of sweep orchestration on the embedded job service (@amlkit/local), against the
// built package:
//   pnpm turbo run build --filter=@amlkit/local && node bench/local-orchestration.mjs
// A sweep of BENCH_TRIALS (100) trivial trials (`true`, grid over one choice) versus the same
// number of plain command jobs submitted at once, both at BENCH_CONCURRENCY (4) at a time, on a
// temporary AMLKIT_HOME with the service in its own child process. Prints a markdown table:
// wall clock per trial and the service's CPU per trial, and the sweep's overhead over plain jobs.
// Then pipelines of BENCH_STEPS (50) trivial steps: all independent (against as many plain jobs)
// and a chain where each step reads the folder of the one before (latency from a step's end to
// the next one's start, which the pipeline driver decides on the step's status event).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = pathToFileURL(join(root, 'packages/local/dist/index.js')).href;
const API = 'api-version=2025-12-01';
const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local';
const TRIALS = Number(process.env.BENCH_TRIALS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STEPS = Number(process.env.BENCH_STEPS ?? 50);

async function startService(home) {
  const script = `const { startLocalService } = await import(${JSON.stringify(entry)});
const s = await startLocalService({ home: ${JSON.stringify(home)}, concurrency: ${CONCURRENCY} });
process.stdout.write(JSON.stringify({ url: s.url, token: s.token }) + '\\n');
process.on('SIGTERM', () => { void s.close().then(() => process.exit(0)); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
  });
  const { url, token } = JSON.parse(line);
  return {
    child,
    url,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function put(s, name, properties) {
  const res = await fetch(`${s.url}${WS}/jobs/${name}?${API}`, {
    method: 'PUT',
    headers: s.headers,
    body: JSON.stringify({ properties }),
  });
  if (res.status !== 201) throw new Error(`PUT ${name}: ${res.status} ${await res.text()}`);
}

async function status(s, name) {
  const res = await fetch(`${s.url}${WS}/jobs/${name}?${API}`, { headers: s.headers });
  return (await res.json()).properties.status;
}

async function waitFinal(s, names) {
  for (const name of names) {
    for (;;) {
      const value = await status(s, name);
      if (value === 'Completed') break;
      if (value === 'Failed' || value === 'Canceled') throw new Error(`${name} ended ${value}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const home = mkdtempSync(join(tmpdir(), 'amlkit-bench-orch-'));
const s = await startService(home);
try {
  const command = { jobType: 'Command', command: 'true', environmentId: 'azureml:local:1' };
  // warm-up
  await put(s, 'warm', command);
  await waitFinal(s, ['warm']);

  let cpu = cpuMs(s.child.pid);
  let t0 = performance.now();
  const names = Array.from({ length: TRIALS }, (_, i) => `plain-${i}`);
  await Promise.all(names.map((name) => put(s, name, command)));
  await waitFinal(s, names);
  const plainMs = performance.now() - t0;
  const plainCpu = cpuMs(s.child.pid) - cpu;

  cpu = cpuMs(s.child.pid);
  t0 = performance.now();
  await put(s, 'sweep', {
    jobType: 'Sweep',
    trial: { command: 'true # ${{search_space.i}}', environmentId: 'azureml:local:1' },
    searchSpace: { i: ['choice', [Array.from({ length: TRIALS }, (_, i) => i)]] },
    samplingAlgorithm: { samplingAlgorithmType: 'Grid' },
    objective: { goal: 'Maximize', primaryMetric: 'm' },
    limits: { jobLimitsType: 'Sweep', maxTotalTrials: TRIALS, maxConcurrentTrials: CONCURRENCY },
  });
  await waitFinal(s, ['sweep']);
  const sweepMs = performance.now() - t0;
  const sweepCpu = cpuMs(s.child.pid) - cpu;

  // Pipelines: one registered component, as the client registers an inline step's.
  const component = `${WS}/components/azureml_anonymous/versions/bench-step`;
  const registered = await fetch(`${s.url}${component}?${API}`, {
    method: 'PUT',
    headers: s.headers,
    body: JSON.stringify({
      properties: {
        isAnonymous: true,
        componentSpec: {
          type: 'command',
          command: 'true $[[${{inputs.previous}}]]',
          inputs: { previous: { type: 'uri_folder', optional: true } },
          outputs: { out: { type: 'uri_folder' } },
        },
      },
    }),
  });
  if (registered.status !== 201) throw new Error(`PUT component: ${registered.status}`);
  const stepNode = (i, chained) => ({
    type: 'command',
    componentId: component,
    ...(chained && i > 0
      ? {
          inputs: {
            previous: {
              job_input_type: 'literal',
              value: `\${{parent.jobs.s${i - 1}.outputs.out}}`,
            },
          },
        }
      : {}),
  });
  const pipeline = (chained) => ({
    jobType: 'Pipeline',
    jobs: Object.fromEntries(
      Array.from({ length: STEPS }, (_, i) => [`s${i}`, stepNode(i, chained)]),
    ),
  });
  const plainSteps = Array.from({ length: STEPS }, (_, i) => `plain-step-${i}`);
  cpu = cpuMs(s.child.pid);
  t0 = performance.now();
  await Promise.all(plainSteps.map((name) => put(s, name, command)));
  await waitFinal(s, plainSteps);
  const plainStepsMs = performance.now() - t0;
  const plainStepsCpu = cpuMs(s.child.pid) - cpu;

  cpu = cpuMs(s.child.pid);
  t0 = performance.now();
  await put(s, 'pipeline-parallel', pipeline(false));
  await waitFinal(s, ['pipeline-parallel']);
  const parallelMs = performance.now() - t0;
  const parallelCpu = cpuMs(s.child.pid) - cpu;

  cpu = cpuMs(s.child.pid);
  t0 = performance.now();
  await put(s, 'pipeline-chain', pipeline(true));
  await waitFinal(s, ['pipeline-chain']);
  const chainMs = performance.now() - t0;
  const chainCpu = cpuMs(s.child.pid) - cpu;

  const per = (ms) => (ms / TRIALS).toFixed(1);
  const perStep = (ms) => (ms / STEPS).toFixed(1);
  console.log(
    `| Figure (${TRIALS} trivial jobs, ${CONCURRENCY} at a time) | Wall clock per job | Service CPU per job |`,
  );
  console.log('| --- | --- | --- |');
  console.log(
    `| ${TRIALS} plain command jobs, submitted at once | ${per(plainMs)} ms | ${per(plainCpu)} ms |`,
  );
  console.log(
    `| one sweep of ${TRIALS} trials (grid) | ${per(sweepMs)} ms | ${per(sweepCpu)} ms |`,
  );
  console.log(
    `| sweep overhead per trial (sweep − plain) | ${per(sweepMs - plainMs)} ms | ${per(sweepCpu - plainCpu)} ms |`,
  );
  console.log(
    `| ${STEPS} plain command jobs, submitted at once | ${perStep(plainStepsMs)} ms | ${perStep(plainStepsCpu)} ms |`,
  );
  console.log(
    `| one pipeline of ${STEPS} independent steps | ${perStep(parallelMs)} ms | ${perStep(parallelCpu)} ms |`,
  );
  console.log(
    `| pipeline overhead per step (pipeline − plain) | ${perStep(parallelMs - plainStepsMs)} ms | ${perStep(parallelCpu - plainStepsCpu)} ms |`,
  );
  console.log(
    `| one pipeline of ${STEPS} chained steps (each reads the previous output) | ${perStep(chainMs)} ms | ${perStep(chainCpu)} ms |`,
  );
} finally {
  await s.stop();
  rmSync(home, { recursive: true, force: true });
}

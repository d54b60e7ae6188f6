// Benchmarks of the embedded job service (@amlkit/local), against the built package.
//   pnpm turbo run build --filter=@amlkit/local && node bench/local-service.mjs
// The service runs in its own child process (as `amlkit server start` would run it), on a
// temporary AMLKIT_HOME with a real SQLite file; every figure goes through real HTTP on
// 127.0.0.1, except that the 100,000 stored jobs of the list/RSS figures are inserted
// through the store API (openJobStore().insertMany) before the service starts.
// Bounded: about 30–60 s on 2 cores. Prints a markdown table.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = pathToFileURL(join(root, 'packages/local/dist/index.js')).href;
const { openJobStore, LOCAL_WORKSPACE } = await import(entry);

const API = 'api-version=2025-12-01';
const WS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.MachineLearningServices/workspaces/local';
const CREATES = Number(process.env.BENCH_CREATES ?? 3000);
const STORED = Number(process.env.BENCH_STORED ?? 100_000);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startService(home, concurrency) {
  const script = `const { startLocalService } = await import(${JSON.stringify(entry)});
const s = await startLocalService({ home: ${JSON.stringify(home)}, concurrency: ${concurrency} });
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
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    child,
    url,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    stop,
  };
}

/** CPU milliseconds (user + system) the process has used so far (Linux /proc, 100 Hz ticks). */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const put = (svc, name, properties) =>
  fetch(`${svc.url}${WS}/jobs/${name}?${API}`, {
    method: 'PUT',
    headers: svc.headers,
    body: JSON.stringify({ properties }),
  });

async function waitFinal(svc, name) {
  for (;;) {
    const job = await (
      await fetch(`${svc.url}${WS}/jobs/${name}?${API}`, { headers: svc.headers })
    ).json();
    if (['Completed', 'Failed', 'Canceled'].includes(job.properties.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rows = [];
const notes = [];
const tmp = [];
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'amlkit-bench-'));
  tmp.push(dir);
  return dir;
};

try {
  // 1. Creates per second: CREATES PUTs of Command jobs, 32 in flight; each is committed to
  // SQLite before its 201, and every job also runs (concurrency 1) while the creates go on.
  {
    const svc = await startService(home(), 1);
    let next = 0;
    const cpuBefore = cpuMs(svc.child.pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < CREATES) {
          const i = next++;
          const res = await put(svc, `create-${i}`, { jobType: 'Command', command: 'true' });
          if (res.status !== 201) throw new Error(`PUT → ${res.status}`);
          await res.arrayBuffer();
        }
      }),
    );
    const perSecond = CREATES / ((performance.now() - started) / 1000);
    rows.push([
      'Creates per second (loopback, persisted, 32 in flight)',
      `${perSecond.toFixed(0)}/s`,
      '≥ 1,500/s',
      perSecond >= 1500,
    ]);
    const cpuPerCreate = (cpuMs(svc.child.pid) - cpuBefore) / CREATES;
    notes.push(
      `service CPU per create (incl. running each job): ${cpuPerCreate.toFixed(2)} ms → at most ${(1000 / cpuPerCreate).toFixed(0)} creates/s on one idle core`,
    );
    await svc.stop();
  }

  // 2. Submit → process spawned: the command prints its own start time (ms); 30 jobs, one at a time.
  {
    const svc = await startService(home(), 2);
    const latencies = [];
    for (let i = 0; i < 30; i += 1) {
      const name = `spawn-${i}`;
      const submitted = Date.now();
      const res = await put(svc, name, { jobType: 'Command', command: 'date +%s%3N' });
      await res.arrayBuffer();
      await waitFinal(svc, name);
      const log = await (
        await fetch(`${svc.url}/amlkit/v1${WS}/jobs/${name}/logs/user_logs/std_log.txt`, {
          headers: svc.headers,
        })
      ).text();
      latencies.push(Number(log.trim().split('\n').at(-1)) - submitted);
    }
    const p50 = percentile(latencies, 50);
    rows.push(['Submit → process spawned, p50', `${p50} ms`, '≤ 50 ms', p50 <= 50]);

    // 4. Log line → client latency: a job prints a timestamped line every 50 ms; an SSE client
    // (what `amlkit job stream` reads) notes when each line arrives.
    const name = 'log-latency';
    await (
      await put(svc, name, {
        jobType: 'Command',
        command: 'for i in $(seq 1 60); do date +%s%3N; sleep 0.05; done',
      })
    ).arrayBuffer();
    const res = await fetch(`${svc.url}/amlkit/v1${WS}/jobs/${name}/events`, {
      headers: svc.headers,
    });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const lineLatencies = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const now = Date.now();
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!block.includes('event: log')) continue;
        const data = JSON.parse(
          block
            .split('\n')
            .find((l) => l.startsWith('data: '))
            .slice(6),
        );
        if (data.file !== 'user_logs/std_log.txt') continue;
        for (const line of data.text.split('\n'))
          if (/^\d{13}$/.test(line)) lineLatencies.push(now - Number(line));
      }
    }
    const p95 = percentile(lineLatencies, 95);
    rows.push(['Log line → stream client, p95 (SSE)', `${p95} ms`, '≤ 100 ms', p95 <= 100]);
    await svc.stop();
  }

  // 3 and 5. First page with STORED jobs, and the service's RSS holding them.
  {
    const dir = home();
    const store = openJobStore(join(dir, 'amlkit.db'));
    const batch = 10_000;
    for (let start = 0; start < STORED; start += batch) {
      store.insertMany(
        (function* () {
          for (let i = start; i < Math.min(STORED, start + batch); i += 1) {
            yield {
              workspace: LOCAL_WORKSPACE,
              name: `stored-${i}`,
              status: 'Completed',
              properties: {
                jobType: 'Command',
                command: `python train.py --seed ${i}`,
                environmentId: 'azureml:env:1',
                experimentName: 'bench',
                tags: { i: String(i) },
                isArchived: false,
              },
            };
          }
        })(),
      );
    }
    store.close();
    const svc = await startService(dir, 2);
    const latencies = [];
    const cpuBefore = cpuMs(svc.child.pid);
    for (let i = 0; i < 300; i += 1) {
      const started = performance.now();
      const res = await fetch(`${svc.url}${WS}/jobs?${API}`, { headers: svc.headers });
      const body = await res.json();
      latencies.push(performance.now() - started);
      if (body.value.length !== 100 || typeof body.nextLink !== 'string')
        throw new Error('unexpected first page');
    }
    const cpuPerPage = (cpuMs(svc.child.pid) - cpuBefore) / 300;
    notes.push(
      `service CPU per first page (100 jobs): ${cpuPerPage.toFixed(2)} ms; p50 ${percentile(latencies, 50).toFixed(1)} ms`,
    );
    const p99 = percentile(latencies.slice(20), 99);
    rows.push([
      `First page of ${STORED.toLocaleString('en')} stored jobs, p99`,
      `${p99.toFixed(1)} ms`,
      '≤ 20 ms',
      p99 <= 20,
    ]);
    // walk 20 more pages so the RSS includes paging, then read it
    let next = `${svc.url}${WS}/jobs?${API}`;
    for (let i = 0; i < 20 && next; i += 1)
      next = (await (await fetch(next, { headers: svc.headers })).json()).nextLink;
    const rss = rssMb(svc.child.pid);
    rows.push([
      `Service RSS with ${STORED.toLocaleString('en')} jobs stored`,
      `${rss.toFixed(0)} MB`,
      '≤ 200 MB',
      rss <= 200,
    ]);
    await svc.stop();
  }
} finally {
  for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
}

console.log('| Figure | Measured | Target | Met |');
console.log('|---|---|---|---|');
for (const [figure, measured, target, met] of rows)
  console.log(`| ${figure} | ${measured} | ${target} | ${met ? 'yes' : 'no'} |`);
console.log('');
const os = await import('node:os');
console.log(
  `Notes (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores while measuring):`,
);
for (const note of notes) console.log(`- ${note}`);

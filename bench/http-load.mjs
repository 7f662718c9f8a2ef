// HTTP load from autocannon (programmatic API): closed-loop keep-alive connections on loopback for a bounded
// duration, the same way for a target and for its baseline, the bare node:http server of bare-server.mjs.
import path from "node:path";
import autocannon from "autocannon";
import { benchDir, entry, log, startNode, stop } from "./common.mjs";

/**
 * Loads `origin` for `seconds`, each request taking the next of `paths` in turn (so a cache sees the spread of a
 * real population, not one hot key). Returns throughput (mean of the per-second samples), p50/p99 latency in ms
 * and the failures.
 */
export async function load(origin, paths, { connections, seconds }) {
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length];
          return request;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Starts bare-server.mjs answering `size` bytes with the content type; resolves with its origin and process. */
export async function startBareServer(size, contentType) {
  const { started } = startNode([path.join(benchDir, "bare-server.mjs"), String(size), contentType], {
    ready: /^(\d+)\n/,
  });
  const { child, match } = await started;
  return { child, origin: `http://127.0.0.1:${match[1]}` };
}

/** Average body size of a sample of the paths (what the bare server answers instead). */
export async function meanBodySize(origin, paths, sample = 20) {
  const step = Math.max(1, Math.floor(paths.length / sample));
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < paths.length && count < sample; i += step, count += 1) {
    const response = await fetch(origin + paths[i]);
    if (response.status !== 200) throw new Error(`GET ${paths[i]} answered ${response.status}`);
    bytes += Buffer.byteLength(await response.text());
  }
  return Math.round(bytes / count);
}

/** Warm-up then measure, for one origin. */
export async function warmAndLoad(origin, paths, settings) {
  await load(origin, paths, { ...settings, seconds: settings.warmupSeconds });
  return load(origin, paths, settings);
}

/**
 * The page against the bare server in the same run: baseline first (bare server started, warmed, loaded,
 * stopped), then the target the same way. Returns [throughput entry, p99 entry] and logs the details.
 */
export async function benchAgainstBare({ name, label, origin, paths, contentType, settings }) {
  const size = await meanBodySize(origin, paths);
  const bare = await startBareServer(size, contentType);
  let baseline;
  try {
    baseline = await warmAndLoad(bare.origin, paths, settings);
  } finally {
    await stop(bare.child, "SIGTERM");
  }
  const measured = await warmAndLoad(origin, paths, settings);
  log(
    `${name}: ${Math.round(measured.requestsPerSecond)} req/s (p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
      `${measured.failures} failures) vs bare ${Math.round(baseline.requestsPerSecond)} req/s ` +
      `(p99 ${baseline.p99} ms); body ${size} B, ${paths.length} distinct paths, ${settings.connections} connections`,
  );
  if (measured.failures > 0) console.warn(`[bench] warning: ${name}: ${measured.failures} failed requests`);
  return {
    size,
    entries: [
      entry(
        `${name} throughput (${label})`,
        measured.requestsPerSecond,
        baseline.requestsPerSecond,
        measured.requestsPerSecond / baseline.requestsPerSecond,
        "req/s vs bare node:http, same body size (goal: ratio ≥ 0.6)",
      ),
      entry(
        `${name} p99 (${label})`,
        measured.p99,
        baseline.p99,
        baseline.p99 / measured.p99,
        "ms; baseline = bare node:http p99, ratio = baseline / value (goal: value < 20 ms)",
      ),
    ],
  };
}

import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { PoolStats } from "../db/client.js";
import { PUBLIC } from "./route-policy.js";

/** Prometheus text at /metrics: requests and latency by route, database pool, process. */
export function registerMetrics(app: FastifyInstance, poolStats: () => PoolStats) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency",
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });

  // The labelled series of a method, route and status, resolved once: prom-client hashes a label object on every
  // call otherwise, which is a visible share of a cached public page's cost.
  const series = new Map<
    string,
    { count: ReturnType<typeof requests.labels>; latency: ReturnType<typeof duration.labels> }
  >();
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let found = series.get(key);
    if (!found) {
      const labels = { method: request.method, route, status_code: String(reply.statusCode) };
      found = { count: requests.labels(labels), latency: duration.labels(labels) };
      series.set(key, found);
    }
    found.count.inc();
    found.latency.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get("/metrics", { config: { policy: PUBLIC }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

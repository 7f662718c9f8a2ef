// The machine a run measured: CPU, cores, RAM, Node, PostgreSQL, load — printed and written to bench/machine.json.
import os from "node:os";
import { pgServerUrl, postgresReachable, quick, withClient } from "./common.mjs";

export async function describeMachine() {
  const cpus = os.cpus();
  let postgres = "unreachable";
  if (await postgresReachable()) {
    postgres = await withClient(`${pgServerUrl}/postgres`, async (client) => {
      const { rows } = await client.query(
        "select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers, " +
          "current_setting('work_mem') as work_mem",
      );
      const { version, shared_buffers: sharedBuffers, work_mem: workMem } = rows[0];
      return `PostgreSQL ${version} (shared_buffers ${sharedBuffers}, work_mem ${workMem})`;
    });
  }
  return {
    date: new Date().toISOString(),
    mode: quick ? "quick (BENCH_QUICK=1)" : "full",
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export function formatMachine(machine) {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.postgres}; ` +
    `${machine.os}; ${machine.mode}; load average at start ${machine.loadAverageAtStart.join(" / ")}`
  );
}

// `npm start`: build what is missing, then serve with demo data on first start (README).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const built = ["packages/server/dist/cli.js", "packages/web/dist/index.html"].every((file) =>
  existsSync(file),
);
if (!built) {
  console.log("First start: building shian (TypeScript and the web app)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(
  process.execPath,
  ["packages/server/dist/cli.js", "serve", "--demo", ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

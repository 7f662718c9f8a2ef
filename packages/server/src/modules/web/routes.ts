import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { markRoutesPublic } from "../../http/route-policy.js";

const WEB_DIST = fileURLToPath(new URL("../../../../web/dist", import.meta.url));
const SHELL_PATHS = ["/login", "/console", "/console/*", "/portal", "/portal/*", "/m", "/m/*"];

/** Serves the built single-page app (packages/web/dist): assets, and index.html for each shell path. */
export async function webRoutes(app: FastifyInstance) {
  const built = fs.existsSync(`${WEB_DIST}/index.html`);
  // Everything this plugin serves is the public app shell; data stays behind the API's policies.
  markRoutesPublic(app);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${WEB_DIST}/assets`,
      prefix: "/assets/",
      immutable: true,
      maxAge: "365d",
    });
  }
  for (const url of SHELL_PATHS) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      if (!built)
        return reply.code(503).type("text/plain; charset=utf-8").send("Web UI not built: run npm run build");
      return reply.header("cache-control", "no-cache").sendFile("index.html", WEB_DIST);
    });
  }
  app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/login"));
}

// The physical limit of the same machine: node:http answering a fixed body of the given size (and content type)
// to any path. Prints its port on stdout.
import http from "node:http";

const size = Number(process.argv[2] ?? 4096);
const contentType = process.argv[3] ?? "text/html; charset=utf-8";
const body = Buffer.alloc(size, "x");
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "content-type": contentType, "content-length": body.length });
  response.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));

/**
 * A small static server for the built site (dist/), bound to 127.0.0.1 only: `npm start` (scripts/serve.ts) serves on PORT (default
 * 3000), and the browser tests call `serve(dir)` on a free port. Clean URLs as Framework links them
 * (/claims-drift -> claims-drift.html, /examples/ -> examples/index.html), the MIME types DuckDB-Wasm and Arrow need
 * (.wasm application/wasm, .arrow application/vnd.apache.arrow.stream), 404.html for unknown paths, and no way out
 * of the served folder.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";

export const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip"
};

export interface Served {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path designates inside `root`, or undefined. Never escapes `root`. */
export function resolveRequestPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const path = resolve(root, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const candidates = decoded.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  return candidates.find(isFile);
}

function handle(root: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, {allow: "GET, HEAD"}).end();
    return;
  }
  const {pathname} = new URL(request.url ?? "/", "http://localhost");
  let file = resolveRequestPath(root, pathname);
  let status = 200;
  if (!file) {
    status = 404;
    file = isFile(join(root, "404.html")) ? join(root, "404.html") : undefined;
  }
  if (!file) {
    response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Not found\n");
    return;
  }
  const size = statSync(file).size;
  response.writeHead(status, {
    "content-type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": size,
    "x-content-type-options": "nosniff",
    // Framework's assets carry a content hash in their names; pages themselves must always be re-fetched.
    "cache-control":
      /\.[0-9a-f]{8}\.\w+$/.test(file) || file.includes(`${sep}_npm${sep}`)
        ? "public, max-age=31536000, immutable"
        : "no-cache"
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response);
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port). */
export async function serve(dir: string, port = 0): Promise<Served> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new Error(`serve: ${root} is not a folder (run npm run build first)`);
  const server = createServer((request, response) => handle(root, request, response));
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveListen());
  });
  const {port: actual} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      })
  };
}

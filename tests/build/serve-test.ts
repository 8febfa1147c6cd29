import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {resolveRequestPath, serve, type Served} from "../../loaders/site/serve.ts";

let site: string;
let server: Served;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "carnet-serve-"));
  mkdirSync(join(site, "examples"));
  mkdirSync(join(site, "_file", "data"), {recursive: true});
  writeFileSync(join(site, "index.html"), "<h1>Home</h1>");
  writeFileSync(join(site, "claims-drift.html"), "<h1>Claims drift</h1>");
  writeFileSync(join(site, "examples", "index.html"), "<h1>Examples</h1>");
  writeFileSync(join(site, "404.html"), "<h1>Page not found</h1>");
  writeFileSync(join(site, "duckdb-eh.wasm"), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(site, "_file", "data", "claims.0123abcd.arrow"), "ARROW1");
  writeFileSync(join(tmpdir(), "carnet-serve-secret.txt"), "outside");
  server = await serve(site);
});

afterAll(async () => {
  await server?.close();
  rmSync(site, {recursive: true, force: true});
  rmSync(join(tmpdir(), "carnet-serve-secret.txt"), {force: true});
});

async function get(path: string): Promise<{status: number; type: string | null; body: string}> {
  const response = await fetch(server.url + path);
  return {status: response.status, type: response.headers.get("content-type"), body: await response.text()};
}

describe("serve(dir) serves a built site on 127.0.0.1", () => {
  test("it listens on the loopback interface, on a free port when none is given", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("clean URLs map to .html files, and folders to their index.html", async () => {
    expect(await get("/")).toMatchObject({status: 200, body: "<h1>Home</h1>"});
    expect(await get("/claims-drift")).toMatchObject({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<h1>Claims drift</h1>"
    });
    expect(await get("/claims-drift.html")).toMatchObject({status: 200, body: "<h1>Claims drift</h1>"});
    expect(await get("/examples/")).toMatchObject({status: 200, body: "<h1>Examples</h1>"});
  });

  test("wasm and Arrow files get the MIME types browsers and DuckDB-Wasm expect", async () => {
    expect((await get("/duckdb-eh.wasm")).type).toBe("application/wasm");
    expect((await get("/_file/data/claims.0123abcd.arrow")).type).toBe("application/vnd.apache.arrow.stream");
  });

  test("an unknown path answers 404 with the site's 404 page", async () => {
    expect(await get("/no-such-page")).toMatchObject({status: 404, body: "<h1>Page not found</h1>"});
  });

  test("paths cannot climb out of the served folder, even percent-encoded", async () => {
    for (const path of [
      "/../carnet-serve-secret.txt",
      "/%2e%2e/carnet-serve-secret.txt",
      "/..%2fcarnet-serve-secret.txt"
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain("outside");
    }
    // fetch() normalises "/../" itself, so also ask the resolver directly what a raw request line would give.
    expect(resolveRequestPath(site, "/../carnet-serve-secret.txt")).toBeUndefined();
    expect(resolveRequestPath(site, "/%2e%2e/carnet-serve-secret.txt")).toBeUndefined();
  });

  test("only GET and HEAD are allowed", async () => {
    expect((await fetch(server.url + "/", {method: "POST"})).status).toBe(405);
    const head = await fetch(server.url + "/claims-drift", {method: "HEAD"});
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String("<h1>Claims drift</h1>".length));
  });
});

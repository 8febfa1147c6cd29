import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {projectRoot} from "./dist-files.ts";

const guard = join(projectRoot, "scripts", "no-network.cjs");

/** Runs a Node snippet with the guard loaded as the build loads it; returns its exit code and output. */
function guarded(code: string): {status: number | null; output: string} {
  const env: NodeJS.ProcessEnv = {...process.env, NODE_OPTIONS: `--require ${guard}`};
  delete env.CARNET_ALLOW_NETWORK;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    env,
    encoding: "utf8",
    timeout: 60_000
  });
  return {status: result.status, output: result.stdout + result.stderr};
}

describe("the build's fetch guard (scripts/no-network.cjs)", () => {
  test("a fetch to a CDN is refused before any connection, and the process fails even if the error is caught", () => {
    const {status, output} = guarded(
      `await fetch("https://cdn.jsdelivr.net/npm/d3@7/+esm").then(() => console.log("REACHED"), (e) => console.log("caught:", e.message));`
    );
    expect(output).toContain("caught: no-network guard: refused fetch https://cdn.jsdelivr.net/npm/d3@7/+esm");
    expect(output).not.toContain("REACHED");
    expect(status).toBe(1);
  });

  test("http(s).get and raw sockets to outside hosts are refused, including named ESM imports", () => {
    const {output} = guarded(`
      import https, {request} from "node:https";
      import net from "node:net";
      for (const attempt of [() => https.get("https://registry.npmjs.org/"), () => request({hostname: "example.org"}), () => net.connect(443, "example.org")]) {
        try { attempt(); console.log("REACHED"); } catch (e) { console.log("caught:", e.message); }
      }`);
    expect(output.match(/caught: no-network guard: refused/g)).toHaveLength(3);
    expect(output).not.toContain("REACHED");
  });

  test("requests to this machine still work (ClickHouse on localhost, the preview server)", () => {
    const {status, output} = guarded(`
      import http from "node:http";
      const server = http.createServer((q, r) => r.end("local ok")).listen(0, "127.0.0.1", async () => {
        console.log(await (await fetch("http://127.0.0.1:" + server.address().port + "/")).text());
        console.log(await (await fetch("http://localhost:" + server.address().port + "/")).text().catch(() => "localhost unreachable"));
        server.close();
      });`);
    expect(output).toContain("local ok");
    expect(output).not.toContain("no-network guard");
    expect(status).toBe(0);
  });
});

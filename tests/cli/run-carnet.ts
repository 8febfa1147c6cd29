import {spawnSync} from "node:child_process";
import {resolve} from "node:path";

const root = resolve(import.meta.dirname, "../..");

/** Runs the real `carnet` CLI as a user would (through tsx), returning exit code and both streams. */
export function carnet(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(resolve(root, "node_modules/.bin/tsx"), [resolve(root, "loaders/cli/carnet.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, CARNET_PSEUDONYM_KEY: "test-key", ...env},
    maxBuffer: 1 << 28
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

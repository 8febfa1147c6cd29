/**
 * The Python environment of Python loaders: a virtual environment `.venv/` inside the project (git-ignored) with
 * python/requirements.txt installed, made by the build the first time a `.py` loader needs it and again whenever
 * the requirements change (their digest is kept in .venv/). pip is kept from waiting on an index it cannot reach
 * (--retries 0 --timeout 5): where only a local mirror is reachable, it installs from that mirror.
 */
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export class PythonEnvError extends Error {}

/** The interpreter Framework runs `.py` loaders with (observablehq.config.ts). */
export const VENV_PYTHON = join(".venv", "bin", "python");

export function ensurePythonEnv(root: string, log: (message: string) => void): void {
  const venv = join(root, ".venv");
  const requirements = join(root, "python", "requirements.txt");
  const digest = createHash("sha256").update(readFileSync(requirements)).digest("hex").slice(0, 16);
  const stamp = join(venv, ".carnet-requirements");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  log("creating the Python environment for Python loaders in .venv (once; python/requirements.txt)");
  rmSync(venv, {recursive: true, force: true});
  const step = (command: string, args: string[]) => {
    const result = spawnSync(command, args, {cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8"});
    if (result.status !== 0) {
      const last = (result.stderr ?? "").trim().split("\n").filter(Boolean).pop() ?? `exit ${result.status}`;
      rmSync(venv, {recursive: true, force: true});
      throw new PythonEnvError(`${command} ${args.slice(0, 3).join(" ")}: ${last}`);
    }
  };
  step("python3", ["-m", "venv", venv]);
  step(join(venv, "bin", "pip"), [
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "--retries",
    "0",
    "--timeout",
    "5",
    "-r",
    requirements
  ]);
  writeFileSync(stamp, digest);
  log("Python environment ready");
}

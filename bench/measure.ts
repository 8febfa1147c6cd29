/**
 * Runs one command in its own process under GNU time (Debian package `time`) and returns its wall time, its peak
 * resident memory and its exit status: what the bench reports for every step of the product, so each figure is
 * the real program's, never a proxy's.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export interface Measured {
  seconds: number;
  peak_rss_mb: number;
  status: number | null;
  /** The last line the command wrote on stderr (its error, when it failed). */
  last_error: string;
  stdout_bytes: number;
  /** What the command wrote on stdout and stderr, as text. */
  output: string;
}

export function measure(
  command: string,
  args: string[],
  options: {cwd: string; env?: NodeJS.ProcessEnv; timeoutSeconds?: number}
): Measured {
  const dir = mkdtempSync(join(tmpdir(), "carnet-measure-"));
  const report = join(dir, "time.txt");
  try {
    // A reference that would run for ages (the naive cube at 10M claims) is killed by coreutils' timeout, so GNU
    // time still reports its time and memory so far.
    const limit = options.timeoutSeconds ? ["timeout", "-s", "KILL", String(options.timeoutSeconds)] : [];
    const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", report, ...limit, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      maxBuffer: 1 << 30,
      encoding: "buffer"
    });
    const [seconds, kib] = readFileSync(report, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    const stderr = result.stderr.toString("utf8").trim().split("\n");
    return {
      seconds,
      peak_rss_mb: kib / 1024,
      status: result.status,
      last_error:
        result.status === 0
          ? ""
          : limit.length && result.status === 137
            ? `stopped after ${options.timeoutSeconds} s`
            : (stderr.pop() ?? ""),
      stdout_bytes: result.stdout.length,
      output: `${result.stdout.toString("utf8")}\n${result.stderr.toString("utf8")}`
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

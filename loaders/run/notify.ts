/**
 * The reporter: the user's command (a relay to mail, Teams, a ticketing tool) run by the shell with the run's JSON
 * record on its standard input. Carnet makes no network call of its own; a failing reporter is reported, never
 * turns a published run into a failed one.
 */
import {spawn} from "node:child_process";
import type {RunRecord} from "./history.ts";

export async function notify(command: string, record: RunRecord, log: (message: string) => void): Promise<void> {
  const child = spawn("sh", ["-c", command], {stdio: ["pipe", "inherit", "inherit"]});
  child.stdin.on("error", () => {}); // a command that does not read its input
  child.stdin.end(`${JSON.stringify(record)}\n`);
  const code = await new Promise<number | null>((done) => {
    child.on("error", () => done(null));
    child.on("close", done);
  });
  if (code !== 0) log(`--notify: the command exited ${code ?? "without starting"}; the run's outcome is unchanged`);
}

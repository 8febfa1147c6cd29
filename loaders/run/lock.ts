/**
 * One refresh at a time per publish folder: DIR/refresh.lock, created exclusively, names the running refresh's
 * process and its build's process group. A lock whose process is gone (killed, machine restarted) is taken over by
 * the next refresh, which first stops the dead run's build if it still runs, so a dead run never blocks forever.
 */
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {CarnetError} from "../errors.ts";
import {isAlive} from "../process-alive.ts";

export interface LockOwner {
  pid: number;
  run_id: string;
  started_at: string;
  /** Process group of the build the run started (killed with the group when the run is found dead). */
  build_group?: number;
}

export const LOCK_FILE = "refresh.lock";

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    return null; // vanished, or half-written by a run killed while writing it
  }
}

export class RefreshLock {
  private constructor(
    private readonly path: string,
    private owner: LockOwner
  ) {}

  /** Takes the lock of `dir`, or throws one line naming the refresh that holds it. */
  static acquire(dir: string, runId: string): {lock: RefreshLock; tookOverFrom: LockOwner | null} {
    const path = join(dir, LOCK_FILE);
    const owner: LockOwner = {pid: process.pid, run_id: runId, started_at: new Date().toISOString()};
    let tookOverFrom: LockOwner | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, JSON.stringify(owner), {flag: "wx"});
        return {lock: new RefreshLock(path, owner), tookOverFrom};
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = readOwner(path);
      if (holder && isAlive(holder.pid))
        throw new CarnetError(
          `carnet refresh: another refresh is running on ${dir} (pid ${holder.pid}, run ${holder.run_id}, since ${holder.started_at}); nothing done`,
          1
        );
      if (holder?.build_group && isAlive(holder.build_group)) {
        try {
          process.kill(-holder.build_group, "SIGKILL");
        } catch {
          // already gone
        }
      }
      tookOverFrom = holder;
      rmSync(path, {force: true});
    }
    throw new CarnetError(`carnet refresh: could not take ${path}; remove it if no refresh is running`);
  }

  /** Records the build's process group, so a run that dies leaves the next one able to stop its build. */
  recordBuild(group: number): void {
    this.owner = {...this.owner, build_group: group};
    writeFileSync(this.path, JSON.stringify(this.owner));
  }

  release(): void {
    const holder = readOwner(this.path);
    if (holder?.pid === this.owner.pid && holder.run_id === this.owner.run_id) rmSync(this.path, {force: true});
  }
}

/**
 * What the provenance footer of every page shows: the extract folder and its snapshot date, row counts per
 * extract file, the code version (git commit when the build runs in a checkout) and the build date, plus each
 * analysis page's author/status line from its front matter.
 */
import {execFileSync} from "node:child_process";
import {relative} from "node:path";
import type {Provenance} from "../../src/lib/catalog/provenance.ts";
import type {Extracts} from "../extracts/open.ts";
import {fileCounts} from "../extracts/validate.ts";
import type {Catalog} from "./catalog.ts";
import {projectRoot} from "./root.ts";

export type {Provenance};

/** The short commit and whether the tree is dirty; null when git or the repository is absent. */
export function gitVersion(root = projectRoot()): {commit: string | null; dirty: boolean} {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
    let dirty = false;
    try {
      dirty =
        execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
          cwd: root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"]
        }).trim() !== "";
    } catch {
      dirty = false;
    }
    return {commit: commit || null, dirty};
  } catch {
    return {commit: null, dirty: false};
  }
}

export function provenanceRecord(
  extracts: Pick<Extracts, "dir" | "snapshotDate" | "accounting">,
  catalog: Catalog,
  version: {commit: string | null; dirty: boolean},
  buildDate: Date = new Date()
): Provenance {
  const folder = relative(projectRoot(), extracts.dir);
  return {
    extract_folder:
      folder && !folder.startsWith("..") ? folder : (extracts.dir.split(/[\\/]/).filter(Boolean).pop() ?? ""),
    snapshot_date: extracts.snapshotDate,
    files: fileCounts(extracts.accounting.files),
    commit: version.commit,
    dirty: version.dirty,
    build_date: buildDate.toISOString().slice(0, 10),
    pages: Object.fromEntries(
      catalog.entries.map((e) => [
        e.href,
        {title: e.title, authors: e.authors, reviewers: e.reviewers, status: e.status, updated: e.updated, data: e.data}
      ])
    )
  };
}

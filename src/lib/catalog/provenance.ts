/** What the provenance footer of every page shows (computed by loaders/catalog/provenance.ts). */

export interface PageLine {
  title: string;
  authors: string[];
  reviewers: string[];
  status: string;
  updated: string;
  data: string[];
}

export interface Provenance {
  /** The extract folder relative to the project (never an absolute path of the build machine). */
  extract_folder: string;
  snapshot_date: string;
  files: {file: string; rows_read: number; rows_accepted: number; rows_rejected: number}[];
  /** Short git commit, or null outside a git checkout. */
  commit: string | null;
  /** Whether the checkout had uncommitted changes at build time. */
  dirty: boolean;
  build_date: string;
  /** Analysis pages by address without the leading "/": "claims-drift", "examples/sql-example". */
  pages: Record<string, PageLine>;
}

import {writeFileSync} from "node:fs";
import {extractsDir} from "../../extracts/location.ts";
import {stagedManifest} from "../../extracts/manifest.ts";
import {stagedFolder} from "../../extracts/open.ts";
import {keyFingerprint, pseudonymKey} from "../../extracts/pseudonym.ts";
import {MACROS} from "../../query/macros.ts";
import {openForQuery} from "../../query/read-only.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary = "List the staged tables (columns, types, rows) and the macros `carnet query` offers";
export const help = `
Usage: npm run --silent carnet -- tables [--extracts DIR] [--format text|json] [--out FILE]

Stages the delivery if needed and prints its governed tables: validated, pseudonymised Parquet files with their
columns, types and rows, the snapshot date and the pseudonym key's fingerprint (the manifest tables.json kept
beside them), then the team's SQL macros. With --format json, the manifest itself plus "macros"; --out FILE
writes it to FILE instead of stdout (what the build gives loaders as CARNET_TABLES).

Exit status: 0, or 2 with one line on a problem with the delivery.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("tables", argv, {
    extracts: {type: "string"},
    format: {type: "string"},
    out: {type: "string"}
  });
  const format = formatFlag("tables", values.format, ["text", "json"] as const);
  const opened = await openForQuery(values.extracts ?? extractsDir());
  try {
    const manifest = await stagedManifest(stagedFolder(opened.stagingKey), opened.engine, {
      snapshotDate: opened.snapshotDate || null,
      keyFingerprint: keyFingerprint(pseudonymKey())
    });
    const macros = MACROS.map((m) => ({name: m.name, doc: m.doc, sql: m.sql}));
    if (format === "json") {
      if (values.out) writeFileSync(values.out, JSON.stringify({...manifest, macros}, null, 2));
      else writeJson({...manifest, macros});
      return 0;
    }
    const lines = [`Snapshot ${manifest.snapshot_date ?? "unknown"}, pseudonym key ${manifest.key_fingerprint}`, ""];
    for (const t of manifest.tables) {
      lines.push(`${t.table} (${t.rows.toLocaleString("en-US")} rows)`);
      for (const c of t.columns) lines.push(`  ${c.name.padEnd(24)} ${c.type}`);
    }
    lines.push("", "Macros:", ...macros.map((m) => `  ${m.doc}`));
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await opened.engine.close();
  }
  return 0;
}

/**
 * Loads a validated extract folder into a ClickHouse cluster: validates exactly as `carnet check` does
 * (through the same staging), then replaces the cluster's tables with the accepted rows. Re-running with the
 * same folder gives the same tables (drop and reload), never doubled rows.
 */
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ClickHouseEngine, parseClickHouseUrl} from "../engine/clickhouse.ts";
import type {Engine} from "../engine/engine.ts";
import {clickhouseLiteral, identifier, literal} from "../engine/sql.ts";
import {CarnetError} from "../errors.ts";
import {contract} from "../extracts/contract.ts";
import {openStagedExtracts} from "../extracts/open.ts";
import {
  DATE_RANGE,
  dateRangeSql,
  distributedTableSql,
  localTableSql,
  metaTablesSql,
  publishedColumns
} from "./clickhouse-schema.ts";

export interface IngestOptions {
  url: string;
  extracts?: string;
  /** HTTP host:port of every shard (DDL runs on each); default: the entry node alone. */
  shards?: string[];
  cluster?: string;
  progress?: (message: string) => void;
}

export interface IngestResult {
  engine: string;
  tables: {table: string; rows: number}[];
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const target = parseClickHouseUrl(options.url);
  const cluster = options.cluster ?? "carnet";
  const say = options.progress ?? (() => undefined);
  const entry = await ClickHouseEngine.connect(options.url.replace(/\/[^/?]*(\?.*)?$/, "/default"));
  const shardUrls = (
    options.shards?.length ? options.shards : [target.label.replace(/^clickhouse:\/\//, "").replace(/\/.*$/, "")]
  ).map((hostPort) => `clickhouse://${hostPort}/default`);
  const shards = await Promise.all(shardUrls.map((url) => ClickHouseEngine.connect(url)));
  const db = identifier(target.database);
  say(`validating ${options.extracts ?? "extract folder"}`);
  // Always the local staging: CARNET_ENGINE may already point at this very cluster.
  const extracts = await openStagedExtracts(options.extracts);
  for (const file of contract) {
    const sql = dateRangeSql(file);
    const ranges = sql
      ? await extracts.engine.all<{column_name: string; low: string | null; high: string | null}>(sql)
      : [];
    for (const r of ranges) {
      if ((r.low && r.low < DATE_RANGE.min) || (r.high && r.high > DATE_RANGE.max)) {
        await extracts.engine.close();
        await Promise.all([entry, ...shards].map((e: Engine) => e.close()));
        throw new CarnetError(
          `${file.name}.${r.column_name}: dates from ${r.low} to ${r.high} do not fit ClickHouse's Date (${DATE_RANGE.min} to ${DATE_RANGE.max})`
        );
      }
    }
  }
  const work = mkdtempSync(join(tmpdir(), "carnet-ingest-"));
  try {
    for (const shard of shards) {
      await shard.run(`CREATE DATABASE IF NOT EXISTS ${db}`);
      for (const file of contract) {
        await shard.run(`DROP TABLE IF EXISTS ${db}.${file.name}`);
        await shard.run(`DROP TABLE IF EXISTS ${db}.${file.name}_local`);
        await shard.run(localTableSql(target.database, file));
      }
    }
    for (const file of contract) await entry.run(distributedTableSql(target.database, cluster, file));
    for (const name of ["ingest_meta", "rejects"]) await entry.run(`DROP TABLE IF EXISTS ${db}.${name}`);
    for (const sql of metaTablesSql(target.database)) await entry.run(sql);

    const counts: IngestResult["tables"] = [];
    for (const file of contract) {
      say(`loading ${file.name}`);
      const csv = join(work, `${file.name}.csv`);
      const columns = publishedColumns(file)
        .map((c) => identifier(c.name))
        .join(", ");
      await extracts.engine.run(
        `COPY (SELECT ${columns} FROM ${file.name}) TO ${literal(csv)} (FORMAT csv, HEADER, NULLSTR '\\N')`
      );
      await entry.insertCsv(`${target.database}.${file.name}`, createReadStream(csv));
      const [{n}] = await entry.all<{n: number}>(`SELECT count() AS n FROM ${db}.${file.name}`);
      counts.push({table: file.name, rows: n});
    }
    const rejectsCsv = join(work, "rejects.csv");
    await extracts.engine.run(
      `COPY (SELECT file, line, "column", reason FROM rejects) TO ${literal(rejectsCsv)} (FORMAT csv, HEADER, NULLSTR '\\N')`
    );
    await entry.insertCsv(`${target.database}.rejects`, createReadStream(rejectsCsv));
    const files = JSON.stringify(extracts.accounting.files);
    await entry.run(
      `INSERT INTO ${db}.ingest_meta VALUES (now(), ${clickhouseLiteral(extracts.dir)}, ${clickhouseLiteral(extracts.snapshotDate)}, ${clickhouseLiteral(files)})`
    );
    return {engine: target.label, tables: counts};
  } finally {
    rmSync(work, {recursive: true, force: true});
    await extracts.engine.close();
    await Promise.all([entry, ...shards].map((e: Engine) => e.close()));
  }
}

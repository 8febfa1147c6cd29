import {CarnetError} from "../../errors.ts";
import {ingest} from "../../ingest/ingest.ts";
import {parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary = "Validate an extract folder and load its accepted rows into a ClickHouse cluster";
export const help = `
Usage: npm run --silent carnet -- ingest --engine clickhouse://HOST:PORT/DB [--extracts DIR] [--shards H:P,H:P] [--cluster NAME]

Validates the extract folder exactly as \`carnet check\` does, then (re)creates on the cluster, per shard, a
MergeTree table <name>_local for each contract file and, on the entry node, a Distributed table <name> over
them (sharded by contract, or by claim for expertises and scores), plus ingest_meta and rejects. Loading the
same folder twice gives the same tables: the tables are replaced, never appended to.

  --engine URL     entry node (credentials from CARNET_CLICKHOUSE_USER / CARNET_CLICKHOUSE_PASSWORD)
  --extracts DIR   extract folder (default: $CARNET_EXTRACTS, else data/extracts)
  --shards LIST    HTTP host:port of every shard, where the local tables are created (default: entry node)
  --cluster NAME   cluster name in the servers' remote_servers (default: carnet)

Prints a JSON summary of the rows per table on stdout; progress on stderr.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("ingest", argv, {
    engine: {type: "string"},
    extracts: {type: "string"},
    shards: {type: "string"},
    cluster: {type: "string"}
  });
  const url = values.engine ?? process.env.CARNET_ENGINE;
  if (!url || !url.startsWith("clickhouse://"))
    throw new CarnetError("carnet ingest: --engine expects a clickhouse://host:port/database URL");
  const result = await ingest({
    url,
    extracts: values.extracts,
    shards: values.shards
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    cluster: values.cluster,
    progress: (message) => process.stderr.write(`carnet ingest: ${message}\n`)
  });
  writeJson(result);
  return 0;
}

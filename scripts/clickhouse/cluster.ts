/**
 * A 2-shard ClickHouse cluster on loopback for tests and benchmarks, from Debian's clickhouse-server.
 *   tsx scripts/clickhouse/cluster.ts start [DIR]   -> starts both shards, waits for /ping, prints the engine URL
 *   tsx scripts/clickhouse/cluster.ts stop [DIR]    -> stops them by PID
 * Ports: HTTP 18121/18122, native 19001/19002, interserver 19011/19012. State lives in DIR (default .clickhouse/).
 */
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";

export const SERVER = "/usr/sbin/clickhouse-server";
export const shards = [
  {http: 18121, tcp: 19001, interserver: 19011},
  {http: 18122, tcp: 19002, interserver: 19012}
];
export const CLUSTER = "carnet";
export const DATABASE = "carnet";
export const engineUrl = `clickhouse://127.0.0.1:${shards[0].http}/${DATABASE}`;

function config(dir: string, shard: (typeof shards)[number]): string {
  const replicas = shards
    .map((s) => `<shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`)
    .join("");
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${shard.http}</http_port>
  <tcp_port>${shard.tcp}</tcp_port>
  <interserver_http_port>${shard.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mlock_executable>false</mlock_executable>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <remote_servers><${CLUSTER}>${replicas}</${CLUSTER}></remote_servers>
</yandex>`;
}

const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><insert_distributed_sync>1</insert_distributed_sync></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>`;

async function ping(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ping`);
    return response.ok;
  } catch {
    return false;
  }
}

export async function startCluster(base = resolve(".clickhouse")): Promise<string> {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} not found: install Debian's clickhouse-server (apt-get install -y clickhouse-server)`);
  for (const [i, shard] of shards.entries()) {
    const dir = join(base, `shard${i + 1}`);
    if (await ping(shard.http)) continue;
    for (const sub of ["data", "tmp", "user_files", "format_schemas"]) mkdirSync(join(dir, sub), {recursive: true});
    writeFileSync(join(dir, "config.xml"), config(dir, shard));
    writeFileSync(join(dir, "users.xml"), users);
    const child = spawn(SERVER, [`--config-file=${join(dir, "config.xml")}`], {
      detached: true,
      stdio: "ignore",
      cwd: dir
    });
    child.unref();
    writeFileSync(join(dir, "pid"), String(child.pid));
  }
  for (const shard of shards) {
    const deadline = Date.now() + 30_000;
    while (!(await ping(shard.http))) {
      if (Date.now() > deadline)
        throw new Error(
          `clickhouse shard on port ${shard.http} did not answer /ping within 30 s (see ${base}/shard*/server.err.log)`
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return engineUrl;
}

export async function stopCluster(base = resolve(".clickhouse")): Promise<void> {
  for (const [i, shard] of shards.entries()) {
    const pidFile = join(base, `shard${i + 1}`, "pid");
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, "utf8"));
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    const deadline = Date.now() + 15_000;
    while ((await ping(shard.http)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    rmSync(pidFile, {force: true});
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const [verb, dir] = process.argv.slice(2);
  const base = resolve(dir ?? ".clickhouse");
  if (verb === "start")
    startCluster(base).then(
      (url) => console.log(url),
      (e) => {
        console.error(String(e.message ?? e));
        process.exit(1);
      }
    );
  else if (verb === "stop")
    stopCluster(base).then(
      () => undefined,
      (e) => {
        console.error(String(e.message ?? e));
        process.exit(1);
      }
    );
  else {
    console.error("usage: tsx scripts/clickhouse/cluster.ts start|stop [DIR]");
    process.exit(2);
  }
}

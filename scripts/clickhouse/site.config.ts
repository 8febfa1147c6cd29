// The site built from a ClickHouse engine (scripts/clickhouse/site-check.ts): the same config, another output.
import config from "../../observablehq.config.ts";

export default {...config, output: process.env.CARNET_SITE_OUTPUT ?? ".clickhouse/site-dist"};

/**
 * Page data loaders (src/data/*) are plain scripts: an engine that is down would otherwise end them with a
 * Node stack trace. In a loader process, a CarnetError ends the loader with its one line on stderr and exit
 * code 2, so the build fails with "clickhouse://host:port/db: engine is not reachable (...)" and nothing else.
 * Installed only when the process runs a page loader, never in the CLI (which has its own) or in tests.
 */
import {CarnetError} from "../errors.ts";

let installed = false;

export function isPageLoader(script = process.argv[1] ?? ""): boolean {
  return /[\\/]src[\\/]data[\\/][^\\/]+\.[a-z]+\.(ts|js)$/.test(script);
}

export function installLoaderErrors(): void {
  if (installed || !isPageLoader()) return;
  installed = true;
  process.on("uncaughtException", (error) => {
    if (error instanceof CarnetError) {
      process.stderr.write(`carnet: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}

/** `npm start`'s server: the built site (dist/) on 127.0.0.1:PORT (default 3000), see loaders/site/serve.ts. */
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {serve} from "../loaders/site/serve.ts";

const dist = join(fileURLToPath(new URL("..", import.meta.url)), "dist");
const port = process.env.PORT ? Number(process.env.PORT) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`serve: PORT must be an integer between 0 and 65535, got "${process.env.PORT}"\n`);
  process.exit(2);
}
serve(dist, port).then(
  ({url}) => process.stdout.write(`Carnet is served on ${url}/ (Ctrl-C to stop)\n`),
  (error: NodeJS.ErrnoException) => {
    const message =
      error.code === "EADDRINUSE" ? `port ${port} is already in use; set PORT to another port` : error.message;
    process.stderr.write(`serve: ${message}\n`);
    process.exit(2);
  }
);

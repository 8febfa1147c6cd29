/** What a page loader of a prepared file does: write the delivery's prepared bytes to stdout (prepared.ts). */
import {CarnetError} from "../errors.ts";
import {writeStdout} from "../output/arrow.ts";
import type {PreparedFile} from "./outputs.ts";
import {readPrepared} from "./prepared.ts";

export async function publishPrepared(name: PreparedFile): Promise<void> {
  await writeStdout(await preparedBytes(name));
}

export async function preparedBytes(name: PreparedFile): Promise<Buffer> {
  const bytes = await readPrepared(name);
  if (!bytes)
    throw new CarnetError(`${name}: nothing prepared; the delivery holds no claims, so there is no drift window`);
  return bytes;
}

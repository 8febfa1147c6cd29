import {createReadStream, createWriteStream} from "node:fs";
import {Transform} from "node:stream";
import {pipeline} from "node:stream/promises";

/** Rewrites a Windows-1252 file as UTF-8 (DuckDB reads UTF-8 and Latin-1 only; 1252 differs from Latin-1 on €, œ, ’...). */
export async function transcodeToUtf8(source: string, target: string): Promise<void> {
  const decoder = new TextDecoder("windows-1252");
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(decoder.decode(chunk, {stream: true}), "utf8"));
    },
    flush(callback) {
      callback(null, Buffer.from(decoder.decode(), "utf8"));
    }
  });
  await pipeline(createReadStream(source), transform, createWriteStream(target));
}

/**
 * Reads what a reader of a Chromium-printed PDF sees, without poppler: page sizes from /MediaBox, and text by
 * decoding each content stream's glyph strings through its font's /ToUnicode CMap (Chromium writes Type0
 * fonts with Identity-H encoding, so glyph ids mean nothing without that map).
 */
import {inflateSync} from "node:zlib";

interface PdfObject {
  id: number;
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString("latin1");
  const found: PdfObject[] = [];
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2];
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      found.push({id: Number(m[1]), dict: body, stream: null});
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + (body[at + 6] === "\r" ? 8 : 7);
    const end = body.lastIndexOf("endstream");
    let bytes: Buffer = Buffer.from(body.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(dict)) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        // A stream with trailing bytes: inflate what can be inflated (font programs are not needed anyway).
        continue;
      }
    }
    found.push({id: Number(m[1]), dict, stream: bytes});
  }
  return found;
}

function hexToCodes(hex: string, width = 4): number[] {
  const codes: number[] = [];
  for (let i = 0; i + width <= hex.length; i += width) codes.push(parseInt(hex.slice(i, i + width), 16));
  return codes;
}

function unicodeOf(hex: string): string {
  return String.fromCodePoint(...hexToCodes(hex).filter((c) => c < 0xd800 || c > 0xdfff));
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code, 16), unicodeOf(uni));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(uni, 16);
      for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++)
        map.set(c, String.fromCodePoint(first + c - parseInt(lo, 16)));
    }
  }
  return map;
}

export interface PdfContent {
  /** [width, height] in points of every page. */
  pages: [number, number][];
  /** The text of every content stream, in order, blocks separated by spaces; NFKC-normalised (ligatures split). */
  text: string;
}

export function readPdf(pdf: Buffer): PdfContent {
  const all = objects(pdf);
  const byId = new Map(all.map((o) => [o.id, o]));
  // Font resource names (/F4) -> font object -> its ToUnicode map. Chromium names fonts uniquely per document.
  const fontObject = new Map<string, number>();
  for (const o of all) {
    for (const fonts of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, id] of fonts[1].matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) fontObject.set(name, Number(id));
    }
  }
  const cmaps = new Map<number, Map<number, string>>();
  for (const o of all) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict);
    const cmap = ref ? byId.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmaps.set(o.id, parseCMap(cmap.toString("latin1")));
  }
  const pages: [number, number][] = [];
  for (const o of all) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(o.dict)) continue;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(o.dict);
    if (box) pages.push([Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])]);
  }
  const pieces: string[] = [];
  for (const o of all) {
    if (!o.stream || !/\/Length/.test(o.dict) || /\/Length1|\/Subtype\s*\/Image/.test(o.dict)) continue;
    const content = o.stream.toString("latin1");
    if (!/\bTf\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const token of content.matchAll(/\/([\w.+-]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
      if (token[1]) cmap = cmaps.get(fontObject.get(token[1]) ?? -1);
      else if (token[2] !== undefined && cmap)
        pieces.push(
          hexToCodes(token[2])
            .map((c) => cmap!.get(c) ?? "")
            .join("")
        );
      else if (token[0] === "ET") pieces.push(" ");
    }
  }
  return {pages, text: pieces.join("").normalize("NFKC").replace(/\s+/g, " ").trim()};
}

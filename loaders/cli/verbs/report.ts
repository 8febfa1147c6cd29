import {resolve} from "node:path";
import {printPageToPdf} from "../../catalog/pdf.ts";
import {projectRoot} from "../../catalog/root.ts";
import {readUseCases} from "../../catalog/use-cases.ts";
import {computeValueReport} from "../../catalog/value/compute.ts";
import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {openExtracts} from "../../extracts/open.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary =
  "The leadership value report: figures and summary (json/text), or the built page printed to an A4 PDF";
export const help = `
Usage: npm run --silent carnet -- report [--extracts DIR] [--format json|text]
       npm run --silent carnet -- report --pdf OUT.pdf [--dist DIR]

Without --pdf: computes the value report (identity cards of data/use-cases/, expertise-targeting net savings
from the ROI backtest, drift alerts' excess cost) on the extract folder and prints it.
  --extracts DIR  extract folder (default: $CARNET_EXTRACTS, else data/extracts)
  --format F      json (default): the whole report; text: the written summary, one sentence per line

With --pdf: prints the built /value-report page (npm run build first) to an A4 PDF with Chromium
(/usr/bin/chromium, or $CARNET_CHROMIUM), using the page's print stylesheet, and prints OUT's path.
  --pdf OUT.pdf   output file
  --dist DIR      the built site (default: dist/ of the project)
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("report", argv, {
    extracts: {type: "string"},
    format: {type: "string"},
    pdf: {type: "string"},
    dist: {type: "string"}
  });
  if (values.pdf !== undefined) {
    if (!values.pdf.endsWith(".pdf"))
      throw new CarnetError(`carnet report: --pdf expects a file name ending in .pdf, got "${values.pdf}"`);
    if (values.extracts || values.format)
      throw new CarnetError(
        "carnet report: --pdf prints the built page; --extracts and --format do not apply (rebuild the site instead)"
      );
    const out = resolve(values.pdf);
    await printPageToPdf({
      distDir: resolve(values.dist ?? resolve(projectRoot(), "dist")),
      page: "/value-report",
      out,
      readySelector: "#value-report-ready"
    });
    process.stdout.write(`${values.pdf}\n`);
    return 0;
  }
  if (values.dist) throw new CarnetError("carnet report: --dist only applies with --pdf");
  const format = formatFlag("report", values.format, ["json", "text"] as const);
  const cards = readUseCases();
  const extracts = await openExtracts(values.extracts ?? extractsDir());
  try {
    const report = await computeValueReport(extracts, cards);
    if (format === "text") process.stdout.write(report.summary.join("\n") + "\n");
    else writeJson(report);
  } finally {
    await extracts.engine.close();
  }
  return 0;
}

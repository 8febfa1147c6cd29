import {languages, scaffoldAnalysis, type Language} from "../../catalog/scaffold.ts";
import {CarnetError} from "../../errors.ts";
import {parseVerbArgs} from "../args.ts";

export const summary = "Scaffold a new analysis page (front matter, outline, loader stub) and print its path";
export const help = `
Usage: npm run --silent carnet -- new "Title" --use-case ID --author NAME [--language ts|sql|python|r] [--root DIR]

Creates src/<slug>.md from templates/analysis.md (front matter with status "draft", the question / data /
method / findings / limits outline and the provenance footer) and one loader stub in the chosen language,
src/data/<slug>.json.<ts|sql|py|R>, then prints the page's path relative to the project root. The slug is the
title in lowercase ASCII words joined by "-". An existing page is never overwritten, and a second loader of the
same output is refused (Framework would run only one of them): the command fails instead (exit 2).

  --use-case ID   the use case the analysis serves: the name of a card in data/use-cases/ (without .yaml)
  --author NAME   the author written in the front matter
  --language L    the loader's language: ts (default), sql, python or r
  --root DIR      project folder to write into (default: this project)

Then: fill in the outline, run \`npm run dev\` to preview, set status to "in review", name reviewers, and
publish by setting status to "published". \`npm test\` checks the front matter.
`;

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseVerbArgs(
    "new",
    argv,
    {"use-case": {type: "string"}, author: {type: "string"}, root: {type: "string"}, language: {type: "string"}},
    true
  );
  if (positionals.length !== 1) {
    throw new CarnetError(
      `carnet new: expected one title in quotes, got ${positionals.length ? positionals.map((p) => JSON.stringify(p)).join(" ") : "none"} (see carnet new --help)`
    );
  }
  if (!values["use-case"])
    throw new CarnetError("carnet new: --use-case ID is required (a card name in data/use-cases/)");
  if (!values.author) throw new CarnetError("carnet new: --author NAME is required");
  const language = values.language ?? "ts";
  if (!(language in languages))
    throw new CarnetError(
      `carnet new: --language expects one of ${Object.keys(languages).join(", ")}, got "${language}"`
    );
  const created = scaffoldAnalysis({
    language: language as Language,
    title: positionals[0],
    useCase: values["use-case"],
    author: values.author,
    root: values.root
  });
  process.stderr.write(`carnet: created ${created.page} and its loader ${created.loader}\n`);
  process.stdout.write(created.page + "\n");
  return 0;
}

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {readCatalog} from "../../loaders/catalog/catalog.ts";
import {checkFrontMatter, splitFrontMatter} from "../../loaders/catalog/front-matter.ts";
import {slugify} from "../../loaders/catalog/scaffold.ts";
import {defaultUseCasesDir, useCaseIds} from "../../loaders/catalog/use-cases.ts";
import {carnet} from "../cli/run-carnet.ts";

const root = mkdtempSync(join(tmpdir(), "carnet-new-"));
mkdirSync(join(root, "src", "data"), {recursive: true});
// The catalog loader, old: carnet new must make it newer so Framework re-runs it.
writeFileSync(join(root, "src", "data", "catalog.json.ts"), "// stand-in\n");
utimesSync(join(root, "src", "data", "catalog.json.ts"), new Date("2020-01-01"), new Date("2020-01-01"));
cpSync(defaultUseCasesDir(), join(root, "data", "use-cases"), {recursive: true});
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe("carnet new", () => {
  const created = carnet([
    "new",
    "Arrêts de travail: Île-de-France, 2025",
    "--use-case",
    "claims-drift",
    "--author",
    "Ada Lovelace",
    "--root",
    root
  ]);

  test("prints the new page's path relative to the project root", () => {
    expect(created.stderr).toContain("created src/arrets-de-travail-ile-de-france-2025.md");
    expect(created.code).toBe(0);
    expect(created.stdout).toBe("src/arrets-de-travail-ile-de-france-2025.md\n");
  });

  test("writes a draft whose front matter passes the schema, with the outline and the provenance footer", () => {
    const file = join(root, "src", "arrets-de-travail-ile-de-france-2025.md");
    const text = readFileSync(file, "utf8");
    const {meta, problems} = checkFrontMatter(splitFrontMatter(text), {useCaseIds: useCaseIds(), pageFile: file});
    expect(problems).toEqual([]);
    expect(meta).toMatchObject({
      title: "Arrêts de travail: Île-de-France, 2025",
      authors: ["Ada Lovelace"],
      use_case: "claims-drift",
      status: "draft",
      reviewers: []
    });
    expect(meta?.data).toEqual(["claims", "data/arrets-de-travail-ile-de-france-2025.json"]);
    for (const heading of ["## Question", "## Data", "## Method", "## Findings", "## Limits"])
      expect(text).toContain(heading);
    expect(text).toContain('FileAttachment("data/arrets-de-travail-ile-de-france-2025.json")');
    expect(text).toContain('provenanceFooter(provenance, {page: "arrets-de-travail-ile-de-france-2025"})');
  });

  test("writes a loader stub beside it, which reads the staged extract tables", () => {
    const loader = readFileSync(join(root, "src", "data", "arrets-de-travail-ile-de-france-2025.json.ts"), "utf8");
    expect(loader).toContain('from "../../loaders/extracts/open.ts"');
    expect(loader).toContain("MIN_INSURED = 11");
  });

  for (const [language, extension] of [
    ["sql", "sql"],
    ["python", "py"],
    ["r", "R"]
  ] as const) {
    test(`--language ${language} writes one ${extension} loader the page names, which runs on the governed tables`, () => {
      const title = `Claims by guarantee in ${language}`;
      const made = carnet([
        "new",
        title,
        "--use-case",
        "claims-drift",
        "--author",
        "Ada",
        "--language",
        language,
        "--root",
        root
      ]);
      expect(made.code, made.stderr).toBe(0);
      const slug = `claims-by-guarantee-in-${language}`;
      const loader = `src/data/${slug}.json.${extension}`;
      expect(readFileSync(join(root, made.stdout.trim()), "utf8")).toContain(`\`${loader}\``);
      const run = carnet(["loader", "run", join(root, loader)]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout).toMatch(/json: \d+ rows x \d+ columns \(year, guarantee, claims, insured/);
    });
  }

  test("refuses a second loader of the same output, in another language, naming the first", () => {
    rmSync(join(root, "src", "claims-by-guarantee-in-sql.md"));
    const again = carnet([
      "new",
      "Claims by guarantee in sql",
      "--use-case",
      "claims-drift",
      "--author",
      "Ada",
      "--language",
      "python",
      "--root",
      root
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(
      "carnet new: src/data/claims-by-guarantee-in-sql.json.sql already exists and would shadow (or be shadowed by) a second loader of data/claims-by-guarantee-in-sql.json; choose another title or edit it"
    );
    expect(existsSync(join(root, "src", "data", "claims-by-guarantee-in-sql.json.py"))).toBe(false);
  });

  test("refuses an unknown language, naming the four", () => {
    const made = carnet([
      "new",
      "Julia",
      "--use-case",
      "claims-drift",
      "--author",
      "Ada",
      "--language",
      "julia",
      "--root",
      root
    ]);
    expect(made.code).toBe(2);
    expect(made.stderr).toContain('--language expects one of ts, sql, python, r, got "julia"');
  });

  test("makes a page that shows in the catalog", () => {
    const catalog = readCatalog({srcDir: join(root, "src"), useCasesDir: join(root, "data", "use-cases")});
    expect(catalog.invalid).toEqual([]);
    expect(catalog.entries.map((e) => e.href)).toContain("arrets-de-travail-ile-de-france-2025");
  });

  test("touches the catalog's loader so the next build lists the new page", () => {
    expect(statSync(join(root, "src", "data", "catalog.json.ts")).mtime.getFullYear()).toBeGreaterThan(2020);
  });

  test("refuses to overwrite an existing page, and leaves it untouched", () => {
    const file = join(root, "src", "mine.md");
    writeFileSync(file, "# mine\n");
    const again = carnet(["new", "Mine", "--use-case", "claims-drift", "--author", "Bob", "--root", root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("carnet new: src/mine.md already exists; choose another title or edit that page\n");
    expect(readFileSync(file, "utf8")).toBe("# mine\n");
  });

  test("refuses an unknown use case, naming the known ones", () => {
    const bad = carnet(["new", "X", "--use-case", "crystal-ball", "--author", "Bob", "--root", root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^carnet new: unknown use case "crystal-ball"; expected one of: .*claims-drift/);
  });

  test("wants a title, a use case and an author", () => {
    expect(carnet(["new", "--use-case", "claims-drift", "--author", "Bob", "--root", root]).stderr).toContain(
      "expected one title in quotes, got none"
    );
    expect(carnet(["new", "T", "--author", "Bob", "--root", root]).stderr).toContain("--use-case ID is required");
    expect(carnet(["new", "T", "--use-case", "claims-drift", "--root", root]).stderr).toContain(
      "--author NAME is required"
    );
  });
});

describe("slugify", () => {
  test("turns a title into lowercase ASCII words joined by dashes", () => {
    expect(slugify("Sick leave in Île-de-France, 2025!")).toBe("sick-leave-in-ile-de-france-2025");
    expect(slugify("  ***  ")).toBe("");
  });
});

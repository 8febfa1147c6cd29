import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {checkFrontMatter, splitFrontMatter} from "../../loaders/catalog/front-matter.ts";
import {inspectAnalysisPages, markdownPages, sitePages} from "../../loaders/catalog/pages.ts";
import {projectRoot} from "../../loaders/catalog/root.ts";
import {useCaseIds} from "../../loaders/catalog/use-cases.ts";

const root = projectRoot();
const ids = useCaseIds();

describe("every analysis page of src/", () => {
  const pages = inspectAnalysisPages(join(root, "src"), ids);
  const problems = pages.flatMap((page) => page.problems.map((p) => `src/${page.relative}: ${p.field}: ${p.message}`));

  test("has a complete and valid front matter (the message names the page and the field)", () => {
    expect(problems, problems.join("\n")).toEqual([]);
  });

  test("is found by the rule: every page except the site pages, plus any page declaring a use_case", () => {
    const checked = new Set(pages.map((p) => p.relative));
    for (const page of markdownPages(join(root, "src"))) {
      const hasUseCase = /^use_case:/m.test(readFileSync(page.file, "utf8").split(/\n---/)[0]);
      expect(checked.has(page.relative), page.relative).toBe(!sitePages.includes(page.relative) || hasUseCase);
    }
  });
});

const good = `---
title: Claims drift
summary: Which contracts drift, since when and by how much.
authors: [Data science team]
use_case: claims-drift
status: published
reviewers: [Actuarial team]
created: 2026-11-25
updated: 2026-11-26
data: [claims, insured, contracts, premiums]
tags: [prévoyance, drift]
---
# Claims drift
`;

function check(text: string) {
  return checkFrontMatter(splitFrontMatter(text), {useCaseIds: ["claims-drift", "expertise-targeting"]});
}

function problemsOf(text: string): string[] {
  return check(text).problems.map((p) => `${p.field}: ${p.message}`);
}

describe("the front-matter schema", () => {
  test("accepts a complete front matter and returns its fields", () => {
    const {meta, problems} = check(good);
    expect(problems).toEqual([]);
    expect(meta).toEqual({
      title: "Claims drift",
      summary: "Which contracts drift, since when and by how much.",
      authors: ["Data science team"],
      use_case: "claims-drift",
      status: "published",
      reviewers: ["Actuarial team"],
      created: "2026-11-25",
      updated: "2026-11-26",
      data: ["claims", "insured", "contracts", "premiums"],
      tags: ["prévoyance", "drift"]
    });
  });

  test("reports a page without front matter", () => {
    expect(problemsOf("# Just a title\n")).toEqual([expect.stringMatching(/^\(front matter\): missing/)]);
  });

  test("reports invalid YAML", () => {
    expect(problemsOf("---\ntitle: [unclosed\n---\n")).toEqual([
      expect.stringMatching(/^\(front matter\): invalid YAML/)
    ]);
  });

  test("reports a front matter that Framework's own parser cannot read", () => {
    const colon = good.replace(
      "summary: Which contracts drift, since when and by how much.",
      "summary: Drift: which contracts, since when"
    );
    expect(problemsOf(colon)).toEqual([expect.stringMatching(/^\(front matter\): invalid YAML: .*gray-matter/)]);
  });

  test("names a missing field", () => {
    expect(problemsOf(good.replace(/^summary:.*\n/m, ""))).toEqual(["summary: missing (expected a text)"]);
  });

  test("refuses a status outside draft, in review, published, retired", () => {
    expect(problemsOf(good.replace("status: published", "status: final"))).toEqual([
      'status: expected one of "draft", "in review", "published", "retired", got "final"'
    ]);
  });

  test("refuses an impossible date and a date in another format", () => {
    expect(problemsOf(good.replace("created: 2026-11-25", "created: 2026-02-30"))).toEqual([
      'created: expected a date YYYY-MM-DD, got "2026-02-30"'
    ]);
    expect(problemsOf(good.replace("updated: 2026-11-26", "updated: 26/11/2026"))).toEqual([
      'updated: expected a date YYYY-MM-DD, got "26/11/2026"'
    ]);
  });

  test("refuses an update before the creation", () => {
    expect(problemsOf(good.replace("updated: 2026-11-26", "updated: 2026-11-01"))).toEqual([
      "updated: 2026-11-01 is before created (2026-11-25)"
    ]);
  });

  test("refuses a use case without a card", () => {
    expect(problemsOf(good.replace("use_case: claims-drift", "use_case: crystal-ball"))[0]).toMatch(
      /^use_case: unknown use case "crystal-ball"/
    );
  });

  test("wants lists where lists are due, with at least one author", () => {
    expect(problemsOf(good.replace("authors: [Data science team]", "authors: Data science team"))).toEqual([
      'authors: expected a list, e.g. [a, b], got "Data science team"'
    ]);
    expect(problemsOf(good.replace("authors: [Data science team]", "authors: []"))).toEqual([
      "authors: expected at least 1 item, got an empty list"
    ]);
    expect(problemsOf(good.replace("tags: [prévoyance, drift]", "tags: [drift, 3]"))).toEqual([
      "tags[1]: expected a non-empty text, got 3"
    ]);
  });

  test("wants a reviewer on a published analysis but not on a draft", () => {
    expect(problemsOf(good.replace("reviewers: [Actuarial team]", "reviewers: []"))).toEqual([
      "reviewers: a published analysis names at least one reviewer"
    ]);
    expect(
      problemsOf(
        good.replace("reviewers: [Actuarial team]", "reviewers: []").replace("status: published", "status: draft")
      )
    ).toEqual([]);
  });

  test("accepts extract files as data and refuses unknown sources", () => {
    expect(
      problemsOf(good.replace("data: [claims, insured, contracts, premiums]", "data: [claims, payroll]"))[0]
    ).toMatch(/^data\[1\]: unknown data "payroll"/);
  });

  test("lists every problem of a page, not only the first", () => {
    const broken = good
      .replace("status: published", "status: done")
      .replace("created: 2026-11-25", "created: yesterday");
    expect(problemsOf(broken).map((p) => p.split(":")[0])).toEqual(["status", "created"]);
  });
});

import {afterEach, describe, expect, it} from "vitest";
import {stageExtracts, readRejects, type Staged} from "../../loaders/extracts/stage.ts";
import {files, withExtra, withLine, writeExtracts} from "./fixture.ts";

const KEY = "test-key";
let staged: Staged | undefined;
afterEach(async () => {
  await staged?.engine.close();
  staged = undefined;
});

async function stage(changes: Parameters<typeof writeExtracts>[0]) {
  staged = await stageExtracts(writeExtracts(changes), KEY);
  return {files: staged.files, rejects: await readRejects(staged.engine)};
}

/** Rejects of one file only (a rejected parent row also rejects its children: tested on its own below). */
async function rejectsOf(file: string, changes: Parameters<typeof writeExtracts>[0]) {
  return (await stage(changes)).rejects.filter((r) => r.file === file);
}

function accounting(result: Awaited<ReturnType<typeof stage>>, file: string) {
  return result.files.find((f) => f.file === file)!;
}

describe("validation of row-level problems", () => {
  it("accepts every row of a valid extract folder", async () => {
    const result = await stage({});
    expect(result.rejects).toEqual([]);
    expect(result.files.map((f) => [f.file, f.rows_read, f.rows_accepted, f.rows_rejected])).toEqual([
      ["contracts.csv", 2, 2, 0],
      ["insured.csv", 4, 4, 0],
      ["premiums.csv", 3, 3, 0],
      ["claims.csv", 4, 4, 0],
      ["expertises.csv", 2, 2, 0],
      ["scores.csv", 2, 2, 0]
    ]);
  });

  it("rejects an unparsable date with its line, column and the expected formats", async () => {
    const rejects = await rejectsOf("claims.csv", {
      "claims.csv": withLine("claims.csv", 3, "K2,I2,C1,incapacity,2022-13-03,2022-11-10,,40,2400,3000,open")
    });
    expect(rejects).toEqual([
      {
        file: "claims.csv",
        line: 3,
        column: "event_date",
        reason: 'expected a date (YYYY-MM-DD or DD/MM/YYYY), got "2022-13-03"'
      }
    ]);
  });

  it("rejects a non-integer where an integer is expected", async () => {
    const result = await stage({"premiums.csv": withLine("premiums.csv", 2, "C1,2021.5,12000.50")});
    expect(result.rejects).toEqual([
      {file: "premiums.csv", line: 2, column: "year", reason: 'expected an integer, got "2021.5"'}
    ]);
  });

  it("rejects a decimal comma in a comma-delimited file", async () => {
    const rejects = await rejectsOf("claims.csv", {
      "claims.csv": withLine(
        "claims.csv",
        2,
        'K1,I1,C1,incapacity,2021-02-01,2021-02-05,2021-02-20,19,"1900,5",0,closed'
      )
    });
    expect(rejects).toEqual([
      {file: "claims.csv", line: 2, column: "paid_eur", reason: 'expected a number, got "1900,5"'}
    ]);
  });

  it("rejects an unknown enumeration value and lists the allowed ones", async () => {
    const rejects = await rejectsOf("insured.csv", {
      "insured.csv": withLine("insured.csv", 5, "I4,2650175123456 78,C2,1965-07-20,X,cadre,2020-01-01,")
    });
    expect(rejects).toEqual([{file: "insured.csv", line: 5, column: "sex", reason: 'expected one of F, M, got "X"'}]);
  });

  it("rejects a negative amount", async () => {
    const result = await stage({"premiums.csv": withLine("premiums.csv", 4, "C2,2021,-8000")});
    expect(result.rejects).toEqual([
      {
        file: "premiums.csv",
        line: 4,
        column: "earned_premium_eur",
        reason: 'expected a non-negative amount, got "-8000"'
      }
    ]);
  });

  it("rejects a score outside [0, 1]", async () => {
    const result = await stage({"scores.csv": withLine("scores.csv", 2, "K2,2022-11-12,v1,1.2")});
    expect(result.rejects).toEqual([
      {file: "scores.csv", line: 2, column: "score", reason: 'expected a value between 0 and 1, got "1.2"'}
    ]);
  });

  it("rejects an empty required value", async () => {
    const result = await stage({"contracts.csv": withExtra("contracts.csv", "C3,Acme,,11,2020-01-01,")});
    expect(result.rejects).toEqual([
      {file: "contracts.csv", line: 4, column: "sector_naf", reason: "required value is empty"}
    ]);
  });

  it("rejects dates out of order", async () => {
    const rejects = await rejectsOf("contracts.csv", {
      "contracts.csv": withLine("contracts.csv", 3, "C2,Transports Martin,49.41A,84,2020-01-01,2019-12-31")
    });
    expect(rejects).toEqual([
      {
        file: "contracts.csv",
        line: 3,
        column: "end_date",
        reason: "end_date 2019-12-31 is before start_date 2020-01-01"
      }
    ]);
  });

  it("rejects a duplicate key and keeps its first occurrence", async () => {
    const result = await stage({"contracts.csv": withExtra("contracts.csv", "C1,Autre,62.01Z,11,2021-01-01,")});
    expect(result.rejects).toEqual([
      {
        file: "contracts.csv",
        line: 4,
        column: "contract_id",
        reason: 'duplicate key contract_id "C1" (first at line 2)'
      }
    ]);
    const [{sector}] = await staged!.engine.all<{sector: string}>(
      "SELECT sector_naf AS sector FROM contracts WHERE contract_id = 'C1'"
    );
    expect(sector).toBe("10.71C");
  });

  it("counts a duplicate from the first valid occurrence, an earlier invalid row with the same key aside", async () => {
    const contracts = withLine("contracts.csv", 2, "C1,Acme,10.71C,11,2020-13-45,");
    const result = await stage({
      "contracts.csv": `${contracts.trimEnd()}\nC1,Autre,62.01Z,11,2021-01-01,\nC1,Encore,62.01Z,11,2022-01-01,\n`
    });
    expect(result.rejects.map((r) => [r.line, r.column])).toEqual([
      [2, "start_date"],
      [5, "contract_id"]
    ]);
    expect(result.rejects[1].reason).toBe('duplicate key contract_id "C1" (first at line 4)');
  });

  it("rejects a reference to a row that does not exist", async () => {
    const result = await stage({
      "claims.csv": withExtra("claims.csv", "K9,I9,C1,incapacity,2021-01-01,2021-01-02,,1,1,0,open")
    });
    expect(result.rejects).toEqual([
      {
        file: "claims.csv",
        line: 6,
        column: "insured_id",
        reason: 'insured_id "I9" not found among accepted rows of insured'
      }
    ]);
  });

  it("rejects a reference to a row that was itself rejected", async () => {
    const result = await stage({
      "insured.csv": withLine("insured.csv", 2, "I1,1850275123456 12,C1,1985-02-01,M,boss,2020-01-01,")
    });
    // I1 is rejected, so its claim K1, and K1's expertise and score, are rejected in turn: nothing dangles.
    expect(result.rejects.map((r) => [r.file, r.line, r.column])).toEqual([
      ["claims.csv", 2, "insured_id"],
      ["expertises.csv", 3, "claim_id"],
      ["insured.csv", 2, "job_category"],
      ["scores.csv", 3, "claim_id"]
    ]);
  });

  it("rejects a row with the wrong number of fields and keeps counting lines after it", async () => {
    const result = await stage({
      "claims.csv": withExtra("claims.csv", "K5,I1,C1", "K6,I1,C1,flu,2021-01-01,,,,,,open")
    });
    expect(result.rejects).toEqual([
      {file: "claims.csv", line: 6, column: "guarantee", reason: "expected 11 fields, found 3"},
      {
        file: "claims.csv",
        line: 7,
        column: "guarantee",
        reason: 'expected one of incapacity, disability, death, got "flu"'
      }
    ]);
  });

  it("keeps rows read = rows accepted + rows rejected for every file", async () => {
    const result = await stage({
      "claims.csv": withExtra(
        "claims.csv",
        "K5,I1,C1",
        "K6,I1,C1,flu,2021-01-01,,,,,,open",
        "K1,I1,C1,incapacity,2021-01-01,,,,,,open",
        "K7,I2,C1,incapacity,2021-05-01,,,,,,open"
      ),
      "premiums.csv": withExtra("premiums.csv", "C9,2021,1", "C1,2021,5")
    });
    for (const f of result.files) expect(f.rows_read).toBe(f.rows_accepted + f.rows_rejected);
    expect(accounting(result, "claims.csv")).toEqual({
      file: "claims.csv",
      rows_read: 8,
      rows_accepted: 5,
      rows_rejected: 3
    });
    expect(accounting(result, "premiums.csv")).toEqual({
      file: "premiums.csv",
      rows_read: 5,
      rows_accepted: 3,
      rows_rejected: 2
    });
    expect(result.rejects.filter((r) => r.file === "claims.csv")).toHaveLength(3);
  });
});

describe("dialects the contract allows", () => {
  const toFrench = (text: string) =>
    text
      .replace(/(\d{4})-(\d{2})-(\d{2})/g, "$3/$2/$1")
      .split("\n")
      .map((line) => line.replace(/,/g, ";"))
      .join("\n");

  it("reads `;` delimiters, decimal commas and DD/MM/YYYY dates", async () => {
    const claims = toFrench(files["claims.csv"]).replace("1900.00", "1900,50");
    const result = await stage({
      "claims.csv": claims,
      "premiums.csv": toFrench(files["premiums.csv"]).replace("12000.50", "12000,50")
    });
    expect(result.rejects).toEqual([]);
    const rows = await staged!.engine.all<{paid: number; event: string}>(
      "SELECT paid_eur AS paid, event_date AS event FROM claims ORDER BY event_date LIMIT 1"
    );
    expect(rows).toEqual([{paid: 1900.5, event: "2021-02-01"}]);
    const [{premium}] = await staged!.engine.all<{premium: number}>(
      "SELECT earned_premium_eur AS premium FROM premiums WHERE contract_id = 'C1' AND year = 2021"
    );
    expect(premium).toBe(12000.5);
  });

  it("reads Windows-1252 text, turning its bytes into the right characters", async () => {
    const latin =
      files["contracts.csv"]
        .replace("C1,Boulangerie Dupont,10.71C,11", "C1,Boulangerie Dupont,10.71C,11")
        .replace("10.71C", "10.71C") + "C3,Café Œuvre €,56.10A,93,2020-01-01,\n";
    const bytes = Buffer.from(Array.from(latin, (c) => ({é: 0xe9, Œ: 0x8c, "€": 0x80})[c] ?? c.charCodeAt(0)));
    const insured = withExtra("insured.csv", "I5,1,C3,1980-01-01,F,cadre,2020-01-01,");
    const result = await stage({"contracts.csv": bytes, "insured.csv": insured});
    expect(result.rejects).toEqual([]);
    expect(accounting(result, "contracts.csv").rows_accepted).toBe(3);
  });

  it("reads UTF-8 with a byte-order mark", async () => {
    const result = await stage({"contracts.csv": "\uFEFF" + files["contracts.csv"]});
    expect(result.rejects).toEqual([]);
    expect(accounting(result, "contracts.csv").rows_accepted).toBe(2);
  });
});

/**
 * A tiny, hand-written extract folder (2 contracts, 4 insured, 4 claims...) written to a temp directory.
 * Tests change one file at a time to produce each kind of bad input as a real file on disk.
 */
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export const files: Record<string, string> = {
  "contracts.csv": `contract_id,employer_name,sector_naf,region,start_date,end_date
C1,Boulangerie Dupont,10.71C,11,2020-01-01,
C2,Transports Martin,49.41A,84,2020-01-01,2024-12-31
`,
  "insured.csv": `insured_id,nir,contract_id,birth_date,sex,job_category,coverage_start,coverage_end
I1,1850275123456 12,C1,1985-02-01,M,cadre,2020-01-01,
I2,2900175123456 34,C1,1990-01-15,F,non_cadre,2021-03-01,
I3,1700175123456 56,C2,1970-01-10,M,non_cadre,2020-01-01,2023-06-30
I4,2650175123456 78,C2,1965-07-20,F,cadre,2020-01-01,
`,
  "premiums.csv": `contract_id,year,earned_premium_eur
C1,2021,12000.50
C1,2022,12500
C2,2021,8000
`,
  "claims.csv": `claim_id,insured_id,contract_id,guarantee,event_date,declared_date,end_date,days_paid,paid_eur,reserve_eur,status
K1,I1,C1,incapacity,2021-02-01,2021-02-05,2021-02-20,19,1900.00,0,closed
K2,I2,C1,incapacity,2022-11-03,2022-11-10,,40,2400,3000,open
K3,I3,C2,disability,2022-05-01,2022-05-20,,0,0,50000,open
K4,I4,C2,death,2023-01-15,2023-02-01,2023-01-15,0,30000,0,closed
`,
  "expertises.csv": `expertise_id,claim_id,ordered_date,selection,score,outcome,cost_eur,saving_eur
E1,K2,2022-11-20,model,0.81,abuse,300,7500
E2,K1,2021-02-10,random,,justified,280,0
`,
  "scores.csv": `claim_id,scored_date,model_version,score
K2,2022-11-12,v1,0.81
K1,2021-02-06,v1,0.12
`
};

/** Writes the fixture with `changes` applied (a file's new content, or null to leave the file out). */
export function writeExtracts(changes: Record<string, string | Buffer | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "carnet-extracts-"));
  const all: Record<string, string | Buffer | null> = {...files, ...changes};
  for (const [name, content] of Object.entries(all)) if (content !== null) writeFileSync(join(dir, name), content);
  return dir;
}

/** The fixture file with one line replaced (line 1 = header). */
export function withLine(file: string, line: number, content: string): string {
  const lines = files[file].split("\n");
  lines[line - 1] = content;
  return lines.join("\n");
}

/** The fixture file with extra lines appended. */
export function withExtra(file: string, ...extra: string[]): string {
  return files[file] + extra.join("\n") + "\n";
}

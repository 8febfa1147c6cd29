/**
 * Document-AI detector runs: every detector version on every dataset, as the team's experimental plan wants,
 * plus one re-run of a cell (same detector, version and dataset, started later) so pages can show the newest run
 * and keep the older one as history.
 *
 * A dataset has fixed documents and labels (shared by all runs on it). A run's scores follow a binormal model:
 * genuine documents score N(0, 1), forged ones N(d, 1) with d = sqrt(2) * Phi^-1(AUC), which gives the target ROC
 * AUC in expectation; the scores are then squashed into [0, 1]. Targets differ per cell (copy-move good on
 * CASIA, watch-list strong on BlackList 1 and weak on image sets, 2.1.0 better than 2.0.0 except on Robot 1).
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {CsvWriter} from "./csv-writer.ts";
import {Rng} from "./random.ts";
import {normalCdf, normalQuantile, shuffled} from "./samplers.ts";

export interface Dataset {
  name: string;
  slug: string;
  version: string;
  documents: number;
  forgedShare: number;
}

export const DATASETS: readonly Dataset[] = [
  {name: "CASIA", slug: "casia", version: "v2", documents: 1200, forgedShare: 0.3},
  {name: "PaySlip", slug: "payslip", version: "2024-11", documents: 400, forgedShare: 0.15},
  {name: "Find It", slug: "findit", version: "v1", documents: 988, forgedShare: 0.165},
  {name: "Challenge 1", slug: "challenge1", version: "v1", documents: 600, forgedShare: 0.1},
  {name: "Robot 1", slug: "robot1", version: "v1", documents: 300, forgedShare: 0.2},
  {name: "Challenge 2", slug: "challenge2", version: "v1", documents: 750, forgedShare: 0.08},
  {name: "SNR 1", slug: "snr1", version: "2025-02", documents: 1500, forgedShare: 0.06},
  {name: "Optique 20S1", slug: "optique20s1", version: "20S1", documents: 1100, forgedShare: 0.05},
  {name: "Dentaire 20S1", slug: "dentaire20s1", version: "20S1", documents: 900, forgedShare: 0.07},
  {name: "BlackList 1", slug: "blacklist1", version: "v1", documents: 250, forgedShare: 0.3}
];

export interface DetectorVersion {
  detector: string;
  version: string;
  threshold: number;
  params: Record<string, unknown>;
  /** Day the campaign ran (one dataset per hour from 08:00 UTC). */
  date: string;
  /** Whether predictions.csv carries the detector's own `decision` column. */
  decision: boolean;
  /** Target AUC per dataset, in DATASETS order. */
  targets: readonly number[];
}

export const DETECTOR_VERSIONS: readonly DetectorVersion[] = [
  {
    detector: "copy-move",
    version: "2.0.0",
    threshold: 0.5,
    params: {block_size: 16, min_distance: 50},
    date: "2025-03-10",
    decision: true,
    targets: [0.86, 0.71, 0.74, 0.68, 0.78, 0.66, 0.62, 0.64, 0.63, 0.55]
  },
  {
    detector: "image-splicing",
    version: "1.4.0",
    threshold: 0.5,
    params: {patch_size: 64, backbone: "resnet18"},
    date: "2025-06-16",
    decision: false,
    targets: [0.88, 0.66, 0.81, 0.74, 0.69, 0.72, 0.6, 0.71, 0.69, 0.52]
  },
  {
    detector: "watch-list",
    version: "3.0.0",
    threshold: 0.7,
    params: {lists: ["iban", "providers", "identities"], fuzzy_match: 0.85},
    date: "2025-09-08",
    decision: true,
    targets: [0.51, 0.7, 0.58, 0.62, 0.55, 0.64, 0.78, 0.74, 0.76, 0.95]
  },
  {
    detector: "copy-move",
    version: "2.1.0",
    threshold: 0.45,
    params: {block_size: 12, min_distance: 40},
    date: "2025-11-03",
    decision: false,
    targets: [0.9, 0.76, 0.79, 0.73, 0.7, 0.71, 0.67, 0.68, 0.67, 0.57]
  }
];

/** The re-run: copy-move 2.1.0 on PaySlip again a month later, after a bug fix (new commit). */
export const RERUN = {detector: "copy-move", version: "2.1.0", dataset: "PaySlip", date: "2025-12-08"} as const;

export interface RunTruth {
  run_id: string;
  started_at: string;
  documents: number;
  forged: number;
  realised_auc: number;
}

export interface DetectorTruth {
  detector: string;
  detector_version: string;
  dataset: string;
  target_auc: number;
  runs: RunTruth[];
}

/**
 * Writes detector-runs/<run_id>/{manifest.json,predictions.csv} and returns the truth per cell. Runs started after
 * `asOf` (YYYY-MM-DD) are left out, and so are the cells left without a run; each run has its own random stream,
 * so the runs written are the same whatever `asOf` is.
 */
export function writeDetectorRuns(seed: number, outDir: string, asOf: string): DetectorTruth[] {
  const labels = new Map(DATASETS.map((dataset) => [dataset.name, datasetLabels(seed, dataset)]));
  const truth: DetectorTruth[] = [];
  for (const version of DETECTOR_VERSIONS) {
    DATASETS.forEach((dataset, i) => {
      const cell: DetectorTruth = {
        detector: version.detector,
        detector_version: version.version,
        dataset: dataset.name,
        target_auc: version.targets[i],
        runs: []
      };
      if (version.date <= asOf)
        cell.runs.push(
          writeRun(seed, outDir, version, dataset, labels.get(dataset.name)!, version.targets[i], version.date, i)
        );
      if (
        version.detector === RERUN.detector &&
        version.version === RERUN.version &&
        dataset.name === RERUN.dataset &&
        RERUN.date <= asOf
      ) {
        cell.runs.push(
          writeRun(seed, outDir, version, dataset, labels.get(dataset.name)!, version.targets[i], RERUN.date, i)
        );
      }
      if (cell.runs.length > 0) truth.push(cell);
    });
  }
  return truth;
}

/** Labels of a dataset's documents: exactly round(documents x share) forged, at random positions. */
function datasetLabels(seed: number, dataset: Dataset): number[] {
  const rng = new Rng(seed, "dataset", dataset.name);
  const forged = Math.round(dataset.documents * dataset.forgedShare);
  return shuffled(
    rng,
    Array.from({length: dataset.documents}, (_, i) => (i < forged ? 1 : 0))
  );
}

function writeRun(
  seed: number,
  outDir: string,
  version: DetectorVersion,
  dataset: Dataset,
  labels: number[],
  target: number,
  date: string,
  slot: number
): RunTruth {
  const rng = new Rng(seed, "run", version.detector, version.version, dataset.name, date);
  const [major, minor] = version.version.split(".");
  const runId = `${version.detector.replace(/-/g, "")}-${major}.${minor}-${dataset.slug}-${date}`;
  const startedAt = `${date}T${String(8 + slot).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00Z`;
  const dir = join(outDir, "detector-runs", runId);
  mkdirSync(dir, {recursive: true});
  const manifest = {
    run_id: runId,
    detector: version.detector,
    detector_version: version.version,
    dataset: dataset.name,
    dataset_version: dataset.version,
    threshold: version.threshold,
    params: version.params,
    code_commit: Array.from({length: 7}, () => "0123456789abcdef"[rng.int(0, 15)]).join(""),
    started_at: startedAt
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");

  // Binormal scores; the squashing puts the threshold a little above the midpoint of the two means.
  const separation = Math.SQRT2 * normalQuantile(target);
  const centre = separation / 2 + 0.6;
  const writer = new CsvWriter(
    join(dir, "predictions.csv"),
    version.decision ? ["document_id", "label", "score", "decision"] : ["document_id", "label", "score"]
  );
  const scores: number[] = [];
  labels.forEach((label, i) => {
    const x = rng.normal() + (label ? separation : 0);
    const score = Math.round(normalCdf(0.9 * (x - centre) + normalQuantile(version.threshold)) * 10_000) / 10_000;
    scores.push(score);
    const id = `${dataset.slug}-${String(i + 1).padStart(5, "0")}`;
    writer.row(
      version.decision
        ? [id, label, score.toFixed(4), score >= version.threshold ? 1 : 0]
        : [id, label, score.toFixed(4)]
    );
  });
  writer.close();
  const forged = labels.reduce((a, b) => a + b, 0);
  return {
    run_id: runId,
    started_at: startedAt,
    documents: labels.length,
    forged,
    realised_auc: round(rocAuc(labels, scores), 4)
  };
}

/** ROC AUC by ranks (ties share their average rank). */
export function rocAuc(labels: readonly number[], scores: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (labels[order[k][1]] === 1) {
        rankSum += rank;
        positives++;
      }
    i = j;
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

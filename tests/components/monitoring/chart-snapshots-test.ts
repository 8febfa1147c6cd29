// @vitest-environment jsdom
/**
 * One named, fixed-data render per model-monitoring chart, compared with its reviewed snapshot in
 * tests/components/snapshots/ (Plot's model: a difference writes <name>-changed.* beside it; see ../snapshot.ts).
 * The charts drawn per period are rendered with a picked period, which each marks.
 */
import {describe, it} from "vitest";
import {aucChart} from "../../../src/components/monitoring/auc-chart.ts";
import {contributionProfile} from "../../../src/components/monitoring/contribution-profile.ts";
import {distributionMultiples} from "../../../src/components/monitoring/distribution-multiples.ts";
import {featureHeatmap} from "../../../src/components/monitoring/feature-heatmap.ts";
import {psiChart} from "../../../src/components/monitoring/psi-chart.ts";
import {reliabilityChart} from "../../../src/components/monitoring/reliability-chart.ts";
import {expectSnapshot} from "../snapshot.ts";

// jsdom has no canvas, on which Plot paints a continuous colour legend's ramp before reading it back as an image: a
// context that accepts the paint and a fixed image stand in, so the snapshot holds the rest of the legend.
HTMLCanvasElement.prototype.getContext = (() => ({fillRect() {}})) as never;
HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,";

const months = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"];
/** A score PSI stable to 2024-09, moderate in 2024-10, significant after. */
const scorePsi = [0.02, 0.03, 0.04, 0.14, 0.31, 0.42];

/** PSI by month with its thresholds, 2024-11 picked (rule and ring) and one month without a figure. */
function monitoringPsiChart() {
  const points = months.map((period, i) => ({period, psi: i === 1 ? null : scorePsi[i]}));
  return psiChart(points, {width: 640, thresholds: {moderate: 0.1, significant: 0.2}, selected: "2024-11"});
}

/** Six months of decile shares drifting towards the top bins, 2024-11 in orange. */
function monitoringDistributionMultiples() {
  const shares = [
    ...Array.from({length: 10}, (_, bin) => ({period: "reference", bin, share: 0.1})),
    ...months.flatMap((period, m) =>
      Array.from({length: 10}, (_, bin) => ({period, bin, share: 0.1 + (bin - 4.5) * 0.004 * m}))
    )
  ];
  return distributionMultiples(shares, {width: 720, periods: months, selected: "2024-11"});
}

/** Three features, one drifting from 2024-10 (outlined in red above 0.2), the 2024-11 column picked. */
function monitoringFeatureHeatmap() {
  const cells = months.flatMap((period, i) => [
    {feature: "dsn_absence_days_12m", period, psi: i < 3 ? 0.01 : scorePsi[i] * 2},
    {feature: "age", period, psi: 0.01 + i * 0.005},
    {feature: "declaration_delay_days", period, psi: i === 0 ? null : 0.05}
  ]);
  return featureHeatmap(cells, {width: 720, significant: 0.2, selected: "2024-11"});
}

/** AUC on every decided claim and on the random arm; one random-arm month without an interval, one without AUC. */
function monitoringAucChart() {
  const points = months.flatMap((period, i) => [
    {period, sample: "all decided" as const, auc: 0.8 - i * 0.02, low: 0.74 - i * 0.02, high: 0.86 - i * 0.02, n: 240},
    {
      period,
      sample: "random arm" as const,
      auc: i === 2 ? null : 0.76 - i * 0.03,
      low: i === 4 ? null : 0.6 - i * 0.03,
      high: i === 4 ? null : 0.92 - i * 0.03,
      n: 24
    }
  ]);
  return aucChart(points, {width: 640, validation: 0.81, periods: months, selected: "2024-11"});
}

/** Reliability over ten bins: an over-confident score (observed below predicted at the top), two empty bins. */
function monitoringReliabilityChart() {
  const observed = [0.01, 0.09, 0.17, null, 0.3, 0.41, null, 0.5, 0.55, 0.62];
  return reliabilityChart(
    observed.map((rate, bin) => ({
      bin,
      claims: rate === null ? 0 : 200 - bin * 15,
      mean_predicted: rate === null ? null : bin / 10 + 0.05,
      observed_rate: rate
    })),
    {width: 520}
  );
}

/** Mean contribution of two features by band, one band masked. */
function monitoringContributionProfile() {
  const cells = Array.from({length: 10}, (_, band) => [
    {band, feature: "dsn_absence_days_12m", claims: 120, mean_contribution: (band - 4.5) * 0.2, masked: false},
    {
      band,
      feature: "age",
      claims: band === 9 ? 7 : 120,
      mean_contribution: band === 9 ? null : 0.3 - band * 0.05,
      masked: band === 9
    }
  ]).flat();
  return contributionProfile(cells, {width: 640});
}

const charts: [string, () => Element][] = [
  ["monitoring-psi-chart", monitoringPsiChart],
  ["monitoring-distribution-multiples", monitoringDistributionMultiples],
  ["monitoring-feature-heatmap", monitoringFeatureHeatmap],
  ["monitoring-auc-chart", monitoringAucChart],
  ["monitoring-reliability-chart", monitoringReliabilityChart],
  ["monitoring-contribution-profile", monitoringContributionProfile]
];

describe("model-monitoring chart snapshots", () => {
  it.each(charts)("%s renders as its reviewed snapshot", (name, chart) => expectSnapshot(name, chart()));
});

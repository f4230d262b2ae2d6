/**
 * `deno run -A bench/adaptive_tolerance.ts FIXED_LOG SIGMA TOLERANCES [N]`
 *
 * How the `--adaptive` tolerance trades samples for radius, without the GPU: each row of a fixed-N
 * CERTIFY log (N = 100,000 by default, alpha = 0.001, n0 = 100) gives back the smallest vote share whose
 * Clopper-Pearson bound yields the row's radius; the adaptive procedure (smoothing/procedures.ts, the
 * code the command runs) then draws its votes from that share, for each tolerance (in units of sigma).
 * Prints mean samples per image, average certified radius and certified accuracy against the fixed log's.
 * Used to choose DEFAULT_TOLERANCE_SIGMAS (README, "Certification with far fewer samples").
 */
import { readCertifyLog } from "../smoothing/log.ts";
import { CertifyProcedure } from "../smoothing/procedures.ts";
import { clopperPearsonLower, phi } from "../smoothing/stats.ts";
import { Rng } from "../tests/smoothing/rng.ts";

const ALPHA = 0.001;
const N0 = 100;
const RADII = [0.25, 0.5, 0.75];

const [path, sigmaText, tolerancesText, nText] = Deno.args;
if (!path || !sigmaText || !tolerancesText) {
  console.error("usage: deno run -A bench/adaptive_tolerance.ts FIXED_LOG SIGMA TOL1,TOL2,... [N]");
  Deno.exit(2);
}
const sigma = Number(sigmaText);
const n = nText ? Number(nText) : 100_000;
const rows = readCertifyLog(path).rows;

/** The smallest vote count of n whose lower bound certifies `radius` (n / 2 for an abstention). */
function votesFor(radius: number): number {
  if (radius === 0) return Math.round(n / 2);
  const target = phi(radius / sigma);
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clopperPearsonLower(mid, n, ALPHA) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const fixedAcr = rows.reduce((s, r) => s + (r.correct ? r.radius : 0), 0) / rows.length;
const fixedAcc = RADII.map((x) => rows.filter((r) => r.correct && r.radius >= x).length / rows.length);
console.log(`${rows.length} images of ${path}, sigma ${sigma}, N = ${n}, alpha = ${ALPHA}, n0 = ${N0}\n`);
console.log(
  `| tolerance | mean samples | fewer than ${n + N0} | ACR | certified accuracy at ${RADII.join(" / ")} |`,
);
console.log("| --- | --- | --- | --- | --- |");
console.log(
  `| fixed N | ${n + N0} | 1.0x | ${fixedAcr.toFixed(4)} | ${
    fixedAcc.map((a) => a.toFixed(2)).join(" / ")
  } |`,
);
const results = [];
for (const tolSigmas of tolerancesText.split(",").map(Number)) {
  const rng = new Rng(1);
  let samples = 0, acr = 0;
  const acc = RADII.map(() => 0);
  for (const row of rows) {
    const p = votesFor(row.radius) / n;
    const proc = new CertifyProcedure({
      n0: N0,
      n,
      alpha: ALPHA,
      sigma,
      mode: { kind: "adaptive", tolerance: tolSigmas * sigma },
    });
    for (let want = proc.next(); want; want = proc.next()) {
      const counts = new Uint32Array(2);
      // Selection votes all go to class 0 (the log's prediction); estimation votes are Bernoulli(p).
      if (want.first < N0) counts[0] = want.count;
      else counts[0] = rng.binomial(want.count, p), counts[1] = want.count - counts[0];
      proc.observe(want.count, counts);
    }
    const r = proc.result();
    samples += r.samples;
    const ok = row.correct && r.prediction === 0;
    if (ok) acr += r.radius;
    RADII.forEach((x, i) => {
      if (ok && r.radius >= x) acc[i]++;
    });
  }
  const m = rows.length;
  results.push({
    toleranceSigmas: tolSigmas,
    meanSamples: samples / m,
    acr: acr / m,
    accuracy: acc.map((a) => a / m),
  });
  console.log(
    `| ${tolSigmas} sigma | ${Math.round(samples / m)} | ${((n + N0) * m / samples).toFixed(1)}x | ` +
      `${(acr / m).toFixed(4)} | ${acc.map((a) => (a / m).toFixed(2)).join(" / ")} |`,
  );
}
console.log(
  "\n" + JSON.stringify({ log: path, sigma, n, alpha: ALPHA, n0: N0, fixedAcr, fixedAcc, results }),
);

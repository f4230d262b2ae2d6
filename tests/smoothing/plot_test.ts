/** The SVG plot: well-formed, deterministic, with every series, the dashed envelope, axes and legend. */
import assert from "node:assert/strict";
import { type AccuracyCurve, envelopeCurve } from "../../smoothing/analyze.ts";
import { certifiedAccuracySvg } from "../../smoothing/plot.ts";

const curves: AccuracyCurve[] = [
  { name: "sigma=0.25 <PGD & DDN>", radii: [0, 0.5, 1, 1.5], accuracy: [0.8, 0.6, 0.3, 0] },
  { name: "sigma=0.50", radii: [0, 0.5, 1, 1.5], accuracy: [0.7, 0.55, 0.4, 0.2] },
];

Deno.test("the plot is deterministic SVG with one line per log plus a dashed envelope", () => {
  const options = { title: "CIFAR-10", envelope: envelopeCurve(curves) };
  const svg = certifiedAccuracySvg(curves, options);
  assert.equal(svg, certifiedAccuracySvg(curves, options));
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(svg.trimEnd().endsWith("</svg>"));
  assert.equal(svg.match(/<polyline /g)?.length, 3);
  assert.equal(svg.match(/<polyline [^>]*stroke="black"[^>]*stroke-dasharray="6 4"/g)?.length, 1);
  // Names are escaped for XML, and appear in the legend.
  assert.ok(svg.includes("sigma=0.25 &lt;PGD &amp; DDN&gt;"));
  assert.ok(svg.includes(">envelope</text>"));
  for (
    const label of [
      "certified accuracy",
      "radius (ℓ2)",
      "CIFAR-10",
      ">0.5</text>",
      ">1.5</text>",
      ">1.0</text>",
    ]
  ) {
    assert.ok(svg.includes(label), `missing ${label}`);
  }
});

Deno.test("points map radius 0 / accuracy 1 to the plot's top left and stay inside the axes", () => {
  const svg = certifiedAccuracySvg([{ name: "a", radii: [0, 2], accuracy: [1, 0] }], { xMax: 2 });
  const points = /points="([^"]+)"/.exec(svg)![1].split(" ").map((p) => p.split(",").map(Number));
  const frame = /<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" fill="none"/.exec(svg)!.slice(1).map(
    Number,
  );
  assert.deepEqual(points[0], [frame[0], frame[1]]);
  assert.deepEqual(points[1], [frame[0] + frame[2], frame[1] + frame[3]]);
});

Deno.test("bad plot input is refused", () => {
  assert.throws(() => certifiedAccuracySvg([]), /no curves given/);
  assert.throws(() => certifiedAccuracySvg(curves, { width: 10 }), /plot size must be at least 300x200/);
});

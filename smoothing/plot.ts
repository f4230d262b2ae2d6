/**
 * Certified accuracy against radius as a standalone SVG (hand-written text, no dependency): one
 * line per log, the envelope dashed, axes with ticks, labels and a legend. The output depends only
 * on the inputs, so plots can be compared byte for byte.
 */
import type { AccuracyCurve } from "./analyze.ts";

export interface PlotOptions {
  title?: string;
  /** the envelope curve, drawn black and dashed */
  envelope?: AccuracyCurve | null;
  /** width of the plotting area, without the legend beside it (default 540) */
  width?: number;
  height?: number;
  /** right end of the radius axis (default: the largest radius of the curves) */
  xMax?: number;
}

// Tableau-10: distinguishable colours that also survive greyscale printing reasonably well.
const PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];
// Past ten lines colours repeat, so the dash pattern changes with each round of the palette.
const DASHES = ["", "2 3", "8 3 2 3", "1 2"];

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Coordinates with two decimals: enough for any screen, and stable text. */
function coordinate(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, "");
}

/** The smallest radius-friendly spacing (0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, ...) with <= 10 intervals. */
function tickStep(span: number): number {
  for (const step of [0.01, 0.02, 0.05, 0.1, 0.25, 0.5]) if (span / step <= 10 + 1e-9) return step;
  let step = 1;
  while (span / step > 10 + 1e-9) step *= step.toString().startsWith("2") ? 2.5 : 2;
  return step;
}

/** Names past 90 characters lose their middle: the ends tell models apart. */
function shorten(name: string): string {
  return name.length <= 90 ? name : `${name.slice(0, 44)}…${name.slice(-45)}`;
}

function tickLabel(v: number): string {
  return String(Number(v.toFixed(6)));
}

/** SVG text of the certified-accuracy plot. */
export function certifiedAccuracySvg(curves: readonly AccuracyCurve[], options: PlotOptions = {}): string {
  if (curves.length === 0) throw new RangeError("certifiedAccuracySvg: no curves given");
  const plotWidth = options.width ?? 540, height = options.height ?? 460;
  if (!(plotWidth >= 300 && height >= 200)) {
    throw new RangeError(`plot size must be at least 300x200, got ${plotWidth}x${height}`);
  }
  const names = [...curves.map((c) => c.name), ...(options.envelope ? [options.envelope.name] : [])].map(
    shorten,
  );
  // About 6.3 px per character of 11 px Helvetica, so the legend fits its longest name.
  const legendWidth = Math.ceil(56 + 6.3 * Math.max(...names.map((n) => n.length)));
  const width = plotWidth + legendWidth;
  const dataMax = Math.max(...curves.map((c) => c.radii[c.radii.length - 1] ?? 0));
  const xStep = tickStep(options.xMax ?? Math.max(dataMax, 0.25));
  const xMax = options.xMax ?? Math.max(xStep, Math.ceil(dataMax / xStep - 1e-9) * xStep);
  if (!(xMax > 0)) throw new RangeError(`xMax must be > 0, got ${xMax}`);
  const left = 64, right = plotWidth, top = options.title ? 44 : 20, bottom = height - 56;
  const x = (r: number) => left + (Math.min(r, xMax) / xMax) * (right - left);
  const y = (a: number) => bottom - a * (bottom - top);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="Helvetica, Arial, DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  if (options.title) {
    parts.push(
      `<text x="${coordinate((left + right) / 2)}" y="24" text-anchor="middle" font-size="15">${
        escapeXml(options.title)
      }</text>`,
    );
  }
  // Grid and ticks.
  for (let i = 0; i * xStep <= xMax + 1e-9; i++) {
    const r = i * xStep, px = coordinate(x(r));
    parts.push(`<line x1="${px}" y1="${top}" x2="${px}" y2="${bottom}" stroke="#e5e5e5"/>`);
    parts.push(`<line x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 5}" stroke="black"/>`);
    parts.push(`<text x="${px}" y="${bottom + 19}" text-anchor="middle">${tickLabel(r)}</text>`);
  }
  for (let i = 0; i <= 10; i++) {
    const a = i / 10, py = coordinate(y(a));
    parts.push(`<line x1="${left}" y1="${py}" x2="${right}" y2="${py}" stroke="#e5e5e5"/>`);
    parts.push(`<line x1="${left - 5}" y1="${py}" x2="${left}" y2="${py}" stroke="black"/>`);
    parts.push(`<text x="${left - 8}" y="${coordinate(y(a) + 4)}" text-anchor="end">${a.toFixed(1)}</text>`);
  }
  parts.push(
    `<rect x="${left}" y="${top}" width="${right - left}" height="${
      bottom - top
    }" fill="none" stroke="black"/>`,
  );
  parts.push(
    `<text x="${coordinate((left + right) / 2)}" y="${height - 14}" text-anchor="middle">radius (ℓ2)</text>`,
  );
  parts.push(
    `<text x="18" y="${coordinate((top + bottom) / 2)}" text-anchor="middle" transform="rotate(-90 18 ${
      coordinate((top + bottom) / 2)
    })">certified accuracy</text>`,
  );

  const styled = curves.map((c, i) => ({
    curve: c,
    color: PALETTE[i % PALETTE.length],
    dash: DASHES[Math.floor(i / PALETTE.length) % DASHES.length],
    strokeWidth: 1.5,
  }));
  if (options.envelope) {
    styled.push({ curve: options.envelope, color: "black", dash: "6 4", strokeWidth: 2.5 });
  }
  for (const s of styled) {
    const points = s.curve.radii
      .map((r, i) => [r, s.curve.accuracy[i]] as const)
      .filter(([r]) => r <= xMax + 1e-9)
      .map(([r, a]) => `${coordinate(x(r))},${coordinate(y(a))}`)
      .join(" ");
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="${s.strokeWidth}"${dash} points="${points}"/>`,
    );
  }
  // Legend, one entry per line, beside the plot.
  const legendX = right + 16;
  styled.forEach((s, i) => {
    const ly = top + 8 + i * 18;
    if (ly > height - 10) return;
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    parts.push(
      `<line x1="${legendX}" y1="${ly}" x2="${
        legendX + 26
      }" y2="${ly}" stroke="${s.color}" stroke-width="${s.strokeWidth}"${dash}/>`,
    );
    parts.push(
      `<text x="${legendX + 32}" y="${ly + 4}" font-size="11">${escapeXml(shorten(s.curve.name))}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

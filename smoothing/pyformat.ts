/**
 * Python's text formatting of the two non-integer fields of the reference certification log, so
 * that our logs are byte-compatible with certify.py / predict.py of Cohen et al. and SmoothAdv:
 * `'{:.3}'.format(radius)` and `str(datetime.timedelta(seconds=elapsed))`.
 */

/** Mantissa and binary exponent of a finite positive double: x = m * 2^e exactly. */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0), low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  // Subnormals have no implicit leading bit and the exponent of the smallest normal.
  return biased === 0 ? { m: fraction, e: -1074 } : { m: fraction | (1n << 52n), e: biased - 1075 };
}

/** x * 10^shift as an exact fraction num / den. */
function scaledExactly(x: number, shift: number): { num: bigint; den: bigint } {
  const { m, e } = decompose(x);
  let num = m, den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  return { num, den };
}

/**
 * The p significant decimal digits of x > 0, rounded half-to-even on its exact binary value as
 * CPython does (JavaScript's toPrecision rounds exact ties up), and the decimal exponent.
 */
function significantDigits(x: number, p: number): { digits: string; exponent: number } {
  // toExponential gives the exponent up to an off-by-one near powers of ten, fixed below.
  let exponent = Number(x.toExponential().split("e")[1]);
  for (;;) {
    const { num, den } = scaledExactly(x, p - 1 - exponent);
    let q = num / den;
    const twiceRemainder = 2n * (num % den);
    if (twiceRemainder > den || (twiceRemainder === den && q % 2n === 1n)) q += 1n;
    const upper = 10n ** BigInt(p), lower = 10n ** BigInt(p - 1);
    if (q >= upper) {
      // The guess was one too small, or rounding carried into a new digit (9.996 -> 10.0): one
      // decade up, the carry case rounds to exactly 10^(p-1).
      exponent++;
      continue;
    }
    if (q < lower) {
      exponent--;
      continue;
    }
    return { digits: q.toString(), exponent };
  }
}

/**
 * `format(x, '.{p}')` of CPython for a float (the empty presentation type): p significant digits,
 * scientific notation when the exponent is < -4 or >= p - 1, trailing zeros dropped but at least
 * one digit after the point in fixed notation ('0.0', '1.0', '0.412', '1.26', '1e+02', '1.5e-05').
 */
export function formatPythonGeneral(x: number, p: number): string {
  if (!Number.isInteger(p) || p < 1) {
    throw new RangeError(`formatPythonGeneral: precision must be an integer >= 1, got ${p}`);
  }
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = significantDigits(Math.abs(x), p);
  if (exponent < -4 || exponent >= p - 1) {
    const rest = digits.slice(1).replace(/0+$/, "");
    const power = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
    return `${sign}${digits[0]}${rest ? "." + rest : ""}e${power}`;
  }
  const integerPart = exponent >= 0 ? digits.slice(0, exponent + 1) : "0";
  const fraction = exponent >= 0 ? digits.slice(exponent + 1) : "0".repeat(-exponent - 1) + digits;
  return `${sign}${integerPart}.${fraction.replace(/0+$/, "") || "0"}`;
}

/** The radius column of the reference log: `'{:.3}'.format(radius)`. */
export function formatRadius(radius: number): string {
  if (!(Number.isFinite(radius) && radius >= 0)) {
    throw new RangeError(`radius must be a finite number >= 0, got ${radius}`);
  }
  return formatPythonGeneral(radius, 3);
}

/**
 * `str(datetime.timedelta(seconds=s))`: 'H:MM:SS', '.ffffff' only when the microseconds are not 0,
 * and 'N day(s), ' in front from 24 hours on; microseconds are rounded half to even.
 */
export function formatTimedelta(seconds: number): string {
  if (!(Number.isFinite(seconds) && seconds >= 0)) {
    throw new RangeError(`elapsed time must be a finite number of seconds >= 0, got ${seconds}`);
  }
  const scaled = seconds * 1e6;
  let micros = Math.floor(scaled);
  const excess = scaled - micros;
  if (excess > 0.5 || (excess === 0.5 && micros % 2 === 1)) micros++;
  const totalSeconds = Math.floor(micros / 1e6), fraction = micros - totalSeconds * 1e6;
  const days = Math.floor(totalSeconds / 86400);
  const inDay = totalSeconds - days * 86400;
  const hours = Math.floor(inDay / 3600), minutes = Math.floor((inDay % 3600) / 60), secs = inDay % 60;
  const clock = `${hours}:${String(minutes).padStart(2, "0")}:${String(secs).padStart(2, "0")}`;
  const dayPart = days === 0 ? "" : `${days} day${days === 1 ? "" : "s"}, `;
  return `${dayPart}${clock}${fraction === 0 ? "" : "." + String(fraction).padStart(6, "0")}`;
}

const TIMEDELTA = /^(?:(\d+) days?, )?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?$/;
const FLOAT_SECONDS = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Seconds from a log's time field: a timedelta string ('0:00:14.114881', '1 day, 2:03:04') or a
 * plain number of seconds ('14.11'). Null when the text is neither.
 */
export function parseElapsed(text: string): number | null {
  const match = TIMEDELTA.exec(text);
  if (match) {
    const [, days, hours, minutes, secs, fraction] = match;
    const micros = fraction === undefined ? 0 : Number(fraction.padEnd(6, "0"));
    return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) +
      micros / 1e6;
  }
  return FLOAT_SECONDS.test(text) ? Number(text) : null;
}

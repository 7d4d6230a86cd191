// Seeded random numbers for Monte Carlo: xoshiro128** with its state in a
// Uint32Array (a closure-held number would be boxed on every draw: measured
// slower with npm run bench), seeded through splitmix32 so small seeds give clean streams.
// Pure and deterministic: the same (seed, stream) gives the same draws everywhere.
import type { Resolved } from "./distributions.js";

export type Rng = Uint32Array;

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator for one stream (e.g. one fixed block of runs) of a seed. */
export function makeRng(seed: number, stream = 0): Rng {
  const s = new Uint32Array(4);
  let x = (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0;
  for (let i = 0; i < 4; i++) {
    x = splitmix32(x + i * 0x6d2b79f5);
    s[i] = x;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/** Next 32 random bits (xoshiro128**). */
export function nextU32(s: Rng): number {
  const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = (s1 << 9) >>> 0;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = rotl(n3, 11);
  s[0] = n0;
  s[1] = n1;
  s[2] = n2;
  s[3] = n3;
  return r;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Uniform in the open interval (0, 1). */
export const uniform01 = (s: Rng): number => (nextU32(s) + 0.5) / 4294967296;

/** Standard normal by Box–Muller (one value per two uniforms; the second is dropped to keep no hidden state). */
export function standardNormal(s: Rng): number {
  const u = uniform01(s);
  const v = uniform01(s);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson: Knuth's product method below mean 50, a rounded normal approximation above. */
export function poisson(s: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(s)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = uniform01(s);
  while (p > limit) {
    k++;
    p *= uniform01(s);
  }
  return k;
}

/** One draw of a resolved distribution; a normal is clipped to [min, max] when given. */
export function draw(s: Rng, d: Resolved): number {
  switch (d.dist) {
    case "fixed":
      return d.value;
    case "poisson":
      return poisson(s, d.mean);
    case "uniform":
      return d.min + (d.max - d.min) * uniform01(s);
    case "triangular": {
      // Inverse of the cumulative distribution: one uniform per draw.
      const u = uniform01(s);
      const width = d.high - d.low;
      if (width === 0) return d.mode;
      const left = (d.mode - d.low) / width;
      return u < left ? d.low + Math.sqrt(u * width * (d.mode - d.low)) : d.high - Math.sqrt((1 - u) * width * (d.high - d.mode));
    }
    case "normal": {
      let x = d.sd === 0 ? d.mean : d.mean + d.sd * standardNormal(s);
      if (d.min !== undefined && x < d.min) x = d.min;
      if (d.max !== undefined && x > d.max) x = d.max;
      return x;
    }
  }
}

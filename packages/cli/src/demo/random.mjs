// A seeded pseudo-random generator (sfc32 seeded through xmur3): the same --seed gives the same home,
// the same residents and the same year of events, so a demo can be reproduced exactly.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Actions run concurrently and their requests answer in any order, so one shared stream would hand out
 * numbers in a different order on each run. Each action gets its own stream (a child drawn when it was
 * scheduled, in a fixed order) and runs inside it: `currentRandom` finds it.
 */
const streams = new AsyncLocalStorage();

export function withRandom(random, run) {
  return streams.run(random, run);
}

export function currentRandom(fallback) {
  return streams.getStore() ?? fallback;
}

function xmur3(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

function sfc32(a, b, c, d) {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export class Random {
  /** @param {string | number} seed */
  constructor(seed) {
    const hash = xmur3(String(seed));
    this.next = sfc32(hash(), hash(), hash(), hash());
    for (let i = 0; i < 12; i += 1) {
      this.next();
    }
  }

  /** An independent stream seeded from this one. */
  child() {
    return new Random(Math.floor(this.next() * 4294967296));
  }

  /** A float in [0, 1). */
  float() {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from [[value, weight], ...]. */
  weighted(entries) {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean = 0, sd = 1) {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A Poisson-distributed count with the given mean (Knuth; fine for the small daily means here). */
  poisson(mean) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** A few distinct items. */
  sample(items, count) {
    const copy = [...items];
    const out = [];
    while (out.length < count && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }
}

export const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

// A small seeded pseudo-random generator, so that every run of the seed writes the same demo state.
// Each stream is keyed by a string (for example "history/orders-service"), so adding a service to the
// catalog does not change the numbers drawn for the others.

const SEED = 'paved-demo-v1';

/** FNV-1a, 32 bit: turns a key into the generator's starting state. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
function mulberry32(state) {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Kubernetes' own alphabet for generated name suffixes (no vowels, no look-alikes).
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomStream(key) {
  const next = mulberry32(hash32(`${SEED}/${key}`));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: p => next() < p,
    pick: list => list[Math.floor(next() * list.length)],
    hex: length =>
      Array.from({ length }, () => int(0, 15).toString(16)).join(''),
    nameSuffix: length =>
      Array.from({ length }, () => NAME_ALPHABET[int(0, 26)]).join(''),
  };
}

/** A stable name suffix for a key, like the ones Kubernetes generates (pod-template-hash, pod names). */
export function stableSuffix(key, length = 5) {
  return randomStream(`suffix/${key}`).nameSuffix(length);
}

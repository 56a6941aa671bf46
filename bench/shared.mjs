// Pieces both benchmarks use: a seeded random generator and bundling product code for a page.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

/** mulberry32: a small seeded PRNG returning floats in [0, 1), so every run builds the same data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bundles `entry` (product code through the `@` alias) as a minified IIFE exposing global `name`. */
export async function bundleIife({ entry, name, outDir, fileName }) {
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@': process.cwd() } },
    build: {
      lib: { entry: resolve(entry), formats: ['iife'], name, fileName: () => fileName },
      outDir,
      emptyOutDir: false,
      write: true,
      minify: true,
    },
  });
}

/** What `chromium --version` prints, or "unknown". */
export function chromiumVersion(executable) {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

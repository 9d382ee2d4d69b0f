/**
 * How much does each citizen-facing page make a browser download before it can start? For every
 * html of the display build (wall, window, kiosk, ticket, rate) this follows what the page loads
 * at once: the entry script, its static imports transitively (`import … from"./x.js"`, not
 * `import("./x.js")`, which loads later and only if needed), and the stylesheets the html links.
 * It prints raw and gzip bytes per page, then the files of each page, biggest first.
 *
 *   npm run build && npx tsx bench/bundle-size.ts
 *   npx tsx bench/bundle-size.ts --dir /tmp/other-build      # another display build's outDir
 *   npx tsx bench/bundle-size.ts --files                      # list each page's files too
 *   npx tsx bench/bundle-size.ts --dir dist/counter           # the staff apps (clerk panel, console)
 *
 * Gzip is measured at level 9, near what a server's compression sends; a phone on a weak signal
 * pays for the gzip figure, a TV box's parser for the raw one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const root = resolve(dirArg >= 0 && args[dirArg + 1] ? args[dirArg + 1]! : 'dist/display');
const listFiles = args.includes('--files');
/** The build's base: the html names assets as /static/display/assets/x.js (/static/counter/ for staff). */
const BASE = /^\/static\/[^/]+\//;

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

const sizes = new Map<string, Asset>();
function measure(file: string): Asset {
  const known = sizes.get(file);
  if (known) return known;
  const bytes = readFileSync(join(root, file));
  const asset = { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  sizes.set(file, asset);
  return asset;
}

/** Static imports of a built chunk, as paths under root (rolldown writes `from"./x.js"`). */
function staticImports(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const found: string[] = [];
  // `import{a as b}from"./x.js"`, `import*as c from"./x.js"`, `import"./x.js"`; never `import(`.
  const pattern = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\.?\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(normalise(dir + match[1]!));
  return found;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function fromHref(href: string): string {
  return BASE.test(href) ? href.replace(BASE, '') : href.replace(/^\//, '');
}

interface Page {
  name: string;
  js: Asset[];
  css: Asset[];
}

function page(html: string): Page {
  const text = readFileSync(join(root, html), 'utf8');
  const entries = [...text.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => fromHref(m[1]!));
  const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => fromHref(m[1]!));
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...staticImports(file));
  }
  // The html's modulepreload hints should name the same chunks; say so when they do not.
  const preloads = [...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => fromHref(m[1]!));
  const missing = preloads.filter((p) => !seen.has(p));
  if (missing.length > 0) console.warn(`${html}: preloaded but not statically imported: ${missing.join(', ')}`);
  const bySize = (a: Asset, b: Asset): number => b.gzip - a.gzip;
  return {
    name: html.replace(/\.html$/, ''),
    js: [...seen].map(measure).sort(bySize),
    css: css.map(measure).sort(bySize),
  };
}

if (!existsSync(root)) {
  console.error(`${root} does not exist: run \`npm run build\` first (or pass --dir).`);
  process.exit(1);
}
const pages = readdirSync(root)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map(page);

const sum = (list: Asset[], key: 'raw' | 'gzip'): number => list.reduce((n, a) => n + a[key], 0);
const kB = (n: number): string => (n / 1024).toFixed(1).padStart(7);
console.log(`build: ${root}`);
console.log('page      JS raw kB  JS gzip kB  CSS raw kB  CSS gzip kB  files');
for (const p of pages) {
  console.log(
    `${p.name.padEnd(8)}  ${kB(sum(p.js, 'raw'))}    ${kB(sum(p.js, 'gzip'))}     ${kB(sum(p.css, 'raw'))}      ${kB(sum(p.css, 'gzip'))}  ${p.js.length + p.css.length}`,
  );
}
if (listFiles) {
  for (const p of pages) {
    console.log(`\n${p.name}:`);
    for (const a of [...p.js, ...p.css]) console.log(`  ${kB(a.raw)} raw ${kB(a.gzip)} gzip  ${a.file}`);
  }
}

/**
 * The static import graph of an app's entry, read from source (no build): which modules a page
 * makes the browser load at start. Relative imports are resolved (.ts, .vue, /index.ts); bare
 * ones ('vue', 'zod') are leaves. Type-only imports (`import type`, `export type … from`) are
 * erased by the compiler and are not edges; `import('…')` loads later, on demand, and is not an
 * edge either. `import { type A } from` IS an edge: under verbatimModuleSyntax the compiler keeps
 * it as `import {} from`, which still runs the module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export interface ImportGraph {
  /** Every module reached, as absolute paths for files and bare names for packages. */
  modules: Set<string>;
  /** How each module was first reached: module → the module that imported it. */
  parent: Map<string, string>;
}

const IMPORT_FROM = /^[ \t]*import\s+(type\s+)?([\w$*{}\s,]+?)\s*from\s*['"]([^'"]+)['"]/gm;
const IMPORT_BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const EXPORT_FROM = /^[ \t]*export\s+(type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{[\w$\s,]*\})\s*from\s*['"]([^'"]+)['"]/gm;

/** The script of a .vue file (both blocks when it has `<script>` and `<script setup>`). */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.vue')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** The specifiers a module loads when it runs (type-only imports left out). */
export function runtimeImports(file: string): string[] {
  const code = scriptOf(file, readFileSync(file, 'utf8'));
  const found: string[] = [];
  for (const m of code.matchAll(IMPORT_FROM)) if (!m[1]) found.push(m[3]!);
  for (const m of code.matchAll(IMPORT_BARE)) found.push(m[1]!);
  for (const m of code.matchAll(EXPORT_FROM)) {
    // `export { type A, type B } from` is erased like `export type { … } from`.
    const onlyTypes = /^\{\s*(?:type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?\s*)*\}$/.test(m[2]!.trim());
    if (!m[1] && !onlyTypes) found.push(m[3]!);
  }
  return found;
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (candidate.match(/\.(ts|vue|css)$/) && existsSync(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

export function importGraph(entry: string): ImportGraph {
  const modules = new Set<string>([entry]);
  const parent = new Map<string, string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (!/\.(ts|vue)$/.test(file)) continue;
    for (const specifier of runtimeImports(file)) {
      const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : specifier;
      if (modules.has(target)) continue;
      modules.add(target);
      parent.set(target, file);
      todo.push(target);
    }
  }
  return { modules, parent };
}

/** entry → … → target, as paths relative to root, to say in a failure how a module got in. */
export function chainTo(graph: ImportGraph, target: string, root: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = target; at !== undefined; at = graph.parent.get(at)) {
    chain.unshift(at.startsWith('/') ? relative(root, at) : at);
  }
  return chain;
}

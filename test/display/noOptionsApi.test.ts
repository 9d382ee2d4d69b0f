/**
 * display/vite.config.ts builds Vue without the Options API (`features: { optionsAPI: false }`):
 * the citizens' pages are lighter by the code Vue needs for `data()`, `methods`, `computed:` and
 * the like. A component written that way would build and then silently do nothing, so every
 * component of the display apps must be `<script setup>` (Composition API only; component options
 * such as inheritAttrs go in defineOptions, not in a second `<script>`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'display/src');

/** Why a component's source needs the Options API, or null when it does not. */
export function optionsApiUse(file: string, text: string): string | null {
  if (file.endsWith('.vue')) {
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    if (scripts.length > 0 && !scripts.some((m) => /\bsetup\b/.test(m[1]!))) return 'no <script setup>';
    for (const m of scripts) if (!/\bsetup\b/.test(m[1]!) && /export\s+default\b/.test(m[2]!)) return 'a component object in <script>';
  }
  if (/\bdefineComponent\s*\(/.test(text)) return 'defineComponent(…)';
  return null;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(vue|ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the display apps need no Options API', () => {
  it.each<[string, string, string | null]>([
    ['A.vue', '<script setup lang="ts">\nconst a = 1;\n</script>\n<template><p/></template>', null],
    ['B.vue', '<script lang="ts">\nexport default { data: () => ({ a: 1 }) };\n</script>', 'no <script setup>'],
    ['C.vue', '<script lang="ts">\nexport default { inheritAttrs: false };\n</script>\n<script setup lang="ts">\n</script>', 'a component object in <script>'],
    ['D.vue', '<template><p>static</p></template>', null],
    ['e.ts', "import { defineComponent } from 'vue';\nexport const E = defineComponent({ data: () => ({}) });", 'defineComponent(…)'],
  ])('%s → %s', (file, text, why) => {
    expect(optionsApiUse(file, text)).toBe(why);
  });

  it('every component under display/src', () => {
    const files = sources(src);
    expect(files.filter((f) => f.endsWith('.vue')).length).toBeGreaterThan(20);
    const found = files.map((f) => [relative(root, f), optionsApiUse(f, readFileSync(f, 'utf8'))]).filter(([, why]) => why !== null);
    expect(found).toEqual([]);
  });
});

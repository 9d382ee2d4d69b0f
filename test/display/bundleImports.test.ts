/**
 * The citizens' pages stay light: the phone page (/t/:ticketId, opened on a weak mobile signal),
 * the wall and window screens (cheap TV boxes running all day) and the rate pad must not load
 * zod. Zod validates input on the server; these pages only read our own server's replies, and
 * zod alone was ~35 kB gzip of the phone page's ~87 kB (bench/bundle-size.ts). A page reaches zod
 * when it imports a value from a shared/*.ts file that builds schemas — take constants from the
 * zod-free files beside them (shared/assistKinds.ts, shared/prefsValues.ts …) and types with
 * `import type`. The graph is read from source, so no build is needed.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { chainTo, importGraph, runtimeImports } from './importGraph';

const root = resolve(import.meta.dirname, '../..');
/** The pages that must load neither zod nor kiosk code (the kiosk's own entry is checked below). */
const entries = {
  ticket: 'display/src/ticket/main.ts',
  wall: 'display/src/wall/main.ts',
  window: 'display/src/window/main.ts',
  rate: 'display/src/rate/main.ts',
};

const isZod = (m: string): boolean => m === 'zod' || m.startsWith('zod/');

describe('citizen pages load no zod and no kiosk code', () => {
  for (const [page, entry] of Object.entries(entries)) {
    it(`${page} (${entry})`, () => {
      const graph = importGraph(resolve(root, entry));
      // The walk really follows the page: it reaches Vue and the app's own modules.
      expect(graph.modules.has('vue')).toBe(true);
      expect(graph.modules.size).toBeGreaterThan(5);
      const zod = [...graph.modules].filter(isZod);
      const chains = zod.map((z) => chainTo(graph, z, root).join(' → '));
      expect(chains, `${page} reaches zod`).toEqual([]);
      // Nor the kiosk's code (its words alone were ~3 kB gzip); its stylesheet is the pages' theme.
      const kiosk = [...graph.modules].filter((m) => m.includes('/display/src/kiosk/') && !m.endsWith('.css'));
      expect(kiosk.map((k) => chainTo(graph, k, root).join(' → ')), `${page} loads kiosk modules`).toEqual([]);
    });
  }
});

describe('the kiosk app (also 扫码取号 on citizens\' phones) loads no zod and no QR encoder at start', () => {
  // /m → /kiosk?mode=mobile opens on a phone on a weak signal: zod was ~28 kB gzip of its ~113 kB.
  // A ticket is still checked before it is shown (display/src/kiosk/ticketReply.ts), by hand.
  const graph = importGraph(resolve(root, 'display/src/kiosk/main.ts'));

  it('reaches its own modules and Vue', () => {
    expect(graph.modules.has('vue')).toBe(true);
    expect(graph.modules.has(resolve(root, 'display/src/kiosk/kioskModel.ts'))).toBe(true);
    expect(graph.modules.has(resolve(root, 'display/src/kiosk/components/TicketScreen.vue'))).toBe(true);
  });

  it('no zod', () => {
    const zod = [...graph.modules].filter(isZod);
    expect(zod.map((z) => chainTo(graph, z, root).join(' → ')), 'the kiosk reaches zod').toEqual([]);
  });

  it('the qrcode package only on demand (a phone draws no QR): qr.ts is imported with import()', () => {
    expect(graph.modules.has('qrcode'), chainTo(graph, 'qrcode', root).join(' → ')).toBe(false);
    expect(graph.modules.has(resolve(root, 'display/src/kiosk/qr.ts'))).toBe(false);
    // …and qr.ts itself still draws with it, so the check above looks for the right thing.
    expect(runtimeImports(resolve(root, 'display/src/kiosk/qr.ts'))).toContain('qrcode');
  });
});

describe('the import reader', () => {
  it('reaches zod from a module that builds schemas (so the check above can fail)', () => {
    const graph = importGraph(resolve(root, 'shared/schemas.ts'));
    expect([...graph.modules].some(isZod)).toBe(true);
  });

  it('follows value imports and re-exports, skips type-only imports and import()', () => {
    // shared/mobile.ts builds schemas with zod; shared/index.ts re-exports schemas.
    expect(runtimeImports(resolve(root, 'shared/mobile.ts'))).toContain('zod');
    expect(runtimeImports(resolve(root, 'shared/index.ts')).length).toBeGreaterThan(0);
    const ticketMain = runtimeImports(resolve(root, 'display/src/ticket/main.ts'));
    expect(ticketMain).toContain('vue');
  });
});

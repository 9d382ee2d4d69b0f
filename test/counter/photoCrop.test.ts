/** 亮证亮照's crop (pure): the largest 3:4 part, centred across, nearer the top of a tall picture, inside the picture. */
import { describe, expect, it } from 'vitest';
import { portraitCrop, qualitySteps } from '../../counter/src/admin/logic/photoCrop';

describe('portrait crop', () => {
  it.each([
    // [w, h, expected]
    [240, 320, { sx: 0, sy: 0, sw: 240, sh: 320 }], // already 3:4: all of it
    [4000, 3000, { sx: 875, sy: 0, sw: 2250, sh: 3000 }], // a landscape photo: the middle
    [3000, 3000, { sx: 375, sy: 0, sw: 2250, sh: 3000 }], // square
    [1080, 1920, { sx: 0, sy: 144, sw: 1080, sh: 1440 }], // a phone's tall picture: 30% of the extra above
    [3, 1000, { sx: 0, sy: 298, sw: 3, sh: 4 }], // a sliver still gives a photo
    [1000, 2, { sx: 499, sy: 0, sw: 2, sh: 2 }],
  ])('%i×%i', (w, h, expected) => {
    const c = portraitCrop(w, h);
    expect(c).toEqual(expected);
    expect(c.sx + c.sw).toBeLessThanOrEqual(w);
    expect(c.sy + c.sh).toBeLessThanOrEqual(h);
  });

  it('keeps 3:4 within a pixel for any size', () => {
    for (const [w, h] of [[1234, 567], [567, 1234], [641, 480], [100, 101]] as const) {
      const c = portraitCrop(w, h);
      expect(Math.abs(c.sw / c.sh - 0.75)).toBeLessThan(1 / Math.min(c.sw, c.sh) + 0.001);
    }
  });

  it('refuses an empty picture', () => {
    expect(() => portraitCrop(0, 100)).toThrow();
    expect(() => portraitCrop(100, Number.NaN)).toThrow();
  });

  it('tries lower qualities only after the first', () => {
    expect(qualitySteps()).toEqual([0.85, 0.75, 0.6, 0.45]);
    expect(qualitySteps(0.6)).toEqual([0.6, 0.45]);
  });
});

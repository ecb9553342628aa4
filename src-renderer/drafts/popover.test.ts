import { describe, expect, it } from 'vitest';
import { placePanel } from './Popover';

const view = { width: 1280, height: 800 };
const panel = { width: 360, height: 300 };

describe('placePanel', () => {
  it('opens under the button at its start edge when there is room', () => {
    expect(placePanel({ left: 100, right: 130, top: 50, bottom: 80 }, panel, view, false)).toEqual({ left: 100, top: 84, maxHeight: 708 });
    // Right to left: the panel's right edge lines up with the button's.
    expect(placePanel({ left: 500, right: 530, top: 50, bottom: 80 }, panel, view, true)).toMatchObject({ left: 170, top: 84 });
  });

  it('moves in to stay whole on screen, at either edge', () => {
    expect(placePanel({ left: 1100, right: 1130, top: 50, bottom: 80 }, panel, view, false).left).toBe(1280 - 8 - 360);
    expect(placePanel({ left: 20, right: 50, top: 50, bottom: 80 }, panel, view, true).left).toBe(8);
  });

  it('opens above the button when there is more room there and not enough below', () => {
    expect(placePanel({ left: 100, right: 130, top: 600, bottom: 630 }, panel, view, false)).toEqual({ left: 100, top: 296, maxHeight: 588 });
  });

  it('never gets wider than the window', () => {
    expect(placePanel({ left: 100, right: 130, top: 50, bottom: 80 }, { width: 2000, height: 100 }, view, false).left).toBe(8);
  });
});

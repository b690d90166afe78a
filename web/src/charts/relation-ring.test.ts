import { describe, expect, it } from 'vitest';
import { ringFrame, ringPlaces } from './relation-ring';

/** The box ECharts fits into the chart: every node's position, the middle (0, 0) included. */
function box(points: ReadonlyArray<{ x: number; y: number }>) {
  const xs = [0, ...points.map((p) => p.x)];
  const ys = [0, ...points.map((p) => p.y)];
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

describe('ringPlaces', () => {
  it('puts the partner sharing the most events nearest the middle, with the largest symbol', () => {
    const [most, fewest] = ringPlaces([{ events: 4 }, { events: 1 }]);
    expect(Math.hypot(most?.x ?? 0, most?.y ?? 0)).toBeCloseTo(120);
    expect(Math.hypot(fewest?.x ?? 0, fewest?.y ?? 0)).toBeGreaterThan(200);
    expect(most?.symbolSize).toBeGreaterThan(fewest?.symbolSize ?? 0);
  });

  it('labels the partners left of the middle on their left', () => {
    const sides = ringPlaces([1, 1, 1, 1].map((events) => ({ events }))).map((place) => place.labelSide);
    expect(sides).toEqual(['right', 'right', 'right', 'left']);
  });
});

describe('ringFrame', () => {
  it.each([1, 2])('gives the graph of %i partner(s), all on one vertical line, a box with a width', (n) => {
    const places = ringPlaces(Array.from({ length: n }, () => ({ events: 1 })));
    expect(box(places).width).toBeLessThan(1e-9);
    const framed = box([...places, ...ringFrame()]);
    expect(framed.width).toBeGreaterThan(400);
    expect(framed.height).toBe(framed.width);
  });

  it('gives its corners ids and names of their own, as ECharts needs', () => {
    const corners = ringFrame();
    expect(new Set(corners.map((corner) => corner.id)).size).toBe(2);
    expect(new Set(corners.map((corner) => corner.name)).size).toBe(2);
    for (const corner of corners) expect(corner.id).not.toMatch(/^(organization|person|place|event):/);
  });

  it('keeps every partner inside the frame', () => {
    const frame = box(ringFrame());
    const places = ringPlaces([9, 5, 3, 1, 1].map((events) => ({ events })));
    for (const place of places) {
      expect(Math.abs(place.x)).toBeLessThanOrEqual(frame.width / 2);
      expect(Math.abs(place.y)).toBeLessThanOrEqual(frame.height / 2);
    }
  });
});

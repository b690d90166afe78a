/**
 * Where the relation graph puts its nodes: the entity in the middle, its partners on a ring,
 * closer the more events they share with it.
 */

/** How far a partner stands from the middle: sharing the most events, and sharing one. */
const NEAREST = 120;
const FARTHEST = 230;

export interface RingPlace<T> {
  partner: T;
  x: number;
  y: number;
  /** The partner's symbol, larger the more events it shares. */
  symbolSize: number;
  /** The side of the symbol its label goes, away from the middle. */
  labelSide: 'left' | 'right';
}

/**
 * A place on the ring for each partner, in order, starting at the top and going clockwise:
 * `ringPlaces([{ events: 4 }, { events: 1 }])` puts the first 120 above the middle and the
 * second 230 below it.
 */
export function ringPlaces<T extends { events: number }>(partners: readonly T[]): RingPlace<T>[] {
  const most = Math.max(1, ...partners.map((partner) => partner.events));
  const count = partners.length;
  return partners.map((partner, i) => {
    const events = partner.events;
    const angle = (2 * Math.PI * i) / count - Math.PI / 2;
    const radius = NEAREST + (FARTHEST - NEAREST) * (1 - events / most);
    const x = Math.cos(angle) * radius;
    return {
      partner,
      x,
      y: Math.sin(angle) * radius,
      symbolSize: 12 + (events / most) * 20,
      labelSide: x < -1 ? 'left' : 'right',
    };
  });
}

/**
 * Two corners of the whole ring, as invisible nodes. ECharts fits the nodes' bounding box into
 * the chart; with one or two partners every node stands on one vertical line, the box has no
 * width and nothing is drawn but labels. The corners keep the box the ring's, whatever the
 * partners, so the entity stays in the middle at the same scale. ECharts wants every node's
 * id unique: theirs are no entity's.
 */
export function ringFrame() {
  const corner = (x: number, y: number) => ({
    id: `ring-corner:${x},${y}`,
    name: `ring-corner:${x},${y}`,
    x,
    y,
    symbolSize: 0,
    itemStyle: { opacity: 0 },
    label: { show: false },
    tooltip: { show: false },
    emphasis: { disabled: true },
  });
  return [corner(-FARTHEST, -FARTHEST), corner(FARTHEST, FARTHEST)];
}

export const HEATMAP_ROW_HEIGHT = 36;
export const HEATMAP_HEADER_HEIGHT = 40;
const OVERSCAN = 8;

/** The rows to render for a scroll position: the visible ones and a few either side. */
export function visibleRowRange(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  rowHeight = HEATMAP_ROW_HEIGHT,
  headerHeight = HEATMAP_HEADER_HEIGHT,
  overscan = OVERSCAN,
): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop - headerHeight);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + Math.max(viewportHeight, 0)) / rowHeight) + overscan);
  return { first: Math.min(first, last), last };
}

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Card, Grid, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import {
  cellAt,
  gridPlacement,
  moveItem,
  moveItemTo,
  resizeItem,
  sameLayout,
  sizeAt,
  type GridMetrics,
} from '../utils/dashboard-layout.util.js';
import type { DashboardItem } from '../utils/report.types.js';

/** An item with the place it had in reading order when the drag began (its identity while the layout moves). */
type Tagged = DashboardItem & { slot: number };

interface Drag {
  kind: 'move' | 'resize';
  slot: number;
  pointerId: number;
  /** Pointer position in page coordinates when it went down. */
  startX: number;
  startY: number;
  /** The tile's box relative to the grid when the drag began. */
  left: number;
  top: number;
  width: number;
  height: number;
  metrics: GridMetrics;
  /** How far the pointer has gone (page pixels). */
  dx: number;
  dy: number;
  /** Past the few pixels that tell a drag from a click. */
  moving: boolean;
  /** The layout if the pointer were released now. */
  layout: Tagged[];
}

const THRESHOLD = 4;
const EDGE = 40;

function metricsOf(grid: HTMLElement): GridMetrics {
  const style = getComputedStyle(grid);
  const gap = Number.parseFloat(style.columnGap) || 0;
  const rowGap = Number.parseFloat(style.rowGap) || 0;
  const rowHeight = Number.parseFloat(style.gridAutoRows) || 80;
  return { column: (grid.clientWidth + gap) / 12, row: rowHeight + rowGap, gap };
}

const strip = (items: readonly Tagged[]): DashboardItem[] => items.map(({ slot: _slot, ...item }) => item);

/** React keys that stay with a report while it moves (a report placed twice gets #2 on its second copy). */
function keysOf(items: readonly DashboardItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.report) ?? 0) + 1;
    seen.set(item.report, n);
    return n === 1 ? item.report : `${item.report}#${n}`;
  });
}

/**
 * The dashboard's 12-column grid with each report's live data. On a desk a tile moves by dragging its title bar
 * and changes size by dragging its bottom-right corner (both snap to the grid, a dashed placeholder shows where it
 * will land, the others make room); its title bar also takes the arrow keys. On a phone it is one column in
 * reading order and the editor's buttons do the layout.
 */
export function DashboardGrid({
  items,
  title,
  body,
  onChange,
}: {
  /** In reading order. */
  items: readonly DashboardItem[];
  title: (item: DashboardItem) => string;
  body: (item: DashboardItem) => ReactNode;
  onChange: (next: DashboardItem[]) => void;
}) {
  const { t } = useI18n();
  const desk = Grid.useBreakpoint().md === true;
  const grid = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tagged: Tagged[] = items.map((item, slot) => ({ ...item, slot }));
  const keys = keysOf(items);

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const announce = (layout: readonly Tagged[], slot: number) => {
    const placed = layout.find((item) => item.slot === slot);
    if (placed) {
      setAnnouncement(
        t('dashboards.placed', {
          name: title(placed),
          column: placed.x + 1,
          row: placed.y + 1,
          w: placed.w,
          h: placed.h,
        }),
      );
    }
  };

  // while a pointer drags: follow it on the window (it leaves the tile), Escape puts everything back
  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) {
      return undefined;
    }
    const onMove = (event: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || event.pointerId !== current.pointerId) {
        return;
      }
      const dx = event.clientX + window.scrollX - current.startX;
      const dy = event.clientY + window.scrollY - current.startY;
      const moving = current.moving || Math.hypot(dx, dy) >= THRESHOLD;
      if (!moving) {
        return;
      }
      event.preventDefault();
      const index = tagged.findIndex((item) => item.slot === current.slot);
      const item = tagged[index]!;
      const layout =
        current.kind === 'move'
          ? moveItemTo(tagged, index, cellAt(current.metrics, current.left + dx, current.top + dy, item))
          : resizeItem(tagged, index, sizeAt(current.metrics, current.width + dx, current.height + dy, item));
      update({ ...current, dx, dy, moving, layout });
      // near the window's top or bottom edge, scroll so a tile can go where the screen does not reach
      if (event.clientY > window.innerHeight - EDGE) {
        window.scrollBy(0, 16);
      } else if (event.clientY < EDGE) {
        window.scrollBy(0, -16);
      }
    };
    const onUp = (event: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || event.pointerId !== current.pointerId) {
        return;
      }
      update(null);
      if (current.moving && !sameLayout(current.layout, tagged)) {
        onChange(strip(current.layout));
        announce(current.layout, current.slot);
      }
    };
    const onCancel = (event: globalThis.PointerEvent | globalThis.KeyboardEvent) => {
      if (event.type === 'pointercancel' || (event as globalThis.KeyboardEvent).key === 'Escape') {
        update(null);
      }
    };
    window.addEventListener('pointermove', onMove, { passive: false });
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onCancel);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onCancel);
    };
  });

  const begin = (kind: Drag['kind'], slot: number) => (event: PointerEvent<HTMLElement>) => {
    const element = grid.current;
    const tile = event.currentTarget.closest<HTMLElement>('.cl-rd-card');
    if (!desk || event.button !== 0 || !element || !tile || dragRef.current) {
      return;
    }
    // buttons inside the title bar keep their clicks
    if (kind === 'move' && (event.target as HTMLElement).closest('button, a, input')) {
      return;
    }
    event.preventDefault();
    const box = element.getBoundingClientRect();
    const rect = tile.getBoundingClientRect();
    update({
      kind,
      slot,
      pointerId: event.pointerId,
      startX: event.clientX + window.scrollX,
      startY: event.clientY + window.scrollY,
      left: rect.left - box.left,
      top: rect.top - box.top,
      width: rect.width,
      height: rect.height,
      metrics: metricsOf(element),
      dx: 0,
      dy: 0,
      moving: false,
      layout: tagged,
    });
  };

  const onKeyDown = (slot: number) => (event: KeyboardEvent<HTMLElement>) => {
    const index = tagged.findIndex((item) => item.slot === slot);
    const item = tagged[index];
    if (!desk || !item) {
      return;
    }
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const step = arrows[event.key];
    if (!step) {
      return;
    }
    event.preventDefault();
    const [dx, dy] = step;
    const layout = event.shiftKey
      ? resizeItem(tagged, index, { w: item.w + dx, h: item.h + dy })
      : dy !== 0
        ? moveItem(tagged, index, dy as -1 | 1)
        : moveItemTo(tagged, index, { x: item.x + dx, y: item.y });
    if (!sameLayout(layout, tagged)) {
      onChange(strip(layout));
    }
    announce(layout, slot);
  };

  const shown = drag?.moving ? drag.layout : tagged;
  const active = drag?.moving ? drag : null;
  const landing = active ? shown.find((item) => item.slot === active.slot) : undefined;

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(desk ? 'dashboards.gridHelp' : 'dashboards.gridHelpPhone')}
      </Typography.Paragraph>
      <div
        ref={grid}
        className={`cl-rd-grid${active ? ' cl-rd-grid-dragging' : ''}`}
        data-testid="dashboard-grid"
      >
        {landing && active && (
          <div
            className="cl-rd-placeholder"
            data-testid="dashboard-placeholder"
            data-x={landing.x}
            data-y={landing.y}
            data-w={landing.w}
            data-h={landing.h}
            style={
              {
                '--cl-col': gridPlacement(landing).column,
                '--cl-row': gridPlacement(landing).row,
              } as React.CSSProperties
            }
          >
            {landing.w} × {landing.h}
          </div>
        )}
        {tagged.map((original) => {
          const key = keys[original.slot]!;
          const isActive = active?.slot === original.slot;
          // the tile being dragged stays on its old cells and follows the pointer; the others show where they go
          const item = isActive ? original : (shown.find((i) => i.slot === original.slot) ?? original);
          const placement = gridPlacement(item);
          const name = title(item);
          const style = {
            '--cl-col': placement.column,
            '--cl-row': placement.row,
            ...(isActive && active.kind === 'move'
              ? { transform: `translate(${active.dx}px, ${active.dy}px)` }
              : {}),
            ...(isActive && active.kind === 'resize'
              ? {
                  width: Math.max(active.width + active.dx, 40),
                  height: Math.max(active.height + active.dy, 40),
                }
              : {}),
          } as React.CSSProperties;
          return (
            <Card
              key={key}
              size="small"
              className={`cl-rd-card${isActive ? ' cl-rd-card-active' : ''}`}
              style={style}
              data-testid={`dashboard-preview-${key}`}
              data-x={item.x}
              data-y={item.y}
              data-w={item.w}
              data-h={item.h}
              title={
                <div
                  className="cl-rd-handle"
                  role={desk ? 'button' : undefined}
                  tabIndex={desk ? 0 : undefined}
                  aria-label={desk ? t('dashboards.moveHandle', { name }) : undefined}
                  aria-roledescription={desk ? 'draggable' : undefined}
                  data-testid={`dashboard-move-${key}`}
                  onPointerDown={begin('move', original.slot)}
                  onKeyDown={onKeyDown(original.slot)}
                >
                  {desk && <HolderOutlined aria-hidden className="cl-rd-grip" />}
                  <span className="cl-rd-title">{name}</span>
                </div>
              }
            >
              <div className="cl-rd-card-body">{body(item)}</div>
              {desk && (
                <div
                  className="cl-rd-resize"
                  title={t('dashboards.resizeHandle', { name })}
                  aria-hidden
                  data-testid={`dashboard-resize-${key}`}
                  onPointerDown={begin('resize', original.slot)}
                />
              )}
            </Card>
          );
        })}
      </div>
      <div className="cl-rd-sr-only" aria-live="polite" data-testid="dashboard-announcement">
        {announcement}
      </div>
    </>
  );
}

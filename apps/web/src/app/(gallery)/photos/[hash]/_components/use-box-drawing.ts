'use client';
import { type PointerEvent, type RefObject, useState } from 'react';
import type { Box } from '@/lib/queries/photo';

const MIN_SIZE = 0.02;

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Drag on the photo to draw a normalized box (upright image coordinates, origin top-left). */
export function useBoxDrawing(
  frame: RefObject<HTMLElement | null>,
  enabled: boolean,
  onDrawn: (box: Box) => void,
) {
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Box | null>(null);

  function point(event: PointerEvent) {
    const rect = frame.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return {
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
    };
  }
  function boxFrom(a: { x: number; y: number }, b: { x: number; y: number }): Box {
    return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
  }

  const handlers = enabled
    ? {
        onPointerDown(event: PointerEvent) {
          event.preventDefault();
          (event.target as Element).setPointerCapture?.(event.pointerId);
          const p = point(event);
          setStart(p);
          setDraft({ ...p, w: 0, h: 0 });
        },
        onPointerMove(event: PointerEvent) {
          if (start) setDraft(boxFrom(start, point(event)));
        },
        onPointerUp(event: PointerEvent) {
          if (!start) return;
          const box = boxFrom(start, point(event));
          setStart(null);
          setDraft(null);
          if (box.w >= MIN_SIZE && box.h >= MIN_SIZE) onDrawn(box);
        },
      }
    : {};
  return { handlers, draft };
}

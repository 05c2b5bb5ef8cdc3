'use client';
import { useEffect, useState } from 'react';

/** False during server rendering and the first client render; true once event handlers are attached. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** True when a key press is meant for a text field, not for a page shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

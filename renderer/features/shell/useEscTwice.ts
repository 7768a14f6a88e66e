import { useEffect } from 'react';

/** Two presses of Esc within this long hide the screen. */
const WITHIN_MS = 1000;

/**
 * Esc pressed twice within a second hides the screen (issue 12), from anywhere in the app.
 *
 * An Esc that closes something (a dialog, a menu, an open list) belongs to that, and does not count
 * towards the two: staff close dialogs with Esc all day, and many press it twice to be sure, so
 * counting it would hide the screen by surprise and ask for a password many times a day. The cost is
 * that hiding from inside a dialog takes one more press (the first closes the dialog, whose typing is
 * lost either way); a hide that comes by surprise is worse, because people then stop trusting Esc.
 * Listened to before the dialog gets the key (capture), so "a dialog is open" is seen as it was.
 */
export function useEscTwice(enabled: boolean, onTwice: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Number.NEGATIVE_INFINITY;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.repeat) return;
      if (closesSomething(e)) {
        last = Number.NEGATIVE_INFINITY;
        return;
      }
      const now = performance.now();
      if (now - last <= WITHIN_MS) {
        last = Number.NEGATIVE_INFINITY;
        onTwice();
      } else {
        last = now;
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled, onTwice]);
}

function closesSomething(e: KeyboardEvent): boolean {
  if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')) return true;
  const target = e.target instanceof Element ? e.target : null;
  return target?.closest('[aria-expanded="true"]') != null;
}

import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without mouse or keyboard use. The core keeps its own idle clock too
 * (the renderer is not trusted), so this only makes the login screen appear on time.
 */
export function useIdleLock(minutes: number | null, lock: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let last = Date.now();
    const mark = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, mark, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last > minutes * 60_000) lock();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, mark);
    };
  }, [minutes, lock]);
}

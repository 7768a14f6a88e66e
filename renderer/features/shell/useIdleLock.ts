import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without mouse or keyboard use. The core keeps its own idle clock too
 * (the renderer is not trusted), so this only makes the login screen appear on time. While the
 * screen is hidden (`paused`), moving the mouse over it is not using TwoWay, so it does not count.
 */
export function useIdleLock(minutes: number | null, lock: () => void, paused = false): void {
  const pausedRef = useRef(paused);
  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);
  useEffect(() => {
    if (!minutes) return;
    let last = Date.now();
    const mark = () => {
      if (!pausedRef.current) last = Date.now();
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

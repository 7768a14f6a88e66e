import { makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { BODY_MARK_TYPE_LABELS, type BodyMark } from '../../../shared/contract/concerns';

// The body map: front and back outlines of a young child, drawn as SVG. Marks are placed by
// clicking (or, without a mouse, by choosing a part of the body: see BODY_PARTS), numbered in the
// order they were placed, and stored as fractions of the outline's width and height so they land
// in the same place on screen and on paper whatever the size.

export type Side = 'front' | 'back';
export interface PlacedMark {
  number: number;
  side: Side;
  x: number;
  y: number;
  /** 0..1: how strong to draw it (the combined map draws older marks fainter). */
  strength?: number;
}

const W = 160;
const H = 320;

/** One outline, the same for front and back: head, neck, body, arms and legs of a young child. */
const OUTLINE = [
  'M80 8 a26 28 0 1 1 -0.1 0 Z', // head
  'M70 62 h20 v10 h-20 Z', // neck
  'M48 72 Q80 66 112 72 L118 150 Q80 160 42 150 Z', // body
  'M48 74 L24 150 L18 196 L30 198 L38 156 L56 96 Z', // arm (left of the picture)
  'M112 74 L136 150 L142 196 L130 198 L122 156 L104 96 Z', // arm (right of the picture)
  'M44 150 Q60 160 78 156 L74 236 L72 300 L50 302 L52 236 Z', // leg
  'M116 150 Q100 160 82 156 L86 236 L88 300 L110 302 L108 236 Z', // leg
];

/**
 * Parts of the body for placing a mark from the keyboard: the point is where the mark goes (as
 * fractions of the outline). "Left" and "right" are the child's own, so on the front outline the
 * child's left arm is on the right of the picture, and on the back it is on the left.
 */
export const BODY_PARTS: readonly { id: string; label: string; front: [number, number]; back: [number, number] }[] = [
  { id: 'head', label: 'Head', front: [0.5, 0.07], back: [0.5, 0.07] },
  { id: 'face', label: 'Face', front: [0.5, 0.12], back: [0.5, 0.12] },
  { id: 'neck', label: 'Neck', front: [0.5, 0.21], back: [0.5, 0.21] },
  { id: 'chest', label: 'Chest / upper back', front: [0.5, 0.3], back: [0.5, 0.3] },
  { id: 'tummy', label: 'Tummy / lower back', front: [0.5, 0.42], back: [0.5, 0.42] },
  { id: 'left-arm', label: 'Left arm', front: [0.82, 0.38], back: [0.18, 0.38] },
  { id: 'right-arm', label: 'Right arm', front: [0.18, 0.38], back: [0.82, 0.38] },
  { id: 'left-hand', label: 'Left hand', front: [0.86, 0.6], back: [0.14, 0.6] },
  { id: 'right-hand', label: 'Right hand', front: [0.14, 0.6], back: [0.86, 0.6] },
  { id: 'bottom', label: 'Nappy area / bottom', front: [0.5, 0.49], back: [0.5, 0.49] },
  { id: 'left-leg', label: 'Left leg', front: [0.6, 0.7], back: [0.4, 0.7] },
  { id: 'right-leg', label: 'Right leg', front: [0.4, 0.7], back: [0.6, 0.7] },
  { id: 'left-foot', label: 'Left foot', front: [0.6, 0.92], back: [0.4, 0.92] },
  { id: 'right-foot', label: 'Right foot', front: [0.4, 0.92], back: [0.6, 0.92] },
];

const useStyles = makeStyles({
  maps: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalXS },
  svg: { width: '160px', height: '320px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: '#fff' },
  clickable: { cursor: 'crosshair' },
});

/** Front and back, side by side. With `onPlace`, a click on an outline places a mark there. */
export function BodyMap({ marks, onPlace, label }: { marks: readonly PlacedMark[]; onPlace?: (side: Side, x: number, y: number) => void; label: string }) {
  const s = useStyles();
  return (
    <div className={s.maps} role="group" aria-label={label}>
      {(['front', 'back'] as const).map((side) => (
        <figure key={side} className={s.figure}>
          <Outline side={side} marks={marks.filter((m) => m.side === side)} onPlace={onPlace} className={`${s.svg} ${onPlace ? s.clickable : ''}`} />
          <figcaption>{side === 'front' ? 'Front' : 'Back'}</figcaption>
        </figure>
      ))}
    </div>
  );
}

function Outline({ side, marks, onPlace, className }: { side: Side; marks: readonly PlacedMark[]; onPlace?: (side: Side, x: number, y: number) => void; className: string }) {
  const place = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPlace) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
    onPlace(side, Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000);
  };
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className={className}
      onClick={place}
      data-side={side}
      role="img"
      aria-label={`${side === 'front' ? 'Front' : 'Back'} of the body${marks.length ? `: marks ${marks.map((m) => m.number).join(', ')}` : ''}`}
    >
      {OUTLINE.map((d, i) => (
        <path key={i} d={d} fill="#f4f4f4" stroke="#444" strokeWidth={1.5} />
      ))}
      {side === 'back' && <path d="M80 80 V150" stroke="#999" strokeDasharray="3 3" />}
      {marks.map((m) => (
        <g key={`${m.number}-${m.x}-${m.y}`} transform={`translate(${m.x * W} ${m.y * H})`} opacity={0.35 + 0.65 * (m.strength ?? 1)}>
          <circle r={8} fill="#c50f1f" stroke="#fff" strokeWidth={1.5} />
          <text textAnchor="middle" dy="3.5" fontSize="10" fontWeight="700" fill="#fff">
            {m.number}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The words for each numbered mark, under a map (on screen and on paper). */
export function MarkLegend<M extends BodyMark>({ marks, source }: { marks: readonly M[]; source?: (m: M) => string }) {
  return (
    <ol className="body-map-legend">
      {marks.map((m) => {
        const looks = [m.size, m.colour, m.description].filter(Boolean).join(', ');
        return (
          <li key={m.number} value={m.number}>
            {BODY_MARK_TYPE_LABELS[m.type]} ({m.side === 'front' ? 'front' : 'back'}){looks ? `: ${looks}` : ''}
            {source ? ` (${source(m)})` : ''}
          </li>
        );
      })}
    </ol>
  );
}

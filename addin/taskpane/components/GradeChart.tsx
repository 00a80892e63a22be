/**
 * The grade distribution as an inline SVG column chart (no chart library: a few rects cost nothing in
 * the bundle). The figure's accessible name lists every count, so screen readers and tests read it.
 */
import { tokens } from '@fluentui/react-components';

export interface GradeChartProps {
  readonly title: string;
  /** One bar per entry, in order (the grades best first, then 未评定). */
  readonly bars: readonly { readonly label: string; readonly count: number }[];
  /** `，` between entries in zh-CN, `, ` in en-US. */
  readonly separator: string;
}

const WIDTH = 320;
const HEIGHT = 170;
const TOP = 18; // room for the count above the tallest bar
const BOTTOM = 22; // room for the labels

export function GradeChart({ title, bars, separator }: GradeChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  const label = `${title}${separator === ', ' ? ': ' : '：'}${bars.map((b) => `${b.label} ${b.count}`).join(separator)}`;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: WIDTH }}>
        {bars.map((b, i) => {
          const h = (b.count / max) * plot;
          const x = i * slot + (slot - barWidth) / 2;
          const y = TOP + plot - h;
          const last = i === bars.length - 1 && bars.length > 1;
          return (
            <g key={b.label} data-label={b.label} data-count={b.count}>
              <rect x={x} y={y} width={barWidth} height={h} fill={last ? tokens.colorNeutralStroke1 : tokens.colorBrandBackground} rx={2} />
              <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" fontSize={12}>
                {b.count}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={12}>
                {b.label}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} stroke={tokens.colorNeutralStroke2} />
      </svg>
    </figure>
  );
}

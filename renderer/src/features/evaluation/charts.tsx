import { useId } from 'react';
import { niceTicks } from './numbers';

/**
 * Hand-written SVG charts for the dashboard. Each is an `img` with a spoken summary; the numbers are
 * always also in a table next to it, and series differ by pattern and legend text, not colour alone.
 */

export interface BarSeries {
  name: string;
  /** CSS class giving the fill (chart-fill-1 …), and whether the bar is hatched. */
  className: string;
  hatched?: boolean;
}

export interface BarCategory {
  label: string;
  values: number[];
  /** Optional class per category (e.g. a rating colour) for single-series charts. */
  className?: string;
}

const LABEL_W = 190;
const VALUE_W = 90;
const BAR_H = 14;

function shorten(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars, one group per category, one bar per series, the value written at the bar's end. */
export function HBarChart({
  categories,
  series,
  format,
  summary,
  width = 520,
}: {
  categories: BarCategory[];
  series: BarSeries[];
  format: (n: number) => string;
  summary: string;
  width?: number;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const groupH = series.length * BAR_H + (series.length - 1) * 2 + 10;
  const top = 22;
  const height = top + categories.length * groupH + 6;
  const max = Math.max(0, ...categories.flatMap((c) => c.values));
  const ticks = niceTicks(0, max > 0 ? max : 1, 4);
  const tickMax = ticks[ticks.length - 1]!;
  const plotW = width - LABEL_W - VALUE_W;
  const sx = (v: number) => LABEL_W + (v / tickMax) * plotW;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={summary}
      focusable="false"
      className="chart-svg bar-chart"
    >
      <defs>
        {series.map((s, i) =>
          s.hatched ? (
            <pattern key={i} id={`${uid}-hatch-${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className={`hatch-line ${s.className}`} />
            </pattern>
          ) : null,
        )}
      </defs>
      <g className="axis" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={sx(tick)} x2={sx(tick)} y1={top - 4} y2={height - 4} className="grid-line" />
            <text x={sx(tick)} y={top - 8} textAnchor="middle">
              {format(tick)}
            </text>
          </g>
        ))}
      </g>
      <g aria-hidden="true">
        {categories.map((c, ci) => {
          const y = top + ci * groupH + 5;
          return (
            <g key={`${c.label}-${ci}`}>
              <text x={LABEL_W - 8} y={y + (groupH - 10) / 2 + 4} textAnchor="end" className="cat-label">
                {shorten(c.label)}
              </text>
              {c.values.map((v, si) => {
                const s = series[si]!;
                const by = y + si * (BAR_H + 2);
                const w = Math.max(v > 0 ? 1.5 : 0, sx(v) - LABEL_W);
                return (
                  <g key={si}>
                    <rect
                      x={LABEL_W}
                      y={by}
                      width={w}
                      height={BAR_H}
                      className={`bar ${c.className ?? s.className}`}
                      fill={s.hatched ? `url(#${uid}-hatch-${si})` : undefined}
                    />
                    <text x={LABEL_W + w + 4} y={by + BAR_H - 3} className="bar-value">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={LABEL_W} x2={LABEL_W} y1={top - 4} y2={height - 4} className="axis-line" />
      </g>
    </svg>
  );
}

/** The legend of a multi-series bar chart, as text with small samples. */
export function BarLegend({ series, label }: { series: BarSeries[]; label: string }) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  return (
    <ul className="chart-legend" aria-label={label}>
      {series.map((s, i) => (
        <li key={s.name}>
          <svg width="22" height="12" aria-hidden="true" focusable="false">
            {s.hatched ? (
              <defs>
                <pattern id={`${uid}-l-${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" className="hatch-bg" />
                  <line x1="0" y1="0" x2="0" y2="6" className={`hatch-line ${s.className}`} />
                </pattern>
              </defs>
            ) : null}
            <rect
              x="1"
              y="1"
              width="20"
              height="10"
              className={`bar ${s.className}`}
              fill={s.hatched ? `url(#${uid}-l-${i})` : undefined}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

export interface ScatterPoint {
  /** 0–100 (percent). */
  x: number;
  /** 0–150 (percent). */
  y: number;
  label: string;
}

/**
 * Umsetzungsgrad (x, 0–100 %) against Zielerreichungsgrad (y, 0–150 %). A dashed line marks "Ziel
 * erreicht" (100 %); points carry the measure number as text.
 */
export function ScatterChart({
  points,
  summary,
  xLabel,
  yLabel,
  targetLabel,
}: {
  points: ScatterPoint[];
  summary: string;
  xLabel: string;
  yLabel: string;
  targetLabel: string;
}) {
  const W = 560;
  const H = 300;
  const M = { left: 56, right: 20, top: 16, bottom: 44 };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const sx = (v: number) => M.left + (v / 100) * plotW;
  const sy = (v: number) => M.top + plotH - (v / 150) * plotH;
  // Points on the same spot are fanned out slightly; labels that would overlap are pushed apart and
  // joined to their point by a thin line.
  const seen = new Map<string, number>();
  const placed = points
    .map((p) => {
      const key = `${Math.round(p.x / 3)}|${Math.round(p.y / 4)}`;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const cx = sx(p.x) + k * 5;
      const cy = sy(p.y);
      const left = p.x > 85;
      return { ...p, cx, cy, left, lx: cx + (left ? -9 : 9), ly: cy + 4 };
    })
    .sort((a, b) => a.cy - b.cy);
  const done: typeof placed = [];
  for (const p of placed) {
    for (const q of done) {
      if (q.left === p.left && Math.abs(q.lx - p.lx) < 60 && Math.abs(q.ly - p.ly) < 13) p.ly = q.ly + 13;
    }
    done.push(p);
  }
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={summary}
      focusable="false"
      className="chart-svg scatter-chart"
    >
      <g className="axis" aria-hidden="true">
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={`x${v}`}>
            <line x1={sx(v)} x2={sx(v)} y1={M.top} y2={M.top + plotH} className="grid-line" />
            <text x={sx(v)} y={M.top + plotH + 16} textAnchor="middle">
              {v} %
            </text>
          </g>
        ))}
        {[0, 25, 50, 75, 100, 125, 150].map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={M.left + plotW} y1={sy(v)} y2={sy(v)} className="grid-line" />
            <text x={M.left - 6} y={sy(v) + 4} textAnchor="end">
              {v} %
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left + plotW} y1={sy(100)} y2={sy(100)} className="ref-line" />
        <text x={M.left + 6} y={sy(100) - 5} textAnchor="start" className="ref-text">
          {targetLabel}
        </text>
        <line x1={M.left} x2={M.left + plotW} y1={M.top + plotH} y2={M.top + plotH} className="axis-line" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} className="axis-line" />
        <text x={M.left + plotW / 2} y={H - 6} textAnchor="middle" className="axis-title">
          {xLabel}
        </text>
        <text transform={`translate(14 ${M.top + plotH / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
          {yLabel}
        </text>
      </g>
      <g className="points" aria-hidden="true">
        {placed.map((p, i) => (
          <g key={i}>
            <circle cx={p.cx} cy={p.cy} r={5} />
            {Math.abs(p.ly - 4 - p.cy) > 6 ? (
              <line x1={p.cx} y1={p.cy} x2={p.lx + (p.left ? 2 : -2)} y2={p.ly - 4} className="leader" />
            ) : null}
            <text x={p.lx} y={p.ly} textAnchor={p.left ? 'end' : 'start'} className="point-label">
              {p.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

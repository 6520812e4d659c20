/**
 * Colours and marker shapes shared by every chart. Status colours are Okabe-Ito (safe for the
 * common colour-vision deficiencies) and each status also has its own marker shape, so colour is
 * never the only cue. Every colour is a CSS custom property with a light-theme fallback: a
 * dark-mode stylesheet restyles the charts by setting, e.g.
 *
 *   :root.dark { --chart-fg: #e5e7eb; --chart-bg: #111827; --chart-on-track: #56b4e9; }
 *
 * Text and axes use `currentColor`, which the SVG takes from `--chart-fg` (else the page's colour).
 */
import { STATUS_SHAPE, type Status } from '../report/status.ts';

/** Text, axes and the value line. */
export const FG = 'var(--chart-fg, currentColor)';
/** Behind hollow markers, so a line passing through them does not show. */
export const BG = 'var(--chart-bg, white)';
/** Bars and dots of a member or period that has no target. */
export const NEUTRAL = 'var(--chart-neutral, #8c8c8c)';
/** The target line and target ticks. */
export const TARGET = 'var(--chart-target, currentColor)';

export const STATUS_COLOR: Record<Status, string> = {
  'on-track': 'var(--chart-on-track, #0072b2)', // Okabe-Ito blue
  'at-risk': 'var(--chart-at-risk, #e69f00)', // Okabe-Ito orange
  'off-track': 'var(--chart-off-track, #d55e00)', // Okabe-Ito vermillion
};

/** Plot symbol names: three shapes told apart at a glance, also in print and in grey. */
export const STATUS_SYMBOL: Record<Status, (typeof STATUS_SHAPE)[Status]['symbol']> = {
  'on-track': STATUS_SHAPE['on-track'].symbol,
  'at-risk': STATUS_SHAPE['at-risk'].symbol,
  'off-track': STATUS_SHAPE['off-track'].symbol,
};

export const STATUSES: readonly Status[] = ['on-track', 'at-risk', 'off-track'];

export function statusColor(status: Status | null): string {
  return status ? STATUS_COLOR[status] : NEUTRAL;
}

export function statusSymbol(status: Status | null): string {
  return status ? STATUS_SYMBOL[status] : 'circle';
}

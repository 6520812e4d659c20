/**
 * Chart builders for the static site: pure functions from report data to an SVG string,
 * rendered at build time with Observable Plot, readable with JavaScript off.
 */
export { renderBreakdownChart, memberName, type BreakdownChartOptions, type MemberLabels } from './breakdown-chart.ts';
export { renderGoalProgress, type GoalProgressOptions, type YearPeriod } from './goal-progress.ts';
export { renderSparkline, type SparklineOptions } from './sparkline.ts';
export { renderTrendChart, type TrendChartOptions } from './trend-chart.ts';

import { lazy, Suspense } from "react";
import type { EChartProps } from "./echart-canvas";

// ECharts loads with the first chart: its chunk stays out of the console's bundle until the cockpit opens.
const EChartCanvas = lazy(() => import("./echart-canvas"));

/** One chart of the cockpit (see echart-canvas.tsx); a blank box of the same height while ECharts loads. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ width: "100%", height: props.height }} />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}

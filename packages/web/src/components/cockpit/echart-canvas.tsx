import { useEffect, useRef } from "react";
import { echarts, type ChartOption, type ECElementEvent } from "./echarts-setup";

export interface EChartProps {
  option: ChartOption;
  /** Stable test id: cockpit-chart-<name>. */
  name: string;
  height: number;
  dark: boolean;
  onClick?: ((event: ECElementEvent) => void) | undefined;
}

/** How many data items the option's series hold: shown as data-points so tests see the chart has data. */
function countPoints(option: ChartOption): number {
  const series = [option.series ?? []].flat() as { data?: unknown[] }[];
  return series.reduce((sum, item) => sum + (item.data?.length ?? 0), 0);
}

/**
 * One ECharts instance: created on mount (again when the theme changes), disposed on unmount, resized whenever
 * its box changes size (ResizeObserver: full screen, window, side menu).
 */
export default function EChartCanvas({ option, name, height, dark, onClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, dark ? "dark" : undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (event) => click.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: "transparent", ...option }, { notMerge: true });
  }, [option, dark]);

  return (
    <div
      ref={box}
      data-testid={`cockpit-chart-${name}`}
      data-points={countPoints(option)}
      style={{ width: "100%", height }}
    />
  );
}

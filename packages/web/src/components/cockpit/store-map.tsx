import { Tag } from "antd";
import { useMemo } from "react";
import type { Cockpit, StorePoint } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import type { ECElementEvent } from "./echarts-setup";
import { baseOption, COLOURS, SAFETY_COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** Axis labels to 0.001° (about 100 m): enough to tell the ticks of a district apart, short enough to fit. */
const degrees = (value: number) => `${value.toFixed(3)}°`;

interface PointItem {
  value: [number, number];
  name: string;
  point: StorePoint;
}

/**
 * 地图: the stores on their coordinates, coloured like their 食安码 — a scatter chart on longitude and latitude
 * value axes, so no map tiles are fetched from anywhere.
 */
export function StoreMap({
  map,
  wall,
  onPick,
}: {
  map: Cockpit["map"];
  wall: boolean;
  onPick: (point: StorePoint) => void;
}) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const large = map.points.length > 2000;
    return {
      ...baseOption(wall),
      tooltip: {
        trigger: "item",
        formatter: (item: { data: PointItem }) => item.data.name,
        textStyle: { fontSize: wall ? 16 : 12 },
      },
      grid: { ...baseOption(wall).grid, left: 16, bottom: 16 },
      xAxis: {
        type: "value",
        scale: true,
        name: t("cockpit.lng"),
        splitNumber: 4,
        axisLabel: { formatter: degrees },
      },
      yAxis: { type: "value", scale: true, name: t("cockpit.lat"), axisLabel: { formatter: degrees } },
      series: SAFETY_COLOURS.map((colour) => ({
        type: "scatter",
        name: t(`cockpit.colour.${colour}`),
        large,
        symbolSize: wall ? 12 : 8,
        itemStyle: { color: COLOURS[colour], opacity: 0.85 },
        data: map.points
          .filter((point) => point.colour === colour)
          .map((point): PointItem => ({ value: [point.lng, point.lat], name: point.name, point })),
      })),
    };
  }, [map, wall, t]);
  const pick = (event: ECElementEvent) => {
    const item = event.data as PointItem | undefined;
    if (item?.point) onPick(item.point);
  };
  return (
    <Panel
      title={t("cockpit.map")}
      extra={
        map.capped && (
          <Tag color="orange">{t("cockpit.mapCapped", { shown: map.points.length, total: map.total })}</Tag>
        )
      }
    >
      <EChart name="map" option={option} height={wall ? 520 : 400} dark={wall} onClick={pick} />
    </Panel>
  );
}

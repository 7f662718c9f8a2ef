import { useMemo } from "react";
import type { Cockpit } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS, monthLabel } from "./chart-theme";
import { Panel } from "./panel";

/** 检查: visits the supervision plans require and inspections done (bars), plan completion in % (line). */
export function InspectionsChart({
  inspections,
  wall,
}: {
  inspections: Cockpit["inspections"];
  wall: boolean;
}) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => ({
      ...baseOption(wall),
      xAxis: { type: "category", data: inspections.map((row) => monthLabel(row.period, lang)) },
      yAxis: [
        { type: "value", minInterval: 1 },
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
      ],
      series: [
        {
          type: "bar",
          name: t("cockpit.planned"),
          itemStyle: { color: COLOURS.blue },
          data: inspections.map((row) => row.planned),
        },
        {
          type: "bar",
          name: t("cockpit.done"),
          itemStyle: { color: COLOURS.green },
          data: inspections.map((row) => row.done),
        },
        {
          type: "line",
          name: t("cockpit.completion"),
          yAxisIndex: 1,
          itemStyle: { color: COLOURS.orange },
          data: inspections.map((row) =>
            row.planned > 0 ? Math.round((100 * row.planDone) / row.planned) : null,
          ),
        },
      ],
    }),
    [inspections, wall, t, lang],
  );
  return (
    <Panel title={t("cockpit.inspections")}>
      <EChart name="inspections" option={option} height={wall ? 300 : 240} dark={wall} />
    </Panel>
  );
}

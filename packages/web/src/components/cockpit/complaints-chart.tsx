import { useMemo } from "react";
import type { Cockpit } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** 投诉: complaints per category against the closing deadline (stacked bars). */
export function ComplaintsChart({ complaints, wall }: { complaints: Cockpit["complaints"]; wall: boolean }) {
  const { t, pick } = useI18n();
  const option = useMemo(() => {
    const parts = [
      { key: "onTime", colour: COLOURS.green },
      { key: "open", colour: COLOURS.blue },
      { key: "overdue", colour: COLOURS.red },
    ] as const;
    return {
      ...baseOption(wall),
      tooltip: { ...baseOption(wall).tooltip, axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: complaints.map((row) => pick(row.label)) },
      series: parts.map((part) => ({
        type: "bar",
        name: t(`cockpit.sla.${part.key}`),
        stack: "sla",
        itemStyle: { color: part.colour },
        data: complaints.map((row) => row[part.key]),
      })),
    };
  }, [complaints, wall, t, pick]);
  return (
    <Panel title={t("cockpit.complaints")}>
      <EChart name="complaints" option={option} height={wall ? 300 : 240} dark={wall} />
    </Panel>
  );
}

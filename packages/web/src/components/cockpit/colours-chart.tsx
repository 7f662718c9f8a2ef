import { Space, Tag } from "antd";
import { useMemo } from "react";
import type { Cockpit } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS, monthLabel, RISK_COLOURS, SAFETY_COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** 食安码 colours: now (tags) and of each month's grades (stacked bars). */
export function ColoursChart({ colours, wall }: { colours: Cockpit["colours"]; wall: boolean }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => ({
      ...baseOption(wall),
      xAxis: { type: "category", data: colours.byMonth.map((row) => monthLabel(row.period, lang)) },
      yAxis: { type: "value", minInterval: 1 },
      series: SAFETY_COLOURS.map((colour) => ({
        type: "bar",
        name: t(`cockpit.colour.${colour}`),
        stack: "colour",
        itemStyle: { color: COLOURS[colour] },
        data: colours.byMonth.map((row) => row[colour]),
      })),
    }),
    [colours, wall, t, lang],
  );
  return (
    <Panel
      title={t("cockpit.colours")}
      extra={
        <Space size={4} data-testid="cockpit-current-colours">
          {SAFETY_COLOURS.map((colour) => (
            <Tag key={colour} color={COLOURS[colour]}>
              {t(`cockpit.colour.${colour}`)} {colours.current[colour]}
            </Tag>
          ))}
        </Space>
      }
    >
      <EChart name="colours" option={option} height={wall ? 300 : 240} dark={wall} />
    </Panel>
  );
}

/** Grades by the models' risk colour per month (stacked area). */
export function GradesChart({ colours, wall }: { colours: Cockpit["colours"]; wall: boolean }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () => ({
      ...baseOption(wall),
      xAxis: {
        type: "category",
        boundaryGap: false,
        data: colours.gradesByMonth.map((row) => monthLabel(row.period, lang)),
      },
      yAxis: { type: "value", minInterval: 1 },
      series: RISK_COLOURS.map((risk) => ({
        type: "line",
        name: t(`cockpit.risk.${risk}`),
        stack: "grades",
        areaStyle: {},
        symbolSize: 6,
        itemStyle: { color: COLOURS[risk] },
        lineStyle: { color: COLOURS[risk] },
        data: colours.gradesByMonth.map((row) => row.counts[risk] ?? 0),
      })),
    }),
    [colours, wall, t, lang],
  );
  return (
    <Panel title={t("cockpit.grades")}>
      <EChart name="grades" option={option} height={wall ? 300 : 240} dark={wall} />
    </Panel>
  );
}

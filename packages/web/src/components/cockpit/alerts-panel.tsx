import { Col, Row, Statistic } from "antd";
import { useMemo } from "react";
import type { Cockpit } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** 预警: open now and closed in the last 24 hours, per level (stat cards and bars). */
export function AlertsPanel({ alerts, wall }: { alerts: Cockpit["alerts"]; wall: boolean }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      ...baseOption(wall),
      tooltip: { ...baseOption(wall).tooltip, axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: [t("cockpit.alertsOpen"), t("cockpit.alertsClosed24h")] },
      yAxis: { type: "value", minInterval: 1 },
      series: (["red", "yellow"] as const).map((level) => ({
        type: "bar",
        name: t(`cockpit.alertLevel.${level}`),
        itemStyle: { color: COLOURS[level] },
        data: [alerts.open[level], alerts.closed24h[level]],
      })),
    }),
    [alerts, wall, t],
  );
  const size = wall ? 40 : 28;
  return (
    <Panel title={t("cockpit.alerts")}>
      <Row gutter={8} data-testid="cockpit-alert-cards">
        <Col span={12}>
          <Statistic
            title={t("cockpit.redOpen")}
            value={alerts.open.red}
            styles={{ content: { color: COLOURS.red, fontSize: size } }}
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t("cockpit.closedToday")}
            value={alerts.closed24h.red + alerts.closed24h.yellow}
            styles={{ content: { color: COLOURS.green, fontSize: size } }}
          />
        </Col>
      </Row>
      <EChart name="alerts" option={option} height={wall ? 220 : 170} dark={wall} />
    </Panel>
  );
}

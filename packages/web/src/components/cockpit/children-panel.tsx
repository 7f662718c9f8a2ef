import { Table, Tag } from "antd";
import { useMemo } from "react";
import type { Cockpit, CockpitChild } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import type { ECElementEvent } from "./echarts-setup";
import { baseOption, COLOURS, SAFETY_COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** How many children the bar chart shows (the table lists them all). */
const BARS = 15;

function colourOf(child: CockpitChild) {
  return child.red > 0 ? "red" : child.yellow > 0 ? "yellow" : "green";
}

/**
 * 下级: a row per county of a city (or city of a province) — stores by colour and open alerts — or, in a county,
 * per store. Clicking a region drills down; clicking a store opens it.
 */
export function ChildrenPanel({
  children,
  wall,
  onPick,
}: {
  children: Cockpit["children"];
  wall: boolean;
  onPick: (child: CockpitChild) => void;
}) {
  const { t } = useI18n();
  const regions = children.kind === "region";
  const shown = useMemo(
    () => (regions ? children.items.filter((row) => row.stores > 0) : children.items).slice(0, BARS),
    [children, regions],
  );
  const option = useMemo(() => {
    const axis = { type: "category", data: shown.map((row) => row.name), inverse: true };
    const series = regions
      ? SAFETY_COLOURS.map((colour) => ({
          type: "bar",
          name: t(`cockpit.colour.${colour}`),
          stack: "stores",
          itemStyle: { color: COLOURS[colour] },
          data: shown.map((row) => row[colour]),
        }))
      : [
          {
            type: "bar",
            name: t("cockpit.openAlerts"),
            data: shown.map((row) => ({
              value: row.openAlerts,
              itemStyle: { color: COLOURS[colourOf(row)] },
            })),
          },
        ];
    return {
      ...baseOption(wall),
      tooltip: { ...baseOption(wall).tooltip, axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: axis,
      series,
    };
  }, [shown, regions, wall, t]);
  const pickBar = (event: ECElementEvent) => {
    const child = shown[event.dataIndex];
    if (child) onPick(child);
  };
  const columns = [
    {
      title: regions ? t("cockpit.region") : t("cockpit.store"),
      dataIndex: "name",
      key: "name",
      ellipsis: true,
    },
    ...(regions ? [{ title: t("cockpit.stores"), dataIndex: "stores", key: "stores" }] : []),
    {
      title: t("cockpit.colour"),
      key: "colour",
      render: (_: unknown, row: CockpitChild) =>
        regions ? (
          <>
            {SAFETY_COLOURS.map((colour) => (
              <Tag key={colour} color={COLOURS[colour]}>
                {row[colour]}
              </Tag>
            ))}
          </>
        ) : (
          <Tag color={COLOURS[colourOf(row)]}>{t(`cockpit.colour.${colourOf(row)}`)}</Tag>
        ),
    },
    { title: t("cockpit.openAlerts"), dataIndex: "openAlerts", key: "openAlerts" },
  ];
  return (
    <Panel
      title={regions ? t("cockpit.childRegions") : t("cockpit.childStores", { count: children.total })}
      extra={
        children.capped && (
          <Tag color="orange">{t("cockpit.childrenCapped", { shown: children.items.length })}</Tag>
        )
      }
    >
      <EChart
        name="children"
        option={option}
        height={Math.max(wall ? 240 : 200, shown.length * (wall ? 32 : 24) + 48)}
        dark={wall}
        onClick={pickBar}
      />
      <Table
        data-testid="cockpit-children"
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ y: wall ? 360 : 280 }}
        columns={columns}
        dataSource={children.items}
        onRow={(row) => ({
          onClick: () => onPick(row),
          style: { cursor: "pointer" },
          "data-testid": `cockpit-${row.kind}-${row.code}`,
        })}
      />
    </Panel>
  );
}

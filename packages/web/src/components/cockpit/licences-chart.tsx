import { useMemo } from "react";
import type { Cockpit } from "../../api/cockpit";
import { useDomainNames } from "../../i18n/domain-names";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS } from "./chart-theme";
import { Panel } from "./panel";

const STATUS_COLOURS: Record<string, string> = {
  valid: COLOURS.green,
  suspended: COLOURS.yellow,
  expired: COLOURS.orange,
  revoked: COLOURS.red,
  cancelled: "#8c8c8c",
};

/** 许可: licences by 主体业态 (bars), stacked by status. */
export function LicencesChart({ licences, wall }: { licences: Cockpit["licences"]; wall: boolean }) {
  const { t, label } = useI18n();
  const names = useDomainNames();
  const option = useMemo(() => {
    const forms = [...new Set(licences.byFormAndStatus.map((row) => row.businessForm))];
    const statuses = [...new Set(licences.byFormAndStatus.map((row) => row.status))];
    const count = (form: string, status: string) =>
      licences.byFormAndStatus.find((row) => row.businessForm === form && row.status === status)?.count ?? 0;
    return {
      ...baseOption(wall),
      tooltip: { ...baseOption(wall).tooltip, axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: forms.map(names.form) },
      yAxis: { type: "value", minInterval: 1 },
      series: statuses.map((status) => ({
        type: "bar",
        name: label("licenseStatus", status),
        stack: "licences",
        itemStyle: { color: STATUS_COLOURS[status] },
        data: forms.map((form) => count(form, status)),
      })),
    };
  }, [licences, wall, names, label]);
  return (
    <Panel title={`${t("cockpit.licences")}（${licences.total}）`}>
      <EChart name="licences" option={option} height={wall ? 320 : 260} dark={wall} />
    </Panel>
  );
}

import { chinaDate, isRegionCode, regionLevel } from "@shian/domain";
import { App, Button, Card, Flex, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import {
  generateReport,
  listRegionsUnder,
  listReports,
  type ReportFilter,
  type ReportKind,
  type ReportRegion,
  type StatisticsReport,
} from "../api/reports";
import { useUser } from "../auth/auth-context";
import { DataTable } from "../components/data-table";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** The regions a report may cover: the user's own region and, above county level, the regions under it. */
function useReportRegions(): ReportRegion[] {
  const user = useUser();
  const own = user.regionCode;
  const county = !!own && isRegionCode(own) && regionLevel(own) === "county";
  const children = useLoad(async () => (county ? [] : listRegionsUnder(own)), [own]);
  const self: ReportRegion[] = own
    ? [{ code: own, name: user.regionName ?? own, level: county ? "county" : "" }]
    : [];
  return [...self, ...(children.data ?? [])];
}

function lastMonth(): string {
  const [year, month] = chinaDate(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

interface GenerateValues {
  kind: ReportKind;
  period: string;
  regionCode: string;
}

/** A leader generates a report of a region in their jurisdiction now (the job makes them on the 1st). */
function GenerateForm({ onDone }: { onDone: (report: StatisticsReport) => void }) {
  const { t } = useI18n();
  const regions = useReportRegions();
  const [form] = Form.useForm<GenerateValues>();
  const action = useAction(onDone);
  const kind = Form.useWatch("kind", form) ?? "monthly";
  return (
    <Card size="small" title={t("reports.generate")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        layout="inline"
        data-testid="report-generate"
        initialValues={{ kind: "monthly", period: lastMonth(), regionCode: regions[0]?.code }}
        onFinish={(values) => void action.run("generate", () => generateReport(values))}
      >
        <Form.Item name="kind" label={t("reports.kind")} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: "monthly", label: t("reports.kind.monthly") },
              { value: "annual", label: t("reports.kind.annual") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t("reports.period")}
          rules={[
            { required: true, message: t("reports.periodHint") },
            {
              validator: async (_rule, value: string) => {
                if (!(kind === "annual" ? YEAR : MONTH).test(value ?? ""))
                  throw new Error(t("reports.periodHint"));
              },
            },
          ]}
        >
          <Input style={{ width: 120 }} placeholder={kind === "annual" ? "2026" : "2026-11"} />
        </Form.Item>
        <Form.Item name="regionCode" label={t("reports.region")} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            showSearch
            optionFilterProp="label"
            options={regions.map((region) => ({
              value: region.code,
              label: `${region.name}（${region.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={action.pending === "generate"}>
            {t("reports.generateNow")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 统计报表: the jurisdiction's monthly and annual reports, as xlsx and printable PDF. */
export function ReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<ReportFilter>({});
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useLoad(() => listReports(filter), [filter, reload]);
  const generated = (report: StatisticsReport) => {
    void message.success(t("reports.generated", { region: report.regionName, period: report.period }));
    setReload((n) => n + 1);
  };
  return (
    <div data-testid="reports">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t("reports.title")}</Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary">{t("reports.schedule")}</Typography.Paragraph>
      <GenerateForm onDone={generated} />
      <ErrorAlert error={error} />
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("reports.kind")}
          value={filter.kind}
          onChange={(kind: ReportKind | undefined) => setFilter({ ...filter, kind })}
          options={[
            { value: "monthly", label: t("reports.kind.monthly") },
            { value: "annual", label: t("reports.kind.annual") },
          ]}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t("reports.periodFilter")}
          onSearch={(value) => setFilter({ ...filter, period: value.trim() || undefined })}
        />
      </Space>
      <DataTable<StatisticsReport>
        exportName={t("reports.title")}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        onRow={() => ({ "data-testid": "report-row" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("reports.period"), dataIndex: "period" },
          {
            title: t("reports.kind"),
            dataIndex: "kind",
            render: (kind: ReportKind) =>
              t(kind === "annual" ? "reports.kind.annual" : "reports.kind.monthly"),
          },
          { title: t("reports.region"), render: (_, r) => `${r.regionName}（${r.regionCode}）` },
          { title: t("reports.licencesIssued"), render: (_, r) => r.headline.licencesIssued },
          { title: t("reports.inspectionsDone"), render: (_, r) => r.headline.inspectionsDone },
          { title: t("reports.complaintsReceived"), render: (_, r) => r.headline.complaintsReceived },
          { title: t("reports.verifications"), render: (_, r) => r.headline.verifications },
          { title: t("reports.generatedAt"), render: (_, r) => new Date(r.generatedAt).toLocaleString() },
          {
            key: "actions",
            title: t("reports.download"),
            render: (_, r) => (
              <Space>
                <a href={r.xlsxUrl} download>
                  Excel
                </a>
                <a href={r.pdfUrl} target="_blank" rel="noreferrer">
                  PDF
                </a>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

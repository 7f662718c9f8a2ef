import { App, Button, Card, Input, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { useState } from "react";
import { XIANGSHAN_WORKSHOP_WEEKLY, chinaDate } from "@shian/domain";
import {
  decideSanction,
  evaluationMonth,
  listSanctions,
  recordEvaluation,
  reportUrl,
  type Evaluation,
  type EvaluationResult,
  type MonthColour,
  type SanctionProposal,
} from "../api/evaluations";
import { listStores } from "../api/stores";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const COLOUR_TAGS: Record<MonthColour, string> = {
  blue: "blue",
  yellow: "gold",
  orange: "orange",
  red: "red",
};
const RESULTS: EvaluationResult[] = ["pass", "fail", "na"];
const allPassed = () =>
  Object.fromEntries(XIANGSHAN_WORKSHOP_WEEKLY.items.map((item) => [item.code, "pass" as EvaluationResult]));

/** 每周现场评价: record this week's checklist for a stall, see its month and report, decide sanction proposals. */
export function EvaluationsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const stores = useLoad(() => listStores(), []);
  const [storeId, setStoreId] = useState<string>();
  const [month, setMonth] = useState(chinaDate(new Date()).slice(0, 7));
  const [answers, setAnswers] = useState(allPassed);
  const [refresh, setRefresh] = useState(0);
  const monthView = useLoad(
    () =>
      storeId && /^\d{4}-\d{2}$/.test(month) ? evaluationMonth(storeId, month) : Promise.resolve(undefined),
    [storeId, month, refresh],
  );
  const record = useAction<Evaluation>((evaluation) => {
    void message.success(t("evaluations.recorded", { score: evaluation.score }));
    setAnswers(allPassed());
    setRefresh((n) => n + 1);
  });
  const submit = () =>
    storeId &&
    void record.run("record", () =>
      recordEvaluation({
        storeId,
        results: Object.entries(answers).map(([code, result]) => ({ code, result })),
      }),
    );

  return (
    <>
      <Typography.Title level={3}>{t("nav.evaluations")}</Typography.Title>
      <ErrorAlert error={stores.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="evaluation-store"
          style={{ minWidth: 280 }}
          placeholder={t("supervision.store")}
          showSearch={{ optionFilterProp: "label" }}
          value={storeId}
          onChange={setStoreId}
          options={stores.data?.map((store) => ({ value: store.id, label: store.name }))}
        />
        <Input
          type="month"
          aria-label={t("evaluations.month")}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
        />
      </Space>
      {storeId && (
        <Card size="small" title={t("evaluations.thisWeek")} style={{ marginBottom: 16 }}>
          <ErrorAlert error={record.error} />
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={[...XIANGSHAN_WORKSHOP_WEEKLY.items]}
            columns={[
              {
                key: "item",
                title: pick(XIANGSHAN_WORKSHOP_WEEKLY.title),
                render: (_, item) => (
                  <>
                    {pick(item.text)} {item.key && <Tag color="red">{t("evaluations.key")}</Tag>}
                  </>
                ),
              },
              {
                key: "result",
                title: t("evaluations.result"),
                render: (_, item) => (
                  <Radio.Group
                    value={answers[item.code]}
                    onChange={(event) => setAnswers({ ...answers, [item.code]: event.target.value })}
                    options={RESULTS.map((result) => ({ value: result, label: t(`evaluations.${result}`) }))}
                  />
                ),
              },
            ]}
          />
          <Button
            data-testid="evaluation-submit"
            type="primary"
            style={{ marginTop: 12 }}
            loading={record.pending === "record"}
            onClick={submit}
          >
            {t("evaluations.record")}
          </Button>
        </Card>
      )}
      {monthView.data && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              {t("evaluations.monthTitle", { month: monthView.data.month })}
              <Tag color={COLOUR_TAGS[monthView.data.colour]}>
                {t(`evaluations.colour.${monthView.data.colour}`)}
              </Tag>
              {t("evaluations.average", { average: monthView.data.average })}
            </Space>
          }
          extra={
            <a
              href={reportUrl(monthView.data.storeId, monthView.data.month)}
              target="_blank"
              rel="noreferrer"
            >
              {t("evaluations.report")}
            </a>
          }
        >
          <ErrorAlert error={monthView.error} />
          <DataTable
            exportName={t("evaluations.monthTitle", { month: monthView.data.month })}
            size="small"
            rowKey="week"
            pagination={false}
            dataSource={monthView.data.weeks}
            columns={[
              { key: "week", title: t("evaluations.week"), dataIndex: "week" },
              {
                key: "score",
                title: t("evaluations.score"),
                render: (_, row) => row.evaluation?.score ?? t("evaluations.missing"),
              },
              {
                key: "failed",
                title: t("evaluations.failed"),
                render: (_, row) => row.evaluation?.failedItems.map((item) => pick(item.text)).join("、"),
              },
            ]}
          />
        </Card>
      )}
      <SanctionProposals canDecide={user.role === "leader" || user.role === "admin"} />
    </>
  );
}

function SanctionProposals({ canDecide }: { canDecide: boolean }) {
  const { t, pick } = useI18n();
  const proposals = useLoad(() => listSanctions(), []);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = useAction<SanctionProposal>((decided) =>
    proposals.setData((proposals.data ?? []).map((row) => (row.id === decided.id ? decided : row))),
  );
  return (
    <Card size="small" title={t("evaluations.sanctions")}>
      <ErrorAlert error={proposals.error ?? decide.error} />
      <DataTable<SanctionProposal>
        exportName={t("evaluations.sanctions")}
        data-testid="sanction-proposals"
        size="small"
        rowKey="id"
        loading={proposals.loading}
        dataSource={proposals.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
          { key: "kind", title: t("evaluations.sanction"), render: (_, row) => pick(row.label) },
          { key: "points", title: t("evaluations.pointsDeducted"), dataIndex: "pointsDeducted" },
          { key: "year", title: t("evaluations.year"), dataIndex: "year" },
          {
            key: "status",
            title: t("evaluations.status"),
            render: (_, row) =>
              row.status === "proposed" && canDecide ? (
                <Space>
                  <Input
                    size="small"
                    placeholder={t("evaluations.note")}
                    value={notes[row.id] ?? ""}
                    onChange={(event) => setNotes({ ...notes, [row.id]: event.target.value })}
                  />
                  {[true, false].map((approve) => (
                    <Button
                      key={String(approve)}
                      size="small"
                      danger={!approve}
                      disabled={!notes[row.id]?.trim()}
                      loading={decide.pending === `${row.id}-${approve}`}
                      onClick={() =>
                        void decide.run(`${row.id}-${approve}`, () =>
                          decideSanction(row.id, { approve, note: notes[row.id]!.trim() }),
                        )
                      }
                    >
                      {t(approve ? "evaluations.approve" : "evaluations.reject")}
                    </Button>
                  ))}
                </Space>
              ) : (
                <Tag>{t(`evaluations.status.${row.status}`)}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

import { findModel } from "@shian/domain";
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from "antd";
import { useState, type HTMLAttributes } from "react";
import {
  getPatrolStore,
  listOnlinePatrols,
  type PatrolListItem,
  type RecordedPatrol,
} from "../api/online-patrols";
import { DataTable } from "../components/data-table";
import { ErrorAlert } from "../components/error-alert";
import { LiveView } from "../components/online-patrol/live-view";
import { PatrolChecklist } from "../components/online-patrol/patrol-checklist";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** This month in China (the plans' month), YYYY-MM. */
function thisMonth(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" })
    .format(new Date())
    .slice(0, 7);
}

/**
 * 线上巡查: the month's online items of the supervision plans in the jurisdiction; choosing a store opens its
 * kitchen video and snapshots beside the online checklist; a recorded patrol completes the store's item.
 */
export function OnlinePatrolPage() {
  const { t, lang, pick } = useI18n();
  // Patrols count for the current month only (the server refuses another), so the page shows this month.
  const [period] = useState(thisMonth);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<RecordedPatrol | null>(null);
  const list = useLoad(() => listOnlinePatrols(period), [period]);
  const gradeLabel = (item: PatrolListItem) => {
    const band = findModel(item.model)?.bands.find((b) => b.grade === item.grade);
    return band ? pick(band.label) : item.grade;
  };
  const onRecorded = (patrol: RecordedPatrol) => {
    setRecorded(patrol);
    setStoreId(null);
    if (list.data && patrol.planItem) {
      const item = patrol.planItem;
      list.setData(
        list.data.map((row) =>
          row.planItemId === item.id ? { ...row, visitsDone: item.visitsDone, done: item.done } : row,
        ),
      );
    }
  };
  return (
    <>
      <Typography.Title level={3}>{t("nav.onlinePatrol")}</Typography.Title>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Tag data-testid="online-patrol-period">{t("onlinePatrol.period", { period })}</Tag>
        <Typography.Text type="secondary">{t("onlinePatrol.intro")}</Typography.Text>
      </Flex>
      {recorded && (
        <Alert
          data-testid="online-patrol-recorded"
          type={recorded.rectificationIds.length ? "warning" : "success"}
          showIcon
          closable
          onClose={() => setRecorded(null)}
          style={{ marginBottom: 16 }}
          title={t("onlinePatrol.recorded", { store: recorded.storeName })}
          description={[
            recorded.planItem
              ? t("onlinePatrol.planCounted", {
                  done: recorded.planItem.visitsDone,
                  required: recorded.planItem.visitsRequired,
                })
              : t("onlinePatrol.noPlanItem"),
            recorded.rectificationIds.length
              ? t("onlinePatrol.rectifications", { count: recorded.rectificationIds.length })
              : "",
          ]
            .filter(Boolean)
            .join("；")}
        />
      )}
      <ErrorAlert error={list.error} />
      {storeId && <PatrolWorkspace key={storeId} storeId={storeId} period={period} onRecorded={onRecorded} />}
      {list.data?.length === 0 && <Empty description={t("onlinePatrol.none")} />}
      {(list.data?.length ?? 0) > 0 && (
        <DataTable<PatrolListItem>
          exportName={t("nav.onlinePatrol")}
          data-testid="online-patrol-list"
          size="small"
          rowKey="planItemId"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(item) =>
            ({
              "data-testid": "online-patrol-row",
              "data-grade": item.grade,
              "data-feeds": item.feedCount,
              "data-done": item.done,
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
            { key: "grade", title: t("plans.grade"), render: (_, item) => gradeLabel(item) },
            { key: "feeds", title: t("onlinePatrol.feeds"), dataIndex: "feedCount" },
            {
              key: "latest",
              title: t("onlinePatrol.latestSnapshot"),
              render: (_, item) => formatDateTime(item.latestSnapshotAt, lang),
            },
            {
              key: "status",
              title: t("onlinePatrol.status"),
              render: (_, item) => (
                <Tag data-testid="online-patrol-status" color={item.done ? "green" : "default"}>
                  {item.done ? t("onlinePatrol.done") : t("onlinePatrol.open")} {item.visitsDone} /{" "}
                  {item.visitsRequired}
                </Tag>
              ),
            },
            {
              key: "action",
              title: "",
              render: (_, item) => (
                <Button
                  data-testid="online-patrol-open"
                  size="small"
                  type={item.done ? "default" : "primary"}
                  onClick={() => {
                    setRecorded(null);
                    setStoreId(item.storeId);
                  }}
                >
                  {t("onlinePatrol.start")}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** One store side by side: video and snapshots on the left, the checklist on the right. */
function PatrolWorkspace({
  storeId,
  period,
  onRecorded,
}: {
  storeId: string;
  period: string;
  onRecorded: (patrol: RecordedPatrol) => void;
}) {
  const { t } = useI18n();
  const store = useLoad(() => getPatrolStore(storeId), [storeId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) =>
    setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  if (!store.data) return store.error ? <ErrorAlert error={store.error} /> : <Skeleton active />;
  const data = store.data;
  return (
    <Card
      data-testid="online-patrol-workspace"
      size="small"
      style={{ marginBottom: 16 }}
      title={`${data.storeName} · ${data.storeAddress}`}
      extra={
        data.planItem && (
          <Tag color={data.planItem.done ? "green" : "blue"}>
            {t("onlinePatrol.planItem", {
              done: data.planItem.visitsDone,
              required: data.planItem.visitsRequired,
            })}
          </Tag>
        )
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <LiveView store={data} chosen={chosen} onToggle={toggle} />
        </Col>
        <Col xs={24} lg={12}>
          <PatrolChecklist store={data} period={period} snapshotIds={chosen} onRecorded={onRecorded} />
        </Col>
      </Row>
    </Card>
  );
}

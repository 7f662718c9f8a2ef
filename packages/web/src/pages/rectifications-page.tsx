import { Button, Flex, Input, Space, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { useState } from "react";
import {
  acceptRectification,
  listRectifications,
  reopenRectification,
  replyToRectification,
  type Rectification,
} from "../api/inspections";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { EvidenceForm } from "../components/evidence-form";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const BUSINESS = ["business_owner", "business_staff"];
const DECIDERS = ["inspector", "admin"];

/** 整改: officers' queue (accept or reopen) and the business's orders (reply with evidence), one page for both. */
export function RectificationsPage() {
  const { t, label, pick } = useI18n();
  const { role } = useUser();
  const { data, error, loading, setData } = useLoad(() => listRectifications(), []);
  const replace = (updated: Rectification) =>
    setData((data ?? []).map((order) => (order.id === updated.id ? updated : order)));
  return (
    <>
      <Typography.Title level={3}>{t("rectification.title")}</Typography.Title>
      <ErrorAlert error={error} />
      <DataTable
        exportName={t("rectification.title")}
        data-testid="rectifications"
        rowKey="id"
        loading={loading}
        dataSource={data}
        locale={{ emptyText: t("rectification.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "store", title: t("rectification.store"), dataIndex: "storeName" },
          {
            key: "item",
            title: t("rectification.item"),
            render: (_, row) => (
              <>
                {row.itemText ? pick(row.itemText) : row.itemCode}
                {row.critical && <Tag color="red">!</Tag>}
              </>
            ),
          },
          {
            key: "status",
            title: t("rectification.status"),
            render: (_, row) => (
              <Space>
                <Tag>{label("rectification.status", row.status)}</Tag>
                {row.overdue && <Tag color="red">{t("rectification.overdue")}</Tag>}
              </Space>
            ),
          },
          {
            key: "due",
            title: t("rectification.dueAt"),
            render: (_, row) => new Date(row.dueAt).toLocaleString(),
          },
          {
            key: "actions",
            title: "",
            render: (_, row) =>
              BUSINESS.includes(role) && (row.status === "open" || row.status === "reopened") ? (
                <ReplyForm order={row} onDone={replace} />
              ) : DECIDERS.includes(role) && row.status === "replied" ? (
                <DecideForm order={row} onDone={replace} />
              ) : (
                row.reply
              ),
          },
        ]}
      />
    </>
  );
}

function ReplyForm({ order, onDone }: { order: Rectification; onDone: (order: Rectification) => void }) {
  const { t } = useI18n();
  return (
    <EvidenceForm
      placeholder={t("rectification.reply")}
      evidenceLabel={t("rectification.evidence")}
      submitLabel={t("rectification.sendReply")}
      evidenceRequired
      send={(reply, ids) => replyToRectification(order.id, reply, ids)}
      onDone={onDone}
    />
  );
}

function DecideForm({ order, onDone }: { order: Rectification; onDone: (order: Rectification) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const action = useAction(onDone);
  return (
    <Flex vertical gap={6} style={{ minWidth: 260 }}>
      <Typography.Text>{order.reply}</Typography.Text>
      <Space wrap>
        {order.evidenceFileIds.map((id) => (
          <a key={id} href={`/api/v1/files/${id}`} target="_blank" rel="noreferrer">
            <img src={`/api/v1/files/${id}`} alt="" width={64} height={64} style={{ objectFit: "cover" }} />
          </a>
        ))}
      </Space>
      <ErrorAlert error={action.error} />
      <Button
        type="primary"
        loading={action.pending === "accept"}
        onClick={() => void action.run("accept", () => acceptRectification(order.id))}
      >
        {t("rectification.accept")}
      </Button>
      <Input
        placeholder={t("rectification.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button
        danger
        loading={action.pending === "reopen"}
        disabled={!reason.trim()}
        onClick={() => void action.run("reopen", () => reopenRectification(order.id, reason))}
      >
        {t("rectification.reopen")}
      </Button>
    </Flex>
  );
}

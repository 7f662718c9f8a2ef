import { Space, Tag } from "antd";
import type { ComplaintItem } from "../../api/complaints";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

/** The SLA of a complaint: the deadline that applies now, with overdue and escalated tags. */
export function ComplaintSla({ complaint }: { complaint: ComplaintItem }) {
  const { t, lang } = useI18n();
  if (complaint.status === "closed") return <Tag color="green">{t("complaints.status.closed")}</Tag>;
  const acknowledging = complaint.status === "received";
  return (
    <Space size={4} wrap>
      <span>
        {t(acknowledging ? "complaints.acknowledgeBy" : "complaints.closeBy")}{" "}
        {formatDateTime(acknowledging ? complaint.acknowledgeBy : complaint.closeBy, lang)}
      </span>
      {complaint.overdue ? (
        <Tag data-testid="complaint-overdue" color="red">
          {t("complaints.overdue")}
        </Tag>
      ) : (
        <Tag color="blue">{t("complaints.onTime")}</Tag>
      )}
      {complaint.escalatedAt && <Tag color="volcano">{t("complaints.escalated")}</Tag>}
    </Space>
  );
}

export function ComplaintStatusTag({ status }: { status: ComplaintItem["status"] }) {
  const { label } = useI18n();
  const colour = { received: "orange", acknowledged: "gold", assigned: "blue", closed: "green" }[status];
  return (
    <Tag data-testid="complaint-status" color={colour}>
      {label("complaints.status", status)}
    </Tag>
  );
}

import { Alert, Flex, Skeleton, Typography } from "antd";
import { useParams } from "react-router";
import { getApplication } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { OnsiteRecordForm } from "../components/licensing/onsite/onsite-record-form";
import { OnsiteSummary } from "../components/licensing/onsite-summary";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** The on-site checklist on a phone at the premises: big buttons, the camera for photos. */
export function OnsitePage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const { data: application, error, setData } = useLoad(() => getApplication(id), [id]);
  if (!application) return error ? <ErrorAlert error={error} /> : <Skeleton active />;
  const { onsite } = application;
  return (
    <Flex vertical gap={16} data-testid="onsite-page">
      <div>
        <Typography.Title level={4} style={{ marginBottom: 4 }}>
          {application.storeName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {application.businessName}
          {onsite && ` · ${formatDateTime(onsite.scheduledAt, lang)}`}
        </Typography.Text>
      </div>
      {onsite?.inspectedAt ? (
        <>
          <Alert data-testid="onsite-done" type="success" showIcon title={t("onsite.recorded")} />
          <OnsiteSummary onsite={onsite} checklist={application.checklist} />
        </>
      ) : application.status === "onsite_scheduled" ? (
        <OnsiteRecordForm application={application} onRecorded={setData} large />
      ) : (
        <Alert type="info" showIcon title={t("onsite.notScheduled")} />
      )}
    </Flex>
  );
}

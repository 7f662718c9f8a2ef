import { Typography } from "antd";
import { listApplications, type Queue } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { ApplicationsTable } from "../components/licensing/applications-table";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";
import type { MessageKey } from "../i18n/messages";

const TITLES: Record<Queue, MessageKey> = {
  acceptance: "nav.acceptance",
  review: "nav.review",
  decision: "nav.decisions",
};

/** An officer's work queue for one stage, overdue and oldest deadlines first (the server's order). */
export function QueuePage({ queue }: { queue: Queue }) {
  const { t } = useI18n();
  const { data, error, loading } = useLoad(() => listApplications(queue), [queue]);
  return (
    <>
      <Typography.Title level={3}>{t(TITLES[queue])}</Typography.Title>
      <ErrorAlert error={error} />
      <ApplicationsTable items={data} loading={loading} showBusiness />
    </>
  );
}

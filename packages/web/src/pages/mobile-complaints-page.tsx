import { Card, Empty, Flex, Typography } from "antd";
import { Link } from "react-router";
import { listComplaints } from "../api/complaints";
import { ComplaintSla, ComplaintStatusTag } from "../components/complaints/complaint-sla";
import { ErrorAlert } from "../components/error-alert";
import { FullPageSpin } from "../components/full-page-spin";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** The complaints assigned to me, as cards for a phone; each opens the complaint. */
export function MobileComplaintsPage() {
  const { t, label } = useI18n();
  const { data, error, loading } = useLoad(() => listComplaints({ mine: true }), []);
  if (loading && !data) return <FullPageSpin />;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4}>{t("complaints.mine")}</Typography.Title>
      <ErrorAlert error={error} />
      {data?.length === 0 && <Empty description={t("complaints.none")} />}
      {data?.map((item) => (
        <Link key={item.id} to={item.id} data-testid="mobile-complaint">
          <Card size="small" title={item.storeName ?? label("complaints.category", item.category)}>
            <Flex vertical gap={6}>
              <span>
                <ComplaintStatusTag status={item.status} /> {label("complaints.category", item.category)}
              </span>
              <Typography.Text type="secondary">{item.descriptionExcerpt}</Typography.Text>
              <ComplaintSla complaint={item} />
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}

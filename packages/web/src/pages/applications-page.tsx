import { Button, Flex, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { listApplications } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { ApplicationsTable } from "../components/licensing/applications-table";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 许可申请: the business's applications, newest first, and the way to start a new one. */
export function ApplicationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading } = useLoad(() => listApplications(), []);
  return (
    <>
      <Flex align="center" justify="space-between">
        <Typography.Title level={3}>{t("nav.applications")}</Typography.Title>
        <Button
          data-testid="new-application"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate("new")}
        >
          {t("applications.new")}
        </Button>
      </Flex>
      <ErrorAlert error={error} />
      <ApplicationsTable items={data} loading={loading} />
    </>
  );
}

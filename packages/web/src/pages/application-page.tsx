import { Button, Card, Popconfirm, Skeleton } from "antd";
import { useParams } from "react-router";
import { getApplication, withdrawApplication, type ApplicationDetail } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { ApplicationOverview } from "../components/licensing/application-overview";
import { SubmitPanel } from "../components/licensing/submit-panel";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const EDITABLE = ["draft", "returned"];
const WITHDRAWABLE = ["draft", "submitted", "returned"];

/** One of the business's applications: its progress, and while it is a draft or returned, completing it. */
export function ApplicationPage() {
  const { t } = useI18n();
  const { id = "" } = useParams();
  const { data: application, error, setData } = useLoad(() => getApplication(id), [id]);
  const withdraw = useAction<ApplicationDetail>(setData);

  if (!application) return error ? <ErrorAlert error={error} /> : <Skeleton active />;
  const editable = EDITABLE.includes(application.status);
  return (
    <ApplicationOverview
      application={application}
      extra={
        WITHDRAWABLE.includes(application.status) && (
          <Popconfirm
            title={t("application.withdrawConfirm")}
            onConfirm={() => withdraw.run("withdraw", () => withdrawApplication(application.id))}
          >
            <Button data-testid="withdraw" danger loading={withdraw.pending === "withdraw"}>
              {t("application.withdraw")}
            </Button>
          </Popconfirm>
        )
      }
      actions={
        <>
          <ErrorAlert error={withdraw.error} />
          {editable && (
            <Card size="small" title={t("application.continue")}>
              <SubmitPanel application={application} onSubmitted={setData} />
            </Card>
          )}
        </>
      }
      onMaterialsChange={editable ? setData : undefined}
    />
  );
}

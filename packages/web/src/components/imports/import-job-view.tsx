import { Alert, Button, Flex, Skeleton } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { ImportErrorsTable } from "./import-errors-table";
import { ImportProgress } from "./import-progress";
import { useImportJob } from "./use-import-job";

/** One import job as it runs and, once it has ended, its outcome and the rows it could not import. */
export function ImportJobView({ jobId, onAnother }: { jobId: string; onAnother: () => void }) {
  const { t } = useI18n();
  const { job, error } = useImportJob(jobId);
  const ended = job !== undefined && job.status !== "running";
  return (
    <Flex vertical gap={16}>
      <ErrorAlert error={error} />
      {job ? <ImportProgress job={job} /> : !error && <Skeleton active />}
      {job?.status === "failed" && <Alert type="error" showIcon title={t("imports.failed")} />}
      {ended && job.errorRows > 0 && <ImportErrorsTable jobId={jobId} />}
      {(ended || Boolean(error)) && (
        <div>
          <Button data-testid="import-another" icon={<UploadOutlined />} onClick={onAnother}>
            {t("imports.again")}
          </Button>
        </div>
      )}
    </Flex>
  );
}

import { useState } from "react";
import { Typography } from "antd";
import { startImport } from "../api/imports";
import { ErrorAlert } from "../components/error-alert";
import { ImportJobView } from "../components/imports/import-job-view";
import { ImportUpload } from "../components/imports/import-upload";
import { useAction } from "../hooks/use-action";
import { useI18n } from "../i18n/language";

/** 存量导入: an administrator or approver uploads the legacy licence register and follows its import. */
export function ImportPage() {
  const { t } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);
  const upload = useAction<string>(setJobId);
  return (
    <>
      <Typography.Title level={3}>{t("nav.imports")}</Typography.Title>
      <ErrorAlert error={upload.error} />
      {jobId ? (
        <ImportJobView key={jobId} jobId={jobId} onAnother={() => setJobId(null)} />
      ) : (
        <ImportUpload
          uploading={upload.pending === "upload"}
          onFile={(file) => void upload.run("upload", () => startImport(file))}
        />
      )}
    </>
  );
}

import { Spin, Typography, Upload } from "antd";
import { InboxOutlined } from "@ant-design/icons";
import { useI18n } from "../../i18n/language";

/** The register file types the server reads (it judges by content; this only filters the file dialog). */
const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Where the officer drops the legacy register (CSV or XLSX); busy while the file uploads. */
export function ImportUpload({ uploading, onFile }: { uploading: boolean; onFile: (file: Blob) => void }) {
  const { t } = useI18n();
  return (
    <Spin spinning={uploading}>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept={ACCEPT}
          showUploadList={false}
          disabled={uploading}
          customRequest={({ file }) => onFile(file as Blob)}
        >
          <Typography.Title level={2} type="secondary" style={{ margin: 0 }}>
            <InboxOutlined />
          </Typography.Title>
          <Typography.Paragraph strong>{t("imports.upload")}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t("imports.hint")}</Typography.Paragraph>
        </Upload.Dragger>
      </div>
    </Spin>
  );
}

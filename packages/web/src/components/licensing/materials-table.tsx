import { Button, Space, Table, Tag, Typography, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { fileHref, uploadFile } from "../../api/files";
import { attachMaterial, type ApplicationDetail } from "../../api/licensing";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** The upload types the server accepts (it judges by content; this only filters the file dialog). */
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp";

interface MaterialsTableProps {
  application: ApplicationDetail;
  /** Given while the applicant may still add files: each row then has an upload button. */
  onChange?: (application: ApplicationDetail) => void;
}

/** The required materials (申请材料) of an application, the files attached to each, and uploads. */
export function MaterialsTable({ application, onChange }: MaterialsTableProps) {
  const { t } = useI18n();
  const { run, pending, error } = useAction<ApplicationDetail>((updated) => onChange?.(updated));

  const upload = (code: string, file: Blob) =>
    run(code, async () => attachMaterial(application.id, code, (await uploadFile(file)).id));

  const rows = application.assessment.requiredMaterials.map((material) => ({
    ...material,
    files: application.materials.filter((attached) => attached.code === material.code),
  }));

  return (
    <>
      <ErrorAlert error={error} />
      {onChange && <Typography.Paragraph type="secondary">{t("materials.hint")}</Typography.Paragraph>}
      <Table
        data-testid="materials"
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: "name", title: t("materials.title"), dataIndex: "name" },
          {
            key: "files",
            title: t("applications.status"),
            render: (_, row) =>
              row.files.length === 0 ? (
                <Tag data-testid={`material-missing-${row.code}`} color="warning">
                  {t("materials.missing")}
                </Tag>
              ) : (
                <Space data-testid={`material-attached-${row.code}`} wrap>
                  <Tag color="success">{t("materials.attached")}</Tag>
                  {row.files.map((file, index) => (
                    <a key={file.fileId} href={fileHref(file.fileId)} target="_blank" rel="noreferrer">
                      {t("materials.file", { n: index + 1 })}
                    </a>
                  ))}
                </Space>
              ),
          },
          ...(onChange
            ? [
                {
                  key: "upload",
                  width: 120,
                  render: (_: unknown, row: { code: string }) => (
                    <div data-testid={`material-upload-${row.code}`}>
                      <Upload
                        accept={ACCEPT}
                        showUploadList={false}
                        customRequest={({ file }) => void upload(row.code, file as Blob)}
                      >
                        <Button icon={<UploadOutlined />} loading={pending === row.code}>
                          {t("materials.upload")}
                        </Button>
                      </Upload>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

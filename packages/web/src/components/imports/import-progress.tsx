import { Col, Progress, Row, Statistic, Tag, Typography } from "antd";
import type { ImportJob, ImportStatus } from "../../api/imports";
import { useI18n } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";

const COLORS: Record<ImportStatus, string> = { running: "processing", done: "success", failed: "error" };

/** How far an import has got (processed of total rows) and what became of the rows. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, label } = useI18n();
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  const counts: { key: string; title: MessageKey; value: number }[] = [
    { key: "total", title: "imports.total", value: job.totalRows },
    { key: "processed", title: "imports.processed", value: job.processedRows },
    { key: "imported", title: "imports.imported", value: job.importedRows },
    { key: "skipped", title: "imports.skipped", value: job.skippedRows },
    { key: "errors", title: "imports.errorRows", value: job.errorRows },
  ];
  return (
    <div data-testid="import-progress" data-status={job.status}>
      <Tag color={COLORS[job.status]}>{label("importStatus", job.status)}</Tag>
      <Typography.Text strong>{job.fileName}</Typography.Text>
      <Progress
        percent={job.status === "done" ? 100 : percent}
        status={job.status === "failed" ? "exception" : job.status === "running" ? "active" : "success"}
        format={() => `${job.processedRows} / ${job.totalRows}`}
        style={{ marginBlock: 12 }}
      />
      <Row gutter={[16, 16]}>
        {counts.map((count) => (
          <Col key={count.key} xs={12} md={8} xl={4}>
            <Statistic data-testid={`import-${count.key}`} title={t(count.title)} value={count.value} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

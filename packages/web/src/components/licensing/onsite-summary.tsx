import { Descriptions, Image, Space, Tag } from "antd";
import { DataTable } from "../data-table";
import { fileHref } from "../../api/files";
import type { ApplicationDetail, Onsite } from "../../api/licensing";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

const OUTCOME_COLORS: Record<string, string> = { pass: "success", rectify: "warning", fail: "error" };
const RESULT_COLORS: Record<string, string> = { pass: "success", fail: "error", na: "default" };

/** The on-site inspection (现场核查) as scheduled and, once done, as recorded. */
export function OnsiteSummary({
  onsite,
  checklist,
}: {
  onsite: Onsite;
  checklist: ApplicationDetail["checklist"];
}) {
  const { t, label, lang } = useI18n();
  const textOf = new Map(checklist.map((item) => [item.code, item.text]));
  return (
    <>
      <Descriptions
        data-testid="onsite"
        size="small"
        column={1}
        bordered
        items={[
          {
            key: "scheduled",
            label: t("onsite.scheduledAt"),
            children: formatDateTime(onsite.scheduledAt, lang),
          },
          ...(onsite.inspectedAt
            ? [
                {
                  key: "inspected",
                  label: t("onsite.inspectedAt"),
                  children: formatDateTime(onsite.inspectedAt, lang),
                },
                {
                  key: "outcome",
                  label: t("onsite.outcome"),
                  children: onsite.outcome && (
                    <Tag data-testid="onsite-outcome" color={OUTCOME_COLORS[onsite.outcome]}>
                      {label("onsite.outcome", onsite.outcome)}
                    </Tag>
                  ),
                },
                {
                  key: "signed",
                  label: t("onsite.applicantSigned"),
                  children: t(onsite.applicantSigned ? "common.yes" : "common.no"),
                },
                ...(onsite.notes ? [{ key: "notes", label: t("onsite.notes"), children: onsite.notes }] : []),
                {
                  key: "photos",
                  label: t("onsite.photos"),
                  children: (
                    <Image.PreviewGroup>
                      <Space wrap>
                        {onsite.photoFileIds.map((id) => (
                          <Image
                            key={id}
                            src={fileHref(id)}
                            width={72}
                            height={72}
                            style={{ objectFit: "cover" }}
                          />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  ),
                },
              ]
            : []),
        ]}
      />
      {onsite.results.length > 0 && (
        <DataTable
          exportName={t("onsite.results")}
          size="small"
          rowKey="code"
          pagination={false}
          style={{ marginTop: 16 }}
          dataSource={onsite.results}
          columns={[
            { key: "item", title: t("onsite.results"), render: (_, row) => textOf.get(row.code) ?? row.code },
            {
              key: "result",
              width: 100,
              render: (_, row) => (
                <Tag color={RESULT_COLORS[row.result]}>{label("onsite.result", row.result)}</Tag>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

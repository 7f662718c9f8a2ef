import { Button, Rate, Space, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listPendingRatings, moderateRating, type Rating } from "../api/ratings";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 评价审核: consumers' comments wait here until an officer approves (shown publicly) or rejects them. */
export function RatingsPage() {
  const { t, lang } = useI18n();
  const { data, error, loading, setData } = useLoad(listPendingRatings, []);
  const moderate = useAction<Rating>((done) =>
    setData((data ?? []).filter((rating) => rating.id !== done.id)),
  );
  const decide = (id: string, decision: "approve" | "reject") =>
    void moderate.run(`${decision}:${id}`, () => moderateRating(id, decision));
  return (
    <>
      <Typography.Title level={3}>{t("nav.ratings")}</Typography.Title>
      <ErrorAlert error={error ?? moderate.error} />
      <DataTable
        exportName={t("nav.ratings")}
        data-testid="ratings"
        rowKey="id"
        loading={loading}
        dataSource={data}
        locale={{ emptyText: t("ratings.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
          {
            key: "stars",
            title: t("ratings.stars"),
            render: (_, row) => <Rate disabled value={row.stars} style={{ fontSize: 14 }} />,
          },
          { key: "comment", title: t("ratings.comment"), render: (_, row) => row.comment ?? "—" },
          {
            key: "createdAt",
            title: t("ratings.createdAt"),
            render: (_, row) => formatDateTime(row.createdAt, lang),
          },
          {
            key: "actions",
            render: (_, row) => (
              <Space>
                <Button
                  data-testid="rating-approve"
                  size="small"
                  type="primary"
                  loading={moderate.pending === `approve:${row.id}`}
                  onClick={() => decide(row.id, "approve")}
                >
                  {t("ratings.approve")}
                </Button>
                <Button
                  data-testid="rating-reject"
                  size="small"
                  danger
                  loading={moderate.pending === `reject:${row.id}`}
                  onClick={() => decide(row.id, "reject")}
                >
                  {t("ratings.reject")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

import { Card, Tag, Typography } from "antd";
import { Link } from "react-router";
import { listCameras } from "../../api/kitchen";
import { screenPathOf } from "../../api/sunshine";
import { useLoad } from "../../hooks/use-load";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { DataTable } from "../data-table";
import { ErrorAlert } from "../error-alert";

/**
 * 明厨亮灶 on the 阳光电子屏: the store's kitchen cameras, read only, and which one the screen plays (the newest
 * with a video URL, as the server picks it), with the link to the screen page. Cameras are registered and deleted
 * in one place only, the 智慧厨房 page (/portal/kitchen, the smart-kitchen API).
 */
export function KitchenFeedCard({ storeId }: { storeId: string }) {
  const { t, lang } = useI18n();
  const feeds = useLoad(() => listCameras(storeId), [storeId]);
  const screen = useLoad(() => screenPathOf(storeId), [storeId]);
  const playing = feeds.data?.find((feed) => feed.hlsUrl)?.id;
  return (
    <Card size="small" title={t("sunshine.feeds")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={feeds.error ?? screen.error} />
      <Typography.Paragraph type="secondary">
        <Link to="/portal/kitchen" data-testid="manage-feeds-link">
          {t("sunshine.manage")}
        </Link>
      </Typography.Paragraph>
      <DataTable
        exportName={t("sunshine.feeds")}
        data-testid="kitchen-feeds"
        size="small"
        rowKey="id"
        loading={feeds.loading}
        dataSource={feeds.data}
        locale={{ emptyText: t("sunshine.none") }}
        pagination={false}
        columns={[
          {
            key: "name",
            title: t("sunshine.name"),
            render: (_, row) => (
              <>
                {row.name} {row.id === playing && <Tag color="green">{t("sunshine.playing")}</Tag>}
              </>
            ),
          },
          {
            key: "url",
            title: t("sunshine.hlsUrl"),
            render: (_, row) => row.hlsUrl && <Typography.Text copyable>{row.hlsUrl}</Typography.Text>,
          },
          { key: "createdAt", title: "", render: (_, row) => formatDateTime(row.createdAt, lang) },
        ]}
      />
      {screen.data && (
        <p style={{ marginTop: 12 }}>
          <a href={screen.data} target="_blank" rel="noreferrer" data-testid="screen-link">
            {t("sunshine.openScreen")}
          </a>
        </p>
      )}
    </Card>
  );
}

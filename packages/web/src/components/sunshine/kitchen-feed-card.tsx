import { App, Button, Card, Form, Input, Popconfirm, Typography } from "antd";
import { DataTable } from "../data-table";
import { addKitchenFeed, deleteKitchenFeed, listKitchenFeeds, type KitchenFeed } from "../../api/sunshine";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface FeedValues {
  name: string;
  hlsUrl: string;
}

/** The same rule as the server: an https HLS playlist (ending .m3u8, query string allowed). */
const HLS_URL = /^https:\/\/\S+\.m3u8(\?\S*)?$/;

/** 明厨亮灶: the store's kitchen video feeds (HLS), and the link to its 阳光电子屏 page. */
export function KitchenFeedCard({ storeId }: { storeId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeedValues>();
  const feeds = useLoad(() => listKitchenFeeds(storeId), [storeId]);
  const added = useAction<KitchenFeed>((feed) => {
    void message.success(t("sunshine.added"));
    form.resetFields();
    feeds.setData([feed, ...(feeds.data ?? [])]);
  });
  const removed = useAction<string>((id) => feeds.setData((feeds.data ?? []).filter((f) => f.id !== id)));
  const screenPath = feeds.data?.find((feed) => feed.screenPath)?.screenPath;
  return (
    <Card size="small" title={t("sunshine.feeds")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={added.error ?? removed.error ?? feeds.error} />
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => added.run("add", () => addKitchenFeed({ storeId, ...values }))}
      >
        <Form.Item
          name="name"
          label={t("sunshine.name")}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="feed-name" />
        </Form.Item>
        <Form.Item
          name="hlsUrl"
          label={t("sunshine.hlsUrl")}
          rules={[{ required: true, pattern: HLS_URL, message: t("sunshine.hlsUrlRule") }]}
        >
          <Input data-testid="feed-url" style={{ width: 420 }} placeholder="https://…/index.m3u8" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={added.pending === "add"}>
          {t("sunshine.add")}
        </Button>
      </Form>
      <DataTable
        exportName={t("sunshine.feeds")}
        data-testid="kitchen-feeds"
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        loading={feeds.loading}
        dataSource={feeds.data}
        locale={{ emptyText: t("sunshine.none") }}
        pagination={false}
        columns={[
          { key: "name", title: t("sunshine.name"), dataIndex: "name" },
          {
            key: "url",
            title: t("sunshine.hlsUrl"),
            render: (_, row) => <Typography.Text copyable>{row.hlsUrl}</Typography.Text>,
          },
          { key: "createdAt", title: "", render: (_, row) => formatDateTime(row.createdAt, lang) },
          {
            key: "delete",
            title: "",
            render: (_, row) => (
              <Popconfirm
                title={t("sunshine.deleteConfirm")}
                onConfirm={() => removed.run("delete", () => deleteKitchenFeed(row.id).then(() => row.id))}
              >
                <Button size="small" danger loading={removed.pending === "delete"}>
                  {t("sunshine.delete")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {screenPath && (
        <p style={{ marginTop: 12 }}>
          <a href={screenPath} target="_blank" rel="noreferrer" data-testid="screen-link">
            {t("sunshine.openScreen")}
          </a>
        </p>
      )}
    </Card>
  );
}

import { Card, Empty, Flex, Skeleton, Typography } from "antd";
import type { PolicyNotice } from "../../api/lists";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

/** The notices, newest first as the server sends them. */
export function PolicyNoticeList({ notices }: { notices: PolicyNotice[] | undefined }) {
  const { t, lang } = useI18n();
  if (!notices) return <Skeleton active />;
  return (
    <Flex data-testid="policy-notices" vertical gap={12} style={{ maxWidth: 800 }}>
      {notices.length === 0 && <Empty description={t("notices.none")} />}
      {notices.map((notice) => (
        <Card
          key={notice.id}
          data-testid="policy-notice"
          size="small"
          title={notice.title}
          extra={
            <Typography.Text type="secondary">{formatDateTime(notice.publishedAt, lang)}</Typography.Text>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
            {notice.body}
          </Typography.Paragraph>
        </Card>
      ))}
    </Flex>
  );
}

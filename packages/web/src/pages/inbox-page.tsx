import { Card, Empty, Flex, Skeleton, Typography } from "antd";
import { listInbox } from "../api/inbox";
import { ErrorAlert } from "../components/error-alert";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 消息: what the bureau told the business (三即时 notices of its licences), newest first as the server sends them. */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { data, error } = useLoad(listInbox, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.inbox")}</Typography.Title>
      <ErrorAlert error={error} />
      {data ? (
        <Flex data-testid="inbox" vertical gap={12} style={{ maxWidth: 800 }}>
          {data.length === 0 && <Empty description={t("inbox.empty")} />}
          {data.map((message) => (
            <Card
              key={message.id}
              data-testid="inbox-message"
              size="small"
              title={message.title}
              extra={
                <Typography.Text type="secondary">{formatDateTime(message.createdAt, lang)}</Typography.Text>
              }
            >
              {message.body}
            </Card>
          ))}
        </Flex>
      ) : (
        !error && <Skeleton active />
      )}
    </>
  );
}

import { Empty, Typography } from "antd";
import { useI18n } from "../i18n/language";
import type { MessageKey } from "../i18n/messages";

/** A titled page that later steps fill with content. */
export function PlaceholderPage({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={3}>{t(title)}</Typography.Title>
      <Empty description={t("placeholder.later")} style={{ marginTop: 48 }} />
    </>
  );
}

import { Space, Tag } from "antd";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

/** A stage's deadline (办理期限), flagged red once it has passed. */
export function Deadline({ at, overdue }: { at: string | null; overdue: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Space size={4}>
      {formatDateTime(at, lang)}
      {overdue && (
        <Tag data-testid="overdue" color="red">
          {t("applications.overdue")}
        </Tag>
      )}
    </Space>
  );
}

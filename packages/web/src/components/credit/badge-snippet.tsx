import { Card, Flex, Typography } from "antd";
import { useI18n } from "../../i18n/language";

/** The embeddable 食安码 badge of a store (step 11, docs/badge.md): a preview and the script tag to copy. */
export function BadgeSnippet({ safetyCode }: { safetyCode: string }) {
  const { t } = useI18n();
  const code = encodeURIComponent(safetyCode);
  const snippet = `<script src="${window.location.origin}/badge.js" data-code="${code}" async></script>`;
  return (
    <Card title={t("badge.title")} data-testid="badge-snippet" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("badge.hint")}</Typography.Text>
        <img src={`/badge/${code}.svg`} alt={t("badge.preview")} width={240} height={64} />
        <Typography.Paragraph
          data-testid="badge-code"
          aria-label={t("badge.snippet")}
          code
          copyable={{ text: snippet }}
          style={{ wordBreak: "break-all", marginBottom: 0 }}
        >
          {snippet}
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}

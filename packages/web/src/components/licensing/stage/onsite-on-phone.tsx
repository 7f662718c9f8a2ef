import { Flex, QRCode, Typography } from "antd";
import { MobileOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useI18n } from "../../../i18n/language";

/** Where the reviewer opens the checklist on a phone at the premises: a link, and a QR code to scan. */
export function OnsiteOnPhone({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const path = `/m/applications/${applicationId}/onsite`;
  return (
    <Flex align="center" gap={16}>
      <QRCode value={`${window.location.origin}${path}`} size={96} bordered={false} />
      <Flex vertical gap={4}>
        <Link data-testid="onsite-mobile-link" to={path}>
          <MobileOutlined /> {t("onsite.openMobile")}
        </Link>
        <Typography.Text type="secondary">{t("onsite.scanHint")}</Typography.Text>
      </Flex>
    </Flex>
  );
}

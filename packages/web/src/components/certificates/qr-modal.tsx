import { Flex, Modal, Typography } from "antd";
import { qrImageHref, type Certificate } from "../../api/certificates";
import { useI18n } from "../../i18n/language";

interface QrModalProps {
  certificate: Certificate;
  open: boolean;
  onClose: () => void;
}

/** The QR code for the shop door and the verification URL it carries, ready to copy. */
export function QrModal({ certificate, open, onClose }: QrModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      title={t("certificates.qrTitle", { number: certificate.licenseNo })}
    >
      <Flex vertical align="center" gap={12}>
        <img
          data-testid="qr-image"
          src={qrImageHref(certificate.licenseNo)}
          alt={t("certificates.qr")}
          width={240}
          height={240}
        />
        <Typography.Text type="secondary">{t("certificates.qrHint")}</Typography.Text>
        <Typography.Paragraph
          data-testid="verify-url"
          aria-label={t("certificates.verifyUrl")}
          copyable
          style={{ width: "100%", wordBreak: "break-all", marginBottom: 0 }}
        >
          {certificate.verifyUrl}
        </Typography.Paragraph>
      </Flex>
    </Modal>
  );
}

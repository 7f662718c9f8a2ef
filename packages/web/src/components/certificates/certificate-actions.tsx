import { useState } from "react";
import { Button, Flex, Tooltip } from "antd";
import {
  FilePdfOutlined,
  FileTextOutlined,
  PictureOutlined,
  QrcodeOutlined,
  SafetyOutlined,
  ShopOutlined,
} from "@ant-design/icons";
import {
  certificateOfdHref,
  certificatePdfHref,
  displayHref,
  verifyHref,
  type Certificate,
} from "../../api/certificates";
import { useI18n } from "../../i18n/language";
import { QrModal } from "./qr-modal";

interface CertificateActionsProps {
  certificate: Certificate;
  storeId: string;
}

/** What a holder does with a certificate: the PDF or OFD, the QR code, and the public pages (each in a new tab). */
export function CertificateActions({ certificate, storeId }: CertificateActionsProps) {
  const { t } = useI18n();
  const [qrOpen, setQrOpen] = useState(false);
  const tab = { target: "_blank", rel: "noreferrer" };
  return (
    <Flex wrap gap={8}>
      <Tooltip title={t("certificates.pdfHint")}>
        <Button
          data-testid="certificate-pdf"
          type="primary"
          icon={<FilePdfOutlined />}
          href={certificatePdfHref(certificate.licenseNo)}
          {...tab}
        >
          {t("certificates.pdf")}
        </Button>
      </Tooltip>
      <Button
        data-testid="certificate-ofd"
        icon={<FileTextOutlined />}
        href={certificateOfdHref(certificate.licenseNo)}
      >
        {t("certificates.ofd")}
      </Button>
      <Button data-testid="certificate-qr" icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)}>
        {t("certificates.qr")}
      </Button>
      <Button
        data-testid="certificate-verify"
        icon={<SafetyOutlined />}
        href={verifyHref(certificate.token)}
        {...tab}
      >
        {t("certificates.verify")}
      </Button>
      <Button data-testid="certificate-display" icon={<ShopOutlined />} href={displayHref(storeId)} {...tab}>
        {t("certificates.display")}
      </Button>
      <Button
        data-testid="certificate-frame"
        icon={<PictureOutlined />}
        href={displayHref(storeId, true)}
        {...tab}
      >
        {t("certificates.frame")}
      </Button>
      <QrModal certificate={certificate} open={qrOpen} onClose={() => setQrOpen(false)} />
    </Flex>
  );
}

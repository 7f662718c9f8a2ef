import { Card, Descriptions, Flex, Skeleton } from "antd";
import { getCertificate } from "../../api/certificates";
import type { License } from "../../api/licensing";
import { useLoad } from "../../hooks/use-load";
import { useDomainNames } from "../../i18n/domain-names";
import { formatDate } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { LicenseStatusTag } from "../licensing/license-status-tag";
import { CertificateActions } from "./certificate-actions";
import { SignatureInfo } from "./signature-info";

/** One licence as its holder keeps it: what it permits, and its signed certificate's files, pages and signatures. */
export function CertificateCard({ license }: { license: License }) {
  const { t, label, lang } = useI18n();
  const names = useDomainNames();
  const { data: certificate, error } = useLoad(() => getCertificate(license.number), [license.number]);
  return (
    <Card
      data-testid="certificate-card"
      data-license={license.number}
      size="small"
      title={
        <Flex align="center" gap={8}>
          <span data-testid="license-number">{license.number}</span>
          <LicenseStatusTag status={license.status} />
        </Flex>
      }
      extra={label("licenseType", license.type)}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "store", label: t("certificates.store"), children: license.storeName },
          {
            key: "validity",
            label: t("certificates.validity"),
            children: `${formatDate(license.validFrom, lang)} – ${formatDate(license.validTo, lang)}`,
          },
          {
            key: "items",
            label: t("certificates.items"),
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {license.content.items?.map((item) => (
                  <li key={item.code}>{names.item(item)}</li>
                ))}
              </ul>
            ),
          },
          { key: "version", label: t("certificates.version"), children: license.version },
        ]}
      />
      <ErrorAlert error={error} />
      {certificate ? (
        <Flex vertical gap={12}>
          <CertificateActions certificate={certificate} storeId={license.storeId} />
          <SignatureInfo certificate={certificate} />
        </Flex>
      ) : (
        !error && <Skeleton.Button active block />
      )}
    </Card>
  );
}

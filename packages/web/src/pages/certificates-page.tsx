import { Col, Empty, Row, Skeleton, Typography } from "antd";
import { listLicenses } from "../api/licensing";
import { CertificateCard } from "../components/certificates/certificate-card";
import { ErrorAlert } from "../components/error-alert";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 电子证照: the business's licences, each with its signed certificate, QR code and public pages. */
export function CertificatesPage() {
  const { t } = useI18n();
  const { data, error } = useLoad(listLicenses, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.certificates")}</Typography.Title>
      <ErrorAlert error={error} />
      {data ? (
        data.length === 0 ? (
          <Empty description={t("certificates.empty")} />
        ) : (
          <Row data-testid="licenses" gutter={[16, 16]}>
            {data.map((license) => (
              <Col key={license.id} xs={24} xl={12}>
                <CertificateCard license={license} />
              </Col>
            ))}
          </Row>
        )
      ) : (
        !error && <Skeleton active />
      )}
    </>
  );
}

import { Collapse, Descriptions, Typography } from "antd";
import type { Certificate } from "../../api/certificates";
import { useI18n } from "../../i18n/language";
import { jwsHeader } from "./jws-header";

/** 签名信息, folded away: the keys that signed the certificate (Ed25519 JWS and SM2) and the SM2 signature's size. */
export function SignatureInfo({ certificate }: { certificate: Certificate }) {
  const { t } = useI18n();
  const { alg = "?", kid = "—" } = jwsHeader(certificate.jws);
  return (
    <Collapse
      data-testid="signatures"
      size="small"
      items={[
        {
          key: "signatures",
          label: t("certificates.signatures"),
          children: (
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: "jws",
                  label: t("certificates.jwsKid", { alg }),
                  children: <Typography.Text code>{kid}</Typography.Text>,
                },
                {
                  key: "sm2",
                  label: t("certificates.sm2Kid"),
                  children: <Typography.Text code>{certificate.sm2Kid}</Typography.Text>,
                },
                {
                  key: "sm2Length",
                  label: t("certificates.sm2Length"),
                  children: (
                    <span data-testid="sm2-length">
                      {t("certificates.bytes", { n: certificate.sm2Signature.length / 2 })}
                    </span>
                  ),
                },
                {
                  key: "version",
                  label: t("certificates.certificateVersion"),
                  children: certificate.version,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

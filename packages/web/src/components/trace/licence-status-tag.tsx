import { Spin, Tag } from "antd";
import { LICENCE_NUMBER, verifyLicenceStatus } from "../../api/trace";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";

const LABELS: Record<string, MessageKey> = {
  valid: "licenseStatus.valid",
  suspended: "licenseStatus.suspended",
  cancelled: "licenseStatus.cancelled",
  revoked: "licenseStatus.revoked",
  expired: "licenseStatus.expired",
  superseded: "material.licenceSuperseded",
  unknown: "material.licenceUnknown",
};

/** A licence status as a coloured tag: green only when valid. */
export function LicenceStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const label = LABELS[status];
  return (
    <Tag color={status === "valid" ? "green" : "red"} data-testid="licence-status">
      {label ? t(label) : status}
    </Tag>
  );
}

/** The supplier's licence verified live while the number is typed (the public verification of step 3). */
export function LiveLicenceStatus({ licenceNumber }: { licenceNumber: string | undefined }) {
  const wellFormed = licenceNumber !== undefined && LICENCE_NUMBER.test(licenceNumber);
  const status = useLoad(
    async () => (wellFormed ? verifyLicenceStatus(licenceNumber) : null),
    [wellFormed ? licenceNumber : null],
  );
  if (!wellFormed) return null;
  if (status.loading) return <Spin size="small" />;
  return status.data ? <LicenceStatus status={status.data} /> : null;
}

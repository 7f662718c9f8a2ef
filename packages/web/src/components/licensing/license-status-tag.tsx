import { Tag } from "antd";
import { useI18n } from "../../i18n/language";

const COLORS: Record<string, string> = { valid: "success", suspended: "warning", revoked: "error" };

export function LicenseStatusTag({ status }: { status: string }) {
  const { label } = useI18n();
  return (
    <Tag data-testid="license-status" data-status={status} color={COLORS[status] ?? "default"}>
      {label("licenseStatus", status)}
    </Tag>
  );
}

import { useState } from "react";
import { Button, Space } from "antd";
import type { License } from "../../api/licensing";
import { useI18n } from "../../i18n/language";
import { STATUS_CHANGES, type StatusChange } from "./license-status-change";
import { LicenseStatusModal } from "./license-status-modal";

/** The approver's buttons for the status changes a licence allows now; each asks for the reason. */
export function LicenseStatusActions({
  license,
  onChanged,
}: {
  license: License;
  onChanged: (license: License) => void;
}) {
  const { t } = useI18n();
  const [change, setChange] = useState<StatusChange | null>(null);
  return (
    <Space size={4}>
      {STATUS_CHANGES.filter((allowed) => allowed.from.includes(license.status)).map((allowed) => (
        <Button
          key={allowed.action}
          data-testid={`license-${allowed.action}`}
          size="small"
          danger={allowed.action === "revoke"}
          onClick={() => setChange(allowed)}
        >
          {t(allowed.label)}
        </Button>
      ))}
      {change && (
        <LicenseStatusModal
          license={license}
          change={change}
          onClose={() => setChange(null)}
          onChanged={onChanged}
        />
      )}
    </Space>
  );
}

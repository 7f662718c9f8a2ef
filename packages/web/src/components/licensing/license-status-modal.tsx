import { useState } from "react";
import { Alert, App, Flex, Input, Modal } from "antd";
import { changeLicenseStatus, type License } from "../../api/licensing";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import type { StatusChange } from "./license-status-change";

interface LicenseStatusModalProps {
  license: License;
  change: StatusChange;
  onClose: () => void;
  onChanged: (license: License) => void;
}

/** Confirms a suspension, revocation or reinstatement, which must give its reason (it goes to the audit log). */
export function LicenseStatusModal({ license, change, onClose, onChanged }: LicenseStatusModalProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  const { run, pending, error } = useAction<License>((updated) => {
    void message.success(
      t("licenses.changed", { number: updated.number, status: label("licenseStatus", updated.status) }),
    );
    onChanged(updated);
    onClose();
  });
  const given = reason.trim();
  return (
    <Modal
      open
      title={t("licenses.changeTitle", { action: t(change.label), number: license.number })}
      okText={t(change.label)}
      okButtonProps={{
        "data-testid": "status-confirm",
        danger: change.action !== "reinstate",
        disabled: !given,
        loading: pending === change.action,
      }}
      onOk={() => run(change.action, () => changeLicenseStatus(license.id, change.status, given))}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <ErrorAlert error={error} />
        {change.action === "revoke" && <Alert type="warning" showIcon title={t("licenses.revokeWarning")} />}
        <Input.TextArea
          data-testid="status-reason"
          aria-label={t("licenses.reason")}
          placeholder={t("licenses.reasonRequired")}
          maxLength={1000}
          autoSize={{ minRows: 3 }}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Flex>
    </Modal>
  );
}

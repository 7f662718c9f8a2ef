import { useState } from "react";
import { Button, Flex, Input } from "antd";
import { CloseOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { decideApplication } from "../../../api/licensing";
import { useAction } from "../../../hooks/use-action";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";
import type { StageProps } from "./stage-props";

/** 许可决定: approve (the licence is issued) or reject with reasons. */
export function DecisionActions({ application, onChange }: StageProps) {
  const { t } = useI18n();
  const [reasons, setReasons] = useState("");
  const { run, pending, error } = useAction(onChange);
  const given = reasons.trim() || undefined;
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} />
      <Input.TextArea
        data-testid="decision-reasons"
        aria-label={t("decision.reasons")}
        placeholder={t("decision.reasonsRequired")}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
      />
      <Flex gap={8}>
        <Button
          data-testid="approve"
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={pending === "approve"}
          onClick={() => run("approve", () => decideApplication(application.id, "approve", given))}
        >
          {t("decision.approve")}
        </Button>
        <Button
          data-testid="reject"
          danger
          icon={<CloseOutlined />}
          disabled={!given}
          loading={pending === "reject"}
          onClick={() => run("reject", () => decideApplication(application.id, "reject", given))}
        >
          {t("decision.reject")}
        </Button>
      </Flex>
    </Flex>
  );
}

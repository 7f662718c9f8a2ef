import { useState } from "react";
import { Button, Flex, Input } from "antd";
import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { acceptApplication, returnApplication } from "../../../api/licensing";
import { useAction } from "../../../hooks/use-action";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";
import type { StageProps } from "./stage-props";

/** 受理: accept the application, or return it to the applicant with the reasons. */
export function AcceptanceActions({ application, onChange }: StageProps) {
  const { t } = useI18n();
  const [reasons, setReasons] = useState("");
  const { run, pending, error } = useAction(onChange);
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} />
      <div>
        <Button
          data-testid="accept"
          type="primary"
          icon={<CheckOutlined />}
          loading={pending === "accept"}
          onClick={() => run("accept", () => acceptApplication(application.id))}
        >
          {t("acceptance.accept")}
        </Button>
      </div>
      <Input.TextArea
        data-testid="return-reasons"
        aria-label={t("acceptance.reasons")}
        placeholder={t("acceptance.reasonsRequired")}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
      />
      <div>
        <Button
          data-testid="return"
          danger
          icon={<RollbackOutlined />}
          disabled={!reasons.trim()}
          loading={pending === "return"}
          onClick={() => run("return", () => returnApplication(application.id, reasons.trim()))}
        >
          {t("acceptance.return")}
        </Button>
      </div>
    </Flex>
  );
}

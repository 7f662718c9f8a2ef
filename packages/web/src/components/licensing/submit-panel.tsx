import { useState } from "react";
import { Alert, App, Button, Checkbox, Flex, Input, Typography } from "antd";
import { SendOutlined } from "@ant-design/icons";
import { submitApplication, type ApplicationDetail } from "../../api/licensing";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface SubmitPanelProps {
  application: ApplicationDetail;
  onSubmitted: (application: ApplicationDetail) => void;
}

/** Submits a complete application; when the rules allow it, the applicant may sign the 告知承诺 by typing a name. */
export function SubmitPanel({ application, onSubmitted }: SubmitPanelProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [commitment, setCommitment] = useState(false);
  const [signer, setSigner] = useState("");
  const { run, pending, error } = useAction<ApplicationDetail>((submitted) => {
    void message.success(t("submit.done"));
    onSubmitted(submitted);
  });

  const { allowed, commitmentEligible } = application.assessment;
  const missing = application.missingMaterials.length;
  const signed = signer.trim();

  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} />
      {!allowed && <Alert type="error" showIcon title={t("submit.notAllowed")} />}
      {missing > 0 && <Alert type="warning" showIcon title={t("submit.missing", { n: missing })} />}
      {commitmentEligible && (
        <>
          <Checkbox
            data-testid="commitment-sign"
            checked={commitment}
            onChange={(e) => setCommitment(e.target.checked)}
          >
            {t("submit.commitment")}
          </Checkbox>
          {commitment && (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t("submit.commitmentText")}
              </Typography.Paragraph>
              <Input
                data-testid="commitment-signer"
                placeholder={t("submit.signerRequired")}
                aria-label={t("submit.signer")}
                maxLength={50}
                value={signer}
                onChange={(e) => setSigner(e.target.value)}
                style={{ maxWidth: 240 }}
              />
            </>
          )}
        </>
      )}
      <div>
        <Button
          data-testid="submit-application"
          type="primary"
          icon={<SendOutlined />}
          loading={pending === "submit"}
          disabled={!allowed || missing > 0 || (commitment && !signed)}
          onClick={() =>
            run("submit", () => submitApplication(application.id, commitment ? signed : undefined))
          }
        >
          {t("submit.submit")}
        </Button>
      </div>
    </Flex>
  );
}

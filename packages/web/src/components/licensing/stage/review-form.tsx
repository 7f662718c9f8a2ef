import { useState } from "react";
import { Button, Flex, Input, Radio } from "antd";
import { reviewApplication } from "../../../api/licensing";
import { useAction } from "../../../hooks/use-action";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";
import type { StageProps } from "./stage-props";

/** The reviewer's conclusion (审查意见): pass or fail, with an opinion. */
export function ReviewForm({ application, onChange }: StageProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<"pass" | "fail">(
    application.onsite?.outcome === "fail" ? "fail" : "pass",
  );
  const [opinion, setOpinion] = useState("");
  const { run, pending, error } = useAction(onChange);
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={error} />
      <Radio.Group
        aria-label={t("review.outcome")}
        optionType="button"
        buttonStyle="solid"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as "pass" | "fail")}
      >
        <Radio.Button value="pass">
          <span data-testid="review-pass">{t("review.pass")}</span>
        </Radio.Button>
        <Radio.Button value="fail">
          <span data-testid="review-fail">{t("review.fail")}</span>
        </Radio.Button>
      </Radio.Group>
      <Input.TextArea
        data-testid="review-opinion"
        aria-label={t("review.opinion")}
        placeholder={t("review.opinionRequired")}
        maxLength={2000}
        autoSize={{ minRows: 3 }}
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
      />
      <div>
        <Button
          data-testid="review-submit"
          type="primary"
          disabled={!opinion.trim()}
          loading={pending === "review"}
          onClick={() => run("review", () => reviewApplication(application.id, outcome, opinion.trim()))}
        >
          {t("review.submit")}
        </Button>
      </div>
    </Flex>
  );
}

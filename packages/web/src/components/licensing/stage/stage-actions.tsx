import type { ReactNode } from "react";
import { Card } from "antd";
import type { Queue } from "../../../api/licensing";
import { useI18n } from "../../../i18n/language";
import { AcceptanceActions } from "./acceptance-actions";
import { awaitsStage } from "./awaits-stage";
import { DecisionActions } from "./decision-actions";
import { ReviewActions } from "./review-actions";
import type { StageProps } from "./stage-props";

const ACTIONS: Record<Queue, (props: StageProps) => ReactNode> = {
  acceptance: AcceptanceActions,
  review: ReviewActions,
  decision: DecisionActions,
};

/** The actions of one stage, while the application waits for that stage. */
export function StageActions({ queue, ...props }: StageProps & { queue: Queue }) {
  const { t } = useI18n();
  if (!awaitsStage(props.application, queue)) return null;
  const Actions = ACTIONS[queue];
  return (
    <Card data-testid="stage-actions" size="small" title={t("application.actions")}>
      <Actions {...props} />
    </Card>
  );
}

import { Divider, Flex } from "antd";
import { useI18n } from "../../../i18n/language";
import { OnsiteRecordForm } from "../onsite/onsite-record-form";
import { OnsiteOnPhone } from "./onsite-on-phone";
import { ReviewForm } from "./review-form";
import { ScheduleOnsite } from "./schedule-onsite";
import type { StageProps } from "./stage-props";

/**
 * 审查: when the rules require an on-site inspection, schedule it and record it (here or on a phone) first;
 * then conclude the review.
 */
export function ReviewActions({ application, onChange }: StageProps) {
  const { t } = useI18n();
  const onsitePending = application.assessment.onsiteInspectionRequired && !application.onsite?.inspectedAt;
  if (!onsitePending) return <ReviewForm application={application} onChange={onChange} />;
  return (
    <Flex vertical gap={12}>
      <ScheduleOnsite application={application} onChange={onChange} />
      {application.status === "onsite_scheduled" && (
        <>
          <Divider titlePlacement="start" style={{ margin: "8px 0" }}>
            {t("onsite.title")}
          </Divider>
          <OnsiteOnPhone applicationId={application.id} />
          <OnsiteRecordForm application={application} onRecorded={onChange} />
        </>
      )}
    </Flex>
  );
}

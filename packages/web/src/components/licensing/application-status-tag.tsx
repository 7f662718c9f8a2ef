import { Tag } from "antd";
import type { ApplicationStatus } from "@shian/domain";
import { useI18n } from "../../i18n/language";

const COLORS: Record<ApplicationStatus, string> = {
  draft: "default",
  submitted: "processing",
  returned: "warning",
  accepted: "blue",
  onsite_scheduled: "purple",
  reviewed: "cyan",
  approved: "success",
  rejected: "error",
  withdrawn: "default",
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { label } = useI18n();
  return (
    <Tag data-testid="application-status" data-status={status} color={COLORS[status]}>
      {label("status", status)}
    </Tag>
  );
}

import type { ReactNode } from "react";
import { Card, Col, Descriptions, Flex, Row, Typography } from "antd";
import type { ApplicationDetail } from "../../api/licensing";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ApplicationStatusTag } from "./application-status-tag";
import { ApplicationTimeline } from "./application-timeline";
import { AssessmentPanel } from "./assessment-panel";
import { Deadline } from "./deadline";
import { MaterialsTable } from "./materials-table";
import { OnsiteSummary } from "./onsite-summary";
import { ScopeDescriptions } from "./scope-descriptions";

interface ApplicationOverviewProps {
  application: ApplicationDetail;
  /** What the viewer can do at this stage, shown above the record. */
  actions?: ReactNode;
  /** A small action beside the title, such as withdrawing. */
  extra?: ReactNode;
  /** Given while the applicant may still add materials. */
  onMaterialsChange?: (application: ApplicationDetail) => void;
}

/** One application as applicant and officers see it: status, request, assessment, materials, on-site, timeline. */
export function ApplicationOverview({
  application,
  actions,
  extra,
  onMaterialsChange,
}: ApplicationOverviewProps) {
  const { t, label, lang } = useI18n();
  const { review, decision } = application;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {application.storeName}
        </Typography.Title>
        <ApplicationStatusTag status={application.status} />
        <span style={{ marginInlineStart: "auto" }}>{extra}</span>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: "business", label: t("applications.business"), children: application.businessName },
          { key: "kind", label: t("applications.kind"), children: label("kind", application.kind) },
          {
            key: "type",
            label: t("application.licenseType"),
            children: label("licenseType", application.licenseType),
          },
          {
            key: "submitted",
            label: t("applications.submittedAt"),
            children: formatDateTime(application.submittedAt, lang),
          },
          {
            key: "deadline",
            label: t("applications.deadline"),
            children: <Deadline at={application.stageDeadline} overdue={application.overdue} />,
          },
          {
            key: "commitment",
            label: t("application.commitment"),
            children: t(application.commitment ? "common.yes" : "common.no"),
          },
          ...(review
            ? [
                {
                  key: "review",
                  label: t("application.review"),
                  children: `${label("review", review.outcome)} · ${review.opinion}`,
                },
              ]
            : []),
          ...(decision
            ? [
                {
                  key: "decision",
                  label: t("application.decision"),
                  children: label("decision", decision.decision),
                },
              ]
            : []),
          ...(application.reasons
            ? [{ key: "reasons", label: t("application.reasons"), children: application.reasons }]
            : []),
        ]}
      />
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {actions}
            <Card size="small" title={t("application.scope")}>
              <ScopeDescriptions scope={application.request} />
            </Card>
            <Card size="small" title={t("materials.title")}>
              <MaterialsTable application={application} onChange={onMaterialsChange} />
            </Card>
            {application.onsite && (
              <Card size="small" title={t("onsite.title")}>
                <OnsiteSummary onsite={application.onsite} checklist={application.checklist} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <AssessmentPanel assessment={application.assessment} />
            <Card size="small" title={t("application.timeline")}>
              <ApplicationTimeline timeline={application.timeline} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

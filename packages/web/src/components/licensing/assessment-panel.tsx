import { Alert, Card, Descriptions, Spin, Tag, Typography } from "antd";
import type { Assessment } from "../../api/licensing";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface AssessmentPanelProps {
  assessment: Assessment | undefined;
  /** A newer assessment is on its way. */
  loading?: boolean;
  error?: unknown;
}

/** What the rules say about an application: review category, on-site inspection, commitment, violations, materials. */
export function AssessmentPanel({ assessment, loading = false, error }: AssessmentPanelProps) {
  const { t } = useI18n();
  return (
    <Card
      data-testid="assessment"
      size="small"
      title={t("assessment.title")}
      extra={loading && <Spin size="small" />}
    >
      <ErrorAlert error={error} />
      {assessment ? (
        <AssessmentBody assessment={assessment} />
      ) : (
        !error && <Typography.Text type="secondary">{t("assessment.hint")}</Typography.Text>
      )}
    </Card>
  );
}

function AssessmentBody({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  const { onsiteInspectionRequired: onsite, commitmentEligible: eligible } = assessment;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "category",
            label: t("assessment.category"),
            children: (
              <span data-testid="assessment-category" data-category={assessment.category}>
                {t("assessment.categoryValue", { n: assessment.category })}
              </span>
            ),
          },
          {
            key: "onsite",
            label: t("assessment.onsite"),
            children: (
              <Tag data-testid="assessment-onsite" data-required={onsite} color={onsite ? "orange" : "green"}>
                {t(onsite ? "assessment.onsiteRequired" : "assessment.onsiteNotRequired")}
              </Tag>
            ),
          },
          {
            key: "commitment",
            label: t("assessment.commitment"),
            children: (
              <Tag
                data-testid="assessment-commitment"
                data-eligible={eligible}
                color={eligible ? "blue" : "default"}
              >
                {t(eligible ? "assessment.commitmentEligible" : "assessment.commitmentNotEligible")}
              </Tag>
            ),
          },
        ]}
      />
      {assessment.violations.length > 0 ? (
        <Alert
          data-testid="assessment-violations"
          type="error"
          showIcon
          title={t("assessment.notAllowed")}
          style={{ marginTop: 8 }}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {assessment.violations.map((violation) => (
                <li key={`${violation.rule}-${violation.message}`}>
                  {violation.message}{" "}
                  <Typography.Text type="secondary">
                    {t("assessment.article", { article: violation.article })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          data-testid="assessment-allowed"
          type="success"
          showIcon
          title={t("assessment.allowed")}
          style={{ marginTop: 8 }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("assessment.materials")}
      </Typography.Title>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {assessment.requiredMaterials.map((material) => (
          <li key={material.code} data-testid={`assessment-material-${material.code}`}>
            {material.name}
          </li>
        ))}
      </ol>
    </>
  );
}

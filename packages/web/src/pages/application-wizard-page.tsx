import { useState } from "react";
import { Button, Card, Col, Flex, Row, Steps, Typography } from "antd";
import { useNavigate } from "react-router";
import { createApplication, listLicenses, type ApplicationDetail } from "../api/licensing";
import { listStores, type Store } from "../api/stores";
import { ErrorAlert } from "../components/error-alert";
import { AssessmentPanel } from "../components/licensing/assessment-panel";
import { MaterialsTable } from "../components/licensing/materials-table";
import { ScopeDescriptions } from "../components/licensing/scope-descriptions";
import { completeScope, draftFromStore, type ScopeDraft } from "../components/licensing/scope/scope-draft";
import { ScopeForm } from "../components/licensing/scope/scope-form";
import { useLiveAssessment } from "../components/licensing/scope/use-live-assessment";
import { StorePicker } from "../components/licensing/store-picker";
import { SubmitPanel } from "../components/licensing/submit-panel";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const STEPS = [
  "wizard.step.store",
  "wizard.step.scope",
  "wizard.step.materials",
  "wizard.step.submit",
] as const;

/**
 * 新办申请: store → scope (assessed live as the applicant picks) → materials → review and submit.
 * Leaving the scope step saves a draft application; from then on its stored assessment is the one shown.
 */
export function ApplicationWizardPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [store, setStore] = useState<Store>();
  const [draft, setDraft] = useState<ScopeDraft>({ items: [] });
  const [application, setApplication] = useState<ApplicationDetail>();
  const stores = useLoad(() => Promise.all([listStores(), listLicenses()]), []);
  const scope = completeScope(draft);
  const live = useLiveAssessment(application ? null : scope);
  const create = useAction<ApplicationDetail>((created) => {
    setApplication(created);
    setStep(2);
  });

  const pickStore = (picked: Store) => {
    setStore(picked);
    setDraft(draftFromStore(picked));
  };

  return (
    <>
      <Typography.Title level={3}>{t("wizard.title")}</Typography.Title>
      <Steps
        data-testid="wizard-steps"
        current={step}
        items={STEPS.map((key) => ({ title: t(key) }))}
        style={{ marginBottom: 24 }}
      />
      <ErrorAlert error={stores.error ?? create.error} />
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={step === 0 ? 24 : 15}>
          {step === 0 && (
            <Card size="small" loading={stores.loading}>
              <StorePicker
                stores={stores.data?.[0] ?? []}
                licenses={stores.data?.[1] ?? []}
                value={store?.id}
                onChange={pickStore}
              />
            </Card>
          )}
          {step === 1 && <ScopeForm value={draft} onChange={setDraft} />}
          {step === 2 && application && (
            <MaterialsTable application={application} onChange={setApplication} />
          )}
          {step === 3 && application && (
            <Flex vertical gap={16}>
              <ScopeDescriptions scope={application.request} />
              <SubmitPanel
                application={application}
                onSubmitted={(submitted) => navigate(`../${submitted.id}`, { relative: "path" })}
              />
            </Flex>
          )}
          <Flex gap={8} style={{ marginTop: 24 }}>
            {(step === 1 || step === 3) && (
              <Button data-testid="wizard-previous" onClick={() => setStep(step - 1)}>
                {t("common.previous")}
              </Button>
            )}
            {step === 0 && (
              <Button data-testid="wizard-next" type="primary" disabled={!store} onClick={() => setStep(1)}>
                {t("common.next")}
              </Button>
            )}
            {step === 1 && (
              <Button
                data-testid="wizard-next"
                type="primary"
                disabled={!scope || live.loading || !live.assessment?.allowed}
                loading={create.pending === "create"}
                onClick={() =>
                  store && scope && create.run("create", () => createApplication(store.id, scope))
                }
              >
                {t("wizard.saveDraft")}
              </Button>
            )}
            {step === 2 && (
              <Button
                data-testid="wizard-next"
                type="primary"
                disabled={!application || application.missingMaterials.length > 0}
                onClick={() => setStep(3)}
              >
                {t("common.next")}
              </Button>
            )}
          </Flex>
        </Col>
        {step > 0 && (
          <Col xs={24} xl={9}>
            {/* Stays in view while the applicant scrolls through the items. */}
            <div style={{ position: "sticky", top: 24 }}>
              <AssessmentPanel
                assessment={application?.assessment ?? live.assessment}
                loading={live.loading}
                error={live.error}
              />
            </div>
          </Col>
        )}
      </Row>
    </>
  );
}

import { CREDIT_MODELS, isRegionCode } from "@shian/domain";
import { App, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import {
  commitDrawSecret,
  createPlan,
  listCommitments,
  type Commitment,
  type Plan,
} from "../../api/supervision";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import type { PlanScope } from "./plan-filter";

interface GenerateFields {
  model: string;
  declaredSeed: string;
}

/**
 * The two steps of a month's draw: commit the bureau secret (its SHA-256 is published at once), then, once the
 * declared seed is public, generate the plan and its draw.
 */
export function PlanGenerateForm({
  scope,
  onCreated,
}: {
  scope: PlanScope;
  onCreated: (plan: Plan) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const commitments = useLoad(
    async () => (isRegionCode(scope.regionCode) ? listCommitments(scope.regionCode, scope.period) : []),
    [scope.regionCode, scope.period],
  );
  const commitment = commitments.data?.find((c) => c.regionCode === scope.regionCode);
  const commit = useAction<Commitment>((created) => commitments.setData([created]));
  const generate = useAction<Plan>((plan) => {
    void message.success(t("plans.generated"));
    onCreated(plan);
  });
  return (
    <Card size="small" title={t("plans.generate")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={commitments.error ?? commit.error ?? generate.error} />
      <Space orientation="vertical" style={{ width: "100%" }}>
        {commitment ? (
          <Typography.Text data-testid="plans-commitment">
            {t("plans.commitment")}: <Typography.Text code>{commitment.commitment}</Typography.Text>
          </Typography.Text>
        ) : (
          <Space>
            <Typography.Text type="secondary">{t("plans.noCommitment")}</Typography.Text>
            <Button
              data-testid="plans-commit"
              disabled={!isRegionCode(scope.regionCode)}
              loading={commit.pending === "commit"}
              onClick={() =>
                void commit.run("commit", () => commitDrawSecret(scope.regionCode, scope.period))
              }
            >
              {t("plans.commit")}
            </Button>
          </Space>
        )}
        <Form<GenerateFields>
          layout="inline"
          initialValues={{ model: CREDIT_MODELS[0]!.id }}
          onFinish={(fields) => void generate.run("generate", () => createPlan({ ...scope, ...fields }))}
        >
          <Form.Item name="model" label={t("plans.model")}>
            <Select
              data-testid="plans-model"
              style={{ width: 280 }}
              options={CREDIT_MODELS.map((model) => ({ value: model.id, label: pick(model.label) }))}
            />
          </Form.Item>
          <Form.Item
            name="declaredSeed"
            label={t("plans.declaredSeed")}
            tooltip={t("plans.declaredSeedHint")}
            rules={[{ required: true, whitespace: true, message: t("supervision.required") }]}
          >
            <Input data-testid="plans-declared-seed" style={{ width: 320 }} maxLength={200} />
          </Form.Item>
          <Button
            data-testid="plans-generate"
            type="primary"
            htmlType="submit"
            disabled={!commitment}
            loading={generate.pending === "generate"}
          >
            {t("plans.generate")}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

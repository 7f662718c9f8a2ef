import { isRegionCode } from "@shian/domain";
import { Empty, Typography } from "antd";
import { useState } from "react";
import { listPlans } from "../api/supervision";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { PlanCard } from "../components/supervision/plan-card";
import { PlanFilter, defaultScope } from "../components/supervision/plan-filter";
import { PlanGenerateForm } from "../components/supervision/plan-generate-form";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 监管计划: a district's monthly plans from the grades, their 双随机 draws and how far they are done. */
export function PlansPage() {
  const { t } = useI18n();
  const user = useUser();
  const [scope, setScope] = useState(() => defaultScope(user.regionCode));
  const plans = useLoad(
    () =>
      listPlans({
        period: scope.period,
        region: isRegionCode(scope.regionCode) ? scope.regionCode : undefined,
      }),
    [scope.period, scope.regionCode],
  );
  return (
    <>
      <Typography.Title level={3}>{t("nav.plans")}</Typography.Title>
      <PlanFilter scope={scope} onChange={setScope} />
      {user.role !== "inspector" && (
        <PlanGenerateForm scope={scope} onCreated={(plan) => plans.setData([plan, ...(plans.data ?? [])])} />
      )}
      <ErrorAlert error={plans.error} />
      {plans.data?.length === 0 && <Empty description={t("plans.none")} />}
      {plans.data?.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
    </>
  );
}

import { Tag, Typography } from "antd";
import { chinaDate } from "@shian/domain";
import { listMyPenalties, listMyRepairs, type CreditRepair, type Penalty } from "../api/penalties";
import { ErrorAlert } from "../components/error-alert";
import { PenaltiesTable } from "../components/penalties/penalties-table";
import { BankConsentsCard, IncentivesCard } from "../components/penalties/portal-credit-cards";
import { RepairApplyForm } from "../components/penalties/repair-apply-form";
import { RepairsTable } from "../components/penalties/repairs-table";
import { useUser } from "../auth/auth-context";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** The business's penalties with both documents, its repair applications, incentives and bank consents. */
export function MyPenaltiesPage() {
  const { t } = useI18n();
  const { role } = useUser();
  const penalties = useLoad(listMyPenalties, []);
  const repairs = useLoad(listMyRepairs, []);
  const today = chinaDate(new Date());
  const live = (penalty: Penalty) =>
    repairs.data?.find((r) => r.penaltyId === penalty.id && r.status !== "rejected");
  const applyCell = (penalty: Penalty) => {
    if (penalty.repairedAt) return null;
    const repair = live(penalty);
    if (repair) return <Tag color="processing">{t("repairs.status.pending")}</Tag>;
    if (penalty.repairableFrom > today) {
      return (
        <Typography.Text type="secondary">
          {t("repairs.notYet", { day: penalty.repairableFrom })}
        </Typography.Text>
      );
    }
    return role === "business_owner" ? (
      <RepairApplyForm
        penalty={penalty}
        onApplied={(created: CreditRepair) => repairs.setData([...(repairs.data ?? []), created])}
      />
    ) : null;
  };
  return (
    <>
      <Typography.Title level={3}>{t("nav.myPenalties")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("penalties.portalHint")}</Typography.Paragraph>
      <ErrorAlert error={penalties.error ?? repairs.error} />
      <PenaltiesTable items={penalties.data} loading={penalties.loading} action={applyCell} />
      <Typography.Title level={4}>{t("repairs.mine")}</Typography.Title>
      <RepairsTable items={repairs.data} loading={repairs.loading} />
      <IncentivesCard />
      <BankConsentsCard />
    </>
  );
}

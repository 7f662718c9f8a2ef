import { Typography } from "antd";
import { listPenalties } from "../api/penalties";
import { listStores } from "../api/stores";
import { ErrorAlert } from "../components/error-alert";
import { PenaltiesTable } from "../components/penalties/penalties-table";
import { PenaltyForm } from "../components/penalties/penalty-form";
import { useUser } from "../auth/auth-context";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const RECORDERS = ["inspector", "leader", "admin"];

/** 行政处罚: record a penalty, then download its decision and credit-repair notice (双书同达). */
export function PenaltiesPage() {
  const { t } = useI18n();
  const { role } = useUser();
  const stores = useLoad(listStores, []);
  const penalties = useLoad(listPenalties, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.penalties")}</Typography.Title>
      <ErrorAlert error={stores.error ?? penalties.error} />
      {RECORDERS.includes(role) && (
        <PenaltyForm
          stores={stores.data}
          onRecorded={(penalty) => penalties.setData([penalty, ...(penalties.data ?? [])])}
        />
      )}
      <PenaltiesTable items={penalties.data} loading={penalties.loading} />
    </>
  );
}

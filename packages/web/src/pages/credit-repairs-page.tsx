import { Segmented, Typography } from "antd";
import { useState } from "react";
import { listRepairs, type CreditRepair, type RepairStatus } from "../api/penalties";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { RepairDecision } from "../components/penalties/repair-decision";
import { RepairsTable } from "../components/penalties/repairs-table";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const DECIDERS = ["inspector", "leader", "admin"];
const STATUSES: RepairStatus[] = ["pending", "approved", "rejected"];

/** 信用修复 queue: oldest first, today's decisions flagged (当日结); approve or reject. */
export function CreditRepairsPage() {
  const { t, label } = useI18n();
  const { role } = useUser();
  const [status, setStatus] = useState<RepairStatus>("pending");
  const { data, error, loading, setData } = useLoad(() => listRepairs(status), [status]);
  const replace = (updated: CreditRepair) =>
    setData((data ?? []).map((repair) => (repair.id === updated.id ? updated : repair)));
  return (
    <>
      <Typography.Title level={3}>{t("nav.creditRepairs")}</Typography.Title>
      <Segmented
        value={status}
        onChange={(value) => setStatus(value as RepairStatus)}
        options={STATUSES.map((value) => ({ value, label: label("repairs.status", value) }))}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={error} />
      <RepairsTable
        items={data}
        loading={loading}
        decide={
          DECIDERS.includes(role)
            ? (repair) => <RepairDecision repair={repair} onDecided={replace} />
            : undefined
        }
      />
    </>
  );
}

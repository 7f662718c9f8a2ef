import { Button, Space, Switch, Typography } from "antd";
import { useState } from "react";
import {
  jointPunishmentHref,
  listDishonesty,
  listStoresOfBusinesses,
  removeFromList,
  type DishonestyEntry,
} from "../api/dishonesty";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { BankPartnersCard } from "../components/penalties/bank-partners-card";
import { DishonestyTable } from "../components/penalties/dishonesty-table";
import { ListBusinessForm } from "../components/penalties/list-business-form";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const LISTERS = ["leader", "admin"];
const EXPORTERS = ["inspector", "leader", "admin"];

/** 严重违法失信名单 with the joint-punishment export (联合惩戒), and the bank partners for referrals. */
export function DishonestyPage() {
  const { t } = useI18n();
  const { role } = useUser();
  const [active, setActive] = useState(true);
  const entries = useLoad(() => listDishonesty(active), [active]);
  const stores = useLoad(listStoresOfBusinesses, []);
  const remove = useAction<DishonestyEntry>((updated) =>
    entries.setData((entries.data ?? []).map((entry) => (entry.id === updated.id ? updated : entry))),
  );
  const lister = LISTERS.includes(role);
  return (
    <>
      <Typography.Title level={3}>{t("nav.dishonesty")}</Typography.Title>
      <ErrorAlert error={entries.error ?? stores.error ?? remove.error} />
      {lister && (
        <ListBusinessForm
          stores={stores.data}
          onListed={(entry) => entries.setData([entry, ...(entries.data ?? [])])}
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Switch checked={active} onChange={setActive} /> {t("dishonesty.activeOnly")}
        {EXPORTERS.includes(role) && (
          <>
            <Button href={jointPunishmentHref("xlsx")} data-testid="dishonesty-export-xlsx">
              {t("dishonesty.exportXlsx")}
            </Button>
            <Button href={jointPunishmentHref("csv")}>{t("dishonesty.exportCsv")}</Button>
          </>
        )}
      </Space>
      <DishonestyTable
        items={entries.data}
        loading={entries.loading}
        removing={remove.pending}
        onRemove={lister ? (id, reason) => void remove.run(id, () => removeFromList(id, reason)) : undefined}
      />
      {LISTERS.includes(role) && <BankPartnersCard />}
    </>
  );
}

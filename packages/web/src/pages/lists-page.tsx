import { Typography } from "antd";
import { listEntries, withdrawEntry, type ListEntry } from "../api/lists";
import { listStores } from "../api/stores";
import { ErrorAlert } from "../components/error-alert";
import { ListEntriesTable } from "../components/lists/list-entries-table";
import { PublishForm } from "../components/lists/publish-form";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 红黑榜: the officers publish stores on the red or black list and withdraw them. */
export function ListsPage() {
  const { t } = useI18n();
  const stores = useLoad(listStores, []);
  const entries = useLoad(listEntries, []);
  const replace = (updated: ListEntry) =>
    entries.setData((entries.data ?? []).map((entry) => (entry.id === updated.id ? updated : entry)));
  const withdraw = useAction<ListEntry>(replace);
  return (
    <>
      <Typography.Title level={3}>{t("nav.lists")}</Typography.Title>
      <ErrorAlert error={stores.error ?? entries.error ?? withdraw.error} />
      <PublishForm
        stores={stores.data}
        onPublished={(entry) => entries.setData([entry, ...(entries.data ?? [])])}
      />
      <ListEntriesTable
        items={entries.data}
        loading={entries.loading}
        withdrawing={withdraw.pending}
        onWithdraw={(id) => void withdraw.run(id, () => withdrawEntry(id))}
      />
    </>
  );
}

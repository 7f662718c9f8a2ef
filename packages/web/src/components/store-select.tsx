import { Select } from "antd";
import type { Store } from "../api/stores";
import { useI18n } from "../i18n/language";

interface StoreSelectProps {
  stores: Store[] | undefined;
  /** Optional so that a Form.Item can control it. */
  value?: string;
  onChange?: (storeId: string) => void;
  testId?: string;
}

/** A store picked by typing part of its name or address. */
export function StoreSelect({ stores, value, onChange, testId = "store-select" }: StoreSelectProps) {
  const { t } = useI18n();
  return (
    <Select
      data-testid={testId}
      showSearch={{ optionFilterProp: "label" }}
      loading={!stores}
      value={value}
      onChange={onChange}
      placeholder={t("supervision.store")}
      aria-label={t("supervision.store")}
      style={{ minWidth: 320 }}
      options={stores?.map((store) => ({ value: store.id, label: `${store.name} · ${store.address}` }))}
    />
  );
}

import { Empty, Flex, Radio, Typography } from "antd";
import type { Store } from "../../api/stores";
import { useI18n } from "../../i18n/language";

interface StorePickerProps {
  stores: Store[];
  value: string | undefined;
  onChange: (store: Store) => void;
}

/** One of the business's stores (经营场所): a licence is per store. */
export function StorePicker({ stores, value, onChange }: StorePickerProps) {
  const { t } = useI18n();
  if (stores.length === 0) return <Empty description={t("wizard.noStores")} />;
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(stores.find((store) => store.id === e.target.value)!)}
      style={{ width: "100%" }}
    >
      <Flex vertical gap={12}>
        {stores.map((store) => (
          <Radio key={store.id} value={store.id}>
            <span data-testid={`store-option-${store.id}`}>
              <Typography.Text strong>{store.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{store.address}</Typography.Text>
            </span>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}

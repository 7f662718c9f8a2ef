import { Empty, Flex, Radio, Tag, Typography } from "antd";
import type { License } from "../../api/licensing";
import type { Store } from "../../api/stores";
import { useI18n } from "../../i18n/language";

interface StorePickerProps {
  stores: Store[];
  /** The business's licences: a store that holds a live JY licence cannot apply for a new one. */
  licenses: License[];
  value: string | undefined;
  onChange: (store: Store) => void;
}

const LIVE = ["valid", "suspended"];

/** One of the business's stores (经营场所): a licence is per store. */
export function StorePicker({ stores, licenses, value, onChange }: StorePickerProps) {
  const { t } = useI18n();
  if (stores.length === 0) return <Empty description={t("wizard.noStores")} />;
  const licensed = new Map(
    licenses
      .filter((license) => license.type === "JY" && LIVE.includes(license.status))
      .map((license) => [license.storeId, license.number]),
  );
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(stores.find((store) => store.id === e.target.value)!)}
      style={{ width: "100%" }}
    >
      <Flex vertical gap={12}>
        {stores.map((store) => {
          const number = licensed.get(store.id);
          return (
            <Radio key={store.id} value={store.id} disabled={Boolean(number)}>
              <span data-testid={`store-option-${store.id}`} data-licensed={Boolean(number)}>
                <Typography.Text data-testid="store-name" strong>
                  {store.name}
                </Typography.Text>
                {number && <Tag style={{ marginInlineStart: 8 }}>{t("wizard.licensed", { number })}</Tag>}
                <br />
                <Typography.Text type="secondary">{store.address}</Typography.Text>
              </span>
            </Radio>
          );
        })}
      </Flex>
    </Radio.Group>
  );
}

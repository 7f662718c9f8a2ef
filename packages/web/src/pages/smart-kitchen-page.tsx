import { Space, Typography } from "antd";
import { SmartKitchenCard } from "../components/kitchen/smart-kitchen-card";
import { ErrorAlert } from "../components/error-alert";
import { StoreSelect } from "../components/store-select";
import { useStoreChoice } from "../hooks/use-store-choice";
import { useI18n } from "../i18n/language";

/** 智慧厨房 (step 10): per store, its cameras, AI/IoT devices and the events to answer. */
export function SmartKitchenPage() {
  const { t } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  return (
    <>
      <Typography.Title level={3}>{t("nav.smartKitchen")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("kitchen.intro")}</Typography.Paragraph>
      <ErrorAlert error={choice.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {storeId && <SmartKitchenCard key={storeId} storeId={storeId} />}
    </>
  );
}

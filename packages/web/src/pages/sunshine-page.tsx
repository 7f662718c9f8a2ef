import { Space, Typography } from "antd";
import { ErrorAlert } from "../components/error-alert";
import { StoreSelect } from "../components/store-select";
import { KitchenFeedCard } from "../components/sunshine/kitchen-feed-card";
import { useStoreChoice } from "../hooks/use-store-choice";
import { useI18n } from "../i18n/language";

/** 阳光电子屏: per store, the kitchen video feeds the in-market display plays. */
export function SunshinePage() {
  const { t } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  return (
    <>
      <Typography.Title level={3}>{t("nav.sunshine")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("sunshine.intro")}</Typography.Paragraph>
      <ErrorAlert error={choice.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {storeId && <KitchenFeedCard key={storeId} storeId={storeId} />}
    </>
  );
}

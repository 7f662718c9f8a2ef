import { Descriptions, Drawer, Tag } from "antd";
import type { SafetyColour } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";
import { COLOURS } from "./chart-theme";

export interface PickedStore {
  name: string;
  colour: SafetyColour;
  safetyCode: string | null;
  openAlerts?: number | undefined;
}

/** A store picked on the map or in the list: its colour and a link to its public 食安码 scan page. */
export function StoreDrawer({
  store,
  onClose,
  container,
}: {
  store: PickedStore | null;
  onClose: () => void;
  /** In full screen only the cockpit shows: the drawer opens inside it. */
  container: () => HTMLElement;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open={store !== null}
      onClose={onClose}
      title={store?.name}
      getContainer={container}
      data-testid="cockpit-store-drawer"
    >
      {store && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("cockpit.colour")}>
            <Tag color={COLOURS[store.colour]}>{t(`cockpit.colour.${store.colour}`)}</Tag>
          </Descriptions.Item>
          {store.openAlerts !== undefined && (
            <Descriptions.Item label={t("cockpit.openAlerts")}>{store.openAlerts}</Descriptions.Item>
          )}
          <Descriptions.Item label={t("cockpit.scanPage")}>
            {store.safetyCode ? (
              <a
                href={`/s/${store.safetyCode}`}
                target="_blank"
                rel="noreferrer"
                data-testid="cockpit-store-scan"
              >
                /s/{store.safetyCode}
              </a>
            ) : (
              "—"
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

import { Button, Card, Flex, List, Select } from "antd";
import { useState } from "react";
import type { Patrol } from "../../api/inspections";
import type { Store } from "../../api/stores";
import { assignPatrols } from "../../api/volunteers";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface AssignFormProps {
  /** The volunteer's user id, once it is a valid one. */
  userId: string | undefined;
  stores: Store[] | undefined;
}

/** Assigns stores to a volunteer to patrol, and lists the patrols it planned. */
export function AssignForm({ userId, stores }: AssignFormProps) {
  const { t } = useI18n();
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [assigned, setAssigned] = useState<Patrol[]>([]);
  const { run, pending, error } = useAction<Patrol[]>((patrols) => {
    setStoreIds([]);
    setAssigned(patrols);
  });
  return (
    <Card size="small" title={t("volunteers.assign")} style={{ maxWidth: 640 }}>
      <ErrorAlert error={error} />
      <Flex vertical gap={12}>
        <Select
          data-testid="volunteer-stores"
          mode="multiple"
          showSearch={{ optionFilterProp: "label" }}
          aria-label={t("volunteers.stores")}
          placeholder={t("volunteers.stores")}
          loading={!stores}
          value={storeIds}
          onChange={setStoreIds}
          options={stores?.map((store) => ({ value: store.id, label: `${store.name} · ${store.address}` }))}
        />
        <Button
          data-testid="volunteer-assign"
          type="primary"
          disabled={!userId || storeIds.length === 0}
          loading={pending === "assign"}
          onClick={() => userId && void run("assign", () => assignPatrols(userId, storeIds))}
          style={{ alignSelf: "flex-start" }}
        >
          {t("volunteers.assignSubmit")}
        </Button>
        {assigned.length > 0 && (
          <List
            data-testid="volunteer-assigned"
            size="small"
            header={t("volunteers.assigned")}
            dataSource={assigned}
            renderItem={(patrol) => <List.Item key={patrol.id}>{patrol.storeName}</List.Item>}
          />
        )}
      </Flex>
    </Card>
  );
}

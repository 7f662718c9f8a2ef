import { Alert, Button, Flex, Input, Typography } from "antd";
import { useState } from "react";
import { listStores } from "../api/stores";
import { approveVolunteer, type Volunteer } from "../api/volunteers";
import { ErrorAlert } from "../components/error-alert";
import { AssignForm } from "../components/volunteers/assign-form";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 社会监督员: the officer approves a registered volunteer and assigns patrols. The API lists no volunteers,
 * so the officer enters the volunteer's user id.
 */
export function VolunteersPage() {
  const { t, label } = useI18n();
  const [typed, setTyped] = useState("");
  const [approved, setApproved] = useState<Volunteer | null>(null);
  const stores = useLoad(listStores, []);
  const approve = useAction<Volunteer>(setApproved);
  const userId = UUID.test(typed.trim()) ? typed.trim() : undefined;
  return (
    <>
      <Typography.Title level={3}>{t("nav.volunteers")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("volunteers.hint")}</Typography.Paragraph>
      <ErrorAlert error={stores.error} />
      <Flex vertical gap={16}>
        <Flex vertical style={{ maxWidth: 640 }}>
          <ErrorAlert error={approve.error} />
          <Flex gap={8}>
            <Input
              data-testid="volunteer-user-id"
              placeholder={t("volunteers.userId")}
              aria-label={t("volunteers.userId")}
              value={typed}
              status={typed.trim() && !userId ? "error" : undefined}
              onChange={(event) => {
                setTyped(event.target.value);
                setApproved(null);
              }}
            />
            <Button
              data-testid="volunteer-approve"
              type="primary"
              disabled={!userId}
              loading={approve.pending === "approve"}
              onClick={() => userId && void approve.run("approve", () => approveVolunteer(userId))}
            >
              {t("volunteers.approveSubmit")}
            </Button>
          </Flex>
          {approved && (
            <Alert
              data-testid="volunteer-status"
              type="success"
              showIcon
              style={{ marginTop: 12 }}
              title={t("volunteers.status", { status: label("volunteers.status", approved.status) })}
            />
          )}
        </Flex>
        <AssignForm userId={userId} stores={stores.data} />
      </Flex>
    </>
  );
}

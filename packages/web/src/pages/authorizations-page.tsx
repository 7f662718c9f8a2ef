import { Typography } from "antd";
import { listLicenses } from "../api/licensing";
import { listAuthorizations, revokeAuthorization, type Authorization } from "../api/partners";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { AuthorizationsTable } from "../components/partners/authorizations-table";
import { GrantForm } from "../components/partners/grant-form";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 授权管理: which third-party platforms may fetch the business's certificates; the owner grants and revokes. */
export function AuthorizationsPage() {
  const { t } = useI18n();
  const owner = useUser().role === "business_owner";
  const authorizations = useLoad(listAuthorizations, []);
  const licenses = useLoad(listLicenses, []);
  const revoke = useAction<Authorization[]>(authorizations.setData);
  return (
    <>
      <Typography.Title level={3}>{t("nav.authorizations")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("authorizations.hint")}</Typography.Paragraph>
      <ErrorAlert error={authorizations.error ?? licenses.error ?? revoke.error} />
      {owner && <GrantForm licenses={licenses.data ?? []} onGranted={authorizations.setData} />}
      <AuthorizationsTable
        items={authorizations.data}
        loading={authorizations.loading}
        licenses={licenses.data ?? []}
        revoking={revoke.pending}
        onRevoke={
          owner
            ? (id) =>
                revoke.run(id, async () => {
                  await revokeAuthorization(id);
                  return listAuthorizations();
                })
            : undefined
        }
      />
    </>
  );
}

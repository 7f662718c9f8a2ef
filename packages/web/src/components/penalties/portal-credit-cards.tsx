import { Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import {
  giveConsent,
  listMyBankPartners,
  listMyIncentives,
  withdrawConsent,
  type PortalBankPartner,
} from "../../api/dishonesty";
import { useUser } from "../../auth/auth-context";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** 守信激励: what each store's current grade qualifies for. */
export function IncentivesCard() {
  const { t, pick } = useI18n();
  const { data, error, loading } = useLoad(listMyIncentives, []);
  return (
    <Card size="small" title={t("incentives.title")} loading={loading} style={{ marginTop: 16 }}>
      <ErrorAlert error={error} />
      {data?.map((store) => (
        <div key={store.storeId} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{store.storeName}</Typography.Text>{" "}
          <Tag>{store.grade ? store.grade.grade : t("incentives.notGraded")}</Tag>
          {store.incentives.length === 0 ? (
            <Typography.Paragraph type="secondary">{t("incentives.none")}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              dataSource={store.incentives}
              renderItem={(incentive) => (
                <List.Item>
                  {pick(incentive.label)}
                  {incentive.maxYuan !== null &&
                    ` · ${t("incentives.upTo", { yuan: incentive.maxYuan.toLocaleString() })}`}
                </List.Item>
              )}
            />
          )}
        </div>
      ))}
    </Card>
  );
}

/** 银行推荐 consents: the business decides, bank by bank, and can withdraw at any time (PIPL). */
export function BankConsentsCard() {
  const { t, lang } = useI18n();
  const { role } = useUser();
  const partners = useLoad(listMyBankPartners, []);
  const replace = (updated: PortalBankPartner) =>
    partners.setData((partners.data ?? []).map((p) => (p.id === updated.id ? updated : p)));
  const action = useAction(replace);
  const owner = role === "business_owner";
  return (
    <Card size="small" title={t("consents.title")} loading={partners.loading} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t("consents.explain")}</Typography.Paragraph>
      <ErrorAlert error={partners.error ?? action.error} />
      {partners.data?.length === 0 && <Empty description={t("referrals.none")} />}
      {partners.data?.map((partner) => (
        <Space key={partner.id} style={{ display: "flex", marginBottom: 8 }}>
          <Typography.Text>{partner.name}</Typography.Text>
          {partner.consentedAt ? (
            <>
              <Tag color="green">
                {t("consents.given", { at: formatDateTime(partner.consentedAt, lang) })}
              </Tag>
              {owner && (
                <Button
                  size="small"
                  danger
                  loading={action.pending === partner.id}
                  onClick={() => void action.run(partner.id, () => withdrawConsent(partner.id))}
                >
                  {t("consents.withdraw")}
                </Button>
              )}
            </>
          ) : (
            owner && (
              <Button
                size="small"
                type="primary"
                data-testid="consent-give"
                loading={action.pending === partner.id}
                onClick={() => void action.run(partner.id, () => giveConsent(partner.id))}
              >
                {t("consents.give")}
              </Button>
            )
          )}
        </Space>
      ))}
    </Card>
  );
}

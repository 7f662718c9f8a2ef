import { App, Alert, Button, Card, DatePicker, Form, Radio, Select } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import type { License } from "../../api/licensing";
import { grantAuthorization, listAuthorizations, listPartners, type Authorization } from "../../api/partners";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface GrantFields {
  apiClientId: string;
  scope: "all" | "selected";
  licenseIds?: string[];
  validUntil: Dayjs;
}

interface GrantFormProps {
  /** The business's licences, to choose from. */
  licenses: License[];
  /** Gets the authorisations as they are after the grant. */
  onGranted: (authorizations: Authorization[]) => void;
}

/** Authorises a platform to fetch all the business's certificates, or the chosen ones, until the end of a day. */
export function GrantForm({ licenses, onGranted }: GrantFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantFields>();
  const scope = Form.useWatch("scope", form);
  const partners = useLoad(listPartners, []);
  const { run, pending, error } = useAction<Authorization[]>((authorizations) => {
    void message.success(t("authorizations.granted"));
    form.resetFields();
    onGranted(authorizations);
  });

  const grant = ({ apiClientId, scope: chosen, licenseIds, validUntil }: GrantFields) =>
    run("grant", async () => {
      await grantAuthorization({
        apiClientId,
        ...(chosen === "selected" ? { licenseIds } : {}),
        validUntil: validUntil.endOf("day").toISOString(),
      });
      return listAuthorizations();
    });

  return (
    <Card
      size="small"
      title={t("authorizations.new")}
      loading={partners.loading}
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={partners.error ?? error} />
      {partners.data?.length === 0 ? (
        <Alert data-testid="no-partners" type="info" showIcon title={t("authorizations.noPartners")} />
      ) : (
        <Form<GrantFields>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scope: "all" }}
          onFinish={grant}
          style={{ maxWidth: 520 }}
        >
          <Form.Item
            name="apiClientId"
            label={t("authorizations.platform")}
            rules={[{ required: true, message: t("authorizations.platformRequired") }]}
          >
            <Select
              data-testid="grant-platform"
              options={partners.data?.map((partner) => ({ value: partner.id, label: partner.name }))}
            />
          </Form.Item>
          <Form.Item name="scope" label={t("authorizations.scope")}>
            <Radio.Group>
              <Radio value="all">
                <span data-testid="grant-scope-all">{t("authorizations.all")}</span>
              </Radio>
              <Radio value="selected">
                <span data-testid="grant-scope-selected">{t("authorizations.selected")}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          {scope === "selected" && (
            <Form.Item
              name="licenseIds"
              rules={[{ required: true, message: t("authorizations.licensesRequired") }]}
            >
              <Select
                data-testid="grant-licenses"
                mode="multiple"
                aria-label={t("authorizations.selected")}
                options={licenses.map((license) => ({
                  value: license.id,
                  label: `${license.number} · ${license.storeName}`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="validUntil"
            label={t("authorizations.validUntil")}
            rules={[{ required: true, message: t("authorizations.validUntilRequired") }]}
          >
            <DatePicker
              data-testid="grant-valid-until"
              format="YYYY-MM-DD"
              disabledDate={(date) => date.isBefore(new Date(), "day")}
            />
          </Form.Item>
          <Button data-testid="grant-submit" type="primary" htmlType="submit" loading={pending === "grant"}>
            {t("authorizations.grant")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

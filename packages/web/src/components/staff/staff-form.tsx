import { App, Button, Card, DatePicker, Form, Input } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { addStaff, type StaffMember } from "../../api/staff";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface StaffFields {
  name: string;
  position?: string;
  healthCertificateNo: string;
  healthCertificateIssuer: string;
  healthCertificateValidTo: Dayjs;
}

/** Adds a member of staff to the store with their 健康证. */
export function StaffForm({ storeId, onAdded }: { storeId: string; onAdded: (member: StaffMember) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFields>();
  const { run, pending, error } = useAction<StaffMember>((member) => {
    void message.success(t("staff.added"));
    form.resetFields();
    onAdded(member);
  });
  const required = { required: true, whitespace: true, message: t("supervision.required") };

  const add = ({ position, healthCertificateValidTo, ...fields }: StaffFields) =>
    run("add", () =>
      addStaff(storeId, {
        ...fields,
        ...(position?.trim() ? { position: position.trim() } : {}),
        healthCertificateValidTo: healthCertificateValidTo.format("YYYY-MM-DD"),
      }),
    );

  return (
    <Card size="small" title={t("staff.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form<StaffFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={add}
        style={{ maxWidth: 520 }}
      >
        <Form.Item name="name" label={t("staff.name")} rules={[required]}>
          <Input data-testid="staff-name" maxLength={50} />
        </Form.Item>
        <Form.Item name="position" label={t("staff.position")}>
          <Input data-testid="staff-position" maxLength={50} />
        </Form.Item>
        <Form.Item name="healthCertificateNo" label={t("staff.certificateNo")} rules={[required]}>
          <Input data-testid="staff-certificate-no" maxLength={50} />
        </Form.Item>
        <Form.Item name="healthCertificateIssuer" label={t("staff.issuer")} rules={[required]}>
          <Input data-testid="staff-issuer" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="healthCertificateValidTo"
          label={t("staff.validTo")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <DatePicker data-testid="staff-valid-to" format="YYYY-MM-DD" />
        </Form.Item>
        <Button data-testid="staff-submit" type="primary" htmlType="submit" loading={pending === "add"}>
          {t("staff.add")}
        </Button>
      </Form>
    </Card>
  );
}

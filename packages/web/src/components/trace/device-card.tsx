import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Tag } from "antd";
import { DataTable } from "../data-table";
import { listDevices, registerDevice, revokeDevice, type Device } from "../../api/trace";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

interface DeviceValues {
  kind: "scale" | "till";
  name: string;
  publicKey: string;
}

/** The store's scales and tills that sign trace codes: register one with its public key, or revoke it. */
export function DeviceCard({ storeId }: { storeId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeviceValues>();
  const devices = useLoad(() => listDevices(storeId), [storeId]);
  const replace = (device: Device) =>
    devices.setData([device, ...(devices.data ?? []).filter((d) => d.id !== device.id)]);
  const { run, pending, error } = useAction<Device>((device) => {
    void message.success(t(device.status === "active" ? "device.registered" : "device.status.revoked"));
    form.resetFields();
    replace(device);
  });
  return (
    <Card size="small" title={t("device.title")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error ?? devices.error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: "scale" }}
        onFinish={(values) => run("register", () => registerDevice({ storeId, ...values }))}
      >
        <Form.Item name="kind" label={t("device.kind")}>
          <Select
            style={{ width: 110 }}
            options={(["scale", "till"] as const).map((kind) => ({
              value: kind,
              label: t(`device.kind.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t("device.name")} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="device-name" />
        </Form.Item>
        <Form.Item
          name="publicKey"
          label={t("device.publicKey")}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{43}$/ }]}
        >
          <Input data-testid="device-key" style={{ width: 380 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending === "register"}>
          {t("device.register")}
        </Button>
      </Form>
      <DataTable
        exportName={t("device.title")}
        data-testid="devices"
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        loading={devices.loading}
        dataSource={devices.data}
        locale={{ emptyText: t("device.none") }}
        pagination={false}
        columns={[
          { key: "name", title: t("device.name"), dataIndex: "name" },
          { key: "kind", title: t("device.kind"), render: (_, row) => t(`device.kind.${row.kind}`) },
          {
            key: "status",
            title: t("device.status"),
            render: (_, row) => (
              <Tag color={row.status === "active" ? "green" : "default"}>
                {t(`device.status.${row.status}`)}
              </Tag>
            ),
          },
          { key: "createdAt", title: "", render: (_, row) => formatDateTime(row.createdAt, lang) },
          {
            key: "revoke",
            title: "",
            render: (_, row) =>
              row.status === "active" && (
                <Flex>
                  <Popconfirm
                    title={t("device.revokeConfirm")}
                    onConfirm={() => run("revoke", () => revokeDevice(row.id))}
                  >
                    <Button size="small" danger loading={pending === "revoke"}>
                      {t("device.revoke")}
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}

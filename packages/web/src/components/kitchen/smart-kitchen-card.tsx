import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import {
  addCamera,
  addDevice,
  deleteCamera,
  listCameras,
  listDevices,
  listEvents,
  respondToEvent,
  revokeDevice,
  rotateCameraKey,
  snapshotImageUrl,
  type KitchenDevice,
  type KitchenEvent,
} from "../../api/kitchen";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { isMessageKey } from "../../i18n/messages";
import { DataTable } from "../data-table";
import { ErrorAlert } from "../error-alert";

/** The same rule as the server: an https HLS playlist (ending .m3u8, query string allowed). */
const HLS_URL = /^https:\/\/\S+\.m3u8(\?\S*)?$/;

/** 智慧厨房: cameras (snapshot keys; their HLS URL plays on the 阳光电子屏 — the one place feeds are managed), AI cameras and IoT sensors (device keys), and events the store answers. */
export function SmartKitchenCard({ storeId }: { storeId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const cameras = useLoad(() => listCameras(storeId), [storeId]);
  const devices = useLoad(() => listDevices(storeId), [storeId]);
  const events = useLoad(() => listEvents(storeId), [storeId]);
  /** A key just issued: shown once, never again. */
  const [issued, setIssued] = useState<string | null>(null);
  const [cameraForm] = Form.useForm<{ name: string; hlsUrl?: string }>();
  const [deviceForm] = Form.useForm<{ kind: KitchenDevice["kind"]; name: string }>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const camera = useAction<Awaited<ReturnType<typeof addCamera>>>(({ feed, snapshotKey }) => {
    setIssued(snapshotKey);
    cameraForm.resetFields();
    cameras.setData([feed, ...(cameras.data ?? [])]);
  });
  const rotated = useAction<Awaited<ReturnType<typeof rotateCameraKey>>>(({ feed, snapshotKey }) => {
    setIssued(snapshotKey);
    cameras.setData((cameras.data ?? []).map((c) => (c.id === feed.id ? feed : c)));
  });
  const removed = useAction<string>((id) => cameras.setData((cameras.data ?? []).filter((c) => c.id !== id)));
  const device = useAction<Awaited<ReturnType<typeof addDevice>>>(({ device: added, deviceKey }) => {
    setIssued(deviceKey);
    deviceForm.resetFields();
    devices.setData([added, ...(devices.data ?? [])]);
  });
  const revoked = useAction<KitchenDevice>((row) =>
    devices.setData((devices.data ?? []).map((d) => (d.id === row.id ? row : d))),
  );
  const answered = useAction<KitchenEvent>((row) => {
    void message.success(t("kitchen.answered"));
    events.setData((events.data ?? []).map((e) => (e.id === row.id ? row : e)));
  });
  const typeLabel = (type: string) => {
    const key = `kitchen.type.${type}`;
    return isMessageKey(key) ? t(key) : type;
  };
  return (
    <Card size="small" title={t("nav.smartKitchen")} style={{ marginBottom: 16 }}>
      <ErrorAlert
        error={
          cameras.error ??
          devices.error ??
          events.error ??
          camera.error ??
          rotated.error ??
          removed.error ??
          device.error ??
          revoked.error ??
          answered.error
        }
      />
      {issued && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 12 }}
          message={t("kitchen.keyOnce")}
          description={
            <Typography.Text copyable code data-testid="kitchen-key">
              {issued}
            </Typography.Text>
          }
        />
      )}

      <Typography.Title level={5}>{t("kitchen.events")}</Typography.Title>
      <DataTable
        exportName={t("kitchen.events")}
        data-testid="kitchen-events"
        size="small"
        rowKey="id"
        loading={events.loading}
        dataSource={events.data}
        locale={{ emptyText: t("kitchen.noEvents") }}
        pagination={{ pageSize: 10 }}
        columns={[
          { key: "at", title: t("kitchen.at"), render: (_, row) => formatDateTime(row.at, lang) },
          {
            key: "type",
            title: t("kitchen.type"),
            render: (_, row) => (
              <Tag color={row.type === "rodent" ? "red" : "orange"}>{typeLabel(row.type)}</Tag>
            ),
          },
          {
            key: "snapshot",
            title: t("kitchen.snapshot"),
            render: (_, row) =>
              row.snapshotId ? (
                <a href={snapshotImageUrl(row.snapshotId)} target="_blank" rel="noreferrer">
                  {t("kitchen.view")}
                </a>
              ) : null,
          },
          {
            key: "response",
            title: t("kitchen.response"),
            render: (_, row) =>
              row.response ? (
                row.response
              ) : (
                <Space.Compact style={{ width: 360 }}>
                  <Input
                    maxLength={500}
                    placeholder={t("kitchen.responsePlaceholder")}
                    value={answers[row.id] ?? ""}
                    onChange={(e) => setAnswers({ ...answers, [row.id]: e.target.value })}
                  />
                  <Button
                    type="primary"
                    disabled={!answers[row.id]?.trim()}
                    loading={answered.pending === row.id}
                    onClick={() =>
                      answered.run(row.id, () => respondToEvent(storeId, row.id, answers[row.id]!.trim()))
                    }
                  >
                    {t("kitchen.respond")}
                  </Button>
                </Space.Compact>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("kitchen.devices")}
      </Typography.Title>
      <Form
        form={deviceForm}
        layout="inline"
        initialValues={{ kind: "ai_camera" }}
        onFinish={(values) => device.run("add", () => addDevice(storeId, values))}
      >
        <Form.Item name="kind">
          <Select
            style={{ width: 160 }}
            options={[
              { value: "ai_camera", label: t("kitchen.kind.ai_camera") },
              { value: "iot_sensor", label: t("kitchen.kind.iot_sensor") },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t("kitchen.name")} />
        </Form.Item>
        <Button htmlType="submit" loading={device.pending === "add"}>
          {t("kitchen.addDevice")}
        </Button>
      </Form>
      <DataTable
        exportName={t("kitchen.devices")}
        size="small"
        rowKey="id"
        style={{ marginTop: 8 }}
        loading={devices.loading}
        dataSource={devices.data}
        pagination={false}
        columns={[
          { key: "name", title: t("kitchen.name"), dataIndex: "name" },
          { key: "kind", title: t("kitchen.kind"), render: (_, row) => t(`kitchen.kind.${row.kind}`) },
          {
            key: "status",
            title: t("kitchen.status"),
            render: (_, row) => (row.status === "active" ? t("kitchen.active") : t("kitchen.revoked")),
          },
          {
            key: "lastSeenAt",
            title: t("kitchen.lastSeen"),
            render: (_, row) => formatDateTime(row.lastSeenAt, lang),
          },
          {
            key: "revoke",
            title: "",
            render: (_, row) =>
              row.status === "active" && (
                <Popconfirm
                  title={t("kitchen.revokeConfirm")}
                  onConfirm={() => revoked.run(row.id, () => revokeDevice(row.id))}
                >
                  <Button size="small" danger loading={revoked.pending === row.id}>
                    {t("kitchen.revoke")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("kitchen.cameras")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("kitchen.hlsUrlHint")}</Typography.Paragraph>
      <Form
        form={cameraForm}
        layout="inline"
        onFinish={(values) =>
          camera.run("add", () =>
            addCamera(storeId, { name: values.name, ...(values.hlsUrl ? { hlsUrl: values.hlsUrl } : {}) }),
          )
        }
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t("kitchen.name")} data-testid="camera-name" />
        </Form.Item>
        <Form.Item name="hlsUrl" rules={[{ pattern: HLS_URL, max: 2000, message: t("kitchen.hlsUrlRule") }]}>
          <Input
            data-testid="camera-url"
            style={{ width: 360 }}
            placeholder={`${t("kitchen.hlsUrl")} https://…/index.m3u8`}
          />
        </Form.Item>
        <Button htmlType="submit" loading={camera.pending === "add"}>
          {t("kitchen.addCamera")}
        </Button>
      </Form>
      <DataTable
        exportName={t("kitchen.cameras")}
        size="small"
        rowKey="id"
        style={{ marginTop: 8 }}
        loading={cameras.loading}
        dataSource={cameras.data}
        pagination={false}
        columns={[
          { key: "name", title: t("kitchen.name"), dataIndex: "name" },
          {
            key: "url",
            title: t("kitchen.hlsUrl"),
            render: (_, row) => row.hlsUrl && <Typography.Text copyable>{row.hlsUrl}</Typography.Text>,
          },
          {
            key: "upload",
            title: t("kitchen.snapshotUpload"),
            render: (_, row) => (row.snapshotUpload ? t("kitchen.yes") : t("kitchen.no")),
          },
          { key: "createdAt", title: "", render: (_, row) => formatDateTime(row.createdAt, lang) },
          {
            key: "actions",
            title: "",
            render: (_, row) => (
              <Space>
                <Popconfirm
                  title={t("kitchen.rotateConfirm")}
                  onConfirm={() => rotated.run(row.id, () => rotateCameraKey(row.id))}
                >
                  <Button size="small" loading={rotated.pending === row.id}>
                    {t("kitchen.rotateKey")}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t("kitchen.deleteConfirm")}
                  onConfirm={() => removed.run(row.id, () => deleteCamera(row.id).then(() => row.id))}
                >
                  <Button size="small" danger loading={removed.pending === row.id}>
                    {t("kitchen.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

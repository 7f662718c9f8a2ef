import { Button, Card, Descriptions, Flex, Form, Image, Input, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import {
  acknowledgeComplaint,
  assignComplaint,
  closeComplaint,
  complaintThumbnailUrl,
  fileUrl,
  getComplaint,
  listComplaintInspectors,
  type ComplaintDetail,
} from "../api/complaints";
import { ComplaintSla, ComplaintStatusTag } from "../components/complaints/complaint-sla";
import { ErrorAlert } from "../components/error-alert";
import { FullPageSpin } from "../components/full-page-spin";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** One complaint: what was reported, its photos and SLA, and the officer's actions (受理 / 派员 / 办结). */
export function ComplaintPage() {
  const { id = "" } = useParams();
  const { t, label, lang } = useI18n();
  const { data, error, setData } = useLoad(() => getComplaint(id), [id]);
  const inspectors = useLoad(() => listComplaintInspectors(id), [id]);
  const action = useAction<ComplaintDetail>(setData);
  const [inspectorId, setInspectorId] = useState<string>();
  const [form] = Form.useForm<{ reply: string; upheld: boolean }>();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <FullPageSpin />;
  const open = data.status !== "closed";
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>
        {t("complaints.title")} <ComplaintStatusTag status={data.status} />
      </Typography.Title>
      <ErrorAlert error={action.error} />
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t("complaints.store")}>{data.storeName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("complaints.category")}>
            {label("complaints.category", data.category)}
          </Descriptions.Item>
          <Descriptions.Item label={t("complaints.description")}>
            <Typography.Paragraph
              data-testid="complaint-description"
              style={{ whiteSpace: "pre-wrap", margin: 0 }}
            >
              {data.description}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t("complaints.createdAt")}>
            {formatDateTime(data.createdAt, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t("complaints.sla")}>
            <ComplaintSla complaint={data} />
          </Descriptions.Item>
          <Descriptions.Item label={t("complaints.phone")}>{data.contactPhone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("complaints.assignee")}>{data.assigneeName ?? "—"}</Descriptions.Item>
          {data.reply && (
            <Descriptions.Item label={t("complaints.reply")}>
              <span data-testid="complaint-reply">{data.reply}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {data.photoFileIds.length > 0 && (
        <Card title={t("complaints.photos")}>
          <Image.PreviewGroup>
            <Space wrap>
              {data.photoFileIds.map((fileId) => (
                <Image
                  key={fileId}
                  data-testid="complaint-photo"
                  width={120}
                  src={complaintThumbnailUrl(data.id, fileId)}
                  preview={{ src: fileUrl(fileId) }}
                  alt=""
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}
      {open && (
        <Card title={t("complaints.actions")}>
          <Flex vertical gap={16}>
            {data.status === "received" && (
              <Button
                data-testid="complaint-acknowledge"
                loading={action.pending === "acknowledge"}
                onClick={() => action.run("acknowledge", () => acknowledgeComplaint(data.id))}
              >
                {t("complaints.acknowledge")}
              </Button>
            )}
            <Space wrap>
              <Select
                data-testid="complaint-inspector"
                style={{ minWidth: 220 }}
                placeholder={t("complaints.chooseInspector")}
                value={inspectorId}
                onChange={setInspectorId}
                loading={inspectors.loading}
                options={(inspectors.data ?? []).map((i) => ({
                  value: i.id,
                  label: `${i.displayName} (${i.username})`,
                }))}
              />
              <Button
                data-testid="complaint-assign"
                disabled={!inspectorId}
                loading={action.pending === "assign"}
                onClick={() =>
                  inspectorId && action.run("assign", () => assignComplaint(data.id, inspectorId))
                }
              >
                {t("complaints.assign")}
              </Button>
            </Space>
            {data.status !== "received" && (
              <Form
                form={form}
                layout="vertical"
                initialValues={{ upheld: true }}
                onFinish={(values) =>
                  action.run("close", () => closeComplaint(data.id, values.reply, values.upheld))
                }
              >
                <Form.Item
                  name="reply"
                  label={t("complaints.reply")}
                  rules={[{ required: true, message: t("complaints.replyRequired") }]}
                >
                  <Input.TextArea data-testid="complaint-reply-input" rows={4} maxLength={4000} />
                </Form.Item>
                <Form.Item name="upheld" label={t("complaints.upheld")}>
                  <Radio.Group>
                    <Radio value={true}>{t("complaints.upheldYes")}</Radio>
                    <Radio value={false}>{t("complaints.upheldNo")}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Button
                  data-testid="complaint-close"
                  type="primary"
                  htmlType="submit"
                  loading={action.pending === "close"}
                >
                  {t("complaints.close")}
                </Button>
              </Form>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

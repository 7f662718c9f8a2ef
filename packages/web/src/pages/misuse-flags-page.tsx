import { useState } from "react";
import { App, Button, Descriptions, Input, Select, Space, Tag, Typography } from "antd";
import {
  decideMisuseFlag,
  listMisuseFlags,
  type MisuseFlag,
  type MisuseFlagKind,
  type MisuseFlagStatus,
} from "../api/misuse";
import { DataTable } from "../components/data-table";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

const KINDS: MisuseFlagKind[] = [
  "licence_not_valid",
  "name_mismatch",
  "address_mismatch",
  "licence_shared",
  "region_mismatch",
];
const STATUSES: MisuseFlagStatus[] = ["open", "confirmed", "dismissed"];
const STATUS_COLOUR: Record<MisuseFlagStatus, string> = {
  open: "orange",
  confirmed: "red",
  dismissed: "default",
};

interface Side {
  name?: string;
  storeName?: string;
  holderName?: string;
  address?: string;
  normalisedName?: string;
  normalisedNames?: string[];
  normalisedAddress?: { cleaned?: string };
}

/** 冒用核查: officers confirm or dismiss flags of licences misused by delivery-platform shops. */
export function MisuseFlagsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<MisuseFlagStatus | undefined>("open");
  const [kind, setKind] = useState<MisuseFlagKind | undefined>();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const flags = useLoad(() => listMisuseFlags({ status, kind }), [status, kind]);
  const decide = useAction<MisuseFlag>((flag) => {
    void message.success(t(flag.status === "confirmed" ? "misuse.confirmed" : "misuse.dismissed"));
    flags.setData((flags.data ?? []).map((row) => (row.id === flag.id ? flag : row)));
  });
  const run = (flag: MisuseFlag, decision: "confirm" | "dismiss") =>
    void decide.run(`${decision}:${flag.id}`, () =>
      decideMisuseFlag(flag.id, decision, notes[flag.id]?.trim() || t(`misuse.defaultNote.${decision}`)),
    );

  const evidence = (flag: MisuseFlag) => {
    const shop = (flag.evidence.shop ?? {}) as Side;
    const licence = (flag.evidence.licence ?? null) as Side | null;
    const shared = flag.evidence.platformShopIds as string[] | undefined;
    return (
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("misuse.shopName")}>
          {shop.name} <Typography.Text type="secondary">→ {shop.normalisedName}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("misuse.licensedName")}>
          {licence ? `${licence.storeName} / ${licence.holderName}` : "—"}{" "}
          <Typography.Text type="secondary">→ {licence?.normalisedNames?.join(" / ")}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("misuse.shopAddress")}>
          {shop.address}{" "}
          <Typography.Text type="secondary">→ {shop.normalisedAddress?.cleaned}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("misuse.licensedAddress")}>
          {licence?.address ?? "—"}{" "}
          <Typography.Text type="secondary">→ {licence?.normalisedAddress?.cleaned}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("misuse.reason")}>{String(flag.evidence.reason ?? "")}</Descriptions.Item>
        {shared && <Descriptions.Item label={t("misuse.sharedWith")}>{shared.join("、")}</Descriptions.Item>}
      </Descriptions>
    );
  };

  return (
    <>
      <Typography.Title level={3}>{t("nav.misuse")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("misuse.hint")}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select
          data-testid="misuse-status"
          style={{ width: 140 }}
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t("misuse.status")}
          options={STATUSES.map((value) => ({ value, label: t(`misuse.status.${value}`) }))}
        />
        <Select
          data-testid="misuse-kind"
          style={{ width: 200 }}
          allowClear
          value={kind}
          onChange={setKind}
          placeholder={t("misuse.kind")}
          options={KINDS.map((value) => ({ value, label: t(`misuse.kind.${value}`) }))}
        />
      </Space>
      <ErrorAlert error={flags.error ?? decide.error} />
      <DataTable<MisuseFlag>
        exportName={t("nav.misuse")}
        data-testid="misuse-flags"
        rowKey="id"
        loading={flags.loading}
        dataSource={flags.data}
        locale={{ emptyText: t("misuse.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: evidence }}
        columns={[
          { key: "kind", title: t("misuse.kind"), render: (_, row) => t(`misuse.kind.${row.kind}`) },
          { key: "shop", title: t("misuse.shopName"), dataIndex: "shopName" },
          { key: "platform", title: t("misuse.platform"), dataIndex: "clientName" },
          { key: "licence", title: t("misuse.licenseNo"), dataIndex: "licenseNo" },
          {
            key: "createdAt",
            title: t("misuse.createdAt"),
            render: (_, row) => formatDateTime(row.createdAt, lang),
          },
          {
            key: "status",
            title: t("misuse.status"),
            render: (_, row) => (
              <Tag color={STATUS_COLOUR[row.status]}>{t(`misuse.status.${row.status}`)}</Tag>
            ),
          },
          {
            key: "decide",
            title: t("misuse.decision"),
            render: (_, row) =>
              row.status === "open" ? (
                <Space>
                  <Input
                    size="small"
                    maxLength={500}
                    placeholder={t("misuse.note")}
                    value={notes[row.id] ?? ""}
                    onChange={(event) => setNotes({ ...notes, [row.id]: event.target.value })}
                  />
                  <Button
                    size="small"
                    danger
                    data-testid={`misuse-confirm-${row.id}`}
                    loading={decide.pending === `confirm:${row.id}`}
                    onClick={() => run(row, "confirm")}
                  >
                    {t("misuse.confirm")}
                  </Button>
                  <Button
                    size="small"
                    loading={decide.pending === `dismiss:${row.id}`}
                    onClick={() => run(row, "dismiss")}
                  >
                    {t("misuse.dismiss")}
                  </Button>
                </Space>
              ) : (
                row.decisionNote
              ),
          },
        ]}
      />
    </>
  );
}

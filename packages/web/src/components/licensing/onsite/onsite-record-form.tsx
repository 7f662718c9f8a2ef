import { useState } from "react";
import { App, Button, Checkbox, Divider, Flex, Input, Tag, Typography } from "antd";
import {
  recordOnsite,
  type ApplicationDetail,
  type ChecklistLevel,
  type OnsiteResult,
} from "../../../api/licensing";
import { useAction } from "../../../hooks/use-action";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";
import { PhotoPicker } from "./photo-picker";
import { ResultButtons } from "./result-buttons";

const LEVELS: { level: ChecklistLevel; color: string }[] = [
  { level: "key", color: "red" },
  { level: "important", color: "orange" },
  { level: "general", color: "default" },
];

interface OnsiteRecordFormProps {
  application: ApplicationDetail;
  onRecorded: (application: ApplicationDetail) => void;
  /** The phone layout: one column, big buttons. */
  large?: boolean;
}

/** The on-site checklist (现场核查表) by level, photos and the applicant's signature, recorded in one go. */
export function OnsiteRecordForm({ application, onRecorded, large = false }: OnsiteRecordFormProps) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [results, setResults] = useState<Record<string, OnsiteResult>>({});
  const [photos, setPhotos] = useState<string[]>([]);
  const [signed, setSigned] = useState(false);
  const [notes, setNotes] = useState("");
  const { run, pending, error } = useAction<ApplicationDetail>((recorded) => {
    void message.success(t("onsite.recorded"));
    onRecorded(recorded);
  });

  const { checklist } = application;
  const unanswered = checklist.filter((item) => !results[item.code]).length;

  const save = () =>
    run("record", () =>
      recordOnsite(application.id, {
        results: checklist.map((item) => ({ code: item.code, result: results[item.code]! })),
        photoFileIds: photos,
        applicantSigned: signed,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    );

  return (
    <Flex vertical gap={12} data-testid="onsite-form">
      {LEVELS.map(({ level, color }) => {
        const items = checklist.filter((item) => item.level === level);
        if (items.length === 0) return null;
        return (
          <section key={level}>
            <Divider titlePlacement="start" style={{ margin: "8px 0" }}>
              <Tag color={color}>{label("onsite.level", level)}</Tag>
              {items.length}
            </Divider>
            <Flex vertical gap={large ? 16 : 8}>
              {items.map((item) => (
                <Flex
                  key={item.code}
                  vertical={large}
                  justify="space-between"
                  align={large ? "stretch" : "center"}
                  gap={8}
                >
                  <Typography.Text style={large ? { fontSize: 16 } : undefined}>{item.text}</Typography.Text>
                  <ResultButtons
                    code={item.code}
                    large={large}
                    value={results[item.code]}
                    onChange={(result) => setResults((previous) => ({ ...previous, [item.code]: result }))}
                  />
                </Flex>
              ))}
            </Flex>
          </section>
        );
      })}
      <Divider style={{ margin: "8px 0" }} />
      <Typography.Text strong>{t("onsite.photos")}</Typography.Text>
      <PhotoPicker value={photos} onChange={setPhotos} large={large} />
      <Input.TextArea
        aria-label={t("onsite.notes")}
        placeholder={t("onsite.notes")}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <Checkbox data-testid="onsite-signed" checked={signed} onChange={(e) => setSigned(e.target.checked)}>
        {t("onsite.applicantSigned")}
      </Checkbox>
      <ErrorAlert error={error} />
      {unanswered > 0 && (
        <Typography.Text type="warning">{t("onsite.unanswered", { n: unanswered })}</Typography.Text>
      )}
      <Button
        data-testid="onsite-submit"
        type="primary"
        size={large ? "large" : "middle"}
        block={large}
        loading={pending === "record"}
        disabled={unanswered > 0}
        onClick={save}
      >
        {t("onsite.submit")}
      </Button>
    </Flex>
  );
}

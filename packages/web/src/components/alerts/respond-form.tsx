import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { respondToAlert, type Alert } from "../../api/alerts";
import { uploadFile } from "../../api/files";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** The business says what it did about an open alert, with optional photos; the officer then closes it. */
export function RespondForm({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const action = useAction((updated: Alert) => {
    setText("");
    setFiles([]);
    onDone(updated);
  });
  const send = () =>
    action.run("respond", async () => {
      const ids = [];
      for (const file of files) ids.push((await uploadFile(file)).id);
      return respondToAlert(alert.id, text.trim(), ids);
    });
  return (
    <Flex vertical gap={6} style={{ minWidth: 240 }}>
      <Input.TextArea
        data-testid="alert-response"
        placeholder={t("alerts.responsePlaceholder")}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <label>
        {t("alerts.evidence")}{" "}
        <input
          type="file"
          accept="image/*"
          multiple
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
        />
      </label>
      <ErrorAlert error={action.error} />
      <Button
        data-testid="alert-respond"
        type="primary"
        loading={action.pending === "respond"}
        disabled={!text.trim()}
        onClick={() => void send()}
      >
        {t("alerts.respond")}
      </Button>
    </Flex>
  );
}

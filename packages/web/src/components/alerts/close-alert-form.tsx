import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { closeAlert, type Alert } from "../../api/alerts";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** 闭环处置: the officer closes an open alert with a note (its task is done with it). */
export function CloseAlertForm({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const action = useAction(onDone);
  return (
    <Flex vertical gap={6} style={{ minWidth: 220 }}>
      <Input.TextArea
        data-testid="alert-note"
        placeholder={t("alerts.note")}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <ErrorAlert error={action.error} />
      <Button
        data-testid="alert-close"
        type="primary"
        loading={action.pending === "close"}
        disabled={!note.trim()}
        onClick={() => void action.run("close", () => closeAlert(alert.id, note.trim()))}
      >
        {t("alerts.close")}
      </Button>
    </Flex>
  );
}

import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { uploadFile } from "../../api/files";
import { applyForRepair, type CreditRepair, type Penalty } from "../../api/penalties";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** 即申即办: the business states what it did and uploads the evidence (fine receipt, photos) in one go. */
export function RepairApplyForm({
  penalty,
  onApplied,
}: {
  penalty: Penalty;
  onApplied: (r: CreditRepair) => void;
}) {
  const { t } = useI18n();
  const [statement, setStatement] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const action = useAction(onApplied);
  const send = () =>
    action.run("apply", async () => {
      const ids = [];
      for (const file of files) ids.push((await uploadFile(file)).id);
      return applyForRepair(penalty.id, statement, ids);
    });
  return (
    <Flex vertical gap={6} style={{ minWidth: 260 }}>
      <Input.TextArea
        data-testid="repair-statement"
        placeholder={t("repairs.statementHint")}
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
      />
      <label>
        {t("repairs.evidence")}{" "}
        <input
          type="file"
          accept="image/*,application/pdf"
          multiple
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
        />
      </label>
      <ErrorAlert error={action.error} />
      <Button
        type="primary"
        data-testid="repair-apply"
        loading={action.pending === "apply"}
        disabled={!statement.trim() || files.length === 0}
        onClick={() => void send()}
      >
        {t("repairs.apply")}
      </Button>
    </Flex>
  );
}

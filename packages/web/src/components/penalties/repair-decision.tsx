import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { decideRepair, type CreditRepair } from "../../api/penalties";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** Approve (the grade is recomputed at once) or reject with a reason. */
export function RepairDecision({
  repair,
  onDecided,
}: {
  repair: CreditRepair;
  onDecided: (r: CreditRepair) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const action = useAction(onDecided);
  return (
    <Flex vertical gap={6} style={{ minWidth: 220 }}>
      <Input placeholder={t("repairs.note")} value={note} onChange={(event) => setNote(event.target.value)} />
      <ErrorAlert error={action.error} />
      <Flex gap={6}>
        <Button
          type="primary"
          data-testid="repair-approve"
          loading={action.pending === "approve"}
          onClick={() => void action.run("approve", () => decideRepair(repair.id, true, note))}
        >
          {t("repairs.approve")}
        </Button>
        <Button
          danger
          data-testid="repair-reject"
          disabled={!note.trim()}
          loading={action.pending === "reject"}
          onClick={() => void action.run("reject", () => decideRepair(repair.id, false, note))}
        >
          {t("repairs.reject")}
        </Button>
      </Flex>
    </Flex>
  );
}

import { useState } from "react";
import { Button, DatePicker, Flex } from "antd";
import { CalendarOutlined } from "@ant-design/icons";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { scheduleOnsite } from "../../../api/licensing";
import { useAction } from "../../../hooks/use-action";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";
import type { StageProps } from "./stage-props";

/** Sets (or moves) the date and time of the on-site inspection. */
export function ScheduleOnsite({ application, onChange }: StageProps) {
  const { t } = useI18n();
  const [at, setAt] = useState<Dayjs | null>(null);
  const { run, pending, error } = useAction(onChange);
  return (
    <Flex vertical gap={8}>
      <ErrorAlert error={error} />
      <Flex gap={8} wrap>
        <DatePicker
          data-testid="onsite-at"
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          placeholder={t("onsite.scheduleAt")}
          disabledDate={(date) => date.isBefore(new Date(), "day")}
          value={at}
          onChange={setAt}
        />
        <Button
          data-testid="onsite-schedule"
          icon={<CalendarOutlined />}
          disabled={!at}
          loading={pending === "schedule"}
          onClick={() => at && run("schedule", () => scheduleOnsite(application.id, at.toISOString()))}
        >
          {t("onsite.schedule")}
        </Button>
      </Flex>
    </Flex>
  );
}

import { Timeline, Typography } from "antd";
import type { ApplicationDetail } from "../../api/licensing";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

const COLORS: Record<string, string> = { return: "red", reject: "red", withdraw: "gray", approve: "green" };

/** Who did what to the application, and when (from the audit trail). */
export function ApplicationTimeline({ timeline }: { timeline: ApplicationDetail["timeline"] }) {
  const { label, lang } = useI18n();
  return (
    <Timeline
      data-testid="timeline"
      items={timeline.map((event, index) => ({
        key: index,
        color: COLORS[event.action] ?? "blue",
        content: (
          <>
            <Typography.Text strong>{label("action", event.action)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {event.actor} · {formatDateTime(event.at, lang)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

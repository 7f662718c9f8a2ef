import { Alert, Empty, Flex, Image, Typography } from "antd";
import { useState } from "react";
import { snapshotImageUrl, type PatrolStore } from "../../api/online-patrols";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

/**
 * The left half of the patrol: the kitchen's live stream (a plain <video> on the HLS URL: browsers that play
 * HLS natively show it, the others the fallback text) and the latest snapshots; clicking one chooses it as
 * evidence for the items marked failed (or, with none failed, for the patrol's first item).
 */
export function LiveView({
  store,
  chosen,
  onToggle,
}: {
  store: PatrolStore;
  chosen: readonly string[];
  onToggle: (snapshotId: string) => void;
}) {
  const { t, lang } = useI18n();
  const [unplayable, setUnplayable] = useState<Record<string, boolean>>({});
  return (
    <Flex vertical gap={12} data-testid="online-patrol-live">
      {store.feeds.length === 0 && <Alert type="info" showIcon title={t("onlinePatrol.noFeed")} />}
      {store.feeds.map((feed) => (
        <div key={feed.id}>
          <Typography.Text strong>{feed.name}</Typography.Text>
          {feed.hlsUrl && !unplayable[feed.id] ? (
            <video
              data-testid="online-patrol-video"
              src={feed.hlsUrl}
              controls
              muted
              autoPlay
              playsInline
              onError={() => setUnplayable({ ...unplayable, [feed.id]: true })}
              style={{ width: "100%", maxHeight: 260, background: "#000", display: "block" }}
            >
              {t("onlinePatrol.videoUnsupported")}
            </video>
          ) : (
            <Alert
              data-testid="online-patrol-video-fallback"
              type="warning"
              showIcon
              title={feed.hlsUrl ? t("onlinePatrol.videoUnsupported") : t("onlinePatrol.noStream")}
            />
          )}
        </div>
      ))}
      <Typography.Text strong>{t("onlinePatrol.snapshots")}</Typography.Text>
      <Typography.Text type="secondary">{t("onlinePatrol.snapshotHint")}</Typography.Text>
      {store.snapshots.length === 0 ? (
        <Empty description={t("onlinePatrol.noSnapshots")} />
      ) : (
        <Flex wrap gap={8}>
          {store.snapshots.map((snapshot) => {
            const selected = chosen.includes(snapshot.id);
            return (
              <button
                type="button"
                key={snapshot.id}
                data-testid="online-patrol-snapshot"
                data-selected={selected}
                aria-pressed={selected}
                onClick={() => onToggle(snapshot.id)}
                style={{
                  padding: 2,
                  cursor: "pointer",
                  background: "none",
                  border: selected ? "3px solid #1677ff" : "3px solid transparent",
                  borderRadius: 6,
                }}
              >
                <Image
                  src={snapshotImageUrl(snapshot.id)}
                  alt={formatDateTime(snapshot.takenAt, lang)}
                  width={144}
                  height={81}
                  preview={false}
                  style={{ objectFit: "cover" }}
                />
                <div style={{ fontSize: 12 }}>{formatDateTime(snapshot.takenAt, lang)}</div>
              </button>
            );
          })}
        </Flex>
      )}
    </Flex>
  );
}

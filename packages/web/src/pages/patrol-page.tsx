import { Alert, Button, Card, Empty, Flex, Input, Result, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../api/client";
import { uploadFile } from "../api/files";
import {
  listMyPatrols,
  listTemplates,
  submitPatrol,
  type CheckResult,
  type Patrol,
  type PatrolResult,
  type SubmittedPatrol,
} from "../api/inspections";
import { ErrorAlert } from "../components/error-alert";
import { FullPageSpin } from "../components/full-page-spin";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** A patrol in progress, kept in localStorage so a failed submission (no signal) loses nothing. */
interface Draft {
  storeId: string;
  results: Record<string, CheckResult>;
  notes: Record<string, string>;
  photoFileIds: string[];
}

const draftKey = (storeId: string) => `shian.patrol-draft.${storeId}`;

function loadDraft(storeId: string): Draft {
  try {
    const stored = localStorage.getItem(draftKey(storeId));
    if (stored) return JSON.parse(stored) as Draft;
  } catch {
    // A broken draft is dropped.
  }
  return { storeId, results: {}, notes: {}, photoFileIds: [] };
}

function currentPosition(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) return reject(new Error("no geolocation"));
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
      reject,
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  });
}

/** 社会监督员 on their round: the assigned stores, then a checklist with big buttons, photos and the GPS fix. */
export function PatrolPage() {
  const { t } = useI18n();
  const { data, error, loading } = useLoad(async () => {
    const [patrols, templates] = await Promise.all([listMyPatrols(), listTemplates()]);
    return { patrols, template: templates.find((template) => template.code === "patrol")! };
  }, []);
  const [open, setOpen] = useState<Patrol | null>(null);
  const [done, setDone] = useState<SubmittedPatrol | null>(null);

  if (loading && !data) return <FullPageSpin />;
  if (done) {
    return (
      <Result
        status="success"
        data-testid="patrol-done"
        title={t("patrol.submitted")}
        subTitle={done.failedItems.length > 0 ? t("patrol.findingDispatched") : t("patrol.allGood")}
        extra={
          <Button size="large" onClick={() => window.location.reload()}>
            {t("patrol.back")}
          </Button>
        }
      />
    );
  }
  if (open && data) {
    return (
      <PatrolForm patrol={open} template={data.template} onDone={setDone} onCancel={() => setOpen(null)} />
    );
  }
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4}>{t("patrol.assigned")}</Typography.Title>
      <ErrorAlert error={error} />
      {data?.patrols.length === 0 && <Empty description={t("patrol.none")} />}
      {data?.patrols.map((patrol) => (
        <Card
          key={patrol.id}
          size="small"
          title={patrol.storeName}
          data-testid="patrol-card"
          extra={
            <Button type="primary" size="large" data-testid="patrol-start" onClick={() => setOpen(patrol)}>
              {t("patrol.start")}
            </Button>
          }
        >
          <Typography.Text type="secondary">{patrol.storeAddress}</Typography.Text>
          {patrol.plannedFor && (
            <div>
              {t("patrol.due")}: {patrol.plannedFor}
            </div>
          )}
        </Card>
      ))}
    </Flex>
  );
}

function PatrolForm({
  patrol,
  template,
  onDone,
  onCancel,
}: {
  patrol: Patrol;
  template: { items: { code: string; text: { zh: string; en: string }; critical: boolean }[] };
  onDone: (submitted: SubmittedPatrol) => void;
  onCancel: () => void;
}) {
  const { t, pick } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(patrol.storeId));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    localStorage.setItem(draftKey(patrol.storeId), JSON.stringify(draft));
  }, [draft, patrol.storeId]);

  const answered = template.items.every((item) => draft.results[item.code]);
  const failed = template.items.some((item) => draft.results[item.code] === "fail");

  const setResult = (code: string, result: CheckResult) =>
    setDraft((d) => ({ ...d, results: { ...d.results, [code]: result } }));

  const addPhoto = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const stored = await uploadFile(file);
      setDraft((d) => ({ ...d, photoFileIds: [...d.photoFileIds, stored.id] }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t("patrol.offline"));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const position = await currentPosition().catch(() => {
        throw new Error(t("patrol.noGps"));
      });
      const results: PatrolResult[] = template.items.map((item) => ({
        code: item.code,
        result: draft.results[item.code]!,
        ...(draft.notes[item.code]?.trim() ? { note: draft.notes[item.code]!.trim() } : {}),
      }));
      const submitted = await submitPatrol({
        storeId: patrol.storeId,
        results,
        ...position,
        photoFileIds: draft.photoFileIds,
      });
      localStorage.removeItem(draftKey(patrol.storeId));
      onDone(submitted);
    } catch (error) {
      // The draft stays in localStorage: the volunteer can retry when the signal is back.
      setProblem(
        error instanceof Error ? `${error.message} — ${t("patrol.draftKept")}` : t("patrol.draftKept"),
      );
    } finally {
      setBusy(false);
    }
  };

  const choices: { value: CheckResult; label: string; danger?: boolean }[] = [
    { value: "pass", label: t("patrol.pass") },
    { value: "fail", label: t("patrol.fail"), danger: true },
    { value: "na", label: t("patrol.na") },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4}>{patrol.storeName}</Typography.Title>
      <Typography.Text type="secondary">{patrol.storeAddress}</Typography.Text>
      {template.items.map((item) => (
        <Card key={item.code} size="small" data-testid={`patrol-item-${item.code}`}>
          <Typography.Paragraph strong>
            {pick(item.text)}
            {item.critical && <Typography.Text type="danger"> *</Typography.Text>}
          </Typography.Paragraph>
          <Flex gap={8}>
            {choices.map((choice) => (
              <Button
                key={choice.value}
                data-testid={`patrol-${item.code}-${choice.value}`}
                aria-pressed={draft.results[item.code] === choice.value}
                type={draft.results[item.code] === choice.value ? "primary" : "default"}
                danger={choice.danger === true && draft.results[item.code] === choice.value}
                style={{ flex: 1, height: 56, fontSize: 18 }}
                onClick={() => setResult(item.code, choice.value)}
              >
                {choice.label}
              </Button>
            ))}
          </Flex>
          {draft.results[item.code] === "fail" && (
            <Input.TextArea
              style={{ marginTop: 8 }}
              placeholder={t("patrol.note")}
              value={draft.notes[item.code] ?? ""}
              onChange={(event) =>
                setDraft((d) => ({ ...d, notes: { ...d.notes, [item.code]: event.target.value } }))
              }
            />
          )}
        </Card>
      ))}
      <Card size="small" title={t("patrol.photos")}>
        <input
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="patrol-photo"
          disabled={busy}
          onChange={(event) => void addPhoto(event.target.files?.[0])}
        />
        <div data-testid="patrol-photo-count">
          {t("patrol.photoCount")}: {draft.photoFileIds.length}
        </div>
      </Card>
      {failed && draft.photoFileIds.length === 0 && (
        <Alert type="warning" message={t("patrol.photoNeeded")} />
      )}
      {problem && <Alert type="error" data-testid="patrol-error" message={problem} />}
      <Button
        type="primary"
        size="large"
        block
        style={{ height: 64, fontSize: 20 }}
        data-testid="patrol-submit"
        loading={busy}
        disabled={!answered || (failed && draft.photoFileIds.length === 0)}
        onClick={() => void submit()}
      >
        {t("patrol.submit")}
      </Button>
      <Button size="large" block onClick={onCancel}>
        {t("patrol.back")}
      </Button>
    </Flex>
  );
}

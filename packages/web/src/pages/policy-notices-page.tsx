import { Typography } from "antd";
import { listPolicyNotices } from "../api/lists";
import { ErrorAlert } from "../components/error-alert";
import { NoticeForm } from "../components/lists/notice-form";
import { PolicyNoticeList } from "../components/lists/policy-notice-list";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 政策通知: what the bureau tells businesses; `publish` adds the officers' form to post one. */
export function PolicyNoticesPage({ publish = false }: { publish?: boolean }) {
  const { t } = useI18n();
  const { data, error, setData } = useLoad(listPolicyNotices, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.notices")}</Typography.Title>
      <ErrorAlert error={error} />
      {publish && <NoticeForm onPosted={(notice) => setData([notice, ...(data ?? [])])} />}
      {!error && <PolicyNoticeList notices={data} />}
    </>
  );
}

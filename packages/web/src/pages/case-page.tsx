import { Skeleton } from "antd";
import { useParams } from "react-router";
import { getApplication, type Queue } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { ApplicationOverview } from "../components/licensing/application-overview";
import { StageActions } from "../components/licensing/stage/stage-actions";
import { useLoad } from "../hooks/use-load";

/** An application as an officer handles it; opened from a stage's queue, it offers that stage's actions. */
export function CasePage({ queue }: { queue?: Queue }) {
  const { id = "" } = useParams();
  const { data: application, error, setData } = useLoad(() => getApplication(id), [id]);
  if (!application) return error ? <ErrorAlert error={error} /> : <Skeleton active />;
  return (
    <ApplicationOverview
      application={application}
      actions={queue && <StageActions queue={queue} application={application} onChange={setData} />}
    />
  );
}

import type { ApplicationDetail } from "../../../api/licensing";

/** What the actions of one stage get: the application, and where its updated copy goes after each action. */
export interface StageProps {
  application: ApplicationDetail;
  onChange: (application: ApplicationDetail) => void;
}

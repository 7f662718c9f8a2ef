import type { ApplicationSummary, Queue } from "../../../api/licensing";

/**
 * Whether the application waits for an officer of this stage (as the server's work queues define it):
 * commitment (告知承诺) and cancellation applications go from acceptance straight to decision.
 */
export function awaitsStage(application: ApplicationSummary, queue: Queue): boolean {
  const skipsReview = application.commitment || application.kind === "cancellation";
  switch (queue) {
    case "acceptance":
      return application.status === "submitted";
    case "review":
      return !skipsReview && (application.status === "accepted" || application.status === "onsite_scheduled");
    case "decision":
      return application.status === "reviewed" || (application.status === "accepted" && skipsReview);
  }
}

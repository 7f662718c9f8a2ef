/**
 * The licence application state machine. Acceptance (受理), review (审查) and decision (许可) are separate
 * stages done by different officers (三分离, seed 003); each transition names the stage it belongs to.
 */
export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "accepted",
  "onsite_scheduled",
  "reviewed",
  "approved",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type Stage = "application" | "acceptance" | "review" | "decision";

export type ApplicationAction =
  | "submit"
  | "withdraw"
  | "return"
  | "accept"
  | "schedule_onsite"
  | "record_onsite"
  | "review"
  | "approve"
  | "reject";

interface Transition {
  from: readonly ApplicationStatus[];
  /** Statuses reachable only when the application skips review (commitment path, cancellation). */
  fromWithoutReview?: readonly ApplicationStatus[];
  to: ApplicationStatus;
  stage: Stage;
}

const TRANSITIONS: Record<ApplicationAction, Transition> = {
  submit: { from: ["draft", "returned"], to: "submitted", stage: "application" },
  withdraw: { from: ["draft", "submitted", "returned"], to: "withdrawn", stage: "application" },
  return: { from: ["submitted"], to: "returned", stage: "acceptance" },
  accept: { from: ["submitted"], to: "accepted", stage: "acceptance" },
  schedule_onsite: { from: ["accepted", "onsite_scheduled"], to: "onsite_scheduled", stage: "review" },
  record_onsite: { from: ["onsite_scheduled"], to: "onsite_scheduled", stage: "review" },
  review: { from: ["accepted", "onsite_scheduled"], to: "reviewed", stage: "review" },
  approve: { from: ["reviewed"], fromWithoutReview: ["accepted"], to: "approved", stage: "decision" },
  reject: { from: ["reviewed"], fromWithoutReview: ["accepted"], to: "rejected", stage: "decision" },
};

export interface WorkflowState {
  status: ApplicationStatus;
  /** Commitment (告知承诺) and cancellation applications go from acceptance straight to decision. */
  skipsReview: boolean;
}

/** The status after an action, or null when the action is not allowed in this state (→ 409). */
export function nextStatus(state: WorkflowState, action: ApplicationAction): ApplicationStatus | null {
  const transition = TRANSITIONS[action];
  if (state.skipsReview && transition.stage === "review") return null;
  const from = state.skipsReview ? (transition.fromWithoutReview ?? transition.from) : transition.from;
  return from.includes(state.status) ? transition.to : null;
}

export function stageOf(action: ApplicationAction): Stage {
  return TRANSITIONS[action].stage;
}

/** The officers who acted on each stage so far. */
export interface StageActors {
  acceptance: string | null;
  review: readonly string[];
  decision: string | null;
}

/** 三分离: an officer who acted on one stage of an application may not act on another stage of it. */
export function actedOnOtherStage(actors: StageActors, stage: Stage, officerId: string): boolean {
  const others: (string | null)[] = [
    ...(stage === "acceptance" ? [] : [actors.acceptance]),
    ...(stage === "review" ? [] : actors.review),
    ...(stage === "decision" ? [] : [actors.decision]),
  ];
  return others.includes(officerId);
}

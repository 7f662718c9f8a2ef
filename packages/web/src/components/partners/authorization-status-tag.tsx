import { Tag } from "antd";
import { useI18n } from "../../i18n/language";
import type { AuthorizationState } from "./authorization-state";

const COLORS: Record<AuthorizationState, string> = {
  active: "success",
  expired: "default",
  revoked: "error",
};

export function AuthorizationStatusTag({ state }: { state: AuthorizationState }) {
  const { label } = useI18n();
  return (
    <Tag data-testid="authorization-status" data-status={state} color={COLORS[state]}>
      {label("authorizationStatus", state)}
    </Tag>
  );
}

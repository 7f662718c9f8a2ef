import { Button, Flex } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/language";
import { navHref, navTestId, type NavItem } from "../layouts/nav";

/** Big buttons, one per job, easy to hit on a phone in the field. */
export function MobileHomePage({ base, nav }: { base: string; nav: readonly NavItem[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      {nav.map((item) => (
        <Button
          key={item.path}
          data-testid={navTestId(item)}
          type="primary"
          size="large"
          block
          icon={item.icon}
          style={{ height: 96, fontSize: 22 }}
          onClick={() => navigate(navHref(base, item.path))}
        >
          {t(item.label)}
        </Button>
      ))}
    </Flex>
  );
}

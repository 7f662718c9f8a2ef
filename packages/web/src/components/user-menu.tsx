import { Button, Dropdown, type MenuProps } from "antd";
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { useAuth, useUser } from "../auth/auth-context";
import { useI18n } from "../i18n/language";

const NAME_STYLE = {
  display: "inline-block",
  maxWidth: "40vw",
  overflow: "hidden",
  textOverflow: "ellipsis",
  whiteSpace: "nowrap",
  verticalAlign: "bottom",
} as const;

/** The signed-in user's name, opening "change password" (at `{base}/password`) and "log out". */
export function UserMenu({ base }: { base: string }) {
  const { t } = useI18n();
  const { logout } = useAuth();
  const user = useUser();
  const navigate = useNavigate();

  const items: MenuProps["items"] = [
    {
      key: "password",
      icon: <KeyOutlined />,
      label: t("user.changePassword"),
      "data-testid": "change-password",
    },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, label: t("user.logout"), "data-testid": "logout" },
  ];

  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") void navigate(`${base}/password`);
    else void logout().then(() => navigate("/login", { replace: true }));
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]}>
      <Button type="text" data-testid="user-menu" icon={<UserOutlined />} title={user.displayName}>
        {/* A long name is cut with an ellipsis rather than pushing the header off a phone's screen. */}
        <span style={NAME_STYLE}>{user.displayName}</span> <DownOutlined />
      </Button>
    </Dropdown>
  );
}

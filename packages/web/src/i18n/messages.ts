// Every string the web front end shows, in Chinese (the default) and English.

interface Message {
  zh: string;
  en: string;
}

export const messages = {
  "app.console": { zh: "食安 shian 监管平台", en: "shian regulator console" },
  "app.portal": { zh: "食安 shian 企业服务", en: "shian business portal" },
  "app.mobile": { zh: "食安 shian 移动端", en: "shian mobile" },
  "app.login": { zh: "食安 shian", en: "shian" },
  "app.tagline": {
    zh: "食品经营许可与食品安全监管",
    en: "Food business licensing and food safety supervision",
  },

  "lang.other": { zh: "English", en: "中文" },

  "login.username": { zh: "用户名", en: "Username" },
  "login.password": { zh: "密码", en: "Password" },
  "login.submit": { zh: "登录", en: "Sign in" },
  "login.usernameRequired": { zh: "请输入用户名", en: "Enter your username" },
  "login.passwordRequired": { zh: "请输入密码", en: "Enter your password" },

  "nav.dashboard": { zh: "工作台", en: "Dashboard" },
  "nav.acceptance": { zh: "受理", en: "Acceptance" },
  "nav.review": { zh: "审查", en: "Review" },
  "nav.decisions": { zh: "许可决定", en: "Decisions" },
  "nav.inspections": { zh: "检查", en: "Inspections" },
  "nav.cockpit": { zh: "驾驶舱", en: "Cockpit" },
  "nav.users": { zh: "用户管理", en: "Users" },
  "nav.stores": { zh: "我的门店", en: "My stores" },
  "nav.applications": { zh: "许可申请", en: "Applications" },
  "nav.certificates": { zh: "电子证照", en: "Certificates" },
  "nav.tasks": { zh: "任务", en: "Tasks" },
  "nav.patrols": { zh: "巡查", en: "Patrols" },

  "user.changePassword": { zh: "修改密码", en: "Change password" },
  "user.logout": { zh: "退出登录", en: "Log out" },

  "password.current": { zh: "当前密码", en: "Current password" },
  "password.new": { zh: "新密码", en: "New password" },
  "password.confirm": { zh: "确认新密码", en: "Confirm new password" },
  "password.required": { zh: "请输入密码", en: "Enter a password" },
  "password.mismatch": { zh: "两次输入的新密码不一致", en: "The new passwords do not match" },
  "password.submit": { zh: "保存", en: "Save" },
  "password.changed": { zh: "密码已修改", en: "Password changed" },

  "placeholder.later": { zh: "此页面将在后续步骤中完善", en: "Later steps fill this page" },
  "error.unexpected": { zh: "出现意外错误，请稍后重试", en: "Something went wrong, please try again" },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messages;

import { Button } from "antd";
import { TranslationOutlined } from "@ant-design/icons";
import { useI18n } from "../i18n/language";

/** Switches between Chinese and English; the label names the language it switches to. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      data-testid="lang-switch"
      icon={<TranslationOutlined />}
      onClick={() => setLang(lang === "en" ? "zh-CN" : "en")}
    >
      {t("lang.other")}
    </Button>
  );
}

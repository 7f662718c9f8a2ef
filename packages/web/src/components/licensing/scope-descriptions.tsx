import { Descriptions } from "antd";
import type { Scope } from "../../api/licensing";
import { useDomainNames } from "../../i18n/domain-names";
import { useI18n } from "../../i18n/language";
import { FACT_FIELDS } from "./facts";

/** What is applied for: 主体业态, 具体业态, 经营项目 as the licence would print them, and the stated facts. */
export function ScopeDescriptions({ scope }: { scope: Partial<Scope> }) {
  const { t } = useI18n();
  const names = useDomainNames();
  const facts = FACT_FIELDS.filter((field) => scope[field.name] !== undefined);
  return (
    <Descriptions
      data-testid="scope"
      size="small"
      column={1}
      bordered
      items={[
        {
          key: "form",
          label: t("scope.businessForm"),
          children: scope.businessForm && names.form(scope.businessForm),
        },
        {
          key: "subtype",
          label: t("scope.subtype"),
          children: scope.subtype && names.subtype(scope.subtype),
        },
        {
          key: "items",
          label: t("scope.items"),
          children: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {scope.items?.map((item) => (
                <li key={item.code}>{names.item(item)}</li>
              ))}
            </ul>
          ),
        },
        ...facts.map((field) => {
          const value = scope[field.name];
          return {
            key: field.name,
            label: t(field.label),
            children: typeof value === "boolean" ? t(value ? "common.yes" : "common.no") : value,
          };
        }),
      ]}
    />
  );
}

import { Checkbox, Form, InputNumber, Radio } from "antd";
import {
  BUSINESS_FORMS,
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPES,
  BUSINESS_SUBTYPE_NAMES,
  type BusinessForm,
  type BusinessSubtype,
} from "@shian/domain";
import type { Facts } from "../../../api/licensing";
import { useI18n } from "../../../i18n/language";
import { FACT_FIELDS } from "../facts";
import { ItemPicker } from "./item-picker";
import type { ScopeDraft } from "./scope-draft";

interface ScopeFormProps {
  value: ScopeDraft;
  onChange: (draft: ScopeDraft) => void;
}

/** 主体业态, 具体业态, 经营项目 with qualifiers, and the facts of the premises that the chosen form is asked. */
export function ScopeForm({ value, onChange }: ScopeFormProps) {
  const { t, pick } = useI18n();
  const { businessForm, subtype } = value;
  const set = (patch: Partial<ScopeDraft>) => onChange({ ...value, ...patch });
  const facts =
    businessForm && subtype ? FACT_FIELDS.filter((field) => field.asks(businessForm, subtype)) : [];

  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item label={t("scope.businessForm")}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={businessForm}
          onChange={(e) => set({ businessForm: e.target.value as BusinessForm, subtype: undefined })}
        >
          {BUSINESS_FORMS.map((form) => (
            <Radio.Button key={form} value={form}>
              <span data-testid={`form-${form}`}>{pick(BUSINESS_FORM_NAMES[form])}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {businessForm && (
        <Form.Item label={t("scope.subtype")}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={subtype}
            onChange={(e) => set({ subtype: e.target.value as BusinessSubtype })}
          >
            {BUSINESS_SUBTYPES[businessForm].map((code) => (
              <Radio.Button key={code} value={code}>
                <span data-testid={`subtype-${code}`}>{pick(BUSINESS_SUBTYPE_NAMES[code])}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item label={t("scope.items")}>
        <ItemPicker value={value.items} onChange={(items) => set({ items })} />
      </Form.Item>
      {facts.length > 0 && (
        <Form.Item label={t("scope.facts")}>
          {facts.map((field) =>
            field.type === "number" ? (
              <Form.Item key={field.name} label={t(field.label)} style={{ marginBottom: 8 }}>
                <InputNumber
                  data-testid={`fact-${field.name}`}
                  min={0}
                  value={value[field.name] as number | undefined}
                  onChange={(n) => set({ [field.name]: n ?? undefined } as Partial<Facts>)}
                />
              </Form.Item>
            ) : (
              <div key={field.name}>
                <Checkbox
                  checked={value[field.name] === true}
                  onChange={(e) => set({ [field.name]: e.target.checked } as Partial<Facts>)}
                >
                  <span data-testid={`fact-${field.name}`}>{t(field.label)}</span>
                </Checkbox>
              </div>
            ),
          )}
        </Form.Item>
      )}
    </Form>
  );
}

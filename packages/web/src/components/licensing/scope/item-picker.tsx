import { Checkbox, Flex, Input, Typography } from "antd";
import {
  ITEM_NAMES,
  ITEM_QUALIFIERS,
  MANAGEMENT_ITEM_CODES,
  PREPARATION_ITEM_CODES,
  SALES_ITEM_CODES,
  SPECIAL_FOOD_KINDS,
  SPECIAL_FOOD_KIND_NAMES,
  type ItemCode,
  type SpecialFoodKind,
} from "@shian/domain";
import type { ItemInput } from "../../../api/licensing";
import { useI18n } from "../../../i18n/language";
import type { MessageKey } from "../../../i18n/messages";

const GROUPS: { label: MessageKey; codes: readonly ItemCode[] }[] = [
  { label: "scope.group.sales", codes: SALES_ITEM_CODES },
  { label: "scope.group.preparation", codes: PREPARATION_ITEM_CODES },
  { label: "scope.group.management", codes: MANAGEMENT_ITEM_CODES },
];

interface ItemPickerProps {
  value: ItemInput[];
  onChange: (items: ItemInput[]) => void;
}

/** 经营项目 by group; a picked item shows its qualifiers (含冷藏冷冻食品, special-food kinds, variety…). */
export function ItemPicker({ value, onChange }: ItemPickerProps) {
  const { t, pick } = useI18n();
  const picked = new Map(value.map((item) => [item.code, item]));

  const toggle = (code: ItemCode, on: boolean) =>
    onChange(on ? [...value, { code }] : value.filter((item) => item.code !== code));
  const update = (code: ItemCode, patch: Partial<ItemInput>) =>
    onChange(value.map((item) => (item.code === code ? { ...item, ...patch } : item)));

  return (
    <Flex vertical gap={12}>
      {GROUPS.map((group) => (
        <div key={group.label}>
          <Typography.Text type="secondary">{t(group.label)}</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {group.codes.map((code) => {
              const item = picked.get(code);
              return (
                <div key={code}>
                  <Checkbox checked={Boolean(item)} onChange={(e) => toggle(code, e.target.checked)}>
                    <span data-testid={`item-${code}`}>{pick(ITEM_NAMES[code])}</span>
                  </Checkbox>
                  {item && <Qualifiers item={item} onChange={(patch) => update(code, patch)} />}
                </div>
              );
            })}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

function Qualifiers({ item, onChange }: { item: ItemInput; onChange: (patch: Partial<ItemInput>) => void }) {
  const { t, label, pick } = useI18n();
  return (
    <Flex vertical gap={4} style={{ marginInlineStart: 24, marginTop: 4 }}>
      {ITEM_QUALIFIERS[item.code].map((qualifier) => {
        switch (qualifier) {
          // 散装酒 (art. 18) is not part of the API's item yet.
          case "bulkLiquor":
            return null;
          case "kinds":
            return (
              <Checkbox.Group<SpecialFoodKind>
                key={qualifier}
                aria-label={t("scope.kinds")}
                value={item.kinds ?? []}
                onChange={(kinds) => onChange({ kinds: kinds.length > 0 ? kinds : undefined })}
                options={SPECIAL_FOOD_KINDS.map((kind) => ({
                  value: kind,
                  label: pick(SPECIAL_FOOD_KIND_NAMES[kind]),
                }))}
              />
            );
          case "variety":
            return (
              <Input
                key={qualifier}
                data-testid={`qualifier-${item.code}-variety`}
                placeholder={t("scope.variety")}
                aria-label={t("scope.variety")}
                maxLength={200}
                value={item.variety ?? ""}
                onChange={(e) => onChange({ variety: e.target.value })}
                style={{ maxWidth: 320 }}
              />
            );
          default:
            return (
              <Checkbox
                key={qualifier}
                checked={item[qualifier] === true}
                onChange={(e) => onChange({ [qualifier]: e.target.checked || undefined })}
              >
                <span data-testid={`qualifier-${item.code}-${qualifier}`}>
                  {label("qualifier", qualifier)}
                </span>
              </Checkbox>
            );
        }
      })}
    </Flex>
  );
}

import { Button, Flex } from "antd";
import type { OnsiteResult } from "../../../api/licensing";
import { useI18n } from "../../../i18n/language";

const RESULTS: { result: OnsiteResult; color: "green" | "danger" | "default" }[] = [
  { result: "pass", color: "green" },
  { result: "fail", color: "danger" },
  { result: "na", color: "default" },
];

interface ResultButtonsProps {
  code: string;
  value: OnsiteResult | undefined;
  onChange: (result: OnsiteResult) => void;
  /** Big, full-width buttons for a thumb in the field. */
  large?: boolean;
}

/** Pass / fail / not applicable for one checklist item. */
export function ResultButtons({ code, value, onChange, large = false }: ResultButtonsProps) {
  const { label } = useI18n();
  return (
    <Flex gap={8} style={large ? { width: "100%" } : undefined}>
      {RESULTS.map(({ result, color }) => (
        <Button
          key={result}
          data-testid={`onsite-${code}-${result}`}
          aria-pressed={value === result}
          color={value === result ? color : "default"}
          variant={value === result ? "solid" : "outlined"}
          size={large ? "large" : "small"}
          style={large ? { flex: 1, height: 56, fontSize: 18 } : undefined}
          onClick={() => onChange(result)}
        >
          {label("onsite.result", result)}
        </Button>
      ))}
    </Flex>
  );
}

import { chinaDate, isRegionCode, regionLevel } from "@shian/domain";
import { AutoComplete, Form, Input } from "antd";
import { listChildRegions, type Region } from "../../api/supervision";
import { useUser } from "../../auth/auth-context";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";

export interface PlanScope {
  /** A district code, or "" while none is chosen. */
  regionCode: string;
  /** YYYY-MM. */
  period: string;
}

const isDistrict = (code: string | null): code is string =>
  !!code && isRegionCode(code) && regionLevel(code) === "county";

/** The districts an officer plans for: his own district, or those under his city. */
function useDistricts(): Region[] {
  const user = useUser();
  const children = useLoad(
    async () => (user.regionCode && !isDistrict(user.regionCode) ? listChildRegions(user.regionCode) : []),
    [user.regionCode],
  );
  if (isDistrict(user.regionCode)) {
    return [{ code: user.regionCode, name: user.regionName ?? user.regionCode, level: "county" }];
  }
  return children.data ?? [];
}

export function defaultScope(regionCode: string | null): PlanScope {
  return { regionCode: isDistrict(regionCode) ? regionCode : "", period: chinaDate(new Date()).slice(0, 7) };
}

/** Which district and month the page shows. */
export function PlanFilter({ scope, onChange }: { scope: PlanScope; onChange: (scope: PlanScope) => void }) {
  const { t } = useI18n();
  const districts = useDistricts();
  return (
    <Form layout="inline" style={{ marginBottom: 16 }}>
      <Form.Item label={t("plans.district")}>
        <AutoComplete
          data-testid="plans-district"
          style={{ width: 220 }}
          value={scope.regionCode}
          options={districts.map((d) => ({ value: d.code, label: `${d.name} ${d.code}` }))}
          placeholder={t("plans.districtHint")}
          onChange={(regionCode: string) => onChange({ ...scope, regionCode: regionCode.trim() })}
        />
      </Form.Item>
      <Form.Item label={t("plans.period")}>
        <Input
          data-testid="plans-period"
          type="month"
          required
          value={scope.period}
          onChange={(event) => event.target.value && onChange({ ...scope, period: event.target.value })}
        />
      </Form.Item>
    </Form>
  );
}

import { Breadcrumb } from "antd";
import type { RegionRef } from "../../api/cockpit";
import { useI18n } from "../../i18n/language";

/** From the jurisdiction down to the region shown; each level above the last goes back up. */
export function RegionBreadcrumb({
  crumbs,
  onPick,
}: {
  crumbs: RegionRef[];
  onPick: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Breadcrumb
      data-testid="cockpit-breadcrumb"
      items={crumbs.map((crumb, index) => {
        const name = crumb.level === "national" ? t("cockpit.national") : crumb.name;
        return index === crumbs.length - 1
          ? { title: <span data-testid={`cockpit-crumb-${crumb.code}`}>{name}</span> }
          : {
              title: (
                <a data-testid={`cockpit-crumb-${crumb.code}`} onClick={() => onPick(crumb.code)}>
                  {name}
                </a>
              ),
            };
      })}
    />
  );
}

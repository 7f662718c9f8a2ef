import { Descriptions, Typography } from "antd";
import { getPublicDraw } from "../../api/supervision";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** What makes a draw checkable by anyone: seed, revealed secret against its commitment, hashes, sizes. */
export function DrawRecord({ drawId }: { drawId: string }) {
  const { t } = useI18n();
  const draw = useLoad(() => getPublicDraw(drawId), [drawId]);
  if (!draw.data) return <ErrorAlert error={draw.error} />;
  const { data } = draw;
  const code = (text: string) => (
    <Typography.Text code copyable>
      {text}
    </Typography.Text>
  );
  return (
    <Descriptions data-testid="draw-record" size="small" column={1} bordered>
      <Descriptions.Item label={t("draws.algorithm")}>{data.algorithm}</Descriptions.Item>
      <Descriptions.Item label={t("plans.declaredSeed")}>{code(data.declaredSeed)}</Descriptions.Item>
      <Descriptions.Item label={t("draws.secret")}>{code(data.revealedSecret)}</Descriptions.Item>
      <Descriptions.Item label={t("plans.commitment")}>
        {code(data.commitment?.sha256 ?? "—")}
      </Descriptions.Item>
      <Descriptions.Item label={t("draws.populationHash")}>{code(data.populationHash)}</Descriptions.Item>
      <Descriptions.Item label={t("draws.poolHash")}>{code(data.inspectorPool.hash)}</Descriptions.Item>
      <Descriptions.Item label={t("draws.sizes")}>
        {t("draws.sizesText", {
          stores: data.strata.reduce((sum, s) => sum + s.storeIds.length, 0),
          drawn: data.selection.length,
          inspectors: data.inspectorPool.inspectors.length,
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t("draws.verify")}>{code(`shian draw verify ${data.id}`)}</Descriptions.Item>
    </Descriptions>
  );
}

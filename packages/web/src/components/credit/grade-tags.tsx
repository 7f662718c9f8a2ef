import { findModel, type Bilingual, type CodeColour } from "@shian/domain";
import { Tag } from "antd";
import { useI18n } from "../../i18n/language";

/** antd tag colours of the models' risk colours and of the 食安码. */
const TAG_COLOURS: Record<string, string> = {
  green: "green",
  blue: "blue",
  yellow: "gold",
  orange: "orange",
  red: "red",
};

/** The names a model gives its grades and dimensions (the code when the model does not know it). */
export function useModelNames() {
  const { pick } = useI18n();
  const name = (text: Bilingual | undefined, code: string) => (text ? pick(text) : code);
  return {
    model: (id: string) => name(findModel(id)?.label, id),
    grade: (model: string, grade: string) =>
      name(findModel(model)?.bands.find((band) => band.grade === grade)?.label, grade),
    dimension: (model: string, dimension: string) =>
      name(findModel(model)?.dimensions.find((d) => d.name === dimension)?.label, dimension),
    veto: (model: string, code: string) =>
      name(findModel(model)?.vetoes.find((veto) => veto.code === code)?.label, code),
  };
}

/** A grade in its risk colour, with the model's name for it. */
export function GradeTag({
  model,
  grade,
  riskColour,
}: {
  model: string;
  grade: string;
  riskColour: string | null;
}) {
  const names = useModelNames();
  return (
    <Tag data-testid="grade-tag" color={TAG_COLOURS[riskColour ?? ""]}>
      {names.grade(model, grade)}
    </Tag>
  );
}

/** The 食安码 colour a grade gives (绿码 / 黄码 / 红码). */
export function CodeColourTag({ colour }: { colour: CodeColour }) {
  const { t } = useI18n();
  return (
    <Tag data-testid="code-colour" color={TAG_COLOURS[colour]}>
      {t(`grading.code.${colour}`)}
    </Tag>
  );
}

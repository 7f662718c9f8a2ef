import { Button, Flex } from "antd";
import { DataTable } from "../data-table";
import { listImportErrors, type ImportErrorPage } from "../../api/imports";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** The rows of the file that were not imported, each with what is wrong with it, a page of rows at a time. */
export function ImportErrorsTable({ jobId }: { jobId: string }) {
  const { t, lang } = useI18n();
  // The messages come in the request language.
  const { data, error, loading, setData } = useLoad(() => listImportErrors(jobId), [jobId, lang]);
  const more = useAction<ImportErrorPage>((next) =>
    setData({ items: [...(data?.items ?? []), ...next.items], nextCursor: next.nextCursor }),
  );
  const cursor = data?.nextCursor;
  return (
    <Flex vertical gap={8}>
      <ErrorAlert error={error ?? more.error} />
      <DataTable
        exportName={t("imports.errorRows")}
        data-testid="import-errors"
        size="small"
        rowKey="rowNumber"
        loading={loading}
        dataSource={data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "row", title: t("imports.row"), dataIndex: "rowNumber", width: 80 },
          {
            key: "problems",
            title: t("imports.problems"),
            render: (_, row) => (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {row.errors.map((problem, index) => (
                  <li key={`${problem.field}-${index}`}>{problem.message}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {cursor && (
        <div>
          <Button
            data-testid="import-errors-more"
            loading={more.pending === "more"}
            onClick={() => more.run("more", () => listImportErrors(jobId, cursor))}
          >
            {t("imports.moreErrors")}
          </Button>
        </div>
      )}
    </Flex>
  );
}

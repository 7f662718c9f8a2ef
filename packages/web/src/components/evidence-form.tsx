import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { uploadFile } from "../api/files";
import { useAction } from "../hooks/use-action";
import { ErrorAlert } from "./error-alert";

export interface EvidenceFormProps<T> {
  placeholder: string;
  evidenceLabel: string;
  submitLabel: string;
  /** The file input's `accept`; photos only unless told otherwise. */
  accept?: string;
  /** Whether at least one file must be attached before sending. */
  evidenceRequired: boolean;
  textTestId?: string;
  submitTestId?: string;
  /** Sends the text with the ids of the files, uploaded one by one first. */
  send: (text: string, evidenceFileIds: string[]) => Promise<T>;
  onDone: (result: T) => void;
}

/** A statement with evidence (photos, receipts): upload the files, then send the text with their ids. */
export function EvidenceForm<T>({
  placeholder,
  evidenceLabel,
  submitLabel,
  accept = "image/*",
  evidenceRequired,
  textTestId,
  submitTestId,
  send,
  onDone,
}: EvidenceFormProps<T>) {
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const action = useAction((result: T) => {
    setText("");
    setFiles([]);
    onDone(result);
  });
  const submit = () =>
    action.run("send", async () => {
      const ids = [];
      for (const file of files) ids.push((await uploadFile(file)).id);
      return send(text, ids);
    });
  return (
    <Flex vertical gap={6} style={{ minWidth: 260 }}>
      <Input.TextArea
        data-testid={textTestId}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <label>
        {evidenceLabel}{" "}
        <input
          type="file"
          accept={accept}
          multiple
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
        />
      </label>
      <ErrorAlert error={action.error} />
      <Button
        type="primary"
        data-testid={submitTestId}
        loading={action.pending === "send"}
        disabled={!text.trim() || (evidenceRequired && files.length === 0)}
        onClick={() => void submit()}
      >
        {submitLabel}
      </Button>
    </Flex>
  );
}

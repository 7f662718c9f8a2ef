import { useRef, useState } from "react";
import { Button, Flex, Image } from "antd";
import { CameraOutlined, DeleteOutlined } from "@ant-design/icons";
import { fileHref, uploadFile } from "../../../api/files";
import { useI18n } from "../../../i18n/language";
import { ErrorAlert } from "../../error-alert";

interface PhotoPickerProps {
  /** Ids of the uploaded photos. */
  value: string[];
  onChange: (ids: string[]) => void;
  large?: boolean;
}

/** Takes photos with the phone's camera (or picks image files on a desktop) and uploads each at once. */
export function PhotoPicker({ value, onChange, large = false }: PhotoPickerProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setError(null);
    setUploading(true);
    try {
      const stored = await Promise.all(Array.from(files, (file) => uploadFile(file)));
      onChange([...value, ...stored.map((file) => file.id)]);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Flex vertical gap={8}>
      <ErrorAlert error={error} />
      <input
        ref={input}
        data-testid="photo-input"
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(e) => void upload(e.target.files)}
      />
      <Flex wrap gap={8}>
        {value.map((id) => (
          <Flex key={id} vertical align="center" gap={4} data-testid="photo">
            <Image src={fileHref(id)} width={88} height={88} style={{ objectFit: "cover" }} />
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onChange(value.filter((other) => other !== id))}
            />
          </Flex>
        ))}
      </Flex>
      <Button
        data-testid="photo-add"
        icon={<CameraOutlined />}
        size={large ? "large" : "middle"}
        block={large}
        loading={uploading}
        onClick={() => input.current?.click()}
      >
        {t("onsite.addPhoto")}
      </Button>
    </Flex>
  );
}

import { Card } from "antd";
import type { ReactNode } from "react";

/** One tile of the cockpit: a titled card that fills its grid cell. */
export function Panel({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: "100%" }}>
      {children}
    </Card>
  );
}

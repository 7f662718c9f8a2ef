import { FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Col, ConfigProvider, Flex, Row, Space, Spin, Typography, theme } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { loadCockpit, type CockpitChild, type StorePoint } from "../api/cockpit";
import { AlertsPanel } from "../components/cockpit/alerts-panel";
import { ApplicationsPanel } from "../components/cockpit/applications-panel";
import { ChildrenPanel } from "../components/cockpit/children-panel";
import { ColoursChart, GradesChart } from "../components/cockpit/colours-chart";
import { ComplaintsChart } from "../components/cockpit/complaints-chart";
import { InspectionsChart } from "../components/cockpit/inspections-chart";
import { LicencesChart } from "../components/cockpit/licences-chart";
import { RegionBreadcrumb } from "../components/cockpit/region-breadcrumb";
import { StoreDrawer, type PickedStore } from "../components/cockpit/store-drawer";
import { StoreMap } from "../components/cockpit/store-map";
import { ErrorAlert } from "../components/error-alert";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** The cockpit refreshes itself this often (a wall screen is left on all day). */
const REFRESH_MS = 60_000;

const WALL_THEME = { algorithm: theme.darkAlgorithm, token: { fontSize: 16, controlHeight: 44 } };

/** The child region a store point lies in, one level below the region shown. */
function childRegionOf(point: StorePoint, level: string): string {
  if (level === "national") return `${point.regionCode.slice(0, 2)}0000`;
  if (level === "province") return `${point.regionCode.slice(0, 4)}00`;
  return point.regionCode;
}

/** Full screen for the wall or touch screen: the Fullscreen API where allowed, a full-viewport layout always. */
function useWallMode(target: React.RefObject<HTMLDivElement | null>) {
  const [wall, setWall] = useState(false);
  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setWall(false);
    };
    document.addEventListener("fullscreenchange", left);
    return () => document.removeEventListener("fullscreenchange", left);
  }, []);
  const toggle = useCallback(() => {
    if (wall) {
      setWall(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      return;
    }
    setWall(true);
    // Refused without a user gesture or in a kiosk frame: the full-viewport layout still applies.
    void target.current?.requestFullscreen?.().catch(() => undefined);
  }, [wall, target]);
  return { wall, toggle };
}

/** 驾驶舱: the region's licences, clocks, colours, inspections, complaints, alerts and map, with drill-down. */
export function CockpitPage() {
  const { t, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [region, setRegion] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  const [store, setStore] = useState<PickedStore | null>(null);
  const { wall, toggle } = useWallMode(container);
  const cockpit = useLoad(() => loadCockpit(region), [region, tick]);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const data = cockpit.data;
  const drill = (code: string) => {
    setStore(null);
    setRegion(code);
  };
  const pickChild = (child: CockpitChild) => {
    if (child.kind === "region") drill(child.code);
    else
      setStore({
        name: child.name,
        colour: child.red ? "red" : child.yellow ? "yellow" : "green",
        safetyCode: child.safetyCode,
        openAlerts: child.openAlerts,
      });
  };
  const pickPoint = (point: StorePoint) => {
    if (!data) return;
    if (data.region.level === "county") setStore(point);
    else drill(childRegionOf(point, data.region.level));
  };

  const title = data ? (data.region.level === "national" ? t("cockpit.national") : data.region.name) : "";
  const page = (
    <div
      ref={container}
      data-testid="cockpit"
      data-region={data?.region.code}
      data-wall={wall}
      style={
        wall
          ? {
              position: "fixed",
              inset: 0,
              zIndex: 1000,
              overflow: "auto",
              padding: 24,
              background: "#0a1628",
              fontSize: 18,
            }
          : undefined
      }
    >
      <Row justify="space-between" align="middle" gutter={[16, 8]} style={{ marginBottom: 16 }}>
        <Col>
          <Typography.Title level={wall ? 1 : 3} style={{ margin: 0 }} data-testid="cockpit-title">
            {t("nav.cockpit")} · {title}
          </Typography.Title>
          {data && <RegionBreadcrumb crumbs={data.breadcrumbs} onPick={drill} />}
        </Col>
        <Col>
          <Space wrap>
            {data && (
              <Typography.Text type="secondary" data-testid="cockpit-updated">
                {t("cockpit.updatedAt", { at: formatDateTime(data.generatedAt, lang) })}
              </Typography.Text>
            )}
            <Button
              size={wall ? "large" : "middle"}
              icon={<ReloadOutlined />}
              loading={cockpit.loading}
              onClick={() => setTick((n) => n + 1)}
            >
              {t("cockpit.refresh")}
            </Button>
            <Button
              size={wall ? "large" : "middle"}
              type="primary"
              data-testid="cockpit-fullscreen"
              icon={wall ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={toggle}
            >
              {wall ? t("cockpit.exitFullscreen") : t("cockpit.fullscreen")}
            </Button>
          </Space>
        </Col>
      </Row>
      <ErrorAlert error={cockpit.error} />
      {!data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <StoreMap map={data.map} wall={wall} onPick={pickPoint} />
          </Col>
          <Col xs={24} xl={12}>
            <ChildrenPanel children={data.children} wall={wall} onPick={pickChild} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <LicencesChart licences={data.licences} wall={wall} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <ColoursChart colours={data.colours} wall={wall} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <GradesChart colours={data.colours} wall={wall} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <InspectionsChart inspections={data.inspections} wall={wall} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <ComplaintsChart complaints={data.complaints} wall={wall} />
          </Col>
          <Col xs={24} lg={12} xl={8}>
            <AlertsPanel alerts={data.alerts} wall={wall} />
          </Col>
          <Col xs={24}>
            <ApplicationsPanel applications={data.applications} wall={wall} />
          </Col>
        </Row>
      )}
      <StoreDrawer
        store={store}
        onClose={() => setStore(null)}
        container={() => (wall && container.current) || document.body}
      />
    </div>
  );
  // The wall screen is dark, with larger controls for touch. The tree stays the same in both modes: remounting
  // the container would drop it out of full screen.
  return <ConfigProvider theme={wall ? WALL_THEME : {}}>{page}</ConfigProvider>;
}

import { LoadingPanel } from "@/components/dashboard/loading-panel";

export default function DashboardLoading() {
  return <LoadingPanel label="Loading the dashboard…" />;
}

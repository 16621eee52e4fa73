import { LoadingPanel } from "@/components/dashboard/loading-panel";

export default function MaturityLoading() {
  return <LoadingPanel label="Loading the assessment…" />;
}

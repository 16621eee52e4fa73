import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { labelOf } from "@/lib/ui/labels";
import { formatFigure } from "@/lib/metrics/format";
import type { TDashboard, TMetricView } from "./service";

const STAGE_NAMES = ["Traditional", "Initial", "Advanced", "Optimal"];
const stage = (value: number | null) =>
  value === null ? "Not scored" : `${STAGE_NAMES[Math.floor(value)] ?? "Optimal"} (${value.toFixed(2)})`;

/** The PDF's built-in Helvetica covers WinAnsi only: spell the few symbols outside it in ASCII. */
const ASCII_FOR: Record<string, string> = { "≥": ">=", "≤": "<=", "−": "-", "→": "->", "—": "-" };
export function pdfText(text: string): string {
  return text.replace(/[≥≤−→—]/g, (symbol) => ASCII_FOR[symbol] ?? symbol);
}

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 9, fontFamily: "Helvetica", color: "#111827" },
  title: { fontSize: 18, marginBottom: 2, fontFamily: "Helvetica-Bold" },
  subtitle: { color: "#5b6472", marginBottom: 14 },
  heading: { fontSize: 12, marginTop: 14, marginBottom: 6, fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d9dde3", paddingVertical: 3 },
  head: { fontFamily: "Helvetica-Bold", color: "#5b6472" },
  cellWide: { flex: 3, paddingRight: 6 },
  cell: { flex: 1, paddingRight: 6 },
  barTrack: { height: 6, backgroundColor: "#f0f2f5", borderRadius: 3, marginTop: 2 },
  bar: { height: 6, borderRadius: 3 },
  note: { color: "#5b6472" },
});

function Bar({ fraction, color }: { fraction: number; color: string }) {
  return (
    <View style={styles.barTrack}>
      <View style={[styles.bar, { width: `${Math.max(0, Math.min(1, fraction)) * 100}%`, backgroundColor: color }]} />
    </View>
  );
}

function MetricRows({ metrics }: { metrics: TMetricView[] }) {
  return (
    <View>
      <View style={[styles.row, styles.head]}>
        <Text style={styles.cellWide}>Indicator</Text>
        <Text style={styles.cell}>Now</Text>
        <Text style={styles.cell}>Target</Text>
        <Text style={styles.cell}>12 months ago</Text>
      </View>
      {metrics.map((metric) => (
        <View key={metric.key} style={styles.row} wrap={false}>
          <View style={styles.cellWide}>
            <Text>{pdfText(metric.name)}</Text>
            <Text style={styles.note}>{pdfText(metric.formula)}</Text>
          </View>
          <Text style={styles.cell}>{pdfText(metric.display)}</Text>
          <Text style={styles.cell}>{pdfText(metric.targetDisplay ?? "—")}</Text>
          <Text style={styles.cell}>{pdfText(metric.yearAgoDisplay)}</Text>
        </View>
      ))}
    </View>
  );
}

function Report({ dashboard }: { dashboard: TDashboard }) {
  const attention = dashboard.attention;
  return (
    <Document title="Concord — Zero Trust program report" author="Concord">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>Zero Trust program report</Text>
        <Text style={styles.subtitle}>
          Generated {dashboard.generatedAt.slice(0, 16).replace("T", " ")} UTC · {dashboard.counts.surfaces} protect surfaces ·{" "}
          {dashboard.counts.flows} flows · {dashboard.counts.openChanges} open changes
        </Text>

        <Text style={styles.heading}>
          Maturity by pillar{dashboard.assessment ? ` - ${dashboard.assessment.title} (${dashboard.assessment.assessedOn})` : ""}
        </Text>
        {dashboard.assessment ? (
          <View>
            <View style={[styles.row, styles.head]}>
              <Text style={styles.cellWide}>Pillar</Text>
              <Text style={styles.cell}>Current</Text>
              <Text style={styles.cell}>Target</Text>
              <Text style={styles.cell}>Previous</Text>
            </View>
            {dashboard.assessment.pillars.map((pillar) => (
              <View key={pillar.pillarKey} style={styles.row} wrap={false}>
                <View style={styles.cellWide}>
                  <Text>{pillar.pillarLabel}</Text>
                  <Bar fraction={(pillar.current ?? 0) / 3} color="#2454d6" />
                  <Bar fraction={(pillar.target ?? 0) / 3} color="#1a7f37" />
                </View>
                <Text style={styles.cell}>{stage(pillar.current)}</Text>
                <Text style={styles.cell}>{stage(pillar.target)}</Text>
                <Text style={styles.cell}>{stage(pillar.previous)}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text style={styles.note}>No maturity assessment yet.</Text>
        )}

        {dashboard.draftAssessment && (
          <Text style={styles.note}>
            Being scored: {pdfText(dashboard.draftAssessment.title)} ({dashboard.draftAssessment.assessedOn}),{" "}
            {dashboard.draftAssessment.agreed} of {dashboard.draftAssessment.total} functions agreed so far.
          </Text>
        )}

        <Text style={styles.heading}>Needs leadership attention</Text>
        {attention.disputed.length + attention.overdue.length + attention.stalledCab.length + attention.policyDrift.length === 0 && (
          <Text style={styles.note}>Nothing: no disputed scores, overdue targets or stalled CAB items.</Text>
        )}
        {attention.disputed.map((item) => (
          <Text key={`d${item.functionKey}`}>
            • Disputed: {item.pillarLabel} · {item.label} (NetOps {item.netopsStage ? labelOf(item.netopsStage) : "-"}, SecOps{" "}
            {item.secopsStage ? labelOf(item.secopsStage) : "-"})
          </Text>
        ))}
        {attention.overdue.map((item) => (
          <Text key={`o${item.functionKey}`}>
            • Overdue: {item.pillarLabel} · {item.label}, target {item.targetStage ? labelOf(item.targetStage) : "-"} by {item.targetDate}
          </Text>
        ))}
        {attention.stalledCab.map((item) => (
          <Text key={`c${item.changeId}`}>
            • Stalled in CAB: #{item.number} {item.title} ({item.days} days)
          </Text>
        ))}
        {attention.policyDrift.map((item) => (
          <Text key={`p${item.surfaceId}${item.target}`}>
            • Policy drift: {item.surfaceName}, deployed {item.target} policy differs from the approved flows ({item.days} days)
          </Text>
        ))}

        <Text style={styles.heading}>Indicators measured from Concord</Text>
        <MetricRows metrics={dashboard.indicators} />

        {dashboard.kpis.length > 0 && (
          <>
            <Text style={styles.heading}>External KPIs</Text>
            <MetricRows metrics={dashboard.kpis} />
          </>
        )}

        <Text style={styles.heading}>Shared objectives</Text>
        {dashboard.objectives.length === 0 && <Text style={styles.note}>No shared objectives yet.</Text>}
        {dashboard.objectives.map((objective) => (
          <View key={objective.id} style={{ marginBottom: 6 }} wrap={false}>
            <Text style={{ fontFamily: "Helvetica-Bold" }}>
              {pdfText(objective.title)} - {objective.progress === null ? "no data" : `${Math.round(objective.progress * 100)}%`} (
              {objective.netopsLead.name} & {objective.secopsLead.name})
            </Text>
            <Bar fraction={objective.progress ?? 0} color="#2454d6" />
            {objective.keyResults.map((kr) => (
              <Text key={kr.id} style={styles.note}>
                – {pdfText(kr.title)}: {pdfText(formatFigure(kr.current, kr.unit))} (from {pdfText(formatFigure(kr.baseline, kr.unit))} to{" "}
                {pdfText(formatFigure(kr.target, kr.unit))})
              </Text>
            ))}
          </View>
        ))}
      </Page>
    </Document>
  );
}

export function renderDashboardPdf(dashboard: TDashboard): Promise<Buffer> {
  return renderToBuffer(<Report dashboard={dashboard} />);
}

import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { pdfText } from "@/lib/overview/report-pdf";

/**
 * The PDF of a meeting's minutes is drawn from their Markdown, so both downloads say the same —
 * including minutes frozen when the meeting ended. Only the shapes `minutesMarkdown` writes are
 * read: headings, bullets, paragraphs and the votes table.
 */
export type TMinutesBlock =
  | { kind: "title" | "section" | "item" | "bullet" | "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "code"; lines: string[] };

const cellsOf = (line: string) =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"));

export function minutesBlocks(markdown: string): TMinutesBlock[] {
  const blocks: TMinutesBlock[] = [];
  let code: string[] | null = null;
  for (const line of markdown.split("\n")) {
    // Fenced blocks (a change's policy diff) are kept verbatim: their "-" lines are not bullets.
    if (line.startsWith("```")) {
      if (code) code = null;
      else blocks.push({ kind: "code", lines: (code = []) });
      continue;
    }
    if (code) {
      code.push(line);
      continue;
    }
    if (line.trim() === "") continue;
    if (line.startsWith("### ")) blocks.push({ kind: "item", text: line.slice(4) });
    else if (line.startsWith("## ")) blocks.push({ kind: "section", text: line.slice(3) });
    else if (line.startsWith("# ")) blocks.push({ kind: "title", text: line.slice(2) });
    else if (line.startsWith("- ")) blocks.push({ kind: "bullet", text: line.slice(2) });
    else if (line.startsWith("|") && line.endsWith("|")) {
      const cells = cellsOf(line);
      const last = blocks.at(-1);
      if (cells.every((cell) => /^-+$/.test(cell))) continue;
      if (last?.kind === "table") last.rows.push(cells);
      else blocks.push({ kind: "table", header: cells, rows: [] });
    } else blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}

const A4_HEIGHT_PT = 841.89;

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: "Helvetica", color: "#111827", lineHeight: 1.35 },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginBottom: 8 },
  section: { fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  item: {
    fontSize: 11,
    fontFamily: "Helvetica-Bold",
    marginTop: 12,
    marginBottom: 3,
    paddingTop: 6,
    borderTopWidth: 0.5,
    borderTopColor: "#d9dde3",
  },
  bullet: { flexDirection: "row", marginBottom: 1 },
  dot: { width: 10, color: "#5b6472" },
  table: { marginTop: 4, borderWidth: 0.5, borderColor: "#d9dde3" },
  row: { flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#d9dde3" },
  head: { fontFamily: "Helvetica-Bold", backgroundColor: "#f0f2f5" },
  cell: { flex: 1, padding: 3 },
  wideCell: { flex: 3, padding: 3 },
  code: { fontFamily: "Courier", fontSize: 7, marginVertical: 3, padding: 4, backgroundColor: "#f6f7f9" },
  added: { color: "#166534" },
  removed: { color: "#b91c1c" },
  // Placed from the top: placed from the bottom, a page-numbered footer is drawn below the edge of the page.
  footer: { position: "absolute", top: A4_HEIGHT_PT - 30, left: 40, right: 40, fontSize: 8, color: "#5b6472", textAlign: "right" },
});

/** Room the header needs below it, or it moves to the next page: itself plus one row of votes. */
const HEADER_WITH_FIRST_ROW_PT = 48;

/**
 * The votes table, with the renderer's own pagination rules: its header row is `fixed`, which draws
 * it again at the top of every page the table runs onto, and an empty guard before the table asks
 * (`minPresenceAhead`) for room for the header and a first row, or moves the table to the next page.
 * The renderer ignores `minPresenceAhead` on a fixed element, hence the guard. A row never splits.
 */
function Table({ header, rows }: { header: string[]; rows: string[][] }) {
  // The last column (the comment) takes the room left over.
  const cellStyle = (index: number) => (index === header.length - 1 ? styles.wideCell : styles.cell);
  return (
    <>
      <View minPresenceAhead={HEADER_WITH_FIRST_ROW_PT} />
      <View style={styles.table}>
        <View style={[styles.row, styles.head, { borderTopWidth: 0 }]} fixed>
          {header.map((cell, index) => (
            <Text key={index} style={cellStyle(index)}>
              {pdfText(cell)}
            </Text>
          ))}
        </View>
        {rows.map((row, rowIndex) => (
          <View key={rowIndex} style={styles.row} wrap={false}>
            {row.map((cell, index) => (
              <Text key={index} style={cellStyle(index)}>
                {pdfText(cell)}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </>
  );
}

function Block({ block }: { block: TMinutesBlock }) {
  switch (block.kind) {
    case "table":
      return <Table header={block.header} rows={block.rows} />;
    case "bullet":
      return (
        <View style={styles.bullet}>
          <Text style={styles.dot}>•</Text>
          <Text style={{ flex: 1 }}>{pdfText(block.text)}</Text>
        </View>
      );
    case "paragraph":
      return <Text>{pdfText(block.text)}</Text>;
    case "code":
      return (
        <View style={styles.code}>
          {block.lines.map((line, index) => (
            <Text key={index} style={line.startsWith("+") ? styles.added : line.startsWith("-") ? styles.removed : undefined}>
              {pdfText(line) || " "}
            </Text>
          ))}
        </View>
      );
    default:
      return (
        <Text style={styles[block.kind]} minPresenceAhead={40}>
          {pdfText(block.text)}
        </Text>
      );
  }
}

export async function renderMinutesPdf(markdown: string): Promise<Buffer> {
  const blocks = minutesBlocks(markdown);
  const title = blocks.find((block) => block.kind === "title");
  return renderToBuffer(
    <Document title={title && "text" in title ? pdfText(title.text) : "CAB minutes"} author="Concord">
      <Page size="A4" style={styles.page}>
        {blocks.map((block, index) => (
          <Block key={index} block={block} />
        ))}
        {/* This renderer draws nothing for a render prop that returns a bare string, hence the element. */}
        <View style={styles.footer} render={({ pageNumber }) => <Text>{`CAB minutes · page ${pageNumber}`}</Text>} fixed />
      </Page>
    </Document>,
  );
}

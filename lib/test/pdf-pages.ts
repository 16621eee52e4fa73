import { PDFParse } from "pdf-parse";

/** The text a reader sees on each page of a PDF (PDF.js through pdf-parse), whitespace made uniform per line. */
export async function pdfPages(pdf: Uint8Array): Promise<string[][]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const { pages } = await parser.getText();
    return pages.map((page) =>
      page.text
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    );
  } finally {
    await parser.destroy();
  }
}

/**
 * The numbers of the pages whose last line of content (the page footer aside) is a table's header:
 * a header left alone at the bottom, its rows on the next page.
 */
export function pagesEndingWithHeader(pages: string[][], header: string, footer: RegExp): number[] {
  return pages.flatMap((lines, index) => {
    const content = lines.filter((line) => !footer.test(line));
    return content.at(-1) === header ? [index + 1] : [];
  });
}

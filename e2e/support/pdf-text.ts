import { PDFParse } from "pdf-parse";

/** The text a reader sees in a PDF, page after page, as extracted by PDF.js. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

import { reportSheets, type ReportDocument } from '../../../../shared/reports/document';

export { exportName, reportCsv, type ReportDocument } from '../../../../shared/reports/document';

/** The document as an .xlsx workbook (shared/reports/document's sheets), write-excel-file loaded when a file is asked for, not with the board. */
export async function reportXlsx(doc: ReportDocument): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = reportSheets(doc);
  return (sheets.length === 1 ? writeXlsxFile(sheets[0]!.data, { columns: sheets[0]!.columns }) : writeXlsxFile(sheets)).toBlob();
}

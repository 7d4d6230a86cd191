// Which inputs are workbooks (read as a sheet, read-workbook.ts). Apart from
// the reader, so naming a path's kind does not load the unzipper.

/** True for the workbook inputs menerva reads as a sheet. */
export const isWorkbookPath = (path: string): boolean => /\.xls[xm]$/i.test(path);

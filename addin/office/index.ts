/** The Excel host (Office.js adapter): see README.md beside this file for the APIs and their requirement sets. */
export { createExcelHost, EXCEL_API_FLOOR, type ExcelHostOptions, type ExcelRun } from './excel-host';
export { toHostError, hostErrorMessage } from './errors';

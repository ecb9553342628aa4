/** Messages of the campaign report export (issue 11). */
export const enReportExport = {
  'reportExport.title': 'Export report',
  'reportExport.titleMany': 'Export {count} reports',
  'reportExport.what': 'One campaign: a summary sheet (figures, funnel, delays, accounts), its recipients and its failures.',
  'reportExport.whatMany': 'A summary sheet with a row per campaign, then a sheet of recipients for each.',
  'reportExport.csvNote': 'CSV holds the recipients only (with each one’s campaign when there are several).',
  'reportExport.start': 'Export',
  'reportExport.working': 'Exporting… {done} of {total}',
  'reportExport.done': 'Saved {file}',
  'reportExport.cancelled': 'Export stopped. No file was saved.',
  'reportExport.selected': 'Export selected ({count})',
  'reportExport.select': 'Select {name} for export',
} as const;

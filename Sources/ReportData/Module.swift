// Module ReportData: see README.md, Design.

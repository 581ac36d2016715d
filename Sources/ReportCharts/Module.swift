// Module ReportCharts: see README.md, Design.

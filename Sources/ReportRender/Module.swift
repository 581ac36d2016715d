// Module ReportRender: see README.md, Design.

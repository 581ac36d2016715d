// Module ReportComposer: see README.md, Design.

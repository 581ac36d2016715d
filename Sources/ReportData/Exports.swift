// Dates in data are day numbers of the shared civil calendar.
@_exported import ReportCalendar

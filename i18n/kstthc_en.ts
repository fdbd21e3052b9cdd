<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>window, tables, calendar, printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel and OpenDocument sheets (.xlsx, .xls, .ods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word documents (.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report preview, text of PDF evidence for search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full-text search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by sqlite-utils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used by holidays and sqlite-utils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese number formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese public holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user data folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safe XML reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML for Word documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML for Excel workbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About KSTTHC Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline planner for the yearly plan of administrative-procedure control: import the superior plan, follow the tasks, keep the evidence, print the periodic report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: MIT. The program is provided without warranty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report font when Times New Roman is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KSTTHC Desktop is built on these free components, each under its own licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the installation folder and can be replaced by the user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Backing up before the upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAMPLE DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: the data file has not been created. The program needs the office&apos;s name and place for the header of its reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter them now, or quit: the next start asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the office information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup of the data file has been made yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup of the data file could be made for %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space on the disk, or back up to a USB stick now: if the computer fails, the work since the last backup is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to a folder or USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Cut-off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a task to select it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan yet. Import the superior plan or add tasks; their deadlines will appear on this calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cut-off / deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cut-off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report submission deadline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrence %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due in the next 60 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work calendar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the calendar as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>No plan yet. Import the superior plan (File → Import) or add tasks by hand; this page will then show what is overdue and what is due soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole plan year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs me now – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for %1: figures close on %2, send by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current report period: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in 8 to 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurring tasks due this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-demand tasks still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress recorded for 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is overdue. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else is due this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recurring task is due this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No on-demand task is open. Record progress when one arises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every open task has a recent update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import or create a plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(+%1 more overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrence %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of the delay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cause of the delay written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last update: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the cause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it late? Printed in the report&apos;s part on shortcomings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your data is safe: every change was saved before this happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details are in the log file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceInfoDialog</name>
    <message>
        <source>Document details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Kế hoạch kiểm tra công tác KSTTHC năm 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceRegister</name>
    <message>
        <source>Filter documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all to a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack for inspection (ZIP)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet. Select a task and drop files on its detail panel, or use &apos;Attach files…&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 task(s) marked done without evidence: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export evidence to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack for inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit (lead or coordinating)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune not involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report period (data window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All periods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandbackDialog</name>
    <message>
        <source>Fill results into the superior&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the plan file the superior sent is written with the results of each task in its own row (status, completion date, result, evidence). The superior&apos;s file itself is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan here keeps the superior&apos;s file. Import the superior&apos;s plan (File → Import superior plan): from now on its file is kept for this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling in the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: %1
Results filled in for %2 task(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the superior&apos;s file filled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 task(s) added here by hand are not in the superior&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Checking the data file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file is sound: %1 documents and %2 issued reports checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check found problems in the data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup &apos;%1&apos; does not have these problems. Restoring it keeps the current file beside it, so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore that backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup without these problems was found. Keep working and make a copy of the file to a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import the superior plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only tasks that concern this office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (fix them if the program guessed wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header ends at row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again with these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the file &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the plan file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the plan file your superior level sent (Excel .xlsx/.xls/.ods, Word .docx or PDF). The program reads its table; nothing is saved until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12/KH-UBND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number/symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again with this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document (number, date, issuer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs of the plan&apos;s sections. Tick &quot;Not a task&quot; for a paragraph that is only explanation, untick it for one that is a task, then read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again with these choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, paragraph %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written in the document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (page %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this file a revised version of a plan you already have, or a new plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revised version of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new plan (the plans you have stay as they are)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans (*.xlsx *.xlsm *.xls *.ods *.docx *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 tasks read, %3 concern this office, %4 chosen, %5 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only tasks that concern this office (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file: &quot;%1&quot;, year %2, issued by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same year and title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It looks like a revised version of &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It looks like a new plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superior&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the plan, kept (has progress or evidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to import.&lt;/b&gt; %1 new, %2 changed, %3 no longer in the superior plan (kept if they have progress or evidence). A backup is taken first; you can undo the import with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up before the import…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import superior plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;information…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan re&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;subtask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;ection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superior&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revises &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan shown in every tab; the file keeps all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the office&apos;s &amp;plan document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the table view to &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to a folder or &amp;USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck the data file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Periodic report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no plan yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill results into the superior&apos;s file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll up reports of many offices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs me now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task has %1 evidence file(s). They are deleted with the task (Ctrl+Z brings everything back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete with the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the evidence to a folder first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the evidence to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plan document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the plan document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the data with the backup &apos;%1&apos;? The current data file is kept beside it (…-truoc-khoi-phuc-….kstthc), so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait: a task is still running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OccurrenceCombo</name>
    <message>
        <source>Whole task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrence due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Office information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These lines are printed at the top of every report and plan. You can change them later (File → Office information).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(optional) e.g. UBND TỈNH …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department (Sở)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District (before 7/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with KT.: e.g. PHÓ CHỦ TỊCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office name (one line each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place name for the date line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol in document numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superior agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports go to (Kính gửi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collective (after TM.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default recipients (Nơi nhận)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverdueCauseDialog</name>
    <message>
        <source>Cause of the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline (as written): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this task late? It is printed as written in the report&apos;s part on shortcomings (Tồn tại, hạn chế).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Waiting for the guidance of the superior level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanInfoDialog</name>
    <message>
        <source>Plan references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every report cites these documents. What is left empty is printed as dots (số …/KH-UBND ngày … tháng … năm …) to fill in by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This office&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 05/KH-UBND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. UBND xã Lê Lợi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The superior&apos;s plan it carries out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12/KH-UBND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. UBND tỉnh Hải Dương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message>
        <source>Record progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (completed on this date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result (kết quả thực hiện), e.g. the document issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Periodic report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 05 (left blank: filled in by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with KT.: e.g. PHÓ CHỦ TỊCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients (Nơi nhận)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the program&apos;s draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form 06a: dossiers per field. Column (6) is carried over from the last issued report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an Excel template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form 06a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue tasks: write why each is late. The cause is printed in part II of the report; nothing is invented when it is left empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan references…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue (freeze)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller pages (Ctrl+minus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages as wide as this pane (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger pages, for detail (Ctrl+plus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a corrected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the issued PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued on %1 (number %2). Issued reports are kept unchanged in the data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period is not over yet: the report is a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue causes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read form 06a figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a form 06a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since report %1 (%2): %3 task(s) completed, %4 became overdue, %5 new, %6 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1, row %2: type a whole number of dossiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before it is signed, note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the report&apos;s number first (the number given by the clerk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing freezes this report: its text and PDF are kept unchanged in the data file and cannot be edited afterwards. Issue it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing cancelled: nothing was issued.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>Roll up reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with the offices&apos; reports (.pdf, .json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: list of offices that must report (.txt or .xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period most reports are for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected offices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File or office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files left out, offices missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the summary report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with the offices&apos; reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of offices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List (*.txt *.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling up the reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 report(s) rolled up, %3 file(s) left out, %4 office(s) missing. %5 tasks, %6 done (%7), %8 overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has not sent a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files left out, offices missing (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the roll-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the roll-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search everything (Ctrl+F)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks, progress notes, evidence details and the text inside PDF, Word and Excel files. Accents do not matter; document numbers like 418/QĐ-UBND are found whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the text of evidence files for search: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 evidence file(s) not read yet: results may grow.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, best %3 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: open the task · Ctrl+Enter: open the file · Esc: close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file, page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an appendix (Phụ lục)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section title cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working days after the cut-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed day of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holidays (Tết from the lunar calendar) are known. Add the days off and make-up working Saturdays decided each year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program speaks the chosen language from its next start: close it and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>This office has no plan yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from the plan your superior level sent you (Excel or Word), type the tasks yourself, or look around with sample data first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the superior plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tasks by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sample data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Done on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress, within the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress, overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not arisen / no deadline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <source>Plan tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the table view to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetailPanel</name>
    <message>
        <source>Write the cause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it late? Printed in the report&apos;s part on shortcomings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (drop files here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: no cause of the delay written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the cause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskEditorDialog</name>
    <message>
        <source>Edit task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as written, e.g. Trước ngày 15/9/2026, Quý III năm 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the due dates by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due dates, e.g. 31/3/2026, 30/6/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the report tells this task (Thông tư 01/2020 outline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why it is late, printed in the report (left empty: dots to fill in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead units (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinating units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due dates set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of this office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause of delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand: no due date yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline: the task counts as &apos;no deadline&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A due date is not valid: write them like 31/3/2026, 30/6/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task content cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked done but no evidence is attached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Quarter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. and task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cut-off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline as written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrence %1 of %2: %3 – %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No plan yet. Import the superior plan or add tasks; they will appear here on the time axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel or the + and − keys also zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cut-off (14th)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it arises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under a separate plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline unclear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore cancelled: the office file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

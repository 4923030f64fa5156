package ma.essp.diag.reporting.export.job;

import java.nio.file.Path;
import ma.essp.diag.reporting.export.AtomicFileWriter;
import ma.essp.diag.reporting.export.ExportCancelledException;
import ma.essp.diag.reporting.export.ExportException;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportDataCollector;
import ma.essp.diag.reporting.export.ReportFormat;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.excel.ExcelReportWriter;
import ma.essp.diag.reporting.export.pdf.PdfReportWriter;
import org.jooq.DSLContext;

/**
 * The entry point of the export, shared by the GUI and the command line: gather the figures once
 * ({@link ReportDataCollector}), then write the workbook or the PDF to a temporary file in the destination folder
 * that is moved over the destination only when complete ({@link AtomicFileWriter}). Runs on the caller's thread
 * (a background task in the GUI); interrupting that thread cancels the export and leaves no file behind.
 * In a package of its own because it uses both writers, which use {@code export}: no package cycle.
 */
public final class ReportExporter {

    private ReportExporter() {
    }

    /** Loads the mission's figures and writes one file. */
    public static void export(DSLContext dsl, ReportRequest request, ReportFormat format, Path destination,
                              ExportProgress progress) throws ExportException {
        AtomicFileWriter.checkWritable(destination);
        progress.update(ExportProgress.LOAD, 0, -1);
        ReportData data;
        try {
            data = ReportDataCollector.load(dsl).collect(request);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage(), e);
        }
        ExportCancelledException.checkCancelled();
        write(data, format, destination, progress);
    }

    /** Writes figures already gathered (the GUI keeps them to export both formats). */
    public static void write(ReportData data, ReportFormat format, Path destination, ExportProgress progress)
            throws ExportException {
        AtomicFileWriter.write(destination, out -> {
            switch (format) {
                case XLSX -> new ExcelReportWriter(data, progress).write(out);
                case PDF -> new PdfReportWriter(data, progress).write(out);
            }
        });
    }
}

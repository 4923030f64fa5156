package ma.essp.diag.reporting.export.pdf;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Benchmark baseline: the rows of the PDF report ({@link PdfReportWriter#rows()}) filled into one flat precompiled
 * template ({@code rows.jasper}) and exported — bare Jasper fill + export of the same rows, without our subreports,
 * charts, map, contents and cover.
 */
public final class BareJasperBaseline {

    private BareJasperBaseline() {
    }

    /** @return the number of pages */
    public static int write(List<String[]> rows, OutputStream out) throws Exception {
        JasperReport template = PdfReportWriter.template("rows");
        JasperPrint print = JasperFillManager.fillReport(template, new HashMap<>(), new JRDataSource() {
            private int index = -1;

            @Override
            public boolean next() {
                return ++index < rows.size();
            }

            @Override
            public Object getFieldValue(JRField field) {
                int i = field.getName().charAt(1) - '0';
                String[] row = rows.get(index);
                return i < row.length ? row[i] : null;
            }
        });
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
        return print.getPages().size();
    }
}

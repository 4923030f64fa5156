package ma.essp.diag.reporting.export.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time step (Maven {@code process-classes}, see the reporting POM): compiles every {@code .jrxml} of a folder to
 * a {@code .jasper} file, so that the application never compiles report designs at run time (no Java compiler needed
 * on users' laptops, no first-export delay) and a broken design fails the build.
 */
public final class JasperTemplateCompiler {

    private JasperTemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            System.err.println("usage: JasperTemplateCompiler SOURCE_DIR TARGET_DIR");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<Path> designs;
        try (Stream<Path> files = Files.list(source)) {
            designs = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path design : designs) {
            String name = design.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            Path out = target.resolve(name);
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(design)) > 0) {
                continue; // up to date
            }
            JasperCompileManager.compileReportToFile(design.toString(), out.toString());
            System.out.println("compiled " + design.getFileName() + " -> " + out);
        }
    }
}

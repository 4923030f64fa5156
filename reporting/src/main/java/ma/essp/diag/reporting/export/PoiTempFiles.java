package ma.essp.diag.reporting.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import ma.essp.diag.database.files.TempFiles;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * Puts POI's temporary files (the streaming workbook's sheets, which hold mission data) into this process's own
 * temporary folder ({@link TempFiles#processFolder()}, under the user's data folder) instead of POI's default
 * {@code <java.io.tmpdir>/poifiles}, a folder shared by every user of the computer that belongs to the first one.
 * A crash leaves them in a folder the next start sweeps.
 */
public final class PoiTempFiles {

    private PoiTempFiles() {
    }

    /** Installs the strategy for the whole process (POI's setting is global). */
    public static void install() {
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                return Files.createTempFile(TempFiles.processFolder(), prefix, suffix).toFile();
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return Files.createTempDirectory(TempFiles.processFolder(), prefix).toFile();
            }
        });
    }
}

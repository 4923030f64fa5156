package ma.essp.diag.database.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Damages a mission where opening does not look: a table of its own is added at the end of the file and its last
 * pages are scribbled over, so the header, the schema, the history and the reference tables stay intact and only
 * SQLite's {@code quick_check} (a read of the whole file) finds the damage. Shared with the app's tests.
 */
public final class DamagedMission {

    private DamagedMission() {
    }

    /** @return the bytes of the damaged file, for checking that nothing wrote to it */
    public static byte[] scribbleOverItsLastPages(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch (x BLOB)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    + "INSERT INTO scratch SELECT randomblob(300) FROM n");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length - 4 * 4096; i < bytes.length; i++) { // the scratch table's last pages
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        return bytes;
    }
}

package ma.essp.diag.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void logbackFindsTheSetUpAsAService() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(java.util.ServiceLoader.Provider::type)).contains(LogSetup.class);
    }

    @Test
    void writesInfoAndAboveToEsspDiagLogInTheLogFolderFlywayAndJooqFromWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what SLF4J's provider gives the real one
        LogSetup.install(context, dir.toString());
        context.getLogger("ma.essp.diag.x").info("kept {}", 1);
        context.getLogger("ma.essp.diag.x").debug("left out");
        context.getLogger("org.flywaydb.core.Flyway").info("left out too");
        context.getLogger("org.jooq.Constants").warn("kept as well");
        // before stop(), which detaches the appenders
        var appender = (RollingFileAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        context.stop();

        var lines = Files.readAllLines(dir.resolve("essp-diag.log"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.+] INFO  ma\\.essp\\.diag\\.x - kept 1");
        assertThat(lines.get(1)).endsWith("WARN  org.jooq.Constants - kept as well");
        assertThat(appender.getRollingPolicy()).isInstanceOfSatisfying(ch.qos.logback.core.rolling.FixedWindowRollingPolicy.class, p -> {
            assertThat(p.getFileNamePattern()).isEqualTo(dir + "/essp-diag.%i.log");
            assertThat(p.getMaxIndex()).isEqualTo(5);
        });
    }
}

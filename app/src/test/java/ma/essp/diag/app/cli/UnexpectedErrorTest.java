package ma.essp.diag.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnexpectedErrorTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(EsspDiagCommand.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void anUnexpectedErrorIsLoggedWithItsStackTraceAndShownAsOneLineInWords() {
        IllegalStateException failure = new IllegalStateException("cannot compute the indices",
                new java.io.IOException("No space left on device\n  (while writing /tmp/x)"));
        StringWriter err = new StringWriter();

        EsspDiagCommand.reportUnexpected(failure, new PrintWriter(err, true));

        assertThat(err.toString()).isEqualTo("essp-diag: unexpected error (details in " + EsspDiagCommand.logFile()
                + "): No space left on device (while writing /tmp/x)" + System.lineSeparator());
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            // the whole chain, stack frames included, goes to the log file
            ThrowableProxy proxy = (ThrowableProxy) event.getThrowableProxy();
            assertThat(proxy.getThrowable()).isSameAs(failure);
            assertThat(proxy.getStackTraceElementProxyArray()).isNotEmpty();
            assertThat(proxy.getCause().getMessage()).startsWith("No space left on device");
        });
    }

    @Test
    void aFailureWithoutAMessageIsNamedInWords() {
        assertThat(EsspDiagCommand.inWords(new NullPointerException())).isEqualTo("null pointer exception");
        assertThat(EsspDiagCommand.inWords(new RuntimeException(new ArrayIndexOutOfBoundsException())))
                .isEqualTo("array index out of bounds exception");
    }

    @Test
    void theLogFileIsTheOneLogbackWritesUnderTheDataFolder() {
        String before = System.getProperty("essp.log.dir");
        try {
            System.setProperty("essp.log.dir", "/home/u/.local/share/essp-diagnostic/logs");
            assertThat(EsspDiagCommand.logFile()).hasToString("/home/u/.local/share/essp-diagnostic/logs/essp-diag.log");
        } finally {
            if (before == null) {
                System.clearProperty("essp.log.dir");
            } else {
                System.setProperty("essp.log.dir", before);
            }
        }
    }
}

package ma.essp.diag.app;

import java.util.Arrays;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.cli.EsspDiagCommand;

/**
 * The single entry point of the {@code essp-diag} launcher. Without a subcommand it opens the window (optionally
 * on a mission file given as the only argument, as the OS does for a file association); with a subcommand it
 * runs headless and never starts the JavaFX toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.detect();
        System.setProperty("essp.log.dir", paths.logs().toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (opensWindow(args)) {
            // loaded by name so that the command line never touches JavaFX classes
            GuiLauncher.launch(args);
        } else {
            System.exit(EsspDiagCommand.run(args, System.out, System.err, paths.backups()));
        }
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && !args[0].startsWith("-") && args[0].endsWith(".essp")
                && Arrays.stream(EsspDiagCommand.subcommandNames()).noneMatch(args[0]::equals));
    }

    /**
     * Starts the window by name: keeps every JavaFX reference out of Main's constant pool, and keeps the root
     * package from depending on the shell (which depends on AppPaths here: that would be a package cycle).
     */
    private static final class GuiLauncher {
        static void launch(String[] args) {
            try {
                Class.forName("ma.essp.diag.app.shell.EsspDiagApplication")
                        .getMethod("start", String[].class)
                        .invoke(null, (Object) args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("The window could not start", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The window is missing from this build", e);
            }
        }
    }
}

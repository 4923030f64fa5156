import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build tool of the launcher (run by app/pom.xml as a source file, not shipped): rewrites, in place, the classes of a
 * jar compiled for Java 5 or older (class file version below 50, e.g. picocli's) as Java 8 class files (version 52)
 * with their stack maps computed, the same code otherwise. Why: the JVM's ahead-of-time cache leaves such old classes
 * out ("Old class has been linked": they need the old verifier), so every start loads, verifies and interprets them
 * from the jar again; picocli's 175 classes were the last third of {@code essp-diag --version}.
 *
 * <p>Usage: {@code java RetargetOldClasses.java JAR...}; a jar with no old class is left as it is (same bytes, date).
 */
public final class RetargetOldClasses {

    private static final int OLD = 50;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path jar = Path.of(arg);
            int rewritten = retarget(jar);
            System.out.println("RetargetOldClasses: " + jar.getFileName() + ": " + rewritten + " class(es) rewritten as version " + TARGET);
        }
    }

    static int retarget(Path jar) throws IOException {
        Path out = jar.resolveSibling(jar.getFileName() + ".retarget");
        int rewritten = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             JarFile in = new JarFile(jar.toFile());
             JarOutputStream target = new JarOutputStream(Files.newOutputStream(out))) {
            ClassFile classFile = ClassFile.of(
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            for (JarEntry entry : in.stream().toList()) {
                byte[] bytes;
                try (InputStream entryIn = in.getInputStream(entry)) {
                    bytes = entryIn.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.isDirectory() && majorVersion(bytes) < OLD) {
                    ClassModel model = classFile.parse(bytes);
                    bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                            .andThen((builder, element) -> {
                                if (element instanceof ClassFileVersion) {
                                    builder.withVersion(TARGET, 0);
                                } else {
                                    builder.with(element);
                                }
                            }));
                    rewritten++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setLastModifiedTime(entry.getLastModifiedTime() == null ? FileTime.fromMillis(entry.getTime()) : entry.getLastModifiedTime());
                target.putNextEntry(copy);
                target.write(bytes);
                target.closeEntry();
            }
        }
        if (rewritten == 0) {
            Files.delete(out);
        } else {
            Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return rewritten;
    }

    private static int majorVersion(byte[] classBytes) {
        return classBytes.length < 8 ? Integer.MAX_VALUE : ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }
}

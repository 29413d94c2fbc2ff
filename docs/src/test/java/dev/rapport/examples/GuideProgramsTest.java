package dev.rapport.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complete programs of docs/embedding.md (its Java blocks that start with {@code package}) compile as the page has
 * them, against the SDK alone, and run: what a host developer copying them from the page gets.
 */
class GuideProgramsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("public final class (\\w+)");

    @TempDir
    Path work;

    @Test
    void everyCompleteProgramOfTheEmbeddingGuideCompilesAndRunsAsThePageHasIt() throws Exception {
        var programs = programs(Files.readString(Path.of("embedding.md")));
        assertThat(programs).as("complete programs on the page").isNotEmpty();

        for (String program : programs) {
            var type = TYPE.matcher(program);
            assertThat(type.find()).as("a public class in\n%s", program).isTrue();
            Path source = work.resolve("src/dev/rapport/examples/" + type.group(1) + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, program, StandardCharsets.UTF_8);
            Path classes = Files.createDirectories(work.resolve("classes"));

            compile(source, classes);

            assertThat(run("dev.rapport.examples." + type.group(1), classes)).contains("is CLOSED");
        }
    }

    private static List<String> programs(String page) {
        var programs = new ArrayList<String>();
        var blocks = JAVA_BLOCK.matcher(page);
        while (blocks.find()) {
            if (blocks.group(1).startsWith("package ")) {
                programs.add(blocks.group(1));
            }
        }
        return programs;
    }

    private static void compile(Path source, Path classes) throws IOException {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, List.of("-d", classes.toString(),
                            "-classpath", System.getProperty("java.class.path"), "--release", "21"), null,
                    files.getJavaFileObjects(source.toFile())).call();
            assertThat(compiled).as("javac: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    /** Runs the program in a JVM of its own, on the SDK's class path without the docs module's own classes. */
    private static String run(String mainClass, Path classes) throws Exception {
        // The docs module's own classes hold the example of the same name: the page's program replaces them.
        var own = List.of(Path.of("target/classes").toAbsolutePath(), Path.of("target/test-classes").toAbsolutePath());
        var classPath = new ArrayList<>(List.of(classes.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!own.contains(Path.of(entry).toAbsolutePath())) {
                classPath.add(entry);
            }
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath), mainClass)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the program ended").isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n%s", output).isZero();
        return output;
    }
}

package io.tidings.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * Every {@code tidings:} line of the code blocks of the README's "Shell" and "Operating Tidings"
 * sections, run as written in the shell of a Tidings with the devbox: none may fail (an unknown
 * command, an argument the command does not take, a bad value all throw).
 */
public class ReadmeShellExamplesIT extends TidingsTestSupport {

    /** The {@code tidings:} lines of the code blocks of these sections ({@code ## } headings). */
    static List<String> examples(List<String> readme, String... sections) {
        List<String> examples = new ArrayList<>();
        boolean inSection = false;
        boolean inBlock = false;
        for (String line : readme) {
            if (line.startsWith("## ")) {
                inSection = List.of(sections).contains(line.substring(3).trim());
            } else if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inSection && inBlock && line.startsWith("tidings:")) {
                examples.add(line.trim());
            }
        }
        return examples;
    }

    @Test
    public void everyShellExampleOfTheReadmeRunsAsWritten() throws Exception {
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("tidings.itest.readme")),
                StandardCharsets.UTF_8);
        List<String> examples = examples(readme, "Shell", "Operating Tidings");
        assertTrue("the README shows shell examples: " + examples, examples.size() >= 10);
        awaitApi();
        List<String> failed = new ArrayList<>();
        for (String example : examples) {
            try {
                String output = executeCommand(example);
                if (output.contains("Command not found") || output.contains("Error executing command")) {
                    failed.add(example + " -> " + output);
                }
            } catch (Exception e) {
                failed.add(example + " -> " + e);
            }
        }
        assertTrue("README examples that fail: " + failed, failed.isEmpty());
    }
}

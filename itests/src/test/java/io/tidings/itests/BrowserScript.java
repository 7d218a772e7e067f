package io.tidings.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Playwright script of {@code src/test/browser} run with node against Debian's Chromium: its output
 * is kept beside the screenshots; a browser that hangs is stopped after ten minutes.
 */
final class BrowserScript {

    static final String BROWSER_DIR = "tidings.itest.browser.dir";
    static final String SCREENSHOT_DIR = "tidings.itest.screenshot.dir";

    /** What the script printed (one "ok: …" line per check) and how it ended. */
    record Result(int exitCode, String output) {
    }

    private BrowserScript() {
    }

    static String screenshots() {
        return System.getProperty(SCREENSHOT_DIR);
    }

    static Result run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        File dir = new File(System.getProperty(BROWSER_DIR));
        if (!new File(dir, "node_modules/playwright-core").isDirectory()) {
            throw new AssertionError("playwright-core is not installed in " + dir + ": run npm ci there (.ci/run does)");
        }
        File log = new File(screenshots(), script.replace(".mjs", "") + "-browser.log");
        log.getParentFile().mkdirs();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(dir).redirectErrorStream(true)
                .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        if (!ended) {
            throw new AssertionError("the browser script " + script + " did not end:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}

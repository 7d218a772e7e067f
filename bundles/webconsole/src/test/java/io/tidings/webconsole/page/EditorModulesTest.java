package io.tidings.webconsole.page;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The import map and the modules the build unpacked from CodeMirror's WebJars agree: every file the
 * map names is in the bundle, and every module name those files (and the editor) import is in the map.
 */
public class EditorModulesTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^(?:import|export)\\s[^;]*?\\sfrom\\s+'([^']+)'");

    @Test
    public void everyImportedModuleIsMappedAndServed() throws IOException {
        List<String> files = new ArrayList<>();
        EditorAssist.MODULES.values().forEach(file -> files.add("/res/lib/" + file));
        files.add("/res/editor.js");
        for (String file : files) {
            URL url = getClass().getResource(file);
            assertNotNull(file + " is not in the bundle: is it unpacked by the pom?", url);
            String text;
            try (InputStream in = url.openStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                assertTrue(file + " imports " + m.group(1) + ", which the import map does not name",
                        EditorAssist.MODULES.containsKey(m.group(1)));
            }
        }
    }
}

package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

public class NodeNameTest {

    @Test
    public void aNodeKeepsItsNameAcrossRestartsInKarafsDataDirectory() throws Exception {
        Path data = Files.createTempDirectory("karaf-data");
        String first = NodeName.of("", data.toString());
        assertTrue(first, first.startsWith("node-"));
        assertEquals("the same after a restart", first, NodeName.of(null, data.toString()));
        assertNotEquals("another node's data directory, another name", first,
                NodeName.of("", Files.createTempDirectory("karaf-data").toString()));
    }

    @Test
    public void aConfiguredNameWinsAndIsChecked() {
        assertEquals("kyiv-1", NodeName.of(" kyiv-1 ", null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeName.of("kyiv 1", null)).getMessage()
                .contains("nodeName"));
    }
}

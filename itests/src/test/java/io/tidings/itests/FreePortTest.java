package io.tidings.itests;

import static org.junit.Assert.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

/** The ports the ITs give their containers and servers: never the same one twice. */
public class FreePortTest {

    @Test
    public void noPortIsGivenOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            int port = TidingsTestSupport.freePort();
            assertEquals("port " + port + " given out again after " + i, true, ports.add(port));
        }
    }
}

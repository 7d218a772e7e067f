package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;

/**
 * {@code GET /tidings/health} while the store's PostgreSQL database goes away and comes back: the
 * store reaches PostgreSQL (a schema of its own) through a relay the test switches off, cutting
 * every connection and refusing new ones, and on again on the same port. The PostgreSQL server
 * itself keeps running for the other tests.
 */
public class StoreOutageHealthIT extends TidingsTestSupport {

    private static final String SCHEMA = "tidings_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(60);
    private static final Duration RECOVERED = Duration.ofSeconds(90);

    private final TcpRelay relay = new TcpRelay("127.0.0.1", 5432);

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-postgresql"};
    }

    @After
    public void dropSchema() throws Exception {
        relay.close();
        PostgreSql.execute(context, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private HealthCall health() throws IOException, InterruptedException {
        return HealthCall.get(httpUrl("/tidings/health"));
    }

    @Test
    public void healthIsDownWhileTheDatabaseIsAwayAndUpAgainOnceItIsBack() throws Exception {
        PostgreSql.execute(context, "CREATE SCHEMA " + SCHEMA);
        relay.on();
        PostgreSql.useForStore(configurationAdmin, relay.port(), SCHEMA);
        await().atMost(Duration.ofSeconds(60)).until(() -> migrations() >= 6);
        HealthCall up = await().atMost(Duration.ofSeconds(60)).until(this::health,
                h -> h.status() == 200 && "UP".equals(h.overall()));
        assertEquals(up.body().toString(), "UP", up.body().at("/checks/store/status").asText());

        relay.off();
        HealthCall down = await().atMost(OUTAGE_NOTICED).until(this::health,
                h -> h.status() == 503 && "DOWN".equals(h.overall()));
        assertEquals(down.body().toString(), "DOWN", down.body().at("/checks/store/status").asText());
        String detail = down.body().at("/checks/store/detail").asText();
        // a query cut off, or one waiting for a connection the pool cannot open; no host: the answer needs no login
        assertTrue(down.body().toString(), detail.matches("no answer within \\d+ ms|unreachable: \\w+"));
        assertEquals("the dispatcher itself still runs", "UP", down.body().at("/checks/dispatcher/status").asText());

        relay.on();
        HealthCall again = await().atMost(RECOVERED).until(this::health,
                h -> h.status() == 200 && "UP".equals(h.overall()));
        assertEquals(again.body().toString(), "UP", again.body().at("/checks/store/status").asText());
    }

    /** Flyway's successful migrations in the schema, asked of the server directly (not through the relay). */
    private long migrations() throws Exception {
        return PostgreSql.count(context, SCHEMA, "SELECT COUNT(*) FROM tidings_schema_history WHERE success");
    }
}

package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Test;

/**
 * The production store in a real Karaf: with the tidings-postgresql feature and the store's
 * configuration pointed at the PostgreSQL server (127.0.0.1:5432, database test, a schema of its
 * own), the running engine moves over without a restart, migrates the schema and keeps events and
 * messages there.
 */
public class PostgreSqlStoreIT extends TidingsTestSupport {

    private static final String SCHEMA = "tidings_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-postgresql"};
    }

    @After
    public void dropSchema() throws Exception {
        PostgreSql.execute(context, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    public void theRunningEngineMovesToPostgreSqlAndKeepsItsMessagesThere() throws Exception {
        PostgreSql.execute(context, "CREATE SCHEMA " + SCHEMA);
        PostgreSql.useForStore(configurationAdmin, 5432, SCHEMA);

        // the schema is migrated as soon as the store comes up on PostgreSQL
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM tidings_schema_history WHERE success") >= 6);
        Api api = Api.admin();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/templates").status() == 200);
        // the store's audit trail comes back a moment after its templates: a change needs both
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/audit?limit=1").status() == 200);
        String id = api.sendThroughNewRule("pg-ready", "order.pg_ready", "{'key':'pg-ready','name':'Ready','medium':'EMAIL',"
                + "'defaultLanguage':'da','contents':{'da':{'subject':'Ordre #order.number er klar',"
                + "'text':'Kære #contact_information.name, din ordre er klar – på gensyn!'}}}", "{'id':'pg-evt-1',"
                + "'type':'order.pg_ready','occurredAt':'2026-11-23T10:00:00+01:00','entity':{'type':'order','id':'77'},"
                + "'data':{'order':{'number':'77'},'contact_information':{'name':'Søren Ærø','email':'soren@example.dk',"
                + "'preferred_language':'da','consent':{'email':true}}}}");

        // the record is in PostgreSQL, in its own schema, in Danish
        try (Connection c = postgres(SCHEMA).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, subject FROM tidings_communication WHERE id = '" + id + "'")) {
            assertTrue(rs.next());
            assertEquals("SENT", rs.getString(1));
            assertEquals("Ordre 77 er klar", rs.getString(2));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM tidings_event WHERE id = 'pg-evt-1'"));
        // on PostgreSQL the store watches the queue table's dead rows and vacuums it when autovacuum is off
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && "tidings-store-vacuum".equals(t.getName())));
    }

    private long count(String sql) throws Exception {
        return PostgreSql.count(context, SCHEMA, sql);
    }

    private DataSource postgres(String schema) throws Exception {
        return PostgreSql.dataSource(context, 5432, schema);
    }
}

package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.osgi.framework.ServiceReference;

/**
 * The store on the operator's data source: pax-jdbc-config makes a DataSource of
 * etc/org.ops4j.datasource-tidings.cfg (H2 through the DataSourceFactory H2 registers itself), and
 * the store's dataSource.target selects it instead of opening a pool of its own. The schema is
 * migrated there, and an event posted over HTTP is stored in it and sent from it.
 */
public class PaxJdbcStoreIT extends TidingsTestSupport {

    private static final String DATA_SOURCE = "(osgi.jndi.service.name=tidings)";

    @Override
    protected Option[] options() {
        String pax = "etc/org.ops4j.datasource-tidings.cfg";
        return new Option[] {
                KarafDistributionOption.features(maven("org.ops4j.pax.jdbc", "pax-jdbc-features", "1.5.7").classifier("features").type("xml"),
                        "pax-jdbc-config"),
                editConfigurationFilePut(pax, "osgi.jdbc.driver.class", "org.h2.Driver"),
                editConfigurationFilePut(pax, "dataSourceName", "tidings"),
                // a database the store's own pool would never open: only the data source reaches it
                editConfigurationFilePut(pax, "url", "jdbc:h2:mem:tidings-pax;DB_CLOSE_DELAY=-1"),
                editConfigurationFilePut(pax, "user", "sa"),
                editConfigurationFilePut("etc/io.tidings.store.cfg", "dataSource.target", DATA_SOURCE)};
    }

    @Test
    public void anEventIsStoredInAndSentFromThePaxJdbcDataSource() throws Exception {
        // migrated in the data source (Flyway quotes its history table's name, which H2 keeps in lower case)
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT COUNT(*) FROM \"tidings_schema_history\" WHERE \"success\"") >= 8);
        Api api = Api.admin();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/templates").status() == 200);
        String id = api.sendThroughNewRule("pax-ready", "order.pax_ready", "{'key':'pax-ready','name':'Ready',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                + "'text':'Вітаємо, #contact_information.name!'}}}", "{'id':'pax-evt-1','type':'order.pax_ready',"
                + "'occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order','id':'88'},'data':{"
                + "'order':{'number':'88'},'contact_information':{'name':'Олена','email':'olena@example.com',"
                + "'preferred_language':'uk','consent':{'email':true}}}}");

        try (Connection c = dataSource().orElseThrow().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, subject FROM tidings_communication WHERE id = '" + id + "'")) {
            assertTrue("the communication is in the pax-jdbc data source", rs.next());
            assertEquals("SENT", rs.getString(1));
            assertEquals("Замовлення 88 готове", rs.getString(2));
        }
        assertEquals(1, count("SELECT COUNT(*) FROM tidings_event WHERE id = 'pax-evt-1'"));
    }

    @Test
    public void theRepositoriesAreServicesWhosePropertiesCarryNoSecrets() throws Exception {
        List<String> repositories = List.of("io.tidings.core.store.OutboxRepository",
                "io.tidings.core.store.CommunicationRecord", "io.tidings.core.store.TemplateRepository",
                "io.tidings.core.store.RuleRepository", "io.tidings.core.store.LocationRepository",
                "io.tidings.core.store.ConsentRepository", "io.tidings.core.store.EngagementRepository",
                "io.tidings.api.queue.ExternalOutbox", "io.tidings.core.store.SettingsRepository");
        await().atMost(Duration.ofSeconds(60)).until(() -> repositories.stream().allMatch(r -> registered(r) == 1));
        for (String repository : repositories) {
            ServiceReference<?> ref = context.getServiceReference(repository);
            assertEquals("H2", ref.getProperty("tidings.store.database"));
            for (String key : ref.getPropertyKeys()) {
                assertFalse(repository + " publishes " + key, key.contains("password") || key.contains("url")
                        || key.contains("user"));
            }
        }
    }

    private int registered(String repository) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(repository, null);
            return refs == null ? 0 : refs.length;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) throws Exception {
        Optional<DataSource> dataSource = dataSource();
        if (dataSource.isEmpty()) {
            return 0; // pax-jdbc-config has not registered it yet
        }
        try (Connection c = dataSource.get().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // not migrated yet
        }
    }

    /** The data source pax-jdbc-config registered, as the store gets it. */
    private Optional<DataSource> dataSource() throws Exception {
        return context.getServiceReferences(DataSource.class, DATA_SOURCE).stream().findFirst()
                .map(ref -> context.getService(ref));
    }
}

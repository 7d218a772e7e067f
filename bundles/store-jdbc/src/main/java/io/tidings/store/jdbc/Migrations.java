package io.tidings.store.jdbc;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

import io.tidings.store.jdbc.migration.V10__Claim_index_and_autovacuum;
import io.tidings.store.jdbc.migration.V27__Queue_table_fill_factor;

/**
 * Versioned schema migrations with Flyway. The scripts are listed here rather than found by
 * scanning: Flyway's class-path scanning does not see inside OSGi bundles reliably.
 */
public final class Migrations {

    private static final String FOLDER = "io/tidings/store/jdbc/migration/";
    /** Every migration, oldest first; a new one is added at the end and never edited once released. */
    static final List<String> SCRIPTS = List.of("V1__queue_templates_rules.sql",
            "V2__reminders_locations_opt_outs.sql", "V3__opt_ins_link_responses_settings.sql",
            "V4__rule_channel.sql", "V5__template_attachments.sql",
            "V6__email_engagement.sql",
            "V7__external_outbox.sql", "V8__retention.sql", "V9__lease_owner_hand_over.sql",
            "V12__api_keys_audit.sql", "V13__suppression_list.sql", "V14__notification_runs.sql",
            "V15__rule_frequency_cap.sql", "V16__soft_bounces.sql", "V17__webhooks.sql", "V18__digests.sql",
            "V19__reply_to.sql", "V20__location_closed_dates.sql", "V21__units.sql",
            "V22__communication_log.sql", "V23__communication_contact_id.sql", "V24__medium_names.sql",
            "V26__template_version_author.sql");

    /** Migrations whose statements differ between databases, in Java; their versions continue the scripts. */
    static final List<JavaMigration> JAVA = List.of(new V10__Claim_index_and_autovacuum(),
            new V27__Queue_table_fill_factor());

    private Migrations() {
    }

    /** Brings the schema to the newest version. @return the number of migrations applied */
    public static int migrate(DataSource dataSource) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Flyway finds its database support through ServiceLoader on its own class loader
        Thread.currentThread().setContextClassLoader(Flyway.class.getClassLoader());
        try {
            MigrateResult result = Flyway.configure(Flyway.class.getClassLoader())
                    .dataSource(dataSource)
                    .table("tidings_schema_history")
                    .resourceProvider(new ListedScripts())
                    .javaMigrationClassProvider(java.util.List::of)
                    .javaMigrations(JAVA.toArray(new JavaMigration[0]))
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static final class ListedScripts implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            for (String script : SCRIPTS) {
                if (script.equals(name) || (FOLDER + script).equals(name)) {
                    return new Script(script);
                }
            }
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> found = new ArrayList<>();
            for (String script : SCRIPTS) {
                if (!script.startsWith(prefix)) {
                    continue;
                }
                for (String suffix : suffixes) {
                    if (script.endsWith(suffix)) {
                        found.add(new Script(script));
                        break;
                    }
                }
            }
            return found;
        }
    }

    private static final class Script extends LoadableResource {
        private final String filename;

        Script(String filename) {
            this.filename = filename;
        }

        @Override
        public Reader read() {
            InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + filename);
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + FOLDER + filename);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + filename;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return null;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}

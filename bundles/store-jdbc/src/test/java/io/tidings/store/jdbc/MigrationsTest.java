package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Schema migrations and dialect detection on every database the store supports. */
public class MigrationsTest extends RepositoryContract {

    @Test
    public void migrationsAreRecordedAndIdempotent() {
        assertEquals(0, Migrations.migrate(dataSource()));
    }

    @Test
    public void theDialectOfAnOperatorsDataSourceIsReadFromItsConnection() throws Exception {
        assertEquals(dialect().getClass(), Dialect.of(dataSource()).getClass());
    }
}

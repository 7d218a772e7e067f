package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/** A transaction the database aborts for a conflict runs again; any other failure does not. */
public class TransactionsTest {

    private final Transactions tx = new Transactions(h2(), new Dialect.H2(), Clock.systemUTC());

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:transactions-test;DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    public void aDeadlockedTransactionRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        String result = tx.transactionRetryingConflicts(c -> {
            if (runs.incrementAndGet() < 3) {
                throw new SQLException("Deadlock detected", "40001");
            }
            return "claimed";
        });
        assertEquals("claimed", result);
        assertEquals(3, runs.get());
    }

    @Test
    public void anotherFailureIsThrownAtOnceAndAConflictAfterThreeRuns() {
        AtomicInteger runs = new AtomicInteger();
        try {
            tx.transactionRetryingConflicts(c -> {
                runs.incrementAndGet();
                throw new SQLException("duplicate key", "23505");
            });
            fail("a unique violation was retried or swallowed");
        } catch (StoreException e) {
            assertEquals(1, runs.get());
        }
        runs.set(0);
        try {
            tx.transactionRetryingConflicts(c -> {
                runs.incrementAndGet();
                throw new SQLException("could not serialize access", "40001");
            });
            fail("a lasting conflict was swallowed");
        } catch (StoreException e) {
            assertEquals(3, runs.get());
        }
    }
}

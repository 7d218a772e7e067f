package io.tidings.core.support;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * Ids of new communications: time-ordered UUIDs (version 7, RFC 9562, from java-uuid-generator) in
 * the usual 36-character form. A new row's id sorts after those written before it, so the store's
 * primary-key index grows at its end: each commit rewrites the index page at the end instead of one
 * page per new row scattered through the whole index (H2 writes every changed page at each commit;
 * PostgreSQL keeps the end of a B-tree in its cache). 74 random bits per id keep two nodes apart and
 * ids unguessable; the millisecond they carry is when the row was planned, not a secret.
 */
public final class CommunicationIds {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private CommunicationIds() {
    }

    /** A new communication id. */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}

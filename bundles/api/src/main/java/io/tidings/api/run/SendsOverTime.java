package io.tidings.api.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A run's sends over time: how many of its communications went out in each bucket, from the bucket
 * of its first send to that of its last, empty buckets included.
 *
 * @param from   the start of the first bucket (a multiple of {@code bucket} since the epoch)
 * @param bucket the width of every bucket, chosen by {@link #bucketFor} from the run's span
 * @param sends  the number sent in each bucket, oldest first; empty when nothing was sent yet
 */
public record SendsOverTime(Instant from, Duration bucket, List<Long> sends) {

    /** The widths a bucket may have, narrowest first. */
    public static final List<Duration> BUCKETS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));

    /** At most this many buckets, unless even the widest bucket needs more. */
    public static final int MAX_BUCKETS = 48;

    public SendsOverTime {
        sends = List.copyOf(sends);
    }

    /** The narrowest bucket that shows a span in at most {@link #MAX_BUCKETS} bars, hours where they fit. */
    public static Duration bucketFor(Duration span) {
        for (Duration bucket : BUCKETS) {
            if (span.toMillis() / bucket.toMillis() < MAX_BUCKETS) {
                return bucket;
            }
        }
        return BUCKETS.get(BUCKETS.size() - 1);
    }

    /** The start of bucket {@code i}. */
    public Instant start(int i) {
        return from.plus(bucket.multipliedBy(i));
    }

    public long total() {
        return sends.stream().mapToLong(Long::longValue).sum();
    }
}

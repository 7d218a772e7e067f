package io.tidings.api.rule;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A message before a time of the entity: {@code before} that time ({@code PT2H}), or at a local
 * time {@code daysBefore} days before it ("13:00 the day before", the default when no
 * {@code before} is given). The local time is the event location's, else the field's own offset.
 *
 * @param field the time field, {@code <entity>.<field>} of the event data, e.g. {@code booking.start_at}
 */
public record Reminder(String field, Duration before, Integer daysBefore, LocalTime at) {

    public static final LocalTime DEFAULT_AT = LocalTime.of(13, 0);

    public Reminder {
        if (before == null) {
            daysBefore = daysBefore == null ? 1 : daysBefore;
            at = at == null ? DEFAULT_AT : at;
        }
    }

    /** True for "N before the time"; false for "at a local time N days before". */
    public boolean isOffset() {
        return before != null;
    }
}

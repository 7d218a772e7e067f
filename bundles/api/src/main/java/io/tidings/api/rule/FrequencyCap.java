package io.tidings.api.rule;

import java.time.Duration;

import io.tidings.api.ValidationException;

/**
 * At most {@code max} messages to one contact per {@code per}: on a rule, its own messages; as a
 * default of a purpose, the messages of every rule of that purpose. A message over the cap is
 * SUPPRESSED with the reason {@link #reason()}.
 *
 * @param max at least 1
 * @param per at least a minute
 */
public record FrequencyCap(int max, Duration per) {

    public FrequencyCap {
        if (max < 1) {
            throw new ValidationException("frequencyCap.max", "must be at least 1, was " + max);
        }
        if (per == null || per.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ValidationException("frequencyCap.per", "must be an ISO-8601 duration of at least a minute "
                    + "such as PT1H, P1D or P7D, was " + (per == null ? "nothing" : per));
        }
    }

    /**
     * A cap as an administrator writes it: {@code 2/P1D}.
     *
     * @param field the field named when the text cannot be read
     */
    public static FrequencyCap parse(String text, String field) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new ValidationException(field, "must be written max/period such as 2/P1D, was '" + text + "'");
        }
        try {
            return new FrequencyCap(Integer.parseInt(text.substring(0, slash).trim()),
                    Duration.parse(text.substring(slash + 1).trim()));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new ValidationException(field, "must be written max/period such as 2/P1D, was '" + text + "'");
        } catch (ValidationException e) {
            throw new ValidationException(field, e.reason());
        }
    }

    /** The reason a message over the cap is SUPPRESSED with: {@code frequency cap: 2 per P1D}. */
    public String reason() {
        return "frequency cap: " + max + " per " + period();
    }

    /** The period as an administrator writes it: whole days as {@code P1D}, else {@code PT12H}, {@code PT30M}. */
    public String period() {
        long seconds = per.getSeconds();
        return per.getNano() == 0 && seconds % 86_400 == 0 ? "P" + seconds / 86_400 + "D" : per.toString();
    }
}

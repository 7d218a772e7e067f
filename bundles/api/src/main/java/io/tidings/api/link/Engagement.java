package io.tidings.api.link;

import java.time.Instant;

/**
 * Whether a tracked email was opened (its tracking image loaded) and its links clicked.
 *
 * @param communicationId the email
 * @param firstOpenedAt   null when never opened (or images were blocked)
 * @param opens           how many times the image was loaded
 * @param firstClickedAt  null when no tracked link was clicked
 * @param clicks          how many tracked clicks
 */
public record Engagement(String communicationId, Instant firstOpenedAt, int opens, Instant firstClickedAt, int clicks) {
}

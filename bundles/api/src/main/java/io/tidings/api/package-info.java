/**
 * Tidings public API. Partners build against these packages only.
 *
 * <p>2.0.0: {@link io.tidings.api.Medium} is a value class (a name any channel may declare) instead of
 * the enum of {@code EMAIL} and {@code SMS}; {@link io.tidings.api.ContentKind} says what its templates
 * hold. Code that used {@code Medium.values()}, {@code switch} over a medium or {@code EnumSet}/{@code
 * EnumMap} of it must be changed; {@code name()}, {@code valueOf} and {@code ==} on the constants work.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api;

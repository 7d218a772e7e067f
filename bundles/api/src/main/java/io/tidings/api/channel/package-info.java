/**
 * Tidings public API — channel. Partners build against these packages only.
 *
 * <p>2.0.0 removed {@code ChannelSummary.of} (the engine's {@link io.tidings.api.channel.ChannelDirectory}
 * lists channels now) and the {@code ChannelRoute} property type: channel bundles built against 1.x
 * must be rebuilt to resolve.
 *
 * <p>2.2.0 adds {@link io.tidings.api.channel.Channel#CONTENT}, {@link io.tidings.api.channel.DeclaredMedium}
 * {@link io.tidings.api.channel.ChannelDirectory#media()}, {@code kind} and {@code maxLength}: a channel may declare a
 * medium of its own, its content kind and its length rule ({@link io.tidings.api.channel.Channel#MAX_LENGTH});
 * {@link io.tidings.api.channel.ChannelNames} (a channel's name from its configuration file) and
 * {@link io.tidings.api.channel.RetryAfter} (an HTTP provider's wait), which every channel bundle used to
 * write again.
 */
@org.osgi.annotation.versioning.Version("2.2.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.channel;

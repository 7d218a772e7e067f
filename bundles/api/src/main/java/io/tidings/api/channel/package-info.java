/**
 * Tidings public API — channel. Partners build against these packages only.
 *
 * <p>2.0.0 removed {@code ChannelSummary.of} (the engine's {@link io.tidings.api.channel.ChannelDirectory}
 * lists channels now) and the {@code ChannelRoute} property type: channel bundles built against 1.x
 * must be rebuilt to resolve.
 */
@org.osgi.annotation.versioning.Version("2.2.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.channel;

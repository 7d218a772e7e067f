/**
 * What the engine takes from other bundles while it prepares a message: render data and message
 * decorations, as whiteboard services (several at once, coming and going at runtime). The links
 * bundle is one such contributor; a partner bundle can be another.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.core.spi;

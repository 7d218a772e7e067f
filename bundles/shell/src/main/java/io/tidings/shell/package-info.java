/**
 * Karaf shell commands ({@code tidings:*}). Private: the header tells Karaf's command extender to
 * scan this package for {@code @Service} actions.
 */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.tidings.shell")
package io.tidings.shell;

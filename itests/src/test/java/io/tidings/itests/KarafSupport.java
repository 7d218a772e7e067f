package io.tidings.itests;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;

/**
 * The container options of {@link TidingsTestSupport} for an IT written before it, so that such a
 * test still runs as it was written. To move it over: extend {@code TidingsTestSupport}, drop the
 * {@code @RunWith}, {@code @ExamReactorStrategy}, {@code @Configuration}, {@code @ProbeBuilder} and
 * the injected Karaf services, and override {@code features()} with the features it installs.
 *
 * @deprecated extend {@link TidingsTestSupport}
 */
@Deprecated
final class KarafSupport {

    static final String HTTP_PORT_PROPERTY = TidingsTestSupport.HTTP_PORT_PROPERTY;

    private KarafSupport() {
    }

    static MavenArtifactUrlReference stockKaraf() {
        return TidingsTestSupport.stockKaraf();
    }

    static Option[] karaf(MavenArtifactUrlReference distribution, String... tidingsFeatures) {
        return TidingsTestSupport.karaf(distribution, tidingsFeatures);
    }

    static int freePort() {
        return TidingsTestSupport.freePort();
    }

    /** Runs a command in the container's shell as the administrator would. */
    static String shell(SessionFactory sessions, String command) throws Exception {
        return TidingsTestSupport.execute(sessions, command);
    }
}

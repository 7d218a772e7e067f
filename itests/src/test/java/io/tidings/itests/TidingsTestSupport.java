package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.tidings.api.channel.Channel;

/**
 * What every Pax Exam test of Tidings shares, so that an IT class holds only its scenarios: one
 * stock Karaf 4.4 per class with Tidings installed from its features repository as an operator
 * would (feature:repo-add, feature:install), its ports moved off the defaults so a running
 * distribution does not collide, the probe, the REST API with the demo credentials, the shell,
 * Awaitility's defaults and the waits the tests have in common.
 *
 * <p>An IT extends this class and says what it needs beyond {@code tidings} by overriding
 * {@link #features()}, {@link #distribution()} or {@link #options()}:
 *
 * <pre>
 * public class SmsChannelsIT extends TidingsTestSupport {
 *
 *     &#64;Override
 *     protected String[] features() {
 *         return new String[] {"tidings", "tidings-channel-smpp"};
 *     }
 *
 *     &#64;Test
 *     public void aUkrainianSmsArrivesAsUcs2AndIsDelivered() throws Exception {
 *         String id = post(unique("U"), "uk");
 *         awaitStatus(id, Duration.ofSeconds(120), "DELIVERED");
 *         ...
 * </pre>
 *
 * <p>Karaf's own
 * {@code KarafTestSupport} is not used: its rule reruns a failed test once, its configuration
 * would have to be replaced whole (users, listening address, JDK 17 options) and it polls with
 * {@code Thread.sleep}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class TidingsTestSupport {

    /** The container's HTTP port, set as a system property in the container. */
    static final String HTTP_PORT_PROPERTY = "tidings.itest.http.port";

    /** Failsafe's system properties with this prefix are passed on to the container. */
    static final String FORWARDED_PREFIX = "tidings.itest.";

    /** The demo administrator of {@code etc/users.properties}, as the README has it. */
    static final String ADMIN = "karaf";
    static final String ADMIN_PASSWORD = "karaf";

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** The tests start once the boot features are installed. */
    @Inject
    protected BootFinished bootFinished;

    // ---- what an IT may override

    /** The Karaf distribution to run: a stock Karaf unless overridden. */
    protected MavenArtifactUrlReference distribution() {
        return stockKaraf();
    }

    /**
     * The Tidings features installed at boot from the features repository; none adds no repository.
     * By default the engine with the devbox, which keeps what a test sends where no other channel serves.
     */
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox"};
    }

    /** Options beyond the shared ones, e.g. a bundle the test runs in the container. */
    protected Option[] options() {
        return new Option[0];
    }

    // ---- the container

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(karaf(distribution(), features())));
        options.addAll(Arrays.asList(options()));
        return options.toArray(new Option[0]);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    /** Awaitility's defaults for the waits that name no timeout of their own. */
    @Before
    public void awaitilityDefaults() throws InterruptedException {
        awaitTestLibraries();
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    /**
     * Waits (at most 60 s) until the probe can load Awaitility. Once in CI every test of a class failed
     * with "org.awaitility.Awaitility not found by PAXEXAM-PROBE" right after BootFinished: the probe
     * reaches its test libraries by dynamic import, which fails while the framework is still refreshing
     * the bundles that export them. Felix retries a dynamic import on each load, so the test waits for
     * the wiring to settle instead of failing on a container that is a moment from ready.
     */
    private void awaitTestLibraries() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int tries = 1; ; tries++) {
            try {
                context.getBundle().loadClass("org.awaitility.Awaitility");
                if (tries > 1) {
                    System.out.println("The probe saw Awaitility after " + tries + " tries");
                }
                return;
            } catch (ClassNotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The test probe cannot load Awaitility: " + e.getMessage(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    static MavenArtifactUrlReference stockKaraf() {
        return maven().groupId("org.apache.karaf").artifactId("apache-karaf").type("tar.gz")
                .version(System.getProperty("karaf.version"));
    }

    static MavenArtifactUrlReference tidingsDistribution() {
        return maven().groupId("io.tidings").artifactId("tidings-karaf-distribution").type("tar.gz")
                .version(System.getProperty("tidings.version"));
    }

    static MavenArtifactUrlReference tidingsFeatures() {
        return maven().groupId("io.tidings").artifactId("tidings-features").classifier("features").type("xml")
                .version(System.getProperty("tidings.version"));
    }

    /** The shared options: a distribution with the given Tidings features installed at boot. */
    static Option[] karaf(MavenArtifactUrlReference distribution, String... tidingsFeatures) {
        int http = freePort();
        String karafVersion = System.getProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(distribution).name("Apache Karaf")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                systemTimeout(120_000),
                systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(http)),
                // the container installs bundles from the local repository at the version under test
                systemProperty("tidings.version").value(System.getProperty("tidings.version")),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/users.properties", ADMIN, ADMIN_PASSWORD + ",admin,manager,viewer,systembundles,ssh"),
                // the demo users of the distribution, one per Tidings role; viewer keeps Karaf's own viewer role
                editConfigurationFilePut("etc/users.properties", "viewer", "viewer,viewer,tidings-viewer"),
                editConfigurationFilePut("etc/users.properties", "ingest", "ingest,tidings-ingest"),
                editConfigurationFilePut("etc/users.properties", "editor", "editor,tidings-editor"),
                mavenBundle().groupId("org.awaitility").artifactId("awaitility").version(System.getProperty("awaitility.version")),
                mavenBundle().groupId("org.hamcrest").artifactId("hamcrest").version("2.2"),
                // what Karaf's own start script adds on JDK 9+
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"),
                new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                new VMOption("--patch-module"),
                new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"),
                new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        for (Map.Entry<Object, Object> property : System.getProperties().entrySet()) {
            String name = property.getKey().toString();
            if (name.startsWith(FORWARDED_PREFIX) && !name.equals(HTTP_PORT_PROPERTY)) {
                options.add(systemProperty(name).value(property.getValue().toString()));
            }
        }
        if (tidingsFeatures.length > 0) {
            options.add(KarafDistributionOption.features(tidingsFeatures(), tidingsFeatures));
        }
        return options.toArray(new Option[0]);
    }

    /** Every port {@link #freePort} gave out in this JVM. */
    private static final java.util.Set<Integer> GIVEN_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now that this JVM has not given out before. The system hands a just-closed port out
     * again readily (about one in four of 5,000 calls here), and one container's HTTP, RMI and SSH
     * ports are chosen one after the other: two of them the same, and Karaf's RMI server takes the HTTP
     * port before Jetty does, so every API call ends in "EOF reached while reading" (BounceIT, once).
     */
    static int freePort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that was not given out before");
    }

    // ---- HTTP

    /** The container's HTTP port (in the container only). */
    protected static int httpPort() {
        return Integer.getInteger(HTTP_PORT_PROPERTY);
    }

    /** An address on the container's HTTP port, e.g. {@code httpUrl("/tidings/links/")}. */
    protected static String httpUrl(String path) {
        return "http://127.0.0.1:" + httpPort() + path;
    }

    /** The REST API as the demo administrator calls it. */
    protected Api api() {
        return Api.admin();
    }

    /** The REST API as someone else calls it; no credentials when the user is null. */
    protected Api api(String user, String password) {
        return new Api(httpPort(), user, password);
    }

    /** Answers a request of a servlet the test registers on Karaf's HTTP service. */
    @FunctionalInterface
    protected interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    /** Serves {@code pattern} (e.g. {@code /fake-gateway/*}) on Karaf's HTTP port until unregistered. */
    protected ServiceRegistration<Servlet> serve(String pattern, Handler handler) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", pattern);
        return context.registerService(Servlet.class, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                handler.handle(req, resp);
            }
        }, props);
    }

    // ---- the shell

    /**
     * Runs a command in the container's shell as the administrator would, and answers what it
     * printed; a failing command throws what it threw.
     */
    protected String executeCommand(String command) throws Exception {
        return execute(sessionFactory, command);
    }

    /**
     * Runs a command in the container's shell as a user with these roles would (the command ACLs of
     * {@code etc/} apply), and answers what it printed; a refused or failing command throws.
     */
    protected String executeCommandAs(String user, List<String> roles, String command) throws Exception {
        return execute(sessionFactory, user, roles, command);
    }

    static String execute(SessionFactory sessions, String command) throws Exception {
        return execute(sessions, ADMIN, List.of("admin"), command);
    }

    static String execute(SessionFactory sessions, String user, List<String> roles, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        roles.forEach(role -> subject.getPrincipals().add(new RolePrincipal(role)));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---- common waits

    /** Waits until the REST API answers, i.e. the engine and its store are up. */
    protected void awaitApi() {
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/templates").status() == 200);
    }

    /** The features of the ITs that drive the Tidings page of the web console. */
    static final String[] CONSOLE_FEATURES = {"tidings", "tidings-channel-devbox", "tidings-webconsole"};

    /** Waits until the REST API answers and then the console page (e.g. {@code /tidings/rules}) for the user. */
    protected void awaitConsole(String page, String user) {
        awaitApi();
        await().atMost(Duration.ofSeconds(60)).until(() -> WebConsole.get(page, user, user).statusCode() == 200);
    }

    /** Installs a feature as an operator would and checks it is installed. */
    protected void installFeature(String name) throws Exception {
        featuresService.installFeature(name);
        assertTrue(name + " installed", featuresService.isInstalled(featuresService.getFeature(name)));
    }

    protected void uninstallFeature(String name) throws Exception {
        featuresService.uninstallFeature(name);
    }

    /** The first service of a type matching a filter (null for any), or null when there is none. */
    protected <T> ServiceReference<T> service(Class<T> type, String filter) throws InvalidSyntaxException {
        return context.getServiceReferences(type, filter).stream().findFirst().orElse(null);
    }

    /** Waits until a service of a type matching a filter (null for any) is registered. */
    protected <T> ServiceReference<T> awaitService(Class<T> type, String filter) {
        return await().until(() -> service(type, filter), reference -> reference != null);
    }

    /** The channel registered under a name, or null. */
    protected ServiceReference<Channel> channel(String name) throws InvalidSyntaxException {
        return service(Channel.class, "(" + Channel.NAME + "=" + name + ")");
    }

    /** Whether a channel of that name is registered and says it is available. */
    protected boolean available(String name) throws InvalidSyntaxException {
        ServiceReference<Channel> reference = channel(name);
        Channel channel = reference == null ? null : context.getService(reference);
        try {
            return channel != null && channel.state().available();
        } finally {
            if (channel != null) {
                context.ungetService(reference);
            }
        }
    }

    /** What a channel of that name says of its state, or "" when there is none. */
    protected String state(String name) throws InvalidSyntaxException {
        ServiceReference<Channel> reference = channel(name);
        Channel channel = reference == null ? null : context.getService(reference);
        try {
            return channel == null ? "" : channel.state().detail();
        } finally {
            if (channel != null) {
                context.ungetService(reference);
            }
        }
    }

    /** The bundle of a symbolic name; fails the test when it is not installed. */
    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** The status of a communication as the REST API reports it. */
    protected String status(String communicationId) {
        return api().get("/communications/" + communicationId).body().get("status").asText();
    }

    /** Waits until a communication reaches one of the statuses. */
    protected void awaitStatus(String communicationId, Duration atMost, String... statuses) {
        List<String> wanted = List.of(statuses);
        await().atMost(atMost).until(() -> wanted.contains(status(communicationId)));
    }

    /** Turns the devbox (the channel of last resort) on or off through its configuration. */
    protected void setDevbox(boolean enabled) throws IOException {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("io.tidings.channel.devbox", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("enabled", enabled);
        config.update(props);
    }

    /** A name no other test uses, e.g. {@code unique("order")}. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

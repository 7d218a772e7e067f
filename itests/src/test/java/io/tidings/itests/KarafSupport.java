package io.tidings.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * Pax Exam options for a stock Karaf 4.4 on JDK 17 with Tidings installed from its feature
 * repository, as an operator would with feature:repo-add and feature:install. Ports are moved off
 * the defaults so a running distribution does not collide with the tests.
 */
final class KarafSupport {

    static final String HTTP_PORT_PROPERTY = "tidings.itest.http.port";

    private KarafSupport() {
    }

    static MavenArtifactUrlReference stockKaraf() {
        return maven().groupId("org.apache.karaf").artifactId("apache-karaf").type("tar.gz")
                .version(System.getProperty("karaf.version"));
    }

    static MavenArtifactUrlReference tidingsFeatures() {
        return maven().groupId("io.tidings").artifactId("tidings-features").classifier("features").type("xml")
                .version(System.getProperty("tidings.version"));
    }

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
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/users.properties", "karaf", "karaf,admin,manager,viewer,systembundles,ssh"),
                editConfigurationFilePut("etc/users.properties", "viewer", "viewer,viewer"),
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
        if (tidingsFeatures.length > 0) {
            options.add(features(tidingsFeatures(), tidingsFeatures));
        }
        return options.toArray(new Option[0]);
    }

    /** Runs a command in the container's shell as an administrator would, and answers what it printed. */
    static String shell(org.apache.karaf.shell.api.console.SessionFactory sessions, String command) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = sessions.create(
                new java.io.ByteArrayInputStream(new byte[0]), out, out);
        javax.security.auth.Subject admin = new javax.security.auth.Subject();
        admin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("karaf"));
        admin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal("admin"));
        try {
            javax.security.auth.Subject.doAs(admin,
                    (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Answers a request of a servlet the test registers on Karaf's HTTP service. */
    @FunctionalInterface
    interface Handler {
        void handle(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response)
                throws java.io.IOException;
    }

    /** Serves {@code pattern} (e.g. {@code /fake-gateway/*}) on Karaf's HTTP port until unregistered. */
    static org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> serve(org.osgi.framework.BundleContext context,
            String pattern, Handler handler) {
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", pattern);
        return context.registerService(javax.servlet.Servlet.class, new javax.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
                    throws java.io.IOException {
                handler.handle(req, resp);
            }
        }, props);
    }
}

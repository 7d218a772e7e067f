package io.tidings.api.channel;

/**
 * The name a channel registers under ({@link Channel#NAME}) when its factory configuration names none:
 * {@code <prefix>-<name>} from the configuration file {@code etc/<factory pid>-<name>.cfg}. The same rule
 * for every channel bundle, so that operators find a channel by its file's name.
 */
public final class ChannelNames {

    private ChannelNames() {
    }

    /**
     * @param configured the configuration's own {@code name}; used as it is (trimmed) when not blank
     * @param servicePid the configuration's {@code service.pid}: {@code <factory pid>~<name>} as Karaf's
     *                   file install writes it, or {@code <factory pid>.<generated id>}
     * @param factoryPid the channel bundle's factory PID, e.g. {@code io.tidings.channel.smtp}
     * @param prefix     what the names of its channels start with, e.g. {@code smtp}
     * @return e.g. {@code smtp-main} for {@code etc/io.tidings.channel.smtp-main.cfg}
     */
    public static String of(String configured, Object servicePid, String factoryPid, String prefix) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String pid = servicePid == null ? "" : servicePid.toString();
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && tilde < pid.length() - 1) {
            return prefix + "-" + pid.substring(tilde + 1);
        }
        if (pid.startsWith(factoryPid + ".") && pid.length() > factoryPid.length() + 1) {
            return prefix + "-" + pid.substring(factoryPid.length() + 1);
        }
        return pid.isEmpty() ? prefix : prefix + "-" + pid;
    }
}

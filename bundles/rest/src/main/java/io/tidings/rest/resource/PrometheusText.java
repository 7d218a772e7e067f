package io.tidings.rest.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: a metric family's HELP and TYPE
 * lines, then its samples, label values escaped. Names are checked, so a typo fails the tests
 * rather than a scraper.
 */
final class PrometheusText {

    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    enum Type {
        COUNTER, GAUGE, HISTOGRAM;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out = new StringBuilder(1024);
    private String family;

    /** Starts a metric family; counters end in {@code _total}, as Prometheus names them. */
    PrometheusText family(String name, Type type, String help) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (type == Type.COUNTER != name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total, a gauge's does not: " + name);
        }
        family = name;
        out.append("# HELP ").append(name).append(' ').append(help(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.word()).append('\n');
        return this;
    }

    /** A sample of the current family; labels in the order given, e.g. {@code labels("channel", c, "medium", m)}. */
    PrometheusText sample(Map<String, String> labels, double value) {
        return sample("", labels, value);
    }

    /**
     * A histogram's buckets ({@code le} added to the labels, {@code +Inf} last), sum and count.
     *
     * @param cumulative how many observations were at most each bound
     */
    PrometheusText histogram(Map<String, String> labels, java.util.List<Double> bounds, java.util.List<Long> cumulative,
            double sum, long count) {
        for (int i = 0; i < bounds.size(); i++) {
            Map<String, String> le = new LinkedHashMap<>(labels);
            le.put("le", value(bounds.get(i)));
            sample("_bucket", le, cumulative.get(i));
        }
        Map<String, String> inf = new LinkedHashMap<>(labels);
        inf.put("le", "+Inf");
        sample("_bucket", inf, count);
        sample("_sum", labels, sum);
        return sample("_count", labels, count);
    }

    private PrometheusText sample(String suffix, Map<String, String> labels, double value) {
        if (family == null) {
            throw new IllegalStateException("a sample belongs to a family: call family() first");
        }
        out.append(family).append(suffix);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!LABEL_NAME.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
                    throw new IllegalArgumentException("not a label name: " + label.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(label.getKey()).append("=\"").append(labelValue(label.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value(value)).append('\n');
        return this;
    }

    PrometheusText sample(double value) {
        return sample(Map.of(), value);
    }

    /** Label pairs in the order given. */
    static Map<String, String> labels(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    String text() {
        return out.toString();
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String labelValue(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A HELP text: backslash and line feed escaped. */
    static String help(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction, the rest as Java writes them; NaN and infinities as Prometheus spells them. */
    static String value(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

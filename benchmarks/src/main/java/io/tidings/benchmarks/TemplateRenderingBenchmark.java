package io.tidings.benchmarks;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.tidings.api.Medium;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.TemplateContent;
import io.tidings.tags.billing.AccountsReceivableTags;
import io.tidings.tags.billing.BillTags;
import io.tidings.tags.billing.PaymentTags;
import io.tidings.tags.crm.ContactInformationTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * A typical email (HTML, 10 tags, a nested one) rendered by Tidings (tags, sandbox, locale
 * formatting, HTML escaping, subject, generated text part) against plain Velocity merging the
 * equivalent {@code $entity.field} template over the same maps. Run with {@code benchmarks/run render}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateRenderingBenchmark {

    static final String HTML = """
            <p>Dear #contact_information.name,</p>
            <p>We would like to inform you that your payment #payment.number of #payment.amount (#payment.method),
            received on #payment.received_on, has been successfully processed.</p>
            <p>Your account #payment.accounts_receivable.number now has a balance of #payment.accounts_receivable.balance
            and an outstanding amount of #payment.accounts_receivable.outstanding_amount.</p>
            <p>Your next bill #bill.number is due on #bill.due_date.</p>
            <p>Regards,<br>AluxSat Co</p>
            """;

    private VelocityTemplateEngine tidings;
    private io.tidings.api.template.Template template;
    private Map<String, Object> data;

    private Template plain;

    @Setup
    public void setUp() {
        tidings = new VelocityTemplateEngine();
        tidings.addTagProvider(new ContactInformationTags());
        tidings.addTagProvider(new PaymentTags());
        tidings.addTagProvider(new AccountsReceivableTags());
        tidings.addTagProvider(new BillTags());
        template = new io.tidings.api.template.Template("payment", "Payment processed", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Payment #payment.number processed", HTML, null)), 1);
        tidings.validate(template);

        data = new LinkedHashMap<>();
        data.put("contact_information", Map.of("name", "Andreas Georgiou", "time_zone", "Asia/Nicosia"));
        data.put("payment", Map.of("number", "PAY-9001", "amount", 50, "method", "Card",
                "received_on", "2026-09-30T11:15:00Z",
                "accounts_receivable", Map.of("number", "AR-000123", "balance", -45.5, "outstanding_amount", 120)));
        data.put("bill", Map.of("number", "B-2026-10-0815", "due_date", "2026-10-15"));

        RuntimeInstance velocity = new RuntimeInstance();
        velocity.init();
        plain = new Template();
        plain.setRuntimeServices(velocity);
        String source = HTML.replace('#', '$');
        try {
            plain.setData(velocity.parse(new StringReader(source), plain));
        } catch (org.apache.velocity.runtime.parser.ParseException e) {
            throw new IllegalStateException(e);
        }
        plain.initDocument();
    }

    @Benchmark
    public RenderedMessage tidings() {
        return tidings.render(template, "en", data);
    }

    @Benchmark
    public String plainVelocity() {
        StringWriter out = new StringWriter(HTML.length() + 256);
        plain.merge(new VelocityContext(new LinkedHashMap<>(data)), out);
        return out.toString();
    }

    /** Runs both and prints the ratio (how many times slower Tidings is than bare Velocity). */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TemplateRenderingBenchmark.class.getName()).build()).run();
        double tidings = 0;
        double plain = 0;
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (label.endsWith(".tidings")) {
                tidings = score;
            } else if (label.endsWith(".plainVelocity")) {
                plain = score;
            }
        }
        System.out.printf("%nTidings render:  %,.0f messages/s%nPlain Velocity:  %,.0f merges/s%n"
                + "Ratio: plain Velocity is %.2f times as fast as a Tidings render%n", tidings, plain, plain / tidings);
    }
}

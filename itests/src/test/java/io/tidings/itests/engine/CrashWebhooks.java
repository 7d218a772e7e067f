package io.tidings.itests.engine;

import java.lang.annotation.Annotation;
import java.util.List;

import io.tidings.core.store.WebhookRepository;
import io.tidings.core.webhook.CoreWebhooks;
import io.tidings.core.webhook.WebhookConfiguration;

/** The webhooks of an {@link EngineProcess}: one of {@code communication.status}, retried after a second. */
final class CrashWebhooks {

    static final String KEY = "crash-host";

    private CrashWebhooks() {
    }

    static CoreWebhooks start(WebhookRepository store, String url) {
        CoreWebhooks webhooks = new CoreWebhooks(store);
        webhooks.configure(new WebhookConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebhookConfiguration.class;
            }

            @Override
            public int retryInitialSeconds() {
                return 1;
            }

            @Override
            public int retryMaxSeconds() {
                return 2;
            }

            @Override
            public int maxAgeSeconds() {
                return 600;
            }

            @Override
            public int timeoutSeconds() {
                return 5;
            }

            @Override
            public int keepDays() {
                return 1;
            }

            @Override
            public int pollMillis() {
                return 200;
            }
        });
        webhooks.save(KEY, url, "crash-secret", List.of("communication.status"));
        return webhooks;
    }
}

package io.tidings.webconsole.page;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.FailedQuery;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;

/** A record of communications in memory, newest first, acting on them as the engine's rules say. */
final class Record {

    final List<Communication> all = new ArrayList<>();

    static Communication message(String id, CommunicationStatus status, String channel, String rule, Instant created) {
        return new Communication(id, "e-" + id, new EntityRef("order", "1001"), rule, "order-ready", 1,
                id.startsWith("sms") ? Medium.SMS : Medium.EMAIL,
                channel, "olena@example.com.ua", "uk", status, status == CommunicationStatus.FAILED ? "550 mailbox"
                        : null, 1, created, created, null, null, "Замовлення", null);
    }

    Record add(Communication c) {
        all.add(c);
        return this;
    }

    private Optional<Communication> find(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private boolean move(String id, List<CommunicationStatus> from, CommunicationStatus to) {
        Optional<Communication> c = find(id).filter(found -> from.contains(found.status()));
        c.ifPresent(found -> all.set(all.indexOf(found), found.withStatus(to, "by an operator")));
        return c.isPresent();
    }

    NotificationService engine() {
        return (NotificationService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NotificationService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "communications" -> {
                        CommunicationQuery q = (CommunicationQuery) args[0];
                        yield all.stream().filter(c -> q.status() == null || c.status() == q.status())
                                .limit(q.limit()).toList();
                    }
                    case "communication" -> find((String) args[0]);
                    case "countByStatus" -> {
                        Map<CommunicationStatus, Long> counts = new EnumMap<>(CommunicationStatus.class);
                        all.forEach(c -> counts.merge(c.status(), 1L, Long::sum));
                        yield counts;
                    }
                    case "cancel" -> move((String) args[0], List.of(CommunicationStatus.SCHEDULED,
                            CommunicationStatus.QUEUED), CommunicationStatus.CANCELLED);
                    case "retry" -> move((String) args[0], List.of(CommunicationStatus.FAILED,
                            CommunicationStatus.QUEUED), CommunicationStatus.QUEUED);
                    case "resend" -> find((String) args[0]).filter(c -> c.status() == CommunicationStatus.SENT)
                            .map(c -> {
                                add(message(c.id() + "-again", CommunicationStatus.QUEUED, c.channel(), c.ruleKey(),
                                        Instant.now()));
                                return c.id() + "-again";
                            });
                    case "retryFailed" -> {
                        FailedQuery q = (FailedQuery) args[0];
                        int n = 0;
                        for (Communication c : List.copyOf(all)) {
                            if (c.status() == CommunicationStatus.FAILED && (q.channel() == null
                                    || q.channel().equals(c.channel())) && (q.rule() == null
                                    || q.rule().equals(c.ruleKey()))) {
                                move(c.id(), List.of(CommunicationStatus.FAILED), CommunicationStatus.QUEUED);
                                n++;
                            }
                        }
                        yield n;
                    }
                    case "outcomesByChannel" -> {
                        Map<String, long[]> counts = new java.util.TreeMap<>();
                        for (Communication c : all) {
                            if (c.channel() != null && List.of(CommunicationStatus.SENT, CommunicationStatus.DELIVERED,
                                    CommunicationStatus.BOUNCED).contains(c.status())) {
                                long[] n = counts.computeIfAbsent(c.channel(), k -> new long[2]);
                                n[0]++;
                                n[1] += c.status() == CommunicationStatus.BOUNCED ? 1 : 0;
                            }
                        }
                        yield counts.entrySet().stream().map(e -> new io.tidings.api.channel.ChannelOutcomes(e.getKey(),
                                e.getValue()[0], e.getValue()[1], 0)).toList();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
